// Proves the simulated user pool tokens are real Cognito-shaped JWTs: AWS's own verifier
// (aws-jwt-verify) accepts them given the pool's simulated JWKS, and refuses them once expired.
// aws-jwt-verify reads the real clock (Date.now) with no option to pass a time, so the test fakes
// only Date and sets it to the world's virtual time: the verifier then judges `exp` on that clock.
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userPoolJwks } from '../../../src/sim/cognito/index.js';
import { cognitoState } from '../../../src/sim/cognito/model.js';
import { confirmedUser, signIn, userPool } from '../../helpers/cognito.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

function verifiers() {
  const setup = userPool();
  confirmedUser(setup, 'alice');
  const tokens = signIn(setup, 'alice');
  const pool = cognitoState(setup.session.world).userPools[setup.poolId]!;
  const make = (tokenUse: 'id' | 'access') => {
    const verifier = CognitoJwtVerifier.create({ userPoolId: setup.poolId, tokenUse, clientId: setup.clientId });
    verifier.cacheJwks(userPoolJwks(pool) as Parameters<typeof verifier.cacheJwks>[0]);
    return verifier;
  };
  return { setup, tokens, idVerifier: make('id'), accessVerifier: make('access') };
}

describe('tokens checked by aws-jwt-verify', () => {
  it('verifies the ID and access tokens against the simulated JWKS at virtual time', async () => {
    const { setup, tokens, idVerifier, accessVerifier } = verifiers();
    vi.setSystemTime(setup.session.world.nowMs);
    await expect(idVerifier.verify(tokens.IdToken)).resolves.toMatchObject({ token_use: 'id', 'cognito:username': 'alice', aud: setup.clientId });
    await expect(accessVerifier.verify(tokens.AccessToken)).resolves.toMatchObject({ token_use: 'access', client_id: setup.clientId });
  });

  it('refuses an ID token where an access token is expected, and any token after its hour (COG-04)', async () => {
    const { setup, tokens, idVerifier, accessVerifier } = verifiers();
    vi.setSystemTime(setup.session.world.nowMs);
    await expect(accessVerifier.verify(tokens.IdToken)).rejects.toThrow('Token use not allowed: id. Expected: access');
    setup.session.world.advance(3_600_000 + 1_000);
    vi.setSystemTime(setup.session.world.nowMs);
    await expect(idVerifier.verify(tokens.IdToken)).rejects.toThrow(/expired/i);
  });
});
