// Sign-in challenges (COG-01). After a right password: an admin-created user first answers
// NEW_PASSWORD_REQUIRED (admin-users.ts); then a pool with MFA ON (or OPTIONAL, for users who turned it
// on) asks SOFTWARE_TOKEN_MFA for users with a verified authenticator (totp.ts) who chose it, else
// SMS_MFA with a six-digit code sent to the simulated inbox. RespondToAuthChallenge with the answer
// and the session goes on to the next step or the tokens.
import type { ApiDocument } from '../cli/operation-spec.js';
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { invalidParameter, notAuthorized, userNotFound } from './errors.js';
import * as ids from './ids.js';
import { epochSeconds } from './jwt.js';
import { cognitoState, type ClientState, type MfaSessionState, type UserPoolState, type UserState } from './model.js';
import { findClient, findUserPool, recordCall, stringMap, text } from './request.js';
import { completeNewPassword } from './admin-users.js';
import { mintTokens } from './tokens.js';
import { isTotpValid } from './totp.js';

/** Not in the facts sheet: Cognito's sign-in session (between challenge and answer) lasts 3 minutes. */
const MFA_SESSION_MS = 3 * 60_000;

/** What a right password leads to: a challenge, or the tokens. */
export function afterPassword(world: World, pool: UserPoolState, client: ClientState, user: UserState): ApiDocument {
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    const session = ids.opaqueToken(world.rng.stream('cognito.tokens'), 180);
    pool.mfaSessions[session] = { challengeName: 'NEW_PASSWORD_REQUIRED', username: user.username, clientId: client.clientId, code: '', expiresAtMs: world.nowMs + MFA_SESSION_MS };
    const attributes = Object.fromEntries(Object.entries(user.attributes).filter(([name]) => name !== 'sub'));
    return { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: session, ChallengeParameters: { USER_ID_FOR_SRP: user.username, requiredAttributes: '[]', userAttributes: JSON.stringify(attributes) } };
  }
  if (needsMfa(pool, user)) return startMfa(world, pool, client, user);
  return { ChallengeParameters: {}, AuthenticationResult: mintTokens(world, pool, client, user, epochSeconds(world.nowMs), true) };
}

function needsMfa(pool: UserPoolState, user: UserState): boolean {
  return pool.mfaConfiguration === 'ON' || (pool.mfaConfiguration === 'OPTIONAL' && (user.smsMfaEnabled === true || usesTotp(user)));
}

/** TOTP when the user verified an authenticator and chose it, else SMS with a code to the inbox. */
function startMfa(world: World, pool: UserPoolState, client: ClientState, user: UserState): ApiDocument {
  const session = ids.opaqueToken(world.rng.stream('cognito.tokens'), 180);
  const expiresAtMs = world.nowMs + MFA_SESSION_MS;
  if (usesTotp(user)) {
    pool.mfaSessions[session] = { challengeName: 'SOFTWARE_TOKEN_MFA', username: user.username, clientId: client.clientId, code: '', expiresAtMs };
    return { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: session, ChallengeParameters: { USER_ID_FOR_SRP: user.username } };
  }
  const code = ids.confirmationCode(world.rng.stream('cognito.codes'));
  pool.mfaSessions[session] = { challengeName: 'SMS_MFA', username: user.username, clientId: client.clientId, code, expiresAtMs };
  const to = user.attributes['phone_number'] ?? user.username;
  cognitoState(world).inbox.push({ timeMs: world.nowMs, to, subject: `SMS (${pool.name})`, body: `Your authentication code is ${code}`, code });
  return { ChallengeName: 'SMS_MFA', Session: session, ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: `+*******${to.slice(-4)}`, USER_ID_FOR_SRP: user.username } };
}

const usesTotp = (user: UserState): boolean => user.totpMfaEnabled === true && user.isTotpVerified === true && user.totpSecret !== undefined;

function isRightCode(world: World, session: MfaSessionState, user: UserState, responses: Readonly<Record<string, string>>): boolean {
  if (session.challengeName === 'SMS_MFA') return responses['SMS_MFA_CODE'] === session.code;
  return user.totpSecret !== undefined && isTotpValid(user.totpSecret, responses['SOFTWARE_TOKEN_MFA_CODE'] ?? '', world.nowMs);
}

function answer(world: World, pool: UserPoolState, client: ClientState, request: ApiDocument): Result<ApiDocument> {
  const sessionId = text(request, 'Session');
  const session = pool.mfaSessions[sessionId];
  if (session === undefined || session.clientId !== client.clientId) return fail(notAuthorized('Invalid session for the user.'));
  if (text(request, 'ChallengeName') !== session.challengeName) return fail(invalidParameter(`The session waits for the ${session.challengeName} challenge.`));
  if (world.nowMs > session.expiresAtMs) return fail(notAuthorized('Invalid session for the user, session is expired.'));
  const user = pool.users[session.username];
  if (user === undefined) return fail(userNotFound());
  const responses = stringMap(request, 'ChallengeResponses');
  if (session.challengeName === 'NEW_PASSWORD_REQUIRED') {
    const changed = completeNewPassword(pool, user, responses['NEW_PASSWORD'] ?? '');
    if (!changed.ok) return changed;
    delete pool.mfaSessions[sessionId];
    return ok(afterPassword(world, pool, client, user));
  }
  if (!isRightCode(world, session, user, responses)) return fail(awsError('CodeMismatchException', 400, 'Invalid code or auth state for the user.'));
  delete pool.mfaSessions[sessionId];
  return ok({ ChallengeParameters: {}, AuthenticationResult: mintTokens(world, pool, client, user, epochSeconds(world.nowMs), true) });
}

export function respondToAuthChallenge(world: World, request: ApiDocument): Result<ApiDocument> {
  const clientId = text(request, 'ClientId');
  const found = findClient(world, clientId);
  const result = found.ok ? answer(world, found.value.pool, found.value.client, request) : found;
  return recordCall(world, 'cognito-idp', 'RespondToAuthChallenge', result, { clientId, challengeName: text(request, 'ChallengeName') });
}

/** AdminSetUserMFAPreference with `SMSMfaSettings` and/or `SoftwareTokenMfaSettings` `Enabled=true|false`. */
export function adminSetUserMfaPreference(world: World, request: ApiDocument): Result<ApiDocument> {
  const pool = findUserPool(world, text(request, 'UserPoolId'));
  const user = pool.ok ? pool.value.users[text(request, 'Username')] : undefined;
  const result: Result<ApiDocument> = !pool.ok ? pool : user === undefined ? fail(userNotFound()) : ok({});
  const sms = stringMap(request, 'SMSMfaSettings');
  const totp = stringMap(request, 'SoftwareTokenMfaSettings');
  if (result.ok && user !== undefined) {
    if (sms['Enabled'] !== undefined) user.smsMfaEnabled = sms['Enabled'] === 'true';
    if (totp['Enabled'] !== undefined) user.totpMfaEnabled = totp['Enabled'] === 'true';
  }
  return recordCall(world, 'cognito-idp', 'AdminSetUserMFAPreference', result, { username: text(request, 'Username') });
}
