// IAM checks the pipeline makes itself: the resource policy for methods without an authorizer
// (APIGW-14: an explicit allow is needed, any deny or silence denies; private APIs need a policy,
// APIGW-02), the explicit-deny pre-check before a Lambda authorizer runs, and whether a caller may
// invalidate a cache entry (`execute-api:InvalidateCache`, APIGW-06).
import { evaluate, parsePolicyDocument, policiesOfRole, resolveRole, toPolicySet, type Decision, type NamedPolicy, type RequestPrincipal } from '../iam/index.js';
import type { World } from '../world.js';
import type { IncomingRequest } from './auth/contract.js';
import { conditionContextOf } from './auth/policy-check.js';

/**
 * Expands the shorthand `execute-api:/stage/METHOD/path` (and `execute-api:/*`) in a resource policy's
 * Resource and NotResource to the API's full ARN, as API Gateway does when the policy is saved, so
 * get-rest-api shows the full ARN. Text that is not a JSON policy is kept as it is (the pipeline reports it).
 */
export function expandExecuteApiShorthand(policyText: string, apiArnPrefix: string): string {
  let document: unknown;
  try {
    document = JSON.parse(policyText);
  } catch {
    return policyText;
  }
  if (typeof document !== 'object' || document === null) return policyText;
  const statements = (document as { Statement?: unknown }).Statement;
  const expand = (value: unknown): unknown => {
    if (typeof value === 'string') return value.startsWith('execute-api:/') ? `${apiArnPrefix}/${value.slice('execute-api:/'.length)}` : value;
    return Array.isArray(value) ? value.map(expand) : value;
  };
  const expanded = (Array.isArray(statements) ? statements : [statements]).map((statement: unknown) => {
    if (typeof statement !== 'object' || statement === null) return statement;
    const record = statement as Record<string, unknown>;
    return {
      ...record,
      ...('Resource' in record ? { Resource: expand(record['Resource']) } : {}),
      ...('NotResource' in record ? { NotResource: expand(record['NotResource']) } : {}),
    };
  });
  return JSON.stringify({ ...document, Statement: Array.isArray(statements) ? expanded : expanded[0] });
}

const ANONYMOUS: RequestPrincipal = { arn: '*', accountId: '', type: 'Anonymous' };

function resourcePolicyOf(text: string): NamedPolicy | undefined {
  const parsed = parsePolicyDocument(text, 'resource');
  return parsed.ok ? { name: 'resource policy', document: parsed.value } : undefined;
}

/** The resource policy's decision for an anonymous caller, or undefined when the API has none. */
export function resourcePolicyDecision(resourcePolicy: string | undefined, methodArn: string, request: IncomingRequest): Decision | undefined {
  if (resourcePolicy === undefined) return undefined;
  const policy = resourcePolicyOf(resourcePolicy);
  if (policy === undefined) return { effect: 'ImplicitDeny', decidingStatements: [], explanation: 'The resource policy does not parse, so nothing allows the request.' };
  return evaluate({ principal: ANONYMOUS, action: 'execute-api:Invoke', resource: methodArn, context: conditionContextOf(request) }, { resource: policy });
}

/** The 403 message API Gateway gives an anonymous caller a resource policy keeps out (APIGW-11 wording). */
export function anonymousDeniedMessage(methodArn: string, effect: Decision['effect']): string {
  const how = effect === 'ExplicitDeny' ? ' with an explicit deny' : '';
  return `User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${methodArn}${how}`;
}

/** The caller's ARN from an authorizer's identity (IAM authorization), if any. */
export function callerArnOf(identity: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (identity === undefined) return undefined;
  for (const key of ['principalArn', 'userArn', 'arn', 'caller']) {
    const value = identity[key];
    if (typeof value === 'string' && value.startsWith('arn:')) return value;
  }
  return undefined;
}

/** Whether the caller (an IAM role session) is allowed `execute-api:InvalidateCache` on the method. */
export function mayInvalidateCache(world: World, callerArn: string | undefined, methodArn: string): boolean {
  if (callerArn === undefined) return false;
  const role = resolveRole(world, callerArn);
  if (!role.ok) return false;
  const principal: RequestPrincipal = { arn: callerArn, accountId: callerArn.split(':')[4] ?? '', type: 'AssumedRole' };
  return evaluate({ principal, action: 'execute-api:InvalidateCache', resource: methodArn }, toPolicySet(policiesOfRole(role.value))).effect === 'Allow';
}
