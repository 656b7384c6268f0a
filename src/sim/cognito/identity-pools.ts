// Identity pools (COG-06, COG-07, COG-09): CreateIdentityPool, SetIdentityPoolRoles, GetIdentityPoolRoles,
// GetId and GetOpenIdToken. Credentials (GetCredentialsForIdentity) are in identity-credentials.ts.
import type { ApiDocument } from '../cli/operation-spec.js';
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { invalidParameter, notAuthorized, resourceNotFound } from './errors.js';
import { COGNITO_IDENTITY_PROVIDER, signAs } from './federation.js';
import * as ids from './ids.js';
import { epochSeconds } from './jwt.js';
import { MAX_ROLE_MAPPING_RULES } from './limits.js';
import { checkLogins, type CheckedLogin } from './logins.js';
import { cognitoState, type IdentityPoolState, type IdentityState, type RoleMapping } from './model.js';
import { recordCall, stringMap, text } from './request.js';

/** Not in the facts sheet: Cognito's OpenID tokens from GetOpenIdToken last 10 minutes. */
const OPEN_ID_TOKEN_SECONDS = 600;

const identity = <T>(world: World, operation: string, result: Result<T>, detail: Record<string, unknown>): Result<T> => recordCall(world, 'cognito-identity', operation, result, detail);

export function findIdentityPool(world: World, identityPoolId: string): Result<IdentityPoolState> {
  const pool = cognitoState(world).identityPools[identityPoolId];
  return pool === undefined ? fail(resourceNotFound(`IdentityPool '${identityPoolId}' not found.`)) : ok(pool);
}

function providersOf(request: ApiDocument): Record<string, string> {
  const list = request['CognitoIdentityProviders'];
  const providers: Record<string, string> = {};
  for (const entry of Array.isArray(list) ? list : list === undefined ? [] : [list]) {
    const { ProviderName, ClientId } = (entry ?? {}) as Record<string, unknown>;
    if (typeof ProviderName === 'string') providers[ProviderName] = String(ClientId ?? '');
  }
  return providers;
}

function poolOutput(pool: IdentityPoolState): ApiDocument {
  return {
    IdentityPoolId: pool.id,
    IdentityPoolName: pool.name,
    AllowUnauthenticatedIdentities: pool.allowUnauthenticated,
    AllowClassicFlow: pool.allowClassicFlow,
    CognitoIdentityProviders: Object.entries(pool.userPoolProviders).map(([ProviderName, ClientId]) => ({ ProviderName, ClientId, ServerSideTokenCheck: false })),
    SupportedLoginProviders: pool.supportedLoginProviders,
  };
}

export function createIdentityPool(world: World, request: ApiDocument): Result<ApiDocument> {
  const id = `${world.region}:${ids.uuid(world.rng.stream('cognito.ids'))}`;
  const pool: IdentityPoolState = {
    id,
    name: text(request, 'IdentityPoolName'),
    allowUnauthenticated: request['AllowUnauthenticatedIdentities'] === true,
    allowClassicFlow: request['AllowClassicFlow'] === true,
    userPoolProviders: providersOf(request),
    supportedLoginProviders: stringMap(request, 'SupportedLoginProviders'),
    roles: {},
    roleMappings: {},
    identities: {},
  };
  cognitoState(world).identityPools[id] = pool;
  return identity(world, 'CreateIdentityPool', ok(poolOutput(pool)), { identityPoolId: id });
}

function checkRoleMappings(value: unknown): Result<Record<string, RoleMapping>> {
  const mappings = (typeof value === 'object' && value !== null ? value : {}) as Record<string, RoleMapping>;
  for (const [provider, mapping] of Object.entries(mappings)) {
    if (mapping.Type !== 'Token' && mapping.Type !== 'Rules') return fail(invalidParameter(`RoleMappings.${provider}.Type must be Token or Rules.`));
    const rules = mapping.RulesConfiguration?.Rules ?? [];
    if (mapping.Type === 'Rules' && (rules.length === 0 || rules.length > MAX_ROLE_MAPPING_RULES)) {
      return fail(invalidParameter(`RoleMappings.${provider} needs 1 to ${MAX_ROLE_MAPPING_RULES} rules (COG-09).`));
    }
  }
  return ok(mappings);
}

export function setIdentityPoolRoles(world: World, request: ApiDocument): Result<ApiDocument> {
  const identityPoolId = text(request, 'IdentityPoolId');
  const pool = findIdentityPool(world, identityPoolId);
  const mappings = checkRoleMappings(request['RoleMappings']);
  let result: Result<ApiDocument> = !pool.ok ? pool : !mappings.ok ? mappings : ok({});
  if (pool.ok && mappings.ok) {
    const roles = stringMap(request, 'Roles');
    pool.value.roles = { ...(roles['authenticated'] === undefined ? {} : { authenticated: roles['authenticated'] }), ...(roles['unauthenticated'] === undefined ? {} : { unauthenticated: roles['unauthenticated'] }) };
    pool.value.roleMappings = mappings.value;
    result = ok({});
  }
  return identity(world, 'SetIdentityPoolRoles', result, { identityPoolId });
}

