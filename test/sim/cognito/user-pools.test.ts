// Proves the user pool flows through the sandbox rows with exact outcomes: sign-up with the password
// policy, the code in the simulated inbox, confirmation (code, expiry, admin), USER_PASSWORD_AUTH and
// REFRESH_TOKEN_AUTH, groups in tokens, disabled users, and each error with Cognito's name and words
// (COG-01, COG-03, COG-04, COG-05).
import { describe, expect, it } from 'vitest';
import { decodeJwt } from '../../../src/sim/cognito/jwt.js';
import { verifyUserPoolToken } from '../../../src/sim/cognito/index.js';
import { PASSWORD, confirmedUser, must, run, signIn, userPool } from '../../helpers/cognito.js';

const claimsOf = (token: string) => decodeJwt(token)?.claims ?? {};

describe('sign-up and confirmation', () => {
  it('checks the default password policy rule by rule (InvalidPasswordException)', () => {
    const { session, clientId } = userPool();
    const texts = ['short1!', 'nouppercase1!', 'NOLOWER1!', 'NoNumbers!!', 'NoSymbols11'].map((password) => run(session, `aws cognito-idp sign-up --client-id ${clientId} --username u --password ${password}`).text);
    expect(texts.join('')).toMatchInlineSnapshot(`
      "An error occurred (InvalidPasswordException) when calling the SignUp operation: Password did not conform with policy: Password not long enough
      An error occurred (InvalidPasswordException) when calling the SignUp operation: Password did not conform with policy: Password must have uppercase characters
      An error occurred (InvalidPasswordException) when calling the SignUp operation: Password did not conform with policy: Password must have lowercase characters
      An error occurred (InvalidPasswordException) when calling the SignUp operation: Password did not conform with policy: Password must have numeric characters
      An error occurred (InvalidPasswordException) when calling the SignUp operation: Password did not conform with policy: Password must have symbol characters
      "
    `);
  });

  it('delivers a six-digit code to the inbox, refuses a wrong or late code, and confirms with the right one', () => {
    const { session, clientId } = userPool();
    const signedUp = must(session, `aws cognito-idp sign-up --client-id ${clientId} --username alice --password ${PASSWORD} --user-attributes Name=email,Value=alice@example.com`);
    expect(signedUp).toMatchObject({ UserConfirmed: false, CodeDeliveryDetails: { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } });
    expect(signedUp['UserSub']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const [message] = must(session, 'sim inbox --to alice@example.com')['messages'];
    expect(message.code).toMatch(/^\d{6}$/);
    const wrong = message.code === '000000' ? '111111' : '000000';
    expect(run(session, `aws cognito-idp confirm-sign-up --client-id ${clientId} --username alice --confirmation-code ${wrong}`).text).toMatchInlineSnapshot(`
      "An error occurred (CodeMismatchException) when calling the ConfirmSignUp operation: Invalid verification code provided, please try again.
      "
    `);
    expect(run(session, `aws cognito-idp sign-up --client-id ${clientId} --username alice --password ${PASSWORD}`).text).toContain('(UsernameExistsException)');
    expect(run(session, `aws cognito-idp initiate-auth --client-id ${clientId} --auth-flow USER_PASSWORD_AUTH --auth-parameters USERNAME=alice,PASSWORD=${PASSWORD}`).text).toMatchInlineSnapshot(`
      "An error occurred (UserNotConfirmedException) when calling the InitiateAuth operation: User is not confirmed.
      "
    `);
    must(session, 'sim clock advance 24h1s'); // COG-03: the code lives 24 hours
    expect(run(session, `aws cognito-idp confirm-sign-up --client-id ${clientId} --username alice --confirmation-code ${message.code}`).text).toContain('(ExpiredCodeException) when calling the ConfirmSignUp operation: Invalid code provided, please request a code again.');
  });

  it('confirms with the code in time, after which the user can sign in', () => {
    const { session, clientId } = userPool();
    must(session, `aws cognito-idp sign-up --client-id ${clientId} --username bob --password ${PASSWORD}`);
    const [message] = must(session, 'sim inbox --to bob')['messages'];
    expect(run(session, `aws cognito-idp confirm-sign-up --client-id ${clientId} --username bob --confirmation-code ${message.code}`).ok).toBe(true);
    expect(run(session, `aws cognito-idp confirm-sign-up --client-id ${clientId} --username bob --confirmation-code ${message.code}`).text).toContain('User cannot be confirmed. Current status is CONFIRMED');
    expect(run(session, `aws cognito-idp initiate-auth --client-id ${clientId} --auth-flow USER_PASSWORD_AUTH --auth-parameters USERNAME=bob,PASSWORD=${PASSWORD}`).ok).toBe(true);
  });
});

describe('sign-in', () => {
  it('answers the AWS errors for unknown users, wrong passwords and disabled users', () => {
    const setup = userPool();
    const { session, clientId, poolId } = setup;
    confirmedUser(setup, 'alice');
    const login = (user: string, password: string) => run(session, `aws cognito-idp initiate-auth --client-id ${clientId} --auth-flow USER_PASSWORD_AUTH --auth-parameters USERNAME=${user},PASSWORD=${password}`).text;
    expect(login('nobody', PASSWORD) + login('alice', 'Wrong-pass1')).toMatchInlineSnapshot(`
      "An error occurred (UserNotFoundException) when calling the InitiateAuth operation: User does not exist.
      An error occurred (NotAuthorizedException) when calling the InitiateAuth operation: Incorrect username or password.
      "
    `);
    must(session, `aws cognito-idp admin-disable-user --user-pool-id ${poolId} --username alice`);
    expect(login('alice', PASSWORD)).toContain('(NotAuthorizedException) when calling the InitiateAuth operation: User is disabled.');
  });

  it('hides unknown users behind "Incorrect username or password." when the client prevents user-existence errors (COG-03)', () => {
    const setup = userPool('--prevent-user-existence-errors ENABLED');
    expect(run(setup.session, `aws cognito-idp initiate-auth --client-id ${setup.clientId} --auth-flow USER_PASSWORD_AUTH --auth-parameters USERNAME=nobody,PASSWORD=${PASSWORD}`).text).toContain('(NotAuthorizedException) when calling the InitiateAuth operation: Incorrect username or password.');
  });

  it('refuses USER_PASSWORD_AUTH on a client that does not allow it', () => {
    const { session, poolId } = userPool();
    const other = must(session, `aws cognito-idp create-user-pool-client --user-pool-id ${poolId} --client-name srp-only`)['UserPoolClient'].ClientId;
    expect(run(session, `aws cognito-idp initiate-auth --client-id ${other} --auth-flow USER_PASSWORD_AUTH --auth-parameters USERNAME=a,PASSWORD=b`).text).toContain('(InvalidParameterException) when calling the InitiateAuth operation: USER_PASSWORD_AUTH flow not enabled for this client');
  });

  it('issues ID and access tokens with Cognito claims, 1 hour by default (COG-04, COG-05)', () => {
    const setup = userPool();
    confirmedUser(setup, 'alice');
    must(setup.session, `aws cognito-idp create-group --user-pool-id ${setup.poolId} --group-name admins --role-arn arn:aws:iam::123456789012:role/AdminRole --precedence 1`);
    must(setup.session, `aws cognito-idp admin-add-user-to-group --user-pool-id ${setup.poolId} --username alice --group-name admins`);
    const tokens = signIn(setup, 'alice');
    expect(tokens.ExpiresIn).toBe(3_600);
    const nowSeconds = 1_767_225_600; // the world's start, 2026-01-01T00:00:00Z
    const issuer = `https://cognito-idp.us-east-1.amazonaws.com/${setup.poolId}`;
    expect(decodeJwt(tokens.IdToken)?.header).toEqual({ kid: expect.any(String), alg: 'RS256' });
    expect(claimsOf(tokens.IdToken)).toMatchObject({ iss: issuer, aud: setup.clientId, token_use: 'id', 'cognito:username': 'alice', 'cognito:groups': ['admins'], 'cognito:preferred_role': 'arn:aws:iam::123456789012:role/AdminRole', email: 'alice@example.com', email_verified: true, iat: nowSeconds, exp: nowSeconds + 3_600 });
    const access = claimsOf(tokens.AccessToken);
    expect(access).toMatchObject({ iss: issuer, client_id: setup.clientId, token_use: 'access', scope: 'aws.cognito.signin.user.admin', username: 'alice', 'cognito:groups': ['admins'], exp: nowSeconds + 3_600 });
    expect(access['aud']).toBeUndefined();
  });

  it('honours configured lifetimes and refreshes with REFRESH_TOKEN_AUTH until the refresh token expires', () => {
    const setup = userPool('--access-token-validity 5 --id-token-validity 5 --refresh-token-validity 60 --token-validity-units AccessToken=minutes,IdToken=minutes,RefreshToken=minutes');
    confirmedUser(setup, 'alice');
    const tokens = signIn(setup, 'alice');
    expect(tokens.ExpiresIn).toBe(300);
    must(setup.session, 'sim clock advance 5m');
    expect(run(setup.session, `aws cognito-idp get-user --access-token ${tokens.AccessToken}`).text).toContain('(NotAuthorizedException) when calling the GetUser operation: Access Token has expired');
    const refreshed = must(setup.session, `aws cognito-idp initiate-auth --client-id ${setup.clientId} --auth-flow REFRESH_TOKEN_AUTH --auth-parameters REFRESH_TOKEN=${tokens.RefreshToken}`)['AuthenticationResult'];
    expect(refreshed.RefreshToken).toBeUndefined();
    expect(must(setup.session, `aws cognito-idp get-user --access-token ${refreshed.AccessToken}`)['Username']).toBe('alice');
    must(setup.session, 'sim clock advance 55m');
    expect(run(setup.session, `aws cognito-idp initiate-auth --client-id ${setup.clientId} --auth-flow REFRESH_TOKEN_AUTH --auth-parameters REFRESH_TOKEN=${tokens.RefreshToken}`).text).toContain('Refresh Token has expired');
  });

  it('refuses lifetimes outside COG-04 bounds', () => {
    const { session, poolId } = userPool();
    expect(run(session, `aws cognito-idp create-user-pool-client --user-pool-id ${poolId} --client-name c --access-token-validity 2 --token-validity-units AccessToken=days`).text).toContain('AccessTokenValidity must be between 300 and 86400 seconds');
  });

  it('gives the same tokens for the same seed and commands', () => {
    const first = userPool();
    const second = userPool();
    confirmedUser(first, 'alice');
    confirmedUser(second, 'alice');
    expect(signIn(first, 'alice')).toEqual(signIn(second, 'alice'));
  });
});

describe('verifyUserPoolToken (API Gateway COGNITO_USER_POOLS port)', () => {
  it('accepts a valid token and refuses an expired one, another pool, a tampered one and no token', () => {
    const setup = userPool();
    confirmedUser(setup, 'alice');
    const { IdToken } = signIn(setup, 'alice');
    const world = setup.session.world;
    expect(verifyUserPoolToken(world, IdToken, [setup.poolArn])).toMatchObject({ ok: true, value: { 'cognito:username': 'alice' } });
    expect(verifyUserPoolToken(world, IdToken, ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_other'])).toMatchObject({ ok: false, error: { name: 'Unauthorized', statusCode: 401 } });
    const [header, payload, signature] = IdToken.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claimsOf(IdToken), 'cognito:groups': ['admins'] })).toString('base64url');
    expect(verifyUserPoolToken(world, `${header}.${forged}.${signature}`, [setup.poolArn])).toMatchObject({ ok: false, error: { message: 'Invalid token' } });
    expect(payload).toBeDefined();
    expect(verifyUserPoolToken(world, '', [setup.poolArn])).toMatchObject({ ok: false, error: { message: 'no token' } });
    world.advance(3_600_000);
    expect(verifyUserPoolToken(world, IdToken, [setup.poolArn])).toMatchObject({ ok: false, error: { message: 'token has expired' } });
  });
});

describe('sim jwt decode and sim jwks', () => {
  it('shows header and claims, and the pool key the header names', () => {
    const setup = userPool();
    confirmedUser(setup, 'alice');
    const { IdToken } = signIn(setup, 'alice');
    const decoded = must(setup.session, `sim jwt decode ${IdToken}`);
    const jwks = must(setup.session, `sim jwks ${setup.poolId}`);
    expect(jwks['keys']).toEqual([{ alg: 'RS256', e: 'AQAB', kid: decoded['header'].kid, kty: 'RSA', n: expect.any(String), use: 'sig' }]);
    expect(run(setup.session, 'sim jwt decode not-a-token').text).toContain('That is not a JWT');
  });
});
