// The IAM policy simulator: `aws iam simulate-custom-policy`, `simulate-principal-policy` and the
// sandbox's `sim iam simulate`. Each runs evaluate() for every action × resource pair and answers
// in the simulator's JSON shape (EvalDecision allowed | explicitDeny | implicitDeny).
import type { ApiDocument } from '../cli/operation-spec.js';
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { invalidInput } from './errors.js';
import { buildRequestContext, evaluate, resourceAccountOf } from './evaluate.js';
import { matchesActionElement } from './match.js';
import { formatIamDate } from './model.js';
import { malformedPolicyDocument, parsePolicyDocument } from './parse-policy.js';
import type { ContextValue, Decision, DecisionEffect, DocumentKind, EvaluationRequest, PolicyKind, RequestPrincipal } from './policy.js';
import { isPlainObject } from './parse-elements.js';
import { policiesOfRole, resolveRole, rolePrincipal, toPolicySet, type PolicySourceType, type SourcedPolicy } from './role-policies.js';

const EVAL_DECISIONS: Readonly<Record<DecisionEffect, string>> = { Allow: 'allowed', ExplicitDeny: 'explicitDeny', ImplicitDeny: 'implicitDeny' };

function stringList(value: unknown): readonly string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

/** `--context-entries`: `[{"ContextKeyName": "aws:SourceIp", "ContextKeyValues": ["203.0.113.9"], "ContextKeyType": "ip"}]`. */
export function parseContextEntries(raw: unknown): Result<Record<string, ContextValue>> {
  const context: Record<string, ContextValue> = {};
  if (raw === undefined) return ok(context);
  const entries = Array.isArray(raw) ? raw : [raw];
  for (const [index, entry] of entries.entries()) {
    const name = isPlainObject(entry) ? entry['ContextKeyName'] : undefined;
    const values = isPlainObject(entry) ? stringList(entry['ContextKeyValues']) : [];
    if (typeof name !== 'string' || values.length === 0) {
      return fail(invalidInput(`ContextEntries[${index}] needs a ContextKeyName and at least one ContextKeyValues entry.`));
    }
    const type = isPlainObject(entry) ? String(entry['ContextKeyType'] ?? '') : '';
    context[name] = type.endsWith('List') || values.length > 1 ? values : (values[0] ?? '');
  }
  return ok(context);
}

/** Policies passed as JSON text (`--policy-input-list`), named `PolicyInputList.1` ... as IAM names them. */
export function parsePolicyInputs(raw: unknown, listName: string, documentKind: DocumentKind, sourceType: PolicySourceType, kind: PolicyKind = 'identity'): Result<SourcedPolicy[]> {
  const policies: SourcedPolicy[] = [];
  for (const [index, text] of stringList(raw).entries()) {
    const name = `${listName}.${index + 1}`;
    const parsed = parsePolicyDocument(text, documentKind);
    if (!parsed.ok) {
      const problems = (parsed.error.details?.['problems'] ?? []) as { path: string; message: string }[];
      return fail(malformedPolicyDocument(problems.map((problem) => ({ ...problem, path: problem.path === '' ? name : `${name} ${problem.path}` }))));
    }
    policies.push({ name, document: parsed.value, sourceType, kind });
  }
  return ok(policies);
}

/** Condition keys that statements about this action and resource test but the request lacks. */
export function missingContextKeys(request: EvaluationRequest, policies: readonly SourcedPolicy[]): string[] {
  const context = buildRequestContext(request);
  const missing = new Set<string>();
  for (const policy of policies) {
    for (const statement of policy.document.statements) {
      if (!matchesActionElement(statement.action, request.action)) continue;
      for (const clause of statement.conditions) if (!context.has(clause.key.toLowerCase())) missing.add(clause.key);
    }
  }
  return [...missing].sort();
}

interface SimulationInput {
  readonly principal: RequestPrincipal;
  readonly policies: readonly SourcedPolicy[];
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly context: Readonly<Record<string, ContextValue>>;
}

function evaluationResults(input: SimulationInput): ApiDocument[] {
  const policySet = toPolicySet(input.policies);
  const sourceTypeOf = (name: string) => input.policies.find((policy) => policy.name === name)?.sourceType ?? 'none';
  return input.actions.flatMap((action) =>
    input.resources.map((resource) => {
      const request: EvaluationRequest = { principal: input.principal, action, resource, context: input.context };
      const decision = evaluate(request, policySet);
      return {
        EvalActionName: action,
        EvalResourceName: resource,
        EvalDecision: EVAL_DECISIONS[decision.effect],
        MatchedStatements: decision.decidingStatements.map((statement) => ({ SourcePolicyId: statement.policyName, SourcePolicyType: sourceTypeOf(statement.policyName) })),
        MissingContextValues: missingContextKeys(request, input.policies),
      };
    }),
  );
}

function record(world: World, operation: string, result: Result<ApiDocument>, detail: Record<string, unknown>): Result<ApiDocument> {
  world.record({ service: 'iam', operation, outcome: result.ok ? 'ok' : result.error.name, detail });
  return result;
}