export function getIdentityPoolRoles(world: World, request: ApiDocument): Result<ApiDocument> {
  const pool = findIdentityPool(world, text(request, 'IdentityPoolId'));
  const result: Result<ApiDocument> = pool.ok ? ok({ IdentityPoolId: pool.value.id, Roles: pool.value.roles, RoleMappings: pool.value.roleMappings }) : pool;
  return identity(world, 'GetIdentityPoolRoles', result, { identityPoolId: text(request, 'IdentityPoolId') });
}

/** The identity already linked to one of these logins, or a new one (a new guest id for every call without logins). */
function identityFor(world: World, pool: IdentityPoolState, logins: readonly CheckedLogin[]): IdentityState {
  const existing = Object.values(pool.identities).find((entry) => logins.some((login) => entry.logins[login.provider] === login.subject));
  if (existing !== undefined) return existing;
  const created: IdentityState = { identityId: `${world.region}:${ids.uuid(world.rng.stream('cognito.ids'))}`, logins: Object.fromEntries(logins.map((login) => [login.provider, login.subject])), createdMs: world.nowMs };
  pool.identities[created.identityId] = created;
  return created;
}

export function getId(world: World, request: ApiDocument): Result<ApiDocument> {
  const identityPoolId = text(request, 'IdentityPoolId');
  const pool = findIdentityPool(world, identityPoolId);
  let result: Result<ApiDocument> = pool.ok ? ok({}) : pool;
  if (pool.ok) {
    const logins = checkLogins(world, pool.value, stringMap(request, 'Logins'));
    if (!logins.ok) result = logins;
    else if (logins.value.length === 0 && !pool.value.allowUnauthenticated) result = fail(notAuthorized('Unauthenticated access is not supported for this identity pool.'));
    else result = ok({ IdentityId: identityFor(world, pool.value, logins.value).identityId });
  }
  return identity(world, 'GetId', result, { identityPoolId });
}

/** The pool and identity of an identity id, with the logins of this call checked against it. */
export function identityWithLogins(world: World, identityId: string, loginsMap: Readonly<Record<string, string>>): Result<{ pool: IdentityPoolState; identity: IdentityState; logins: CheckedLogin[] }> {
  const pool = Object.values(cognitoState(world).identityPools).find((entry) => entry.identities[identityId] !== undefined);
  const found = pool?.identities[identityId];
  if (pool === undefined || found === undefined) return fail(resourceNotFound(`Identity '${identityId}' not found.`));
  const logins = checkLogins(world, pool, loginsMap);
  if (!logins.ok) return logins;
  const isLinked = Object.keys(found.logins).length > 0;
  if (isLinked && !logins.value.some((login) => found.logins[login.provider] === login.subject)) return fail(notAuthorized(`Access to Identity '${identityId}' is forbidden.`));
  if (!isLinked && logins.value.length > 0) return fail(notAuthorized(`Access to Identity '${identityId}' is forbidden.`));
  return ok({ pool, identity: found, logins: logins.value });
}

/** `amr` as Cognito fills it: unauthenticated, or authenticated + provider + provider:subject. */
export function amrOf(logins: readonly CheckedLogin[]): string[] {
  if (logins.length === 0) return ['unauthenticated'];
  return ['authenticated', ...logins.flatMap((login) => [login.provider, `${login.provider}:${login.subject}`])];
}

/** Basic flow, step 2 (COG-07): an OpenID token from Cognito for the identity, to pass to STS. */
export function getOpenIdToken(world: World, request: ApiDocument): Result<ApiDocument> {
  const identityId = text(request, 'IdentityId');
  const found = identityWithLogins(world, identityId, stringMap(request, 'Logins'));
  let result: Result<ApiDocument> = found.ok ? ok({}) : found;
  if (found.ok && !found.value.pool.allowClassicFlow) {
    // Wording from memory: the basic flow is refused unless the pool turned it on (COG-07).
    result = fail(invalidParameter('Basic (classic) flow is not enabled for this identity pool.'));
  } else if (found.ok) {
    const nowSeconds = epochSeconds(world.nowMs);
    const claims = { sub: identityId, aud: found.value.pool.id, amr: amrOf(found.value.logins), iat: nowSeconds, exp: nowSeconds + OPEN_ID_TOKEN_SECONDS };
    result = ok({ IdentityId: identityId, Token: signAs(COGNITO_IDENTITY_PROVIDER, claims) });
  }
  return identity(world, 'GetOpenIdToken', result, { identityId });
}
