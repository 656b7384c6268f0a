// User pool federation (COG-01): a pool trusts an external IdP (`create-identity-provider`, type
// Google here); `sim idp sign-in` plays the hosted sign-in page: it checks the IdP's token, creates or
// finds the linked user `Google_<sub>` (status EXTERNAL_PROVIDER) and answers the pool's own tokens,
// whose ID token carries the `identities` claim.
import type { ApiDocument } from '../cli/operation-spec.js';
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { invalidParameter, notAuthorized, resourceNotFound } from './errors.js';
import { checkWebIdentityToken } from './federation.js';
import * as ids from './ids.js';
import { epochSeconds } from './jwt.js';
import type { UserPoolState, UserState } from './model.js';
import { findUserPool, recordCall, stringMap, text } from './request.js';
import { mintTokens } from './tokens.js';

/** Provider types the simulated IdPs stand for, with the issuer's provider name. */
const PROVIDER_TYPES: Readonly<Record<string, string>> = { Google: 'accounts.google.com' };

export function createIdentityProvider(world: World, request: ApiDocument): Result<ApiDocument> {
  const pool = findUserPool(world, text(request, 'UserPoolId'));
  const providerName = text(request, 'ProviderName');
  const providerType = text(request, 'ProviderType');
  const clientId = stringMap(request, 'ProviderDetails')['client_id'];
  let result: Result<ApiDocument> = pool.ok ? ok({}) : pool;
  if (pool.ok && PROVIDER_TYPES[providerType] === undefined) result = fail(invalidParameter(`The sandbox simulates these provider types: ${Object.keys(PROVIDER_TYPES).join(', ')}.`));
  else if (pool.ok && clientId === undefined) result = fail(invalidParameter('ProviderDetails needs client_id (the app id at the IdP).'));
  else if (pool.ok) {
    pool.value.identityProviders = { ...pool.value.identityProviders, [providerName]: { providerName, providerType, clientId: clientId ?? '' } };
    result = ok({ IdentityProvider: { UserPoolId: pool.value.id, ProviderName: providerName, ProviderType: providerType, ProviderDetails: { client_id: clientId } } });
  }
  return recordCall(world, 'cognito-idp', 'CreateIdentityProvider', result, { providerName });
}

function linkedUser(world: World, pool: UserPoolState, providerName: string, providerType: string, subject: string, email: string | undefined): UserState {
  const username = `${providerName}_${subject}`;
  const existing = pool.users[username];
  if (existing !== undefined) return existing;
  const stream = world.rng.stream('cognito.ids');
  const sub = ids.uuid(stream);
  const user: UserState = {
    username,
    sub,
    password: ids.opaqueToken(stream, 40), // federated users have no password of their own
    status: 'EXTERNAL_PROVIDER',
    enabled: true,
    attributes: { sub, ...(email === undefined ? {} : { email }) },
    createdMs: world.nowMs,
    groups: [],
    federatedIdentity: { providerName, providerType, userId: subject, dateCreatedMs: world.nowMs },
  };
  pool.users[username] = user;
  return user;
}

/** The sign-in page's work for `sim idp sign-in`: the IdP token in, the pool's tokens out. */
export function federatedSignIn(world: World, userPoolId: string, clientId: string, providerName: string, idpToken: string): Result<ApiDocument> {
  const pool = findUserPool(world, userPoolId);
  if (!pool.ok) return pool;
  const client = pool.value.clients[clientId];
  const provider = pool.value.identityProviders?.[providerName];
  if (client === undefined) return fail(resourceNotFound(`User pool client ${clientId} does not exist.`));
  if (provider === undefined) return fail(resourceNotFound(`Identity provider ${providerName} does not exist.`));
  const checked = checkWebIdentityToken(world, idpToken);
  if (!checked.ok) return fail(notAuthorized(`The ${providerName} token was refused: ${checked.error.message}`));
  const { claims } = checked.value;
  if (checked.value.provider !== PROVIDER_TYPES[provider.providerType] || claims['aud'] !== provider.clientId) return fail(notAuthorized(`The token is not for this pool's ${providerName} app.`));
  const user = linkedUser(world, pool.value, providerName, provider.providerType, String(claims['sub']), typeof claims['email'] === 'string' ? claims['email'] : undefined);
  if (!user.enabled) return fail(notAuthorized('User is disabled.'));
  return ok({ AuthenticationResult: mintTokens(world, pool.value, client, user, epochSeconds(world.nowMs), true) });
}

export function recordFederatedSignIn(world: World, userPoolId: string, clientId: string, providerName: string, idpToken: string): Result<ApiDocument> {
  return recordCall(world, 'cognito-idp', 'federated-sign-in', federatedSignIn(world, userPoolId, clientId, providerName, idpToken), { userPoolId, providerName });
}
