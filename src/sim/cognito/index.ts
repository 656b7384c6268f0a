// The public surface of Cognito in the simulator: user pools (sign-up, sign-in, RS256 JWTs, JWKS),
// identity pools (enhanced and basic flows, role mapping), a minimal STS, the credentials store and
// the sandbox rows. API Gateway's ports (AuthPorts) are `verifyUserPoolToken` and `resolveCredentials`.
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import type { Decision, NamedPolicy } from '../iam/index.js';
import { authorizeCredentials, sessionPolicies, type AuthorizationRequest } from './authorize.js';
import { resolveCredentials, stsState } from './credentials.js';
import { checkUserPoolToken } from './tokens.js';

export { COGNITO_IDENTITY_OPERATIONS, COGNITO_IDP_OPERATIONS, STS_OPERATIONS } from './commands.js';
export { COGNITO_SIM_COMMANDS } from './sim-commands.js';
export { authorizeCredentials, sessionPolicies, type AuthorizationRequest } from './authorize.js';
export {
  STS_SLOT,
  expiredToken,
  issueCredentials,
  resolveCaller,
  resolveCredentials,
  sessionArnOf,
  stsState,
  type Caller,
  type CredentialState,
  type StsState,
} from './credentials.js';
export { COGNITO_SLOT, cognitoState, type CognitoState, type IdentityPoolState, type UserPoolState, type UserState } from './model.js';
export { cliTime } from './request.js';
export { decodeJwt, type Claims, type DecodedJwt } from './jwt.js';
export { EXTERNAL_PROVIDERS, mintExternalToken } from './federation.js';
export { GUEST_SESSION_POLICY_ARN, chooseRole, getCredentialsForIdentity } from './identity-credentials.js';
export { createIdentityPool, getId, getIdentityPoolRoles, getOpenIdToken, setIdentityPoolRoles } from './identity-pools.js';
export { getUser, initiateAuth } from './sign-in.js';
export { adminConfirmSignUp, confirmSignUp, passwordProblem, signUp } from './sign-up.js';
export { assumeRoleWithWebIdentity, getCallerIdentity } from './sts.js';
export { adminAddUserToGroup, adminDisableUser, adminEnableUser, createGroup, createUserPool, createUserPoolClient, userPoolJwks } from './user-pools.js';

const unauthorized = (reason: string) => awsError('Unauthorized', 401, reason);

/**
 * The API Gateway port (AuthPorts.verifyUserPoolToken, APIGW COGNITO_USER_POOLS): the token's claims
 * when it is an ID or access token of one of `providerArns`' pools, signed with that pool's key,
 * unexpired on the virtual clock, and issued to one of the pool's app clients; otherwise a 401
 * `Unauthorized` whose message says why (for the trace; clients only see `{"message":"Unauthorized"}`).
 */
export function verifyUserPoolToken(world: World, token: string, providerArns: readonly string[]): Result<Readonly<Record<string, unknown>>> {
  if (token === '') return fail(unauthorized('no token'));
  const checked = checkUserPoolToken(world, token.replace(/^Bearer\s+/i, ''), 'any', 'token');
  if (!checked.ok) return fail(unauthorized(checked.error.message));
  const { pool, claims } = checked.value;
  if (!providerArns.includes(pool.arn)) return fail(unauthorized(`the token comes from ${pool.id}, which is not a provider of this authorizer`));
  const clientId = claims['token_use'] === 'id' ? claims['aud'] : claims['client_id'];
  if (typeof clientId !== 'string' || pool.clients[clientId] === undefined) return fail(unauthorized('the token was issued to no app client of the pool (wrong audience)'));
  return ok(claims);
}

/**
 * For API Gateway IAM authorization (`execute-api:Invoke`): IAM's decision for a request signed with
 * this access key, including the credentials' session policies (so enhanced-flow guest credentials are
 * denied execute-api, COG-08) and the API's resource policy if given; undefined for an unknown or
 * expired key.
 */
export function authorizeAccessKey(world: World, accessKeyId: string, request: AuthorizationRequest): Decision | undefined {
  const credential = stsState(world).credentials[accessKeyId];
  if (credential === undefined || world.nowMs >= credential.expirationMs) return undefined;
  return authorizeCredentials(world, credential, request);
}

/**
 * The API Gateway credential port with the session's own policies: guest credentials from the
 * enhanced flow carry the COG-08 scope-down, which API Gateway's IAM check must apply too (IAM-04).
 */
export function credentialsForApiGateway(world: World, accessKeyId: string): (ReturnType<typeof resolveCredentials> & { readonly sessionPolicies?: readonly NamedPolicy[] }) | undefined {
  const resolved = resolveCredentials(world, accessKeyId);
  const credential = stsState(world).credentials[accessKeyId];
  if (resolved === undefined || credential === undefined) return undefined;
  return { ...resolved, sessionPolicies: sessionPolicies(credential) };
}
