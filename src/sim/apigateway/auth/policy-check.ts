// `execute-api:Invoke` on the method ARN, judged by the IAM engine. An authorizer's policy (Lambda
// output, or the caller's IAM policies) is an identity policy and the API's resource policy the
// resource policy (IAM-05). In one account an allow on either side is enough and any Deny wins —
// exactly APIGW-14 table A and IAM-01/IAM-03; across accounts both must allow (table B, IAM-03).
import { evaluate, parsePolicyDocument, type ContextValue, type Decision, type NamedPolicy, type PolicySet, type RequestPrincipal } from '../../iam/index.js';
import type { IncomingRequest, MethodContext } from './contract.js';

export const INVOKE_ACTION = 'execute-api:Invoke';

export type ResourcePolicyRead = { readonly kind: 'none' } | { readonly kind: 'policy'; readonly policy: NamedPolicy } | { readonly kind: 'malformed'; readonly reason: string };

/** The API's resource policy, parsed; the pipeline stores it as JSON text (APIGW-14). */
export function readResourcePolicy(method: MethodContext): ResourcePolicyRead {
  if (method.resourcePolicy === undefined) return { kind: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(method.resourcePolicy) as unknown;
  } catch {
    return { kind: 'malformed', reason: 'the API resource policy is not valid JSON' };
  }
  const parsed = parsePolicyDocument(data, 'resource');
  if (!parsed.ok) return { kind: 'malformed', reason: `the API resource policy is not valid: ${parsed.error.message}` };
  return { kind: 'policy', policy: { name: 'resource policy', document: parsed.value } };
}

/**
 * The caller as the resource policy sees it when an authorizer (Lambda or Cognito) vouched for them:
 * someone of the API's own account whose identity policy is the authorizer's answer.
 */
export function authorizedCaller(method: MethodContext, principalId: string): RequestPrincipal {
  return { arn: `arn:aws:sts::${method.accountId}:federated-user/${principalId}`, accountId: method.accountId, type: 'FederatedUser' };
}

/**
 * The condition keys a request carries: `aws:SourceIp` always; `aws:SourceVpce` and `aws:SourceVpc` only
 * when it came through an interface VPC endpoint (private APIs, APIGW-02), so a `StringNotEquals` on them
 * holds for callers from the internet.
 */
export function conditionContextOf(request: IncomingRequest): Readonly<Record<string, ContextValue>> {
  const vpc = request.via === undefined ? {} : { 'aws:SourceVpce': request.via.vpcEndpointId, 'aws:SourceVpc': request.via.vpcId };
  return { 'aws:SourceIp': request.sourceIp, ...vpc };
}

/** Evaluates `execute-api:Invoke` on the request's method ARN with the request's condition keys. */
export function evaluateInvoke(principal: RequestPrincipal, request: IncomingRequest, method: MethodContext, policies: PolicySet): Decision {
  return evaluate({ principal, action: INVOKE_ACTION, resource: method.methodArn, context: conditionContextOf(request) }, policies);
}

/** "Pre-auth": an explicit Deny in the resource policy stops the request before any authorizer runs (APIGW-14). */
export function resourcePolicyDenies(principal: RequestPrincipal, request: IncomingRequest, method: MethodContext, resource: ResourcePolicyRead): boolean {
  if (resource.kind !== 'policy') return false;
  return evaluateInvoke(principal, request, method, { resource: resource.policy }).effect === 'ExplicitDeny';
}

export function withResource(policies: PolicySet, resource: ResourcePolicyRead): PolicySet {
  return resource.kind === 'policy' ? { ...policies, resource: resource.policy } : policies;
}
