// User pool administration: CreateUserPool, CreateUserPoolClient, CreateGroup, AdminAddUserToGroup,
// AdminDisableUser/AdminEnableUser, and the JWKS each pool publishes (COG-01, COG-04, COG-05).
import type { ApiDocument } from '../cli/operation-spec.js';
import { fail, ok, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import { invalidParameter, resourceNotFound, userNotFound } from './errors.js';
import * as ids from './ids.js';
import { KEY_COUNT, jwkFor, keyIdFor } from './jwt.js';
import * as limits from './limits.js';
import { cognitoState, type ClientState, type PasswordPolicy, type UserPoolState, type UserState } from './model.js';
import { cliTime, findUserPool, optionalText, recordCall, text } from './request.js';

const idp = <T>(world: World, operation: string, result: Result<T>, detail: Record<string, unknown>): Result<T> => recordCall(world, 'cognito-idp', operation, result, detail);

function passwordPolicyOf(request: ApiDocument): PasswordPolicy {
  const policies = request['Policies'];
  const given = typeof policies === 'object' && policies !== null ? (policies as Record<string, unknown>)['PasswordPolicy'] : undefined;
  return { ...limits.DEFAULT_PASSWORD_POLICY, ...(typeof given === 'object' && given !== null ? (given as Partial<PasswordPolicy>) : {}) };
}

function mfaConfigurationOf(request: ApiDocument): UserPoolState['mfaConfiguration'] {
  const value = request['MfaConfiguration'];
  return value === 'ON' || value === 'OPTIONAL' ? value : 'OFF';
}

export function poolOutput(pool: UserPoolState): ApiDocument {
  return {
    Id: pool.id,
    Name: pool.name,
    Arn: pool.arn,
    Policies: { PasswordPolicy: pool.passwordPolicy },
    AutoVerifiedAttributes: pool.autoVerifiedAttributes,
    MfaConfiguration: pool.mfaConfiguration,
    CreationDate: cliTime(pool.createdMs),
    EstimatedNumberOfUsers: Object.keys(pool.users).length,
  };
}

export function createUserPool(world: World, request: ApiDocument): Result<ApiDocument> {
  const stream = world.rng.stream('cognito.ids');
  const id = ids.userPoolId(stream, world.region);
  const keyIndex = stream.nextInt(KEY_COUNT);
  const verified = request['AutoVerifiedAttributes'];
  const pool: UserPoolState = {
    id,
    name: text(request, 'PoolName'),
    arn: `arn:aws:cognito-idp:${world.region}:${world.accountId}:userpool/${id}`,
    region: world.region,
    createdMs: world.nowMs,
    keyIndex,
    kid: keyIdFor(limits.userPoolIssuer(world.region, id), keyIndex),
    passwordPolicy: passwordPolicyOf(request),
    autoVerifiedAttributes: Array.isArray(verified) ? verified.map(String) : [],
    clients: {},
    users: {},
    groups: {},
    refreshTokens: {},
    mfaConfiguration: mfaConfigurationOf(request),
    mfaSessions: {},
  };
  cognitoState(world).userPools[id] = pool;
  return idp(world, 'CreateUserPool', ok({ UserPool: poolOutput(pool) }), { userPoolId: id });
}

/** Reads a token lifetime in the client's units (COG-04: defaults hours for ID/access, days for refresh). */
function lifetimeSeconds(request: ApiDocument, member: string, unitKey: string, defaultUnit: string, fallbackSeconds: number): number {
  const value = request[member];
  if (typeof value !== 'number') return fallbackSeconds;
  const units = request['TokenValidityUnits'];
  const unit = typeof units === 'object' && units !== null ? String((units as Record<string, unknown>)[unitKey] ?? defaultUnit) : defaultUnit;
  const perUnit: Record<string, number> = { seconds: 1, minutes: 60, hours: 3_600, days: 86_400 };
  return value * (perUnit[unit] ?? 3_600);
}

function checkLifetime(name: string, seconds: number, min: number, max: number): AwsError | undefined {
  if (seconds >= min && seconds <= max) return undefined;
  return invalidParameter(`${name} must be between ${min} and ${max} seconds (COG-04); got ${seconds} seconds.`);
}

function planClient(world: World, pool: UserPoolState, request: ApiDocument): Result<ClientState> {
  const idSeconds = lifetimeSeconds(request, 'IdTokenValidity', 'IdToken', 'hours', limits.DEFAULT_ID_TOKEN_SECONDS);
  const accessSeconds = lifetimeSeconds(request, 'AccessTokenValidity', 'AccessToken', 'hours', limits.DEFAULT_ACCESS_TOKEN_SECONDS);
  const refreshSeconds = lifetimeSeconds(request, 'RefreshTokenValidity', 'RefreshToken', 'days', limits.DEFAULT_REFRESH_TOKEN_SECONDS);
  const problem =
    checkLifetime('IdTokenValidity', idSeconds, limits.MIN_ID_ACCESS_TOKEN_SECONDS, limits.MAX_ID_ACCESS_TOKEN_SECONDS) ??
    checkLifetime('AccessTokenValidity', accessSeconds, limits.MIN_ID_ACCESS_TOKEN_SECONDS, limits.MAX_ID_ACCESS_TOKEN_SECONDS) ??
    checkLifetime('RefreshTokenValidity', refreshSeconds, limits.MIN_REFRESH_TOKEN_SECONDS, limits.MAX_REFRESH_TOKEN_SECONDS);
  if (problem !== undefined) return fail(problem);
  const flows = request['ExplicitAuthFlows'];
  const client: ClientState = {
    clientId: ids.clientId(world.rng.stream('cognito.ids')),
    clientName: text(request, 'ClientName'),
    explicitAuthFlows: Array.isArray(flows) ? flows.map(String) : ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'],
    idTokenSeconds: idSeconds,
    accessTokenSeconds: accessSeconds,
    refreshTokenSeconds: refreshSeconds,
    preventUserExistenceErrors: optionalText(request, 'PreventUserExistenceErrors') === 'ENABLED' ? 'ENABLED' : 'LEGACY',
  };
  pool.clients[client.clientId] = client;
  return ok(client);
}

export function createUserPoolClient(world: World, request: ApiDocument): Result<ApiDocument> {
  const userPoolId = text(request, 'UserPoolId');
  const pool = findUserPool(world, userPoolId);
  const client = pool.ok ? planClient(world, pool.value, request) : pool;
  const output = client.ok
    ? ok<ApiDocument>({
        UserPoolClient: {
          UserPoolId: userPoolId,
          ClientName: client.value.clientName,
          ClientId: client.value.clientId,
          ExplicitAuthFlows: client.value.explicitAuthFlows,
          IdTokenValidity: client.value.idTokenSeconds,
          AccessTokenValidity: client.value.accessTokenSeconds,
          RefreshTokenValidity: client.value.refreshTokenSeconds,
          TokenValidityUnits: { IdToken: 'seconds', AccessToken: 'seconds', RefreshToken: 'seconds' },
          PreventUserExistenceErrors: client.value.preventUserExistenceErrors,
        },
      })
    : client;
  return idp(world, 'CreateUserPoolClient', output, { userPoolId });
}

export function createGroup(world: World, request: ApiDocument): Result<ApiDocument> {
  const userPoolId = text(request, 'UserPoolId');
  const groupName = text(request, 'GroupName');
  const pool = findUserPool(world, userPoolId);
  let result: Result<ApiDocument> = pool.ok ? ok({}) : pool;
  if (pool.ok) {
    const roleArn = optionalText(request, 'RoleArn');
    const precedence = request['Precedence'];
    pool.value.groups[groupName] = { groupName, ...(roleArn === undefined ? {} : { roleArn }), ...(typeof precedence === 'number' ? { precedence } : {}) };
    result = ok({ Group: { GroupName: groupName, UserPoolId: userPoolId, ...(roleArn === undefined ? {} : { RoleArn: roleArn }), ...(typeof precedence === 'number' ? { Precedence: precedence } : {}) } });
  }
  return idp(world, 'CreateGroup', result, { userPoolId, groupName });
}

/** The shape of the admin operations on one user: find pool and user, change it, record one event. */
function onUser(world: World, operation: string, request: ApiDocument, body: (pool: UserPoolState, user: UserState) => Result<ApiDocument>): Result<ApiDocument> {
  const userPoolId = text(request, 'UserPoolId');
  const username = text(request, 'Username');
  const pool = findUserPool(world, userPoolId);
  const user = pool.ok ? pool.value.users[username] : undefined;
  const result = !pool.ok ? pool : user === undefined ? fail<ApiDocument>(userNotFound()) : body(pool.value, user);
  return idp(world, operation, result, { userPoolId, username });
}

export function adminAddUserToGroup(world: World, request: ApiDocument): Result<ApiDocument> {
  const groupName = text(request, 'GroupName');
  return onUser(world, 'AdminAddUserToGroup', request, (pool, user) => {
    if (pool.groups[groupName] === undefined) return fail(resourceNotFound('Group not found.'));
    if (!user.groups.includes(groupName)) user.groups.push(groupName);
    return ok({});
  });
}

/** A user as ListUsers and AdminCreateUser show it. */
export function userRecord(user: UserState): ApiDocument {
  return {
    Username: user.username,
    Attributes: Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value })),
    UserCreateDate: cliTime(user.createdMs),
    UserLastModifiedDate: cliTime(user.createdMs),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/** AdminGetUser names the attributes `UserAttributes`; the simulator adds the user's groups. */
