// Readers for the elements inside one statement: Action/Resource lists, Principal and Condition.
// Each reader returns the element in our shape and pushes every problem it finds (with its path in
// the document) into a shared list, so a learner sees all mistakes of a policy at once.
import { isKnownConditionOperator } from './conditions.js';
import type { ConditionClause, ElementMatch, PrincipalElementType, PrincipalMatch, SetQualifier } from './policy.js';

export interface PolicyProblem {
  /** Where in the document: `Statement[1].Effect`, `Version`, or `` for the whole document. */
  readonly path: string;
  readonly message: string;
}

export type Problems = PolicyProblem[];

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Shows a found value the way it was written (strings quoted, objects as JSON). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  return JSON.stringify(value) ?? String(value);
}

/** A string or a non-empty list of strings; anything else is a problem at `path`. */
export function readStringList(value: unknown, path: string, problems: Problems): readonly string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((entry) => typeof entry === 'string')) return value as string[];
  problems.push({ path, message: `expected a string or a non-empty list of strings, found ${describeValue(value)}` });
  return [];
}

function entryPath(path: string, index: number, count: number): string {
  return count === 1 ? path : `${path}[${index}]`;
}

interface PatternElementRule {
  readonly name: 'Action' | 'Resource';
  readonly pattern: RegExp;
  readonly expected: string;
}

/** An action is `*` or `service:pattern`; the service prefix is required (`GetObject` alone is refused). */
const ACTION_RULE: PatternElementRule = { name: 'Action', pattern: /^[a-z0-9-]+:[A-Za-z0-9*?_-]+$/i, expected: '"service:action" such as "s3:GetObject"' };
/** A resource is `*` or an ARN (`arn:partition:service:region:account:rest`, wildcards allowed). */
const RESOURCE_RULE: PatternElementRule = { name: 'Resource', pattern: /^arn:[^:]+:[^:]*:[^:]*:[^:]*:.+$/, expected: 'an ARN such as "arn:aws:s3:::my-bucket/*"' };

/** Action/NotAction or Resource/NotResource: a list of `*` or well-formed patterns. */
function readPatternElement(statement: Record<string, unknown>, rule: PatternElementRule, path: string, problems: Problems, isRequired: boolean): ElementMatch | undefined {
  const element = pickOne(statement, rule.name, `Not${rule.name}`, path, problems, isRequired);
  if (element === undefined) return undefined;
  const patterns = readStringList(element.value, `${path}.${element.name}`, problems);
  patterns.forEach((pattern, index) => {
    if (pattern === '*' || rule.pattern.test(pattern)) return;
    problems.push({ path: entryPath(`${path}.${element.name}`, index, patterns.length), message: `expected ${rule.expected}, or "*", found ${describeValue(pattern)}` });
  });
  return { isNegated: element.name !== rule.name, patterns };
}

export function readActions(statement: Record<string, unknown>, path: string, problems: Problems): ElementMatch | undefined {
  return readPatternElement(statement, ACTION_RULE, path, problems, true);
}

export function readResources(statement: Record<string, unknown>, path: string, problems: Problems, isRequired: boolean): ElementMatch | undefined {
  return readPatternElement(statement, RESOURCE_RULE, path, problems, isRequired);
}

const PRINCIPAL_TYPES: readonly PrincipalElementType[] = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

