// SMS MFA (COG-01): after a right password, a pool with MFA ON (or OPTIONAL, for users who turned it
// on) answers the SMS_MFA challenge instead of tokens and sends a six-digit code to the simulated
// inbox; RespondToAuthChallenge with that code and the session finishes the sign-in.
import type { ApiDocument } from '../cli/operation-spec.js';
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { invalidParameter, notAuthorized, userNotFound } from './errors.js';
import * as ids from './ids.js';
import { epochSeconds } from './jwt.js';
import { cognitoState, type ClientState, type UserPoolState, type UserState } from './model.js';
import { findClient, findUserPool, recordCall, stringMap, text } from './request.js';
import { mintTokens } from './tokens.js';

/** Not in the facts sheet: Cognito's sign-in session (between challenge and answer) lasts 3 minutes. */
const MFA_SESSION_MS = 3 * 60_000;

export function needsMfa(pool: UserPoolState, user: UserState): boolean {
  return pool.mfaConfiguration === 'ON' || (pool.mfaConfiguration === 'OPTIONAL' && user.smsMfaEnabled === true);
}

/** Sends the code and answers the SMS_MFA challenge. */
export function startMfa(world: World, pool: UserPoolState, client: ClientState, user: UserState): ApiDocument {
  const code = ids.confirmationCode(world.rng.stream('cognito.codes'));
  const session = ids.opaqueToken(world.rng.stream('cognito.tokens'), 180);
  pool.mfaSessions[session] = { username: user.username, clientId: client.clientId, code, expiresAtMs: world.nowMs + MFA_SESSION_MS };
  const to = user.attributes['phone_number'] ?? user.username;
  cognitoState(world).inbox.push({ timeMs: world.nowMs, to, subject: `SMS (${pool.name})`, body: `Your authentication code is ${code}`, code });
  return { ChallengeName: 'SMS_MFA', Session: session, ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: `+*******${to.slice(-4)}`, USER_ID_FOR_SRP: user.username } };
}

function answer(world: World, pool: UserPoolState, client: ClientState, request: ApiDocument): Result<ApiDocument> {
  if (text(request, 'ChallengeName') !== 'SMS_MFA') return fail(invalidParameter('The sandbox answers the SMS_MFA challenge only.'));
  const sessionId = text(request, 'Session');
  const session = pool.mfaSessions[sessionId];
  if (session === undefined || session.clientId !== client.clientId) return fail(notAuthorized('Invalid session for the user.'));
  if (world.nowMs > session.expiresAtMs) return fail(notAuthorized('Invalid session for the user, session is expired.'));
  if (stringMap(request, 'ChallengeResponses')['SMS_MFA_CODE'] !== session.code) return fail(awsError('CodeMismatchException', 400, 'Invalid code or auth state for the user.'));
  delete pool.mfaSessions[sessionId];
  const user = pool.users[session.username];
  if (user === undefined) return fail(userNotFound());
  return ok({ ChallengeParameters: {}, AuthenticationResult: mintTokens(world, pool, client, user, epochSeconds(world.nowMs), true) });
}

export function respondToAuthChallenge(world: World, request: ApiDocument): Result<ApiDocument> {
  const clientId = text(request, 'ClientId');
  const found = findClient(world, clientId);
  const result = found.ok ? answer(world, found.value.pool, found.value.client, request) : found;
  return recordCall(world, 'cognito-idp', 'RespondToAuthChallenge', result, { clientId, challengeName: text(request, 'ChallengeName') });
}

/** AdminSetUserMFAPreference with `SMSMfaSettings Enabled=true|false`. */
export function adminSetUserMfaPreference(world: World, request: ApiDocument): Result<ApiDocument> {
  const pool = findUserPool(world, text(request, 'UserPoolId'));
  const user = pool.ok ? pool.value.users[text(request, 'Username')] : undefined;
  const result: Result<ApiDocument> = !pool.ok ? pool : user === undefined ? fail(userNotFound()) : ok({});
  const settings = stringMap(request, 'SMSMfaSettings');
  if (result.ok && user !== undefined) user.smsMfaEnabled = settings['Enabled'] === 'true';
  return recordCall(world, 'cognito-idp', 'AdminSetUserMFAPreference', result, { username: text(request, 'Username') });
}
