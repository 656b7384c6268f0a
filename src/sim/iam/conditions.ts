// The Condition element: operators, IfExists, set qualifiers and the missing-key rules.
// Logic (IAM's documented rules, in short): values listed for one key are OR'd (NOR for negated
// operators), keys and operators are AND'd; a key absent from the request makes a positive operator
// false and a negated one true, except `...IfExists` (absent → true) and `Null` (tests presence).
// `ForAllValues:` is true for an absent or empty key; `ForAnyValue:` is false then.
import { matchesGlob, substituteVariables, type RequestContext } from './match.js';
import type { ConditionClause, PolicyVersion } from './policy.js';

type Compare = (contextValue: string, policyValue: string) => boolean;

interface OperatorRule {
  readonly compare: Compare;
  readonly isNegated: boolean;
  /** Whether `${...}` in the policy values is resolved for this operator. */
  readonly hasVariables: boolean;
}

const stringEquals: Compare = (context, policy) => context === policy;
const stringEqualsIgnoreCase: Compare = (context, policy) => context.toLowerCase() === policy.toLowerCase();
const stringLike: Compare = (context, policy) => matchesGlob(policy, context);

function toNumber(text: string): number | undefined {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Dates are ISO 8601 text or epoch seconds (`aws:EpochTime` style). */
export function toEpochMs(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1_000;
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : parsed;
}

function compareBy(parse: (text: string) => number | undefined, test: (context: number, policy: number) => boolean): Compare {
  return (context, policy) => {
    const left = parse(context);
    const right = parse(policy);
    return left !== undefined && right !== undefined && test(left, right);
  };
}

/** IPv4 only: `203.0.113.0/24` or a bare address (a /32). IPv6 never matches (see docs/iam.md). */
function ipv4ToNumber(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) return undefined;
  return parts.reduce((sum, part) => sum * 256 + Number(part), 0);
}

const ipInCidr: Compare = (context, policy) => {
  const [base = '', bitsText = '32'] = policy.split('/');
  const address = ipv4ToNumber(context);
  const network = ipv4ToNumber(base);
  const bits = Number(bitsText);
  if (address === undefined || network === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const blockSize = 2 ** (32 - bits);
  return Math.floor(address / blockSize) === Math.floor(network / blockSize);
};

/** ARNs compare segment by segment (`arn:partition:service:region:account:resource`), wildcards allowed in each. */
const arnLike: Compare = (context, policy) => {
  const contextParts = splitArn(context);
  const policyParts = splitArn(policy);
  if (contextParts === undefined || policyParts === undefined) return false;
  return policyParts.every((part, index) => matchesGlob(part, contextParts[index] ?? ''));
};

function splitArn(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

const numeric = (test: (a: number, b: number) => boolean) => compareBy(toNumber, test);
const date = (test: (a: number, b: number) => boolean) => compareBy(toEpochMs, test);
const rule = (compare: Compare, isNegated: boolean, hasVariables: boolean): OperatorRule => ({ compare, isNegated, hasVariables });

const OPERATORS: Readonly<Record<string, OperatorRule>> = {
  StringEquals: rule(stringEquals, false, true),
  StringNotEquals: rule(stringEquals, true, true),
  StringEqualsIgnoreCase: rule(stringEqualsIgnoreCase, false, true),
  StringNotEqualsIgnoreCase: rule(stringEqualsIgnoreCase, true, true),
  StringLike: rule(stringLike, false, true),
  StringNotLike: rule(stringLike, true, true),
  NumericEquals: rule(numeric((a, b) => a === b), false, false),
  NumericNotEquals: rule(numeric((a, b) => a === b), true, false),
  NumericLessThan: rule(numeric((a, b) => a < b), false, false),
  NumericLessThanEquals: rule(numeric((a, b) => a <= b), false, false),
  NumericGreaterThan: rule(numeric((a, b) => a > b), false, false),
  NumericGreaterThanEquals: rule(numeric((a, b) => a >= b), false, false),
  DateEquals: rule(date((a, b) => a === b), false, false),
  DateNotEquals: rule(date((a, b) => a === b), true, false),
  DateLessThan: rule(date((a, b) => a < b), false, false),
  DateLessThanEquals: rule(date((a, b) => a <= b), false, false),
  DateGreaterThan: rule(date((a, b) => a > b), false, false),
  DateGreaterThanEquals: rule(date((a, b) => a >= b), false, false),
  Bool: rule(stringEqualsIgnoreCase, false, true),
  BinaryEquals: rule(stringEquals, false, false),
  IpAddress: rule(ipInCidr, false, false),
  NotIpAddress: rule(ipInCidr, true, false),
  ArnEquals: rule(arnLike, false, true),
  ArnNotEquals: rule(arnLike, true, true),
  ArnLike: rule(arnLike, false, true),
  ArnNotLike: rule(arnLike, true, true),
};

export const CONDITION_OPERATORS: readonly string[] = [...Object.keys(OPERATORS), 'Null'];

export function isKnownConditionOperator(operator: string): boolean {
  return CONDITION_OPERATORS.includes(operator);
}

/** true / false, or `undefined` when a policy variable in the values has no value in the request. */
export function evaluateCondition(clause: ConditionClause, version: PolicyVersion, context: RequestContext): boolean | undefined {
  const contextValues = context.get(clause.key.toLowerCase());
  if (clause.operator === 'Null') {
    const isAbsent = contextValues === undefined || contextValues.length === 0;
    return clause.values.some((value) => (value.toLowerCase() === 'true') === isAbsent);
  }
  const operatorRule = OPERATORS[clause.operator];
  if (operatorRule === undefined) return false; // the parser refuses unknown operators; nothing reaches here
  const policyValues = operatorRule.hasVariables ? resolveValues(clause.values, version, context) : clause.values;
  if (policyValues === undefined) return undefined;
  if (contextValues === undefined || contextValues.length === 0) return absentKeyOutcome(clause, operatorRule);
  const isSatisfiedBy = (contextValue: string) => {
    const isListed = policyValues.some((policyValue) => operatorRule.compare(contextValue, policyValue));
    return operatorRule.isNegated ? !isListed : isListed;
  };
  // Without a qualifier a multi-valued key passes when any of its values passes (see docs/iam.md).
  return clause.qualifier === 'ForAllValues' ? contextValues.every(isSatisfiedBy) : contextValues.some(isSatisfiedBy);
}

function absentKeyOutcome(clause: ConditionClause, operatorRule: OperatorRule): boolean {
  if (clause.isIfExists) return true;
  if (clause.qualifier === 'ForAllValues') return true;
  if (clause.qualifier === 'ForAnyValue') return false;
  return operatorRule.isNegated;
}

function resolveValues(values: readonly string[], version: PolicyVersion, context: RequestContext): readonly string[] | undefined {
  const resolved: string[] = [];
  for (const value of values) {
    const text = substituteVariables(value, version, context);
    if (text === undefined) return undefined;
    resolved.push(text);
  }
  return resolved;
}

/** Every clause must hold (AND); `undefined` when a variable could not be resolved. */
export function evaluateConditions(clauses: readonly ConditionClause[], version: PolicyVersion, context: RequestContext): boolean | undefined {
  let holds = true;
  for (const clause of clauses) {
    const outcome = evaluateCondition(clause, version, context);
    if (outcome === undefined) return undefined;
    if (!outcome) holds = false;
  }
  return holds;
}
