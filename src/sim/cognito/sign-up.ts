// Sign-up and confirmation (COG-01, COG-03): SignUp checks the password policy and sends a six-digit
// code to the simulated inbox; ConfirmSignUp checks it (24 h lifetime); AdminConfirmSignUp skips it.
import type { ApiDocument } from '../cli/operation-spec.js';
import { fail, ok, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import { alreadyConfirmed, codeMismatch, expiredCode, invalidPassword, userNotFound, usernameExists } from './errors.js';
import * as ids from './ids.js';
import { CONFIRMATION_CODE_LIFETIME_MS } from './limits.js';
import { cognitoState, type PasswordPolicy, type UserPoolState, type UserState } from './model.js';
import { findClient, findUserPool, recordCall, text } from './request.js';

/** The first rule of the policy the password breaks, in Cognito's words; undefined when it passes. */
export function passwordProblem(policy: PasswordPolicy, password: string): string | undefined {
  if (password.length < policy.MinimumLength) return 'Password not long enough';
  if (policy.RequireLowercase && !/[a-z]/.test(password)) return 'Password must have lowercase characters';
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) return 'Password must have uppercase characters';
  if (policy.RequireNumbers && !/[0-9]/.test(password)) return 'Password must have numeric characters';
  if (policy.RequireSymbols && !/[^A-Za-z0-9]/.test(password)) return 'Password must have symbol characters';
  return undefined;
}

export function attributesOf(request: ApiDocument): Record<string, string> {
  const list = request['UserAttributes'];
  const attributes: Record<string, string> = {};
  for (const entry of Array.isArray(list) ? list : []) {
    if (typeof entry === 'object' && entry !== null) {
      const { Name, Value } = entry as Record<string, unknown>;
      if (typeof Name === 'string') attributes[Name] = String(Value ?? '');
    }
  }
  return attributes;
}

/** Sends a fresh code to the user's email (or, without one, to an inbox named after the username). */
export function sendCode(world: World, pool: UserPoolState, user: UserState): string {
  const code = ids.confirmationCode(world.rng.stream('cognito.codes'));
  user.pendingCode = { code, expiresAtMs: world.nowMs + CONFIRMATION_CODE_LIFETIME_MS };
  const to = user.attributes['email'] ?? user.username;
  cognitoState(world).inbox.push({ timeMs: world.nowMs, to, subject: `Your verification code (${pool.name})`, body: `Your confirmation code is ${code}`, code });
  return to;
}

function planSignUp(world: World, pool: UserPoolState, request: ApiDocument): Result<ApiDocument> {
  const username = text(request, 'Username');
  const password = text(request, 'Password');
  if (pool.users[username] !== undefined) return fail(usernameExists());
  const problem = passwordProblem(pool.passwordPolicy, password);
  if (problem !== undefined) return fail(invalidPassword(problem));
  const sub = ids.uuid(world.rng.stream('cognito.ids'));
  const user: UserState = { username, sub, password, status: 'UNCONFIRMED', enabled: true, attributes: { ...attributesOf(request), sub }, createdMs: world.nowMs, groups: [] };
  pool.users[username] = user;
  const destination = sendCode(world, pool, user);
  const medium = user.attributes['email'] === undefined ? 'SMS' : 'EMAIL';
  return ok({
    UserConfirmed: false,
    CodeDeliveryDetails: { Destination: maskAddress(destination), DeliveryMedium: medium, AttributeName: medium === 'EMAIL' ? 'email' : 'phone_number' },
    UserSub: sub,
  });
}

/** `alice@example.com` → `a***@e***`, the way Cognito hides where the code went. */
function maskAddress(address: string): string {
  const [local = '', domain] = address.split('@');
  return domain === undefined ? `${local.slice(0, 1)}***` : `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}

export function signUp(world: World, request: ApiDocument): Result<ApiDocument> {
  const clientId = text(request, 'ClientId');
  const found = findClient(world, clientId);
  const result = found.ok ? planSignUp(world, found.value.pool, request) : found;
  return recordCall(world, 'cognito-idp', 'SignUp', result, { clientId, username: text(request, 'Username') });
}

function checkCode(world: World, user: UserState, code: string): AwsError | undefined {
  if (user.status === 'CONFIRMED') return alreadyConfirmed();
  const pending = user.pendingCode;
  if (pending === undefined || pending.code !== code) return codeMismatch();
  if (world.nowMs > pending.expiresAtMs) return expiredCode();
  return undefined;
}

export function confirmSignUp(world: World, request: ApiDocument): Result<ApiDocument> {
  const clientId = text(request, 'ClientId');
  const username = text(request, 'Username');
  const found = findClient(world, clientId);
  let result: Result<ApiDocument> = found;
  if (found.ok) {
    const user = found.value.pool.users[username];
    const problem = user === undefined ? userNotFound() : checkCode(world, user, text(request, 'ConfirmationCode'));
    result = problem === undefined ? ok({}) : fail(problem);
    if (problem === undefined && user !== undefined) confirm(user);
  }
  return recordCall(world, 'cognito-idp', 'ConfirmSignUp', result, { clientId, username });
}

function confirm(user: UserState): void {
  user.status = 'CONFIRMED';
  delete user.pendingCode;
  if (user.attributes['email'] !== undefined) user.attributes['email_verified'] = 'true';
}

export function adminConfirmSignUp(world: World, request: ApiDocument): Result<ApiDocument> {
  const userPoolId = text(request, 'UserPoolId');
  const username = text(request, 'Username');
  const pool = findUserPool(world, userPoolId);
  const user = pool.ok ? pool.value.users[username] : undefined;
  let result: Result<ApiDocument> = pool.ok ? (user === undefined ? fail(userNotFound()) : ok({})) : pool;
  if (result.ok && user !== undefined) {
    if (user.status === 'CONFIRMED') result = fail(alreadyConfirmed());
    else confirm(user);
  }
  return recordCall(world, 'cognito-idp', 'AdminConfirmSignUp', result, { userPoolId, username });
}
