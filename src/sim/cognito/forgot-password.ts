// Codes after sign-up (COG-01, COG-03): ResendConfirmationCode sends a new sign-up code; ForgotPassword
// sends a reset code to the inbox and ConfirmForgotPassword sets the new password with it.
import type { ApiDocument } from '../cli/operation-spec.js';
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { codeMismatch, expiredCode, invalidParameter, invalidPassword, userNotFound } from './errors.js';
import * as ids from './ids.js';
import { cognitoState, type UserPoolState, type UserState } from './model.js';
import { findClient, recordCall, text } from './request.js';
import { passwordProblem, sendCode } from './sign-up.js';

/** Not in the facts sheet: Cognito's password-reset codes last 1 hour. */
const RESET_CODE_MS = 3_600_000;

/** The client's pool and the named user, or Cognito's error. */
function userOf(world: World, request: ApiDocument, body: (pool: UserPoolState, user: UserState) => Result<ApiDocument>): Result<ApiDocument> {
  const found = findClient(world, text(request, 'ClientId'));
  if (!found.ok) return found;
  const user = found.value.pool.users[text(request, 'Username')];
  return user === undefined ? fail(userNotFound()) : body(found.value.pool, user);
}

const delivery = (to: string, medium: 'EMAIL' | 'SMS') => ({ CodeDeliveryDetails: { Destination: `${to.slice(0, 1)}***`, DeliveryMedium: medium, AttributeName: medium === 'EMAIL' ? 'email' : 'phone_number' } });

export function resendConfirmationCode(world: World, request: ApiDocument): Result<ApiDocument> {
  const result = userOf(world, request, (pool, user) => {
    if (user.status !== 'UNCONFIRMED') return fail(invalidParameter('User is already confirmed.'));
    return ok(delivery(sendCode(world, pool, user), user.attributes['email'] === undefined ? 'SMS' : 'EMAIL'));
  });
  return recordCall(world, 'cognito-idp', 'ResendConfirmationCode', result, { username: text(request, 'Username') });
}

export function forgotPassword(world: World, request: ApiDocument): Result<ApiDocument> {
  const result = userOf(world, request, (pool, user) => {
    const code = ids.confirmationCode(world.rng.stream('cognito.codes'));
    user.resetCode = { code, expiresAtMs: world.nowMs + RESET_CODE_MS };
    const to = user.attributes['email'] ?? user.username;
    cognitoState(world).inbox.push({ timeMs: world.nowMs, to, subject: `Reset your password (${pool.name})`, body: `Your password reset code is ${code}`, code });
    return ok(delivery(to, user.attributes['email'] === undefined ? 'SMS' : 'EMAIL'));
  });
  return recordCall(world, 'cognito-idp', 'ForgotPassword', result, { username: text(request, 'Username') });
}

export function confirmForgotPassword(world: World, request: ApiDocument): Result<ApiDocument> {
  const result = userOf(world, request, (pool, user) => {
    const pending = user.resetCode;
    if (pending === undefined || pending.code !== text(request, 'ConfirmationCode')) return fail(codeMismatch());
    if (world.nowMs > pending.expiresAtMs) return fail(expiredCode());
    const problem = passwordProblem(pool.passwordPolicy, text(request, 'Password'));
    if (problem !== undefined) return fail(invalidPassword(problem));
    user.password = text(request, 'Password');
    delete user.resetCode;
    return ok({});
  });
  return recordCall(world, 'cognito-idp', 'ConfirmForgotPassword', result, { username: text(request, 'Username') });
}
