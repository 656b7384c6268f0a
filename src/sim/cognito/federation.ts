// Web identities other than user pools: a simulated external IdP ("Google", COG-01 federation) and
// Cognito identity's own OpenID issuer (GetOpenIdToken, the basic flow of COG-07). Each signs with a
// fixed test-only key; STS and identity pools check tokens here before trusting their claims.
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { decodeJwt, epochSeconds, hasValidSignature, keyIdFor, signJwt, type Claims } from './jwt.js';

export interface WebIdentityIssuer {
  /** The provider name as logins maps and trust policies use it (`accounts.google.com`). */
  readonly provider: string;
  readonly issuer: string;
  readonly keyIndex: number;
}

export const COGNITO_IDENTITY_PROVIDER = 'cognito-identity.amazonaws.com';

export const WEB_IDENTITY_ISSUERS: readonly WebIdentityIssuer[] = [
  { provider: COGNITO_IDENTITY_PROVIDER, issuer: 'https://cognito-identity.amazonaws.com', keyIndex: 1 },
  { provider: 'accounts.google.com', issuer: 'https://accounts.google.com', keyIndex: 2 },
];

/** External IdPs the learner can sign in with (`sim idp token --provider accounts.google.com`). */
export const EXTERNAL_PROVIDERS: readonly string[] = WEB_IDENTITY_ISSUERS.filter((entry) => entry.provider !== COGNITO_IDENTITY_PROVIDER).map((entry) => entry.provider);

/** Not in the facts sheet: external ID tokens in the simulator last 1 hour, like Google's. */
const EXTERNAL_TOKEN_SECONDS = 3_600;

function issuerFor(provider: string): WebIdentityIssuer {
  const found = WEB_IDENTITY_ISSUERS.find((entry) => entry.provider === provider);
  if (found === undefined) throw new RangeError(`unknown web identity provider ${provider}`);
  return found;
}

export function signAs(provider: string, claims: Claims): string {
  const issuer = issuerFor(provider);
  return signJwt({ iss: issuer.issuer, ...claims }, issuer.keyIndex, keyIdFor(issuer.issuer, issuer.keyIndex));
}

/** An ID token from the simulated external IdP, for `subject`, meant for the app `audience`. */
export function mintExternalToken(world: World, provider: string, subject: string, audience: string): string {
  const nowSeconds = epochSeconds(world.nowMs);
  return signAs(provider, { sub: subject, aud: audience, iat: nowSeconds, exp: nowSeconds + EXTERNAL_TOKEN_SECONDS, email: `${subject}@example.com` });
}

export interface CheckedWebIdentity {
  readonly provider: string;
  readonly claims: Claims;
}

/** Signature, issuer and expiry of a web identity token, with STS's error names. */
export function checkWebIdentityToken(world: World, token: string): Result<CheckedWebIdentity> {
  const decoded = decodeJwt(token);
  if (decoded === undefined) return fail(awsError('InvalidIdentityToken', 400, 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)'));
  const issuer = WEB_IDENTITY_ISSUERS.find((entry) => entry.issuer === decoded.claims['iss']);
  if (issuer === undefined) return fail(awsError('InvalidIdentityToken', 400, `No OpenIDConnect provider found in your account for ${String(decoded.claims['iss'])}`));
  if (!hasValidSignature(token, issuer.keyIndex)) return fail(awsError('InvalidIdentityToken', 400, "Couldn't verify the token's signature."));
  const exp = decoded.claims['exp'];
  if (typeof exp !== 'number' || exp <= epochSeconds(world.nowMs)) return fail(awsError('ExpiredTokenException', 400, 'Token expired: the token\'s exp is not after the current time.'));
  return ok({ provider: issuer.provider, claims: decoded.claims });
}
