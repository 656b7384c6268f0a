// Sign-in (COG-01, COG-03): InitiateAuth with USER_PASSWORD_AUTH or REFRESH_TOKEN_AUTH, and GetUser
// with an access token. Errors keep Cognito's names and order of checks: unknown user (hidden behind
// NotAuthorizedException when the client prevents user-existence errors), disabled, wrong password,
// not confirmed.
import type { ApiDocument } from '../cli/operation-spec.js';
import { fail, ok, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import { incorrectPassword, invalidParameter, notAuthorized, userDisabled, userNotConfirmed, userNotFound } from './errors.js';
import { epochSeconds } from './jwt.js';
import { temporaryPasswordProblem } from './admin-users.js';
import { afterPassword } from './challenges.js';
import type { ClientState, UserPoolState, UserState } from './model.js';
import { findClient, recordCall, stringMap, text } from './request.js';
import { checkUserPoolToken, mintTokens } from './tokens.js';

function passwordAuth(world: World, pool: UserPoolState, client: ClientState, parameters: Record<string, string>): Result<ApiDocument> {
  if (!client.explicitAuthFlows.includes('ALLOW_USER_PASSWORD_AUTH') && !client.explicitAuthFlows.includes('USER_PASSWORD_AUTH')) {
    return fail(invalidParameter('USER_PASSWORD_AUTH flow not enabled for this client'));
  }
  const user = pool.users[parameters['USERNAME'] ?? ''];
  const problem = signInProblem(client, user, parameters['PASSWORD'] ?? '');
  if (problem !== undefined || user === undefined) return fail(problem ?? userNotFound());
  const expired = temporaryPasswordProblem(world, user);
  return expired === undefined ? ok(afterPassword(world, pool, client, user)) : fail(expired);
}

function signInProblem(client: ClientState, user: UserState | undefined, password: string): AwsError | undefined {
  if (user === undefined) return client.preventUserExistenceErrors === 'ENABLED' ? incorrectPassword() : userNotFound();
  if (!user.enabled) return userDisabled();
  if (user.password !== password) return incorrectPassword();
  if (user.status === 'UNCONFIRMED') return userNotConfirmed();
  return undefined;
}

function refreshAuth(world: World, pool: UserPoolState, client: ClientState, parameters: Record<string, string>): Result<ApiDocument> {
  const stored = pool.refreshTokens[parameters['REFRESH_TOKEN'] ?? ''];
  if (stored === undefined || stored.clientId !== client.clientId) return fail(notAuthorized('Invalid Refresh Token'));
  if (world.nowMs >= stored.expiresAtMs) return fail(notAuthorized('Refresh Token has expired'));
  const user = pool.users[stored.username];
  if (user === undefined) return fail(userNotFound());
  if (!user.enabled) return fail(userDisabled());
  return ok({ ChallengeParameters: {}, AuthenticationResult: mintTokens(world, pool, client, user, epochSeconds(world.nowMs), false) });
}

export function initiateAuth(world: World, request: ApiDocument): Result<ApiDocument> {
  const clientId = text(request, 'ClientId');
  const flow = text(request, 'AuthFlow');
  const parameters = stringMap(request, 'AuthParameters');
  const found = findClient(world, clientId);
  let result: Result<ApiDocument> = found;
  if (found.ok && flow === 'USER_PASSWORD_AUTH') result = passwordAuth(world, found.value.pool, found.value.client, parameters);
  else if (found.ok && flow === 'REFRESH_TOKEN_AUTH') result = refreshAuth(world, found.value.pool, found.value.client, parameters);
  else if (found.ok) result = fail(invalidParameter(`The sandbox signs in with USER_PASSWORD_AUTH or REFRESH_TOKEN_AUTH; ${flow} is not simulated.`));
  return recordCall(world, 'cognito-idp', 'InitiateAuth', result, { clientId, authFlow: flow, username: parameters['USERNAME'] ?? null });
}

export function getUser(world: World, request: ApiDocument): Result<ApiDocument> {
  const checked = checkUserPoolToken(world, text(request, 'AccessToken'), 'access', 'Access Token');
  let result: Result<ApiDocument> = checked;
  if (checked.ok) {
    const user = checked.value.pool.users[String(checked.value.claims['username'])];
    result = user === undefined ? fail(userNotFound()) : !user.enabled ? fail(userDisabled()) : ok({
      Username: user.username,
      UserAttributes: Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value })),
    });
  }
  return recordCall(world, 'cognito-idp', 'GetUser', result, {});
}
