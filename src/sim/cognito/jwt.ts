// Real RS256 JWTs (COG-05): base64url header and claims, signed with one of the fixed test-only keys
// (keys.ts). RSA PKCS#1 v1.5 signatures are deterministic, so the same seed and commands give the
// same tokens byte for byte. Verification here is what API Gateway and identity pools need; tests
// check the same tokens with AWS's own aws-jwt-verify.
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { TEST_ONLY_PRIVATE_KEYS_PEM } from './keys.js';

export type Claims = Readonly<Record<string, unknown>>;

export interface DecodedJwt {
  readonly header: Claims;
  readonly claims: Claims;
}

const privateKeys = new Map<number, KeyObject>();

function privateKey(keyIndex: number): KeyObject {
  let key = privateKeys.get(keyIndex);
  if (key === undefined) {
    key = createPrivateKey(TEST_ONLY_PRIVATE_KEYS_PEM[keyIndex % TEST_ONLY_PRIVATE_KEYS_PEM.length]!);
    privateKeys.set(keyIndex, key);
  }
  return key;
}

export const KEY_COUNT = TEST_ONLY_PRIVATE_KEYS_PEM.length;

const base64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

/** A key id that looks like Cognito's (base64 of 32 bytes), fixed for an issuer and key. */
export function keyIdFor(issuer: string, keyIndex: number): string {
  return createHash('sha256').update(`${issuer}#${keyIndex}`).digest('base64');
}

export function signJwt(claims: Claims, keyIndex: number, kid: string): string {
  const signingInput = `${base64url(JSON.stringify({ kid, alg: 'RS256' }))}.${base64url(JSON.stringify(claims))}`;
  const signature = sign('RSA-SHA256', Buffer.from(signingInput), privateKey(keyIndex));
  return `${signingInput}.${base64url(signature)}`;
}

function parseSegment(segment: string): Claims | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Claims) : undefined;
  } catch {
    return undefined;
  }
}

/** Header and claims of a JWT without checking anything; undefined when it is not a JWT at all. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const header = parseSegment(parts[0]!);
  const claims = parseSegment(parts[1]!);
  return header === undefined || claims === undefined ? undefined : { header, claims };
}

/** Whether the token's RS256 signature was made by the key at `keyIndex`. */
export function hasValidSignature(token: string, keyIndex: number): boolean {
  const [header = '', payload = '', signature = ''] = token.split('.');
  return verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), createPublicKey(privateKey(keyIndex)), Buffer.from(signature, 'base64url'));
}

/** One JWKS entry, as `/.well-known/jwks.json` lists it. */
export function jwkFor(keyIndex: number, kid: string): Claims {
  const jwk = createPublicKey(privateKey(keyIndex)).export({ format: 'jwk' });
  return { alg: 'RS256', e: jwk.e, kid, kty: 'RSA', n: jwk.n, use: 'sig' };
}

export const epochSeconds = (timeMs: number): number => Math.floor(timeMs / 1_000);