export function adminGetUser(world: World, request: ApiDocument): Result<ApiDocument> {
  return onUser(world, 'AdminGetUser', request, (_pool, user) => {
    const { Attributes, ...rest } = userRecord(user);
    return ok({ ...rest, UserAttributes: Attributes, ...(user.groups.length === 0 ? {} : { Groups: [...user.groups] }) });
  });
}

/** Users in name order. */
export function listUsers(world: World, request: ApiDocument): Result<ApiDocument> {
  const pool = findUserPool(world, text(request, 'UserPoolId'));
  const users = pool.ok ? Object.values(pool.value.users).sort((a, b) => (a.username < b.username ? -1 : 1)) : [];
  return idp(world, 'ListUsers', pool.ok ? ok({ Users: users.map(userRecord) }) : pool, { userPoolId: text(request, 'UserPoolId') });
}

export function adminDisableUser(world: World, request: ApiDocument): Result<ApiDocument> {
  return onUser(world, 'AdminDisableUser', request, (_pool, user) => {
    user.enabled = false;
    return ok({});
  });
}

export function adminEnableUser(world: World, request: ApiDocument): Result<ApiDocument> {
  return onUser(world, 'AdminEnableUser', request, (_pool, user) => {
    user.enabled = true;
    return ok({});
  });
}

/** The pool's `/.well-known/jwks.json` document (COG-05). */
export function userPoolJwks(pool: UserPoolState): { keys: readonly Readonly<Record<string, unknown>>[] } {
  return { keys: [jwkFor(pool.keyIndex, pool.kid)] };
}
