// Users an administrator creates (COG-01): AdminCreateUser gives a temporary password (sent to the
// inbox unless suppressed) and status FORCE_CHANGE_PASSWORD; the first sign-in answers the
// NEW_PASSWORD_REQUIRED challenge, answered with a new password that meets the policy.
import type { ApiDocument } from '../cli/operation-spec.js';
import { fail, ok, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import { invalidPassword, notAuthorized, usernameExists } from './errors.js';
import * as ids from './ids.js';
import { cognitoState, type UserPoolState, type UserState } from './model.js';
import { findUserPool, optionalText, recordCall, text } from './request.js';
import { attributesOf, passwordProblem } from './sign-up.js';
import { userRecord } from './user-pools.js';

/** Not in the facts sheet: Cognito's default temporary-password validity is 7 days. */
export const TEMPORARY_PASSWORD_MS = 7 * 86_400_000;

function planCreate(world: World, pool: UserPoolState, request: ApiDocument): Result<ApiDocument> {
  const username = text(request, 'Username');
  if (pool.users[username] !== undefined) return fail(usernameExists());
  const given = optionalText(request, 'TemporaryPassword');
  const password = given ?? `Tmp-${ids.randomChars(world.rng.stream('cognito.codes'), 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789', 8)}1a`;
  const problem = passwordProblem(pool.passwordPolicy, password);
  if (problem !== undefined) return fail(invalidPassword(problem));
  const sub = ids.uuid(world.rng.stream('cognito.ids'));
  const user: UserState = { username, sub, password, status: 'FORCE_CHANGE_PASSWORD', enabled: true, attributes: { ...attributesOf(request), sub }, createdMs: world.nowMs, groups: [], temporaryPasswordExpiresAtMs: world.nowMs + TEMPORARY_PASSWORD_MS };
  pool.users[username] = user;
  if (optionalText(request, 'MessageAction') !== 'SUPPRESS') {
    const to = user.attributes['email'] ?? username;
    cognitoState(world).inbox.push({ timeMs: world.nowMs, to, subject: `Your temporary password (${pool.name})`, body: `Your username is ${username} and temporary password is ${password}`, code: password });
  }
  return ok({ User: userRecord(user) });
}

export function adminCreateUser(world: World, request: ApiDocument): Result<ApiDocument> {
  const pool = findUserPool(world, text(request, 'UserPoolId'));
  const result = pool.ok ? planCreate(world, pool.value, request) : pool;
  return recordCall(world, 'cognito-idp', 'AdminCreateUser', result, { username: text(request, 'Username') });
}

/** The right temporary password after its 7 days: the administrator has to create a new one. */
export function temporaryPasswordProblem(world: World, user: UserState): AwsError | undefined {
  if (user.status !== 'FORCE_CHANGE_PASSWORD' || world.nowMs <= (user.temporaryPasswordExpiresAtMs ?? Number.POSITIVE_INFINITY)) return undefined;
  return notAuthorized('Temporary password has expired and must be reset by an administrator.');
}

/** NEW_PASSWORD_REQUIRED answered: the new password must meet the policy; the user is then CONFIRMED. */
export function completeNewPassword(pool: UserPoolState, user: UserState, newPassword: string): Result<undefined> {
  const problem = passwordProblem(pool.passwordPolicy, newPassword);
  if (problem !== undefined) return fail(invalidPassword(problem));
  user.password = newPassword;
  user.status = 'CONFIRMED';
  delete user.temporaryPasswordExpiresAtMs;
  return ok(undefined);
}
