// AWS_IAM authorization (APIGW-11, APIGW-14, IAM-01..03): the SigV4 signature first, then
// `execute-api:Invoke` on the method ARN judged with the caller's identity policies (a role's inline,
// managed and boundary policies from the IAM module) and the API's resource policy.
import { resolveRole, rolePolicySet, type PolicySet, type PrincipalType, type RequestPrincipal } from '../../iam/index.js';
import type { World } from '../../world.js';
import type { AuthPorts, IncomingRequest, MethodContext, ResolvedCredentials } from './contract.js';
import { decided, type AuthDecision } from './decision.js';
import { allow, configurationError, forbidden } from './outcomes.js';
import { evaluateInvoke, INVOKE_ACTION, readResourcePolicy, withResource } from './policy-check.js';
import { verifySignature } from './sigv4-verify.js';

const SERVICE = 'execute-api';

/** The principal behind an ARN: `...:assumed-role/R/s`, `...:role/R`, `...:user/U`, `...:root`. */
export function principalOfArn(arn: string): RequestPrincipal {
  const accountId = arn.split(':')[4] ?? '';
  const resource = arn.split(':').slice(5).join(':');
  const type: PrincipalType = resource.startsWith('assumed-role/') ? 'AssumedRole' : resource.startsWith('role/') ? 'Role' : resource.startsWith('user/') ? 'User' : resource === 'root' ? 'Root' : 'FederatedUser';
  return { arn, accountId, type };
}

/** The caller's identity policies: a role's (with its boundary); none for callers the IAM module does not model. */
function identityPoliciesOf(world: World, principal: RequestPrincipal, credentials: ResolvedCredentials): PolicySet {
  if (principal.type !== 'Role' && principal.type !== 'AssumedRole') return {};
  const role = resolveRole(world, principal.arn);
  if (!role.ok) return {};
  const session = credentials.sessionPolicies ?? [];
  return rolePolicySet(role.value, session.length === 0 ? {} : { session });
}

/** API Gateway's own request as the client signed it: the path includes the stage. */
function signedView(request: IncomingRequest, method: MethodContext): IncomingRequest {
  return { ...request, path: `/${method.stage}${request.path}` };
}

export function authorizeWithIam(world: World, request: IncomingRequest, method: MethodContext, ports: AuthPorts): AuthDecision {
  const { resolveCredentials } = ports;
  if (resolveCredentials === undefined) return decided(configurationError('AWS_IAM authorization needs credentials to check signatures against, and no credential store is wired (ports.resolveCredentials)'));
  const resource = readResourcePolicy(method);
  if (resource.kind === 'malformed') return decided(configurationError(resource.reason));
  const check = verifySignature(signedView(request, method), { region: method.region, service: SERVICE, nowMs: world.nowMs, lookupCredentials: (keyId) => resolveCredentials(world, keyId) });
  if (check.kind === 'rejected') return decided(check.outcome);
  const credentials = resolveCredentials(world, check.accessKeyId);
  if (credentials === undefined) return decided(configurationError(`credentials for ${check.accessKeyId} vanished during the check`));
  const principal = principalOfArn(credentials.principalArn);
  const decision = evaluateInvoke(principal, request, method, withResource(identityPoliciesOf(world, principal, credentials), resource));
  const notes = { principalArn: principal.arn, decision: decision.effect, explanation: decision.explanation };
  if (decision.effect === 'Allow') {
    return decided(allow({ principalId: principal.arn, identity: { userArn: principal.arn, accessKey: check.accessKeyId, accountId: principal.accountId, caller: principal.arn } }), 'not-reached', false, notes);
  }
  const explicit = decision.effect === 'ExplicitDeny' ? ' with an explicit deny' : '';
  const message = `User: ${principal.arn} is not authorized to perform: ${INVOKE_ACTION} on resource: ${method.methodArn}${explicit}`;
  return decided(forbidden('ACCESS_DENIED', message, decision.explanation), 'not-reached', false, notes);
}
