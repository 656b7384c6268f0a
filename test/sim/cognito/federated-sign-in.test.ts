// Proves user pool federation (COG-01): a pool that trusts Google turns a (simulated) Google ID token
// into the pool's own tokens for the linked user Google_<sub>, with the `identities` claim; the same
// Google user links to the same pool user; a token for another Google app is refused.
import { describe, expect, it } from 'vitest';
import { decodeJwt } from '../../../src/sim/cognito/jwt.js';
import { must, run, userPool } from '../../helpers/cognito.js';

describe('sign-in through an external IdP', () => {
  it('answers pool tokens for Google_<sub> and links the same user each time', () => {
    const { session, poolId, clientId } = userPool();
    must(session, `aws cognito-idp create-identity-provider --user-pool-id ${poolId} --provider-name Google --provider-type Google --provider-details client_id=my-google-app,authorize_scopes=openid`);
    const google = must(session, 'sim idp token --provider accounts.google.com --subject 1234567890 --audience my-google-app')['token'];
    const signIn = (token: string) => run(session, `sim idp sign-in --user-pool-id ${poolId} --client-id ${clientId} --provider Google --token ${token}`);
    const first = signIn(google).out['AuthenticationResult'];
    const claims = decodeJwt(first.IdToken)?.claims ?? {};
    expect(claims).toMatchObject({
      'cognito:username': 'Google_1234567890',
      email: '1234567890@example.com',
      identities: [{ userId: '1234567890', providerName: 'Google', providerType: 'Google', issuer: null, primary: 'true' }],
      token_use: 'id',
    });
    expect(decodeJwt(signIn(google).out['AuthenticationResult'].IdToken)?.claims['sub']).toBe(claims['sub']);
    expect(must(session, `aws cognito-idp admin-get-user --user-pool-id ${poolId} --username Google_1234567890`)['UserStatus']).toBe('EXTERNAL_PROVIDER');
    const other = must(session, 'sim idp token --provider accounts.google.com --subject 1 --audience another-app')['token'];
    expect(signIn(other).text).toMatchInlineSnapshot(`
      "sim: error: sim idp sign-in: (NotAuthorizedException) The token is not for this pool's Google app.
      "
    `);
  });
});
