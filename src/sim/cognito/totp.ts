// TOTP MFA (COG-01): AssociateSoftwareToken gives a base32 secret, the learner's "authenticator app"
// (`sim totp code SECRET`) computes RFC 6238 codes from it on the virtual clock (HMAC-SHA1, 30-second
// steps, 6 digits), VerifySoftwareToken turns it on after one good code.
import { createHmac } from 'node:crypto';
import type { ApiDocument } from '../cli/operation-spec.js';
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { userNotFound } from './errors.js';
import { randomChars } from './ids.js';
import type { UserPoolState, UserState } from './model.js';
import { recordCall, text } from './request.js';
import { checkUserPoolToken } from './tokens.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** RFC 6238 defaults, which authenticator apps and Cognito use. */
const STEP_SECONDS = 30;
const DIGITS = 6;

function base32Bytes(secret: string): Buffer {
  let bits = '';
  for (const char of secret.replace(/=+$/, '')) bits += BASE32.indexOf(char.toUpperCase()).toString(2).padStart(5, '0');
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The code an authenticator shows for `secret` at `timeMs`. */
export function totpCode(secret: string, timeMs: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(timeMs / 1_000 / STEP_SECONDS)));
  const digest = createHmac('sha1', base32Bytes(secret)).update(counter).digest();
  const offset = (digest[digest.length - 1] ?? 0) & 0x0f;
  const value = ((digest[offset]! & 0x7f) << 24) | (digest[offset + 1]! << 16) | (digest[offset + 2]! << 8) | digest[offset + 3]!;
  return String(value % 10 ** DIGITS).padStart(DIGITS, '0');
}

/** Accepts the current step and the one before (a code typed just as it rolled over). */
export function isTotpValid(secret: string, code: string, timeMs: number): boolean {
  return code === totpCode(secret, timeMs) || code === totpCode(secret, timeMs - STEP_SECONDS * 1_000);
}

function withUser(world: World, request: ApiDocument, body: (pool: UserPoolState, user: UserState) => Result<ApiDocument>): Result<ApiDocument> {
  const checked = checkUserPoolToken(world, text(request, 'AccessToken'), 'access', 'Access Token');
  if (!checked.ok) return checked;
  const user = checked.value.pool.users[String(checked.value.claims['username'])];
  return user === undefined ? fail(userNotFound()) : body(checked.value.pool, user);
}

export function associateSoftwareToken(world: World, request: ApiDocument): Result<ApiDocument> {
  const result = withUser(world, request, (_pool, user) => {
    const secret = randomChars(world.rng.stream('cognito.codes'), BASE32, 32);
    user.totpSecret = secret;
    user.isTotpVerified = false;
    return ok({ SecretCode: secret });
  });
  return recordCall(world, 'cognito-idp', 'AssociateSoftwareToken', result, {});
}

export function verifySoftwareToken(world: World, request: ApiDocument): Result<ApiDocument> {
  const result = withUser(world, request, (_pool, user) => {
    if (user.totpSecret === undefined || !isTotpValid(user.totpSecret, text(request, 'UserCode'), world.nowMs)) {
      return fail(awsError('EnableSoftwareTokenMFAException', 400, 'Code mismatch and fail enable Software Token MFA'));
    }
    user.isTotpVerified = true;
    return ok({ Status: 'SUCCESS' });
  });
  return recordCall(world, 'cognito-idp', 'VerifySoftwareToken', result, {});
}
