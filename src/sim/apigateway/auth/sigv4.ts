// AWS Signature Version 4, pure and with `node:crypto` only (APIGW-11): the canonical request (method,
// path, query, signed headers, body hash), the string to sign with the credential scope
// `<date>/<region>/<service>/aws4_request`, the derived signing key and the HMAC. `signRequest` is
// what a client does; `verifySignature` (sigv4-verify.ts) is what API Gateway does with it.
import { createHash, createHmac } from 'node:crypto';

export const ALGORITHM = 'AWS4-HMAC-SHA256';

export interface SignInput {
  readonly method: string;
  readonly host: string;
  /** The path as the client sends it, e.g. `/prod/orders/42`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Extra headers to send and sign (any case); `host`, `x-amz-date` and the session token are added. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly region: string;
  /** `execute-api` for API Gateway; other names only for AWS's published test vectors. */
  readonly service: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  /** The signing time on the world clock. */
  readonly timeMs: number;
}

export interface SignedRequest {
  /** Every header to send, names in lower case, including `authorization` and `x-amz-date`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly signature: string;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
}

/** `20150830T123600Z` and `20150830` for a time on the clock. */
export function amzDateOf(timeMs: number): { readonly amzDate: string; readonly dateStamp: string } {
  const amzDate = new Date(timeMs).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return { amzDate, dateStamp: amzDate.slice(0, 8) };
}

/** The time an `x-amz-date` value names, or undefined when it is not `YYYYMMDDTHHMMSSZ`. */
export function parseAmzDate(text: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const timeMs = Date.UTC(year, month - 1, day, hour, minute, second);
  return amzDateOf(timeMs).amzDate === text ? timeMs : undefined;
}

/** Percent-encodes everything but the RFC 3986 unreserved characters, as SigV4 asks. */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Each path segment encoded once (the simulator's simplification; both sides use the same rule). */
export function canonicalUri(path: string): string {
  const normalised = path === '' ? '/' : path;
  return normalised.split('/').map((segment) => encodeRfc3986(safeDecode(segment))).join('/');
}

/** Parameters sorted by encoded name (then value), each `name=value`, joined by `&`. */
export function canonicalQuery(query: Readonly<Record<string, string>>): string {
  return Object.entries(query)
    .map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** Lower-case names, values trimmed with inner runs of spaces folded to one. */
export function lowerCaseHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const lower: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value.trim().replace(/\s+/g, ' ');
  return lower;
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface CanonicalParts {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-case names → values. */
  readonly headers: Readonly<Record<string, string>>;
  /** Sorted lower-case names. */
  readonly signedHeaders: readonly string[];
  readonly body: string;
}

export function canonicalRequestOf(parts: CanonicalParts): string {
  const headerLines = parts.signedHeaders.map((name) => `${name}:${parts.headers[name] ?? ''}\n`).join('');
  return [parts.method.toUpperCase(), canonicalUri(parts.path), canonicalQuery(parts.query), headerLines, parts.signedHeaders.join(';'), sha256Hex(parts.body)].join('\n');
}

export function credentialScopeOf(dateStamp: string, region: string, service: string): string {
  return `${dateStamp}/${region}/${service}/aws4_request`;
}

export function stringToSignOf(amzDate: string, scope: string, canonicalRequest: string): string {
  return [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
}

const hmac = (key: Buffer | string, text: string): Buffer => createHmac('sha256', key).update(text, 'utf8').digest();

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"); the signature is HMAC(kSigning, stringToSign) in hex. */
export function signatureOf(secretAccessKey: string, scope: string, stringToSign: string): string {
  const signingKey = scope.split('/').reduce<Buffer | string>((key, part) => hmac(key, part), `AWS4${secretAccessKey}`);
  return createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
}

/** Signs a request as an AWS SDK would, returning the headers to send. */
export function signRequest(input: SignInput): SignedRequest {
  const { amzDate, dateStamp } = amzDateOf(input.timeMs);
  const headers = lowerCaseHeaders({
    ...input.headers,
    host: input.host,
    'x-amz-date': amzDate,
    ...(input.sessionToken === undefined ? {} : { 'x-amz-security-token': input.sessionToken }),
  });
  const signedHeaders = Object.keys(headers).sort();
  const canonicalRequest = canonicalRequestOf({ method: input.method, path: input.path, query: input.query, headers, signedHeaders, body: input.body });
  const scope = credentialScopeOf(dateStamp, input.region, input.service);
  const stringToSign = stringToSignOf(amzDate, scope, canonicalRequest);
  const signature = signatureOf(input.secretAccessKey, scope, stringToSign);
  const authorization = `${ALGORITHM} Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
  return { headers: { ...headers, authorization }, signature, canonicalRequest, stringToSign };
}
