// How API Gateway checks a SigV4 signature (APIGW-11). Every failure is a 403: no Authorization header
// → "Missing Authentication Token"; a header without its parts → incomplete signature; a credential
// scope for another date, Region or service; a timestamp more than 5 minutes from the clock →
// "Signature expired"; an unknown key or a different signature → "The request signature we calculated
// does not match ...". Pure: the caller passes the clock and the key lookup.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingRequest } from './contract.js';
import { forbidden, type ForbiddenOutcome } from './outcomes.js';
import { SIGNATURE_CLOCK_SKEW_MS } from './limits.js';
import { ALGORITHM, amzDateOf, canonicalRequestOf, credentialScopeOf, lowerCaseHeaders, parseAmzDate, signatureOf, stringToSignOf } from './sigv4.js';

export const MISSING_TOKEN_MESSAGE = 'Missing Authentication Token';
export const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your secret access key and how the request was signed.';
export const INVALID_SECURITY_TOKEN_MESSAGE = 'The security token included in the request is invalid.';

export interface ParsedAuthorization {
  readonly accessKeyId: string;
  readonly dateStamp: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** Splits `AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=hex`. */
export function parseAuthorizationHeader(value: string): ParsedAuthorization | undefined {
  if (!value.startsWith(`${ALGORITHM} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of value.slice(ALGORITHM.length + 1).split(',')) {
    const [name = '', ...rest] = part.trim().split('=');
    fields.set(name, rest.join('='));
  }
  const credential = (fields.get('Credential') ?? '').split('/');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (credential.length !== 5 || credential[4] !== 'aws4_request' || signedHeaders === undefined || signature === undefined || signature === '') return undefined;
  const [accessKeyId = '', dateStamp = '', region = '', service = ''] = credential;
  return { accessKeyId, dateStamp, region, service, signedHeaders: signedHeaders.split(';'), signature };
}

export interface KnownCredentials {
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface VerifyOptions {
  readonly region: string;
  readonly service: string;
  readonly nowMs: number;
  readonly lookupCredentials: (accessKeyId: string) => KnownCredentials | undefined;
}

export type SignatureCheck = { readonly kind: 'valid'; readonly accessKeyId: string } | { readonly kind: 'rejected'; readonly outcome: ForbiddenOutcome };

const rejected = (gatewayResponse: string, message: string, reason: string): SignatureCheck => ({ kind: 'rejected', outcome: forbidden(gatewayResponse, message, reason) });
const mismatch = (reason: string): SignatureCheck => rejected('INVALID_SIGNATURE', SIGNATURE_MISMATCH_MESSAGE, reason);

/** The 5-minute window around the clock (APIGW-11), worded as AWS words it. */
function checkClockSkew(amzDate: string, signedAtMs: number, nowMs: number): SignatureCheck | undefined {
  const now = amzDateOf(nowMs).amzDate;
  if (signedAtMs < nowMs - SIGNATURE_CLOCK_SKEW_MS) {
    const message = `Signature expired: ${amzDate} is now earlier than ${amzDateOf(nowMs - SIGNATURE_CLOCK_SKEW_MS).amzDate} (${now} - 5 min.)`;
    return rejected('INVALID_SIGNATURE', message, 'the signature is more than 5 minutes old (APIGW-11)');
  }
  if (signedAtMs > nowMs + SIGNATURE_CLOCK_SKEW_MS) {
    const message = `Signature not yet current: ${amzDate} is still later than ${amzDateOf(nowMs + SIGNATURE_CLOCK_SKEW_MS).amzDate} (${now} + 5 min.)`;
    return rejected('INVALID_SIGNATURE', message, 'the signature is dated more than 5 minutes ahead (APIGW-11)');
  }
  return undefined;
}

function checkScope(parsed: ParsedAuthorization, amzDate: string, options: VerifyOptions): SignatureCheck | undefined {
  if (parsed.dateStamp !== amzDate.slice(0, 8)) {
    return rejected('INVALID_SIGNATURE', `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${parsed.dateStamp}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`, 'the credential scope names another date');
  }
  if (parsed.region !== options.region) return rejected('INVALID_SIGNATURE', `Credential should be scoped to a valid region, not '${parsed.region}'.`, `the credential scope names ${parsed.region}, the API is in ${options.region}`);
  if (parsed.service !== options.service) return rejected('INVALID_SIGNATURE', `Credential should be scoped to correct service: '${options.service}'.`, `the credential scope names service ${parsed.service}`);
  return undefined;
}

function signaturesEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks the request's SigV4 signature; the credentials' secret comes from `lookupCredentials`. */
export function verifySignature(request: IncomingRequest, options: VerifyOptions): SignatureCheck {
  const headers = lowerCaseHeaders(request.headers);
  const authorization = headers['authorization'];
  if (authorization === undefined || authorization === '') return rejected('MISSING_AUTHENTICATION_TOKEN', MISSING_TOKEN_MESSAGE, 'the request is not signed (no Authorization header)');
  const parsed = parseAuthorizationHeader(authorization);
  if (parsed === undefined) {
    return rejected('INCOMPLETE_SIGNATURE', `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters, with algorithm ${ALGORITHM}.`, 'the Authorization header is not a complete SigV4 header');
  }
  const amzDate = headers['x-amz-date'] ?? '';
  const signedAtMs = parseAmzDate(amzDate);
  if (signedAtMs === undefined) return rejected('INCOMPLETE_SIGNATURE', "Authorization header requires existence of a valid 'X-Amz-Date' header.", 'no valid x-amz-date header');
  const problem = checkClockSkew(amzDate, signedAtMs, options.nowMs) ?? checkScope(parsed, amzDate, options);
  if (problem !== undefined) return problem;
  if (!parsed.signedHeaders.includes('host') || parsed.signedHeaders.some((name) => headers[name] === undefined)) return mismatch('a signed header is missing from the request, or host is not signed');
  const known = options.lookupCredentials(parsed.accessKeyId);
  if (known === undefined) return mismatch(`no credentials have the access key id ${parsed.accessKeyId}`);
  if (known.sessionToken !== undefined && headers['x-amz-security-token'] !== known.sessionToken) {
    return rejected('INVALID_SIGNATURE', INVALID_SECURITY_TOKEN_MESSAGE, 'temporary credentials need their session token in x-amz-security-token');
  }
  const canonicalRequest = canonicalRequestOf({ method: request.method, path: request.path, query: request.query, headers, signedHeaders: parsed.signedHeaders, body: request.body });
  const scope = credentialScopeOf(parsed.dateStamp, parsed.region, parsed.service);
  const expected = signatureOf(known.secretAccessKey, scope, stringToSignOf(amzDate, scope, canonicalRequest));
  if (!signaturesEqual(expected, parsed.signature)) return mismatch('the signature differs from the one computed from the request and the secret key');
  return { kind: 'valid', accessKeyId: parsed.accessKeyId };
}
