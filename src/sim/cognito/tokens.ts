// Minting and checking user pool tokens (COG-05): ID and access tokens are RS256 JWTs with the claims
// Cognito puts in them; the refresh token is opaque and remembered by the pool. Times follow the
// virtual clock, so `sim clock advance 61m` makes a 1-hour token expire.
import { fail, ok, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import { notAuthorized } from './errors.js';
import * as ids from './ids.js';
import { decodeJwt, epochSeconds, hasValidSignature, signJwt, type Claims } from './jwt.js';
import { SIGN_IN_SCOPE, userPoolIssuer } from './limits.js';
import { cognitoState, type ClientState, type UserPoolState, type UserState } from './model.js';

export interface TokenSet {
  readonly AccessToken: string;
  readonly ExpiresIn: number;
  readonly TokenType: 'Bearer';
  readonly RefreshToken?: string;
  readonly IdToken: string;
}

/** Groups in precedence order (lowest first), as `cognito:groups` lists them; roles of those groups. */
function groupClaims(pool: UserPoolState, user: UserState): Claims {
  const groups = user.groups.map((name) => pool.groups[name]).filter((group) => group !== undefined);
  if (groups.length === 0) return {};
  const ordered = [...groups].sort((a, b) => (a.precedence ?? Number.MAX_SAFE_INTEGER) - (b.precedence ?? Number.MAX_SAFE_INTEGER));
  const roles = ordered.flatMap((group) => (group.roleArn === undefined ? [] : [group.roleArn]));
  const preferred = ordered.find((group) => group.roleArn !== undefined)?.roleArn;
  return {
    'cognito:groups': ordered.map((group) => group.groupName),
    ...(roles.length === 0 ? {} : { 'cognito:roles': roles }),
    ...(preferred === undefined ? {} : { 'cognito:preferred_role': preferred }),
  };
}

export function mintTokens(world: World, pool: UserPoolState, client: ClientState, user: UserState, authTimeSeconds: number, withRefresh: boolean): TokenSet {
  const stream = world.rng.stream('cognito.tokens');
  const nowSeconds = epochSeconds(world.nowMs);
  const common = { sub: user.sub, iss: userPoolIssuer(pool.region, pool.id), origin_jti: ids.uuid(stream), event_id: ids.uuid(stream), auth_time: authTimeSeconds, iat: nowSeconds };
  const groups = groupClaims(pool, user);
  const profile = Object.fromEntries(Object.entries(user.attributes).filter(([name]) => name !== 'sub').map(([name, value]) => [name, name.endsWith('_verified') ? value === 'true' : value]));
  const link = user.federatedIdentity;
  const identities = link === undefined ? {} : { identities: [{ userId: link.userId, providerName: link.providerName, providerType: link.providerType, issuer: null, primary: 'true', dateCreated: String(link.dateCreatedMs) }] };
  const idClaims = { ...common, ...groups, ...profile, ...identities, 'cognito:username': user.username, aud: client.clientId, token_use: 'id', exp: nowSeconds + client.idTokenSeconds, jti: ids.uuid(stream) };
  const { 'cognito:roles': _roles, 'cognito:preferred_role': _preferred, ...accessGroups } = groups;
  const accessClaims = { ...common, ...accessGroups, client_id: client.clientId, token_use: 'access', scope: SIGN_IN_SCOPE, exp: nowSeconds + client.accessTokenSeconds, jti: ids.uuid(stream), username: user.username };
  const tokens: TokenSet = { AccessToken: signJwt(accessClaims, pool.keyIndex, pool.kid), ExpiresIn: client.accessTokenSeconds, TokenType: 'Bearer', IdToken: signJwt(idClaims, pool.keyIndex, pool.kid) };
  if (!withRefresh) return tokens;
  // Real refresh tokens are encrypted JWEs; this one only has their look (five dot-separated parts).
  const refreshToken = ['eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ', ids.opaqueToken(stream, 342), ids.opaqueToken(stream, 16), ids.opaqueToken(stream, 600), ids.opaqueToken(stream, 22)].join('.');
  pool.refreshTokens[refreshToken] = { username: user.username, clientId: client.clientId, expiresAtMs: world.nowMs + client.refreshTokenSeconds * 1_000 };
  return { ...tokens, RefreshToken: refreshToken };
}

/** The pool whose issuer the token names, if it is one of this world's pools. */
export function poolOfToken(world: World, claims: Claims): UserPoolState | undefined {
  return Object.values(cognitoState(world).userPools).find((pool) => userPoolIssuer(pool.region, pool.id) === claims['iss']);
}

export type TokenUse = 'id' | 'access' | 'any';

/**
 * Checks a user pool JWT the way a verifier must (COG-05): a JWT, issued by a pool of this world,
 * signed with that pool's key, not expired on the virtual clock, of the expected use. `expiredMessage`
 * is how the caller words expiry (Cognito says "Access Token has expired", API Gateway just 401s).
 */
export function checkUserPoolToken(world: World, token: string, use: TokenUse, label: string): Result<{ pool: UserPoolState; claims: Claims }> {
  const decoded = decodeJwt(token);
  const pool = decoded === undefined ? undefined : poolOfToken(world, decoded.claims);
  if (decoded === undefined || pool === undefined) return fail(notAuthorized(`Invalid ${label}`));
  if (decoded.header['kid'] !== pool.kid || !hasValidSignature(token, pool.keyIndex)) return fail(notAuthorized(`Invalid ${label}`));
  const problem = claimProblem(world, decoded.claims, use, label);
  return problem === undefined ? ok({ pool, claims: decoded.claims }) : fail(problem);
}

function claimProblem(world: World, claims: Claims, use: TokenUse, label: string): AwsError | undefined {
  if (use !== 'any' && claims['token_use'] !== use) return notAuthorized(`Invalid ${label}`);
  const exp = claims['exp'];
  if (typeof exp !== 'number' || exp <= epochSeconds(world.nowMs)) return notAuthorized(`${label} has expired`);
  return undefined;
}
