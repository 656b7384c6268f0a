// Cognito user pool authorizers (APIGW-13, APIGW-14): the token from the identity source header is
// checked by the Cognito service through `ports.verifyUserPoolToken` (signature, issuer, expiry).
// Without scopes on the method the ID token is expected; with scopes, an access token holding one of
// them. A missing or rejected token is a 401. The resource policy then applies as in APIGW-14 table A.
import type { World } from '../../world.js';
import type { AuthorizerConfig, AuthPorts, IncomingRequest, MethodContext } from './contract.js';
import { decided, type AuthDecision } from './decision.js';
import { extractIdentityValues } from './identity-source.js';
import { accessDenied, allow, configurationError, unauthorized } from './outcomes.js';
import { authorizedCaller, evaluateInvoke, readResourcePolicy } from './policy-check.js';

export type CognitoAuthorizerConfig = Extract<AuthorizerConfig, { type: 'COGNITO_USER_POOLS' }>;

/** Why the token's kind or scopes do not fit the method, or undefined when they do (APIGW-13). */
export function tokenUseProblem(claims: Readonly<Record<string, unknown>>, scopes: readonly string[] | undefined): string | undefined {
  const tokenUse = claims['token_use'];
  if (scopes === undefined || scopes.length === 0) {
    return tokenUse === 'id' ? undefined : `the method has no authorization scopes, so it expects an ID token, not token_use "${String(tokenUse)}"`;
  }
  if (tokenUse !== 'access') return `the method has authorization scopes, so it expects an access token, not token_use "${String(tokenUse)}"`;
  const granted = typeof claims['scope'] === 'string' ? claims['scope'].split(' ') : [];
  return scopes.some((scope) => granted.includes(scope)) ? undefined : `the access token holds none of the scopes ${scopes.join(', ')}`;
}

export function authorizeWithCognito(world: World, config: CognitoAuthorizerConfig, request: IncomingRequest, method: MethodContext, ports: AuthPorts): AuthDecision {
  if (ports.verifyUserPoolToken === undefined) return decided(configurationError('COGNITO_USER_POOLS authorization needs the Cognito service to check tokens, and none is wired (ports.verifyUserPoolToken)'));
  const resource = readResourcePolicy(method);
  if (resource.kind === 'malformed') return decided(configurationError(resource.reason));
  const found = extractIdentityValues([config.identitySource], request, method);
  if (found.kind === 'missing') return decided(unauthorized(`identity source ${found.source} is missing or empty`));
  const [token = ''] = found.values;
  const verified = ports.verifyUserPoolToken(world, token, config.providerArns);
  if (!verified.ok) return decided(unauthorized(`the token was rejected: ${verified.error.message}`));
  const problem = tokenUseProblem(verified.value, config.authorizationScopes);
  if (problem !== undefined) return decided(unauthorized(problem));
  const sub = typeof verified.value['sub'] === 'string' ? verified.value['sub'] : 'unknown';
  // A valid token counts as an Allow; only a Deny in the resource policy can refuse it (table A).
  if (resource.kind === 'policy') {
    const decision = evaluateInvoke(authorizedCaller(method, sub), request, method, { resource: resource.policy });
    if (decision.effect === 'ExplicitDeny') return decided(accessDenied(true, `the API resource policy denies it: ${decision.explanation}`));
  }
  return decided(allow({ principalId: sub, identity: verified.value }));
}
