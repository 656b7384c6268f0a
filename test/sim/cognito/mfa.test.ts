// Proves SMS MFA (COG-01) through the sandbox: with MFA ON the right password answers the SMS_MFA
// challenge and a code in the simulated inbox; respond-to-auth-challenge with that code gives tokens;
// a wrong code, a stale session, and OPTIONAL pools (only users who turned MFA on) behave as Cognito.
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sim/cli/sandbox.js';
import { PASSWORD, must, run } from '../../helpers/cognito.js';

function pool(mfa: 'ON' | 'OPTIONAL') {
  const session = createSandbox({ seed: 11 });
  const poolId = must(session, `aws cognito-idp create-user-pool --pool-name Users --mfa-configuration ${mfa}`)['UserPool'].Id;
  const clientId = must(session, `aws cognito-idp create-user-pool-client --user-pool-id ${poolId} --client-name web --explicit-auth-flows ALLOW_USER_PASSWORD_AUTH`)['UserPoolClient'].ClientId;
  must(session, `aws cognito-idp sign-up --client-id ${clientId} --username alice --password ${PASSWORD} --user-attributes Name=phone_number,Value=+15550001234`);
  must(session, `aws cognito-idp admin-confirm-sign-up --user-pool-id ${poolId} --username alice`);
  const login = () => must(session, `aws cognito-idp initiate-auth --client-id ${clientId} --auth-flow USER_PASSWORD_AUTH --auth-parameters USERNAME=alice,PASSWORD=${PASSWORD}`);
  const respond = (sessionId: string, code: string) => run(session, `aws cognito-idp respond-to-auth-challenge --client-id ${clientId} --challenge-name SMS_MFA --session ${sessionId} --challenge-responses USERNAME=alice,SMS_MFA_CODE=${code}`);
  const lastCode = () => (must(session, 'sim inbox --to +15550001234')['messages'] as { code: string }[]).at(-1)!.code;
  return { session, poolId, login, respond, lastCode };
}

describe('SMS MFA', () => {
  it('challenges after the password and gives tokens for the code from the inbox', () => {
    const { login, respond, lastCode } = pool('ON');
    const challenge = login();
    expect(challenge).toMatchObject({ ChallengeName: 'SMS_MFA', ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******1234' } });
    const code = lastCode();
    const wrong = code === '000000' ? '111111' : '000000';
    expect(respond(challenge['Session'], wrong).text).toMatchInlineSnapshot(`
      "An error occurred (CodeMismatchException) when calling the RespondToAuthChallenge operation: Invalid code or auth state for the user.
      "
    `);
    const answer = respond(challenge['Session'], code);
    expect(answer.out['AuthenticationResult']).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3_600 });
    expect(respond(challenge['Session'], code).text).toContain('Invalid session for the user.');
  });

  it('refuses a code after the 3-minute session', () => {
    const { session, login, respond, lastCode } = pool('ON');
    const challenge = login();
    must(session, 'sim clock advance 3m1s');
    expect(respond(challenge['Session'], lastCode()).text).toContain('(NotAuthorizedException) when calling the RespondToAuthChallenge operation: Invalid session for the user, session is expired.');
  });

  it('asks only users who turned MFA on when the pool has MFA OPTIONAL', () => {
    const { session, poolId, login } = pool('OPTIONAL');
    expect(login()['AuthenticationResult']).toBeDefined();
    must(session, `aws cognito-idp admin-set-user-mfa-preference --user-pool-id ${poolId} --username alice --sms-mfa-settings Enabled=true,PreferredMfa=true`);
    expect(login()['ChallengeName']).toBe('SMS_MFA');
  });
});