export function readPrincipal(statement: Record<string, unknown>, path: string, problems: Problems, isRequired: boolean): PrincipalMatch | undefined {
  const element = pickOne(statement, 'Principal', 'NotPrincipal', path, problems, isRequired);
  if (element === undefined) return undefined;
  const isNegated = element.name === 'NotPrincipal';
  const elementPath = `${path}.${element.name}`;
  if (element.value === '*') return { isNegated, isAnyone: true, entries: [] };
  if (!isPlainObject(element.value)) {
    problems.push({ path: elementPath, message: `expected "*" or an object such as {"AWS": "arn:aws:iam::123456789012:root"}, found ${describeValue(element.value)}` });
    return undefined;
  }
  const entries: { type: PrincipalElementType; value: string }[] = [];
  for (const [type, value] of Object.entries(element.value)) {
    if (!(PRINCIPAL_TYPES as readonly string[]).includes(type)) {
      problems.push({ path: `${elementPath}.${type}`, message: `unknown principal type; expected one of ${PRINCIPAL_TYPES.join(', ')}` });
      continue;
    }
    for (const entry of readStringList(value, `${elementPath}.${type}`, problems)) entries.push({ type: type as PrincipalElementType, value: entry });
  }
  const isAnyone = entries.some((entry) => entry.type === 'AWS' && entry.value === '*');
  return { isNegated, isAnyone, entries };
}

/** Reads `Condition: {operator: {key: value | [values]}}`; numbers and booleans become their text. */
export function readConditions(value: unknown, path: string, problems: Problems): readonly ConditionClause[] {
  if (value === undefined) return [];
  if (!isPlainObject(value)) {
    problems.push({ path, message: `expected an object such as {"StringEquals": {"aws:username": "alice"}}, found ${describeValue(value)}` });
    return [];
  }
  const clauses: ConditionClause[] = [];
  for (const [written, block] of Object.entries(value)) {
    const operatorPath = `${path}.${written}`;
    const parts = splitOperator(written);
    if (parts === undefined) {
      problems.push({ path: operatorPath, message: 'unknown condition operator' });
      continue;
    }
    if (!isPlainObject(block)) {
      problems.push({ path: operatorPath, message: `expected an object of condition keys, found ${describeValue(block)}` });
      continue;
    }
    for (const [key, raw] of Object.entries(block)) {
      const values = readConditionValues(raw, `${operatorPath}.${key}`, problems);
      clauses.push({ written, ...parts, key, values });
    }
  }
  return clauses;
}

function readConditionValues(raw: unknown, path: string, problems: Problems): readonly string[] {
  const list = Array.isArray(raw) ? raw : [raw];
  const isScalar = (entry: unknown) => typeof entry === 'string' || typeof entry === 'number' || typeof entry === 'boolean';
  if (list.length > 0 && list.every(isScalar)) return list.map(String);
  problems.push({ path, message: `expected a string, number, boolean or a non-empty list of them, found ${describeValue(raw)}` });
  return [];
}

/** `ForAnyValue:StringLikeIfExists` → qualifier, base operator and IfExists; undefined when unknown. */
export function splitOperator(written: string): Omit<ConditionClause, 'written' | 'key' | 'values'> | undefined {
  const qualifierMatch = /^(ForAnyValue|ForAllValues):(.*)$/.exec(written);
  const qualifier = (qualifierMatch?.[1] ?? null) as SetQualifier | null;
  const rest = qualifierMatch?.[2] ?? written;
  const isIfExists = rest.endsWith('IfExists') && rest !== 'IfExists';
  const operator = isIfExists ? rest.slice(0, -'IfExists'.length) : rest;
  if (!isKnownConditionOperator(operator) || (isIfExists && operator === 'Null')) return undefined;
  return { operator, qualifier, isIfExists };
}

/** Exactly one of two exclusive elements (Action/NotAction ...); both, or neither when required, is a problem. */
function pickOne(statement: Record<string, unknown>, name: string, negatedName: string, path: string, problems: Problems, isRequired: boolean): { name: string; value: unknown } | undefined {
  const hasPlain = name in statement;
  const hasNegated = negatedName in statement;
  if (hasPlain && hasNegated) {
    problems.push({ path, message: `has both ${name} and ${negatedName}; use one of them` });
    return undefined;
  }
  if (!hasPlain && !hasNegated) {
    if (isRequired) problems.push({ path, message: `missing ${name} or ${negatedName}` });
    return undefined;
  }
  return hasPlain ? { name, value: statement[name] } : { name: negatedName, value: statement[negatedName] };
}