/** Shared by both simulate operations: reads actions, resources, context and an optional resource policy. */
function simulate(world: World, request: ApiDocument, principal: RequestPrincipal, basePolicies: readonly SourcedPolicy[]): Result<ApiDocument> {
  const context = parseContextEntries(request['ContextEntries']);
  if (!context.ok) return context;
  const extra = parsePolicyInputs(request['PolicyInputList'], 'PolicyInputList', 'identity', 'none');
  if (!extra.ok) return extra;
  const resourcePolicy = parsePolicyInputs(request['ResourcePolicy'], 'ResourcePolicy', 'resource', 'resource', 'resource');
  if (!resourcePolicy.ok) return resourcePolicy;
  const actions = stringList(request['ActionNames']);
  const resources = stringList(request['ResourceArns']);
  const results = evaluationResults({
    principal,
    policies: [...basePolicies, ...extra.value, ...resourcePolicy.value],
    actions,
    resources: resources.length > 0 ? resources : ['*'],
    context: context.value,
  });
  return ok({ EvaluationResults: results });
}

/** Without `--caller-arn`, the simulated caller is a role session in the world's account. */
function callerOf(world: World, request: ApiDocument): RequestPrincipal {
  const callerArn = request['CallerArn'];
  if (typeof callerArn !== 'string') return { arn: `arn:aws:sts::${world.accountId}:assumed-role/SimulatedCaller/simulation`, accountId: world.accountId, type: 'AssumedRole' };
  const accountId = callerArn.split(':')[4] ?? world.accountId;
  return { arn: callerArn, accountId, type: callerArn.includes(':user/') ? 'User' : callerArn.includes(':assumed-role/') ? 'AssumedRole' : 'Role' };
}

export function simulateCustomPolicy(world: World, request: ApiDocument): Result<ApiDocument> {
  const hasPolicies = stringList(request['PolicyInputList']).length > 0;
  const result = hasPolicies ? simulate(world, request, callerOf(world, request), []) : fail<ApiDocument>(invalidInput('PolicyInputList needs at least one policy document.'));
  return record(world, 'SimulateCustomPolicy', result, { actions: stringList(request['ActionNames']) });
}

export function simulatePrincipalPolicy(world: World, request: ApiDocument): Result<ApiDocument> {
  const sourceArn = typeof request['PolicySourceArn'] === 'string' ? request['PolicySourceArn'] : '';
  const role = resolveRole(world, sourceArn);
  // Only roles exist in this simulator; IAM users and groups are a known gap (docs/iam.md).
  const result = role.ok ? simulate(world, request, rolePrincipal(role.value), policiesOfRole(role.value)) : role;
  return record(world, 'SimulatePrincipalPolicy', result, { policySourceArn: sourceArn });
}

/** What `sim iam simulate --principal ... --action ... --resource ...` needs. */
export interface SandboxSimulation {
  /** A role name, role ARN or assumed-role session ARN of a role in the world. */
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly context?: Readonly<Record<string, ContextValue>>;
  /** A resource policy as JSON text or data, e.g. an S3 bucket policy. */
  readonly resourcePolicy?: unknown;
}

/**
 * The decision for one request made with a role's credentials, as a JSON document for the sandbox:
 * `{Principal, Action, Resource, Decision, DecidingStatements, Explanation, MissingContextValues}`.
 * `aws:CurrentTime` and `aws:EpochTime` come from the world clock unless the context sets them.
 */
export function simulateForSandbox(world: World, input: SandboxSimulation): Result<ApiDocument> {
  const role = resolveRole(world, input.principal);
  if (!role.ok) return role;
  const resourcePolicy = input.resourcePolicy === undefined ? ok([]) : parsePolicyInputs([typeof input.resourcePolicy === 'string' ? input.resourcePolicy : JSON.stringify(input.resourcePolicy)], 'ResourcePolicy', 'resource', 'resource', 'resource');
  if (!resourcePolicy.ok) return resourcePolicy;
  const clock = { 'aws:CurrentTime': formatIamDate(world.nowMs).replace('+00:00', 'Z'), 'aws:EpochTime': String(Math.floor(world.nowMs / 1_000)) };
  const principal = input.principal.includes(':assumed-role/') ? { ...rolePrincipal(role.value), arn: input.principal } : rolePrincipal(role.value);
  const request: EvaluationRequest = { principal, action: input.action, resource: input.resource, context: { ...clock, ...input.context } };
  const policies = [...policiesOfRole(role.value), ...resourcePolicy.value];
  const decision = evaluate(request, toPolicySet(policies));
  return record(world, 'policy-simulated', ok(sandboxDocument(request, decision, missingContextKeys(request, policies))), { principal: principal.arn, action: input.action });
}

function sandboxDocument(request: EvaluationRequest, decision: Decision, missing: readonly string[]): ApiDocument {
  return {
    Principal: request.principal.arn,
    Action: request.action,
    Resource: request.resource,
    ResourceAccount: resourceAccountOf(request),
    Decision: decision.effect,
    DecidingStatements: decision.decidingStatements.map((statement) => ({
      PolicyName: statement.policyName,
      PolicyKind: statement.policyKind,
      StatementIndex: statement.statementIndex,
      ...(statement.sid === undefined ? {} : { Sid: statement.sid }),
    })),
    Explanation: decision.explanation,
    MissingContextValues: missing,
  };
}
