// The `Logins` map of identity-pool calls: provider name → token. A user pool provider takes that
// pool's ID token for the configured app client; an external provider its own ID token for the
// configured app id (COG-06). Every problem is NotAuthorizedException, as Cognito answers it.
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { notAuthorized } from './errors.js';
import { checkWebIdentityToken } from './federation.js';
import type { Claims } from './jwt.js';
import { userPoolIssuer } from './limits.js';
import type { IdentityPoolState } from './model.js';
import { checkUserPoolToken } from './tokens.js';

export interface CheckedLogin {
  readonly provider: string;
  readonly subject: string;
  readonly claims: Claims;
}

/** `cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc` for a user pool issuer. */
export function providerNameOfIssuer(issuer: string): string {
  return issuer.replace(/^https:\/\//, '');
}

function checkUserPoolLogin(world: World, provider: string, clientId: string, token: string): Result<CheckedLogin> {
  const checked = checkUserPoolToken(world, token, 'id', 'login token');
  if (!checked.ok) return fail(notAuthorized(checked.error.message.endsWith('expired') ? 'Invalid login token. Token expired.' : 'Invalid login token. Not a valid OpenId Connect identity token.'));
  const { pool, claims } = checked.value;
  if (providerNameOfIssuer(userPoolIssuer(pool.region, pool.id)) !== provider) return fail(notAuthorized('Invalid login token. Issuer doesn\'t match providerName'));
  if (claims['aud'] !== clientId) return fail(notAuthorized('Invalid login token. Incorrect token audience.'));
  return ok({ provider, subject: String(claims['sub']), claims });
}

function checkExternalLogin(world: World, provider: string, audience: string, token: string): Result<CheckedLogin> {
  const checked = checkWebIdentityToken(world, token);
  if (!checked.ok) return fail(notAuthorized(`Invalid login token. ${checked.error.message}`));
  if (checked.value.provider !== provider) return fail(notAuthorized('Invalid login token. Issuer doesn\'t match providerName'));
  if (checked.value.claims['aud'] !== audience) return fail(notAuthorized('Invalid login token. Incorrect token audience.'));
  return ok({ provider, subject: String(checked.value.claims['sub']), claims: checked.value.claims });
}

export function checkLogins(world: World, pool: IdentityPoolState, logins: Readonly<Record<string, string>>): Result<CheckedLogin[]> {
  const checked: CheckedLogin[] = [];
  for (const provider of Object.keys(logins).sort()) {
    const token = logins[provider] ?? '';
    const clientId = pool.userPoolProviders[provider];
    const audience = pool.supportedLoginProviders[provider];
    if (clientId === undefined && audience === undefined) return fail(notAuthorized('Token is not from a supported provider of this identity pool.'));
    const login = clientId !== undefined ? checkUserPoolLogin(world, provider, clientId, token) : checkExternalLogin(world, provider, audience ?? '', token);
    if (!login.ok) return login;
    checked.push(login.value);
  }
  return ok(checked);
}
