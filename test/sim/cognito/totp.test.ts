// Proves TOTP MFA: the code generator matches RFC 6238's published SHA-1 vectors (6-digit form), and
// the sandbox flow works on the virtual clock: associate → verify with the code sim totp code shows →
// prefer TOTP → sign-in answers SOFTWARE_TOKEN_MFA → the current code gives tokens, a stale one fails.
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../../src/sim/cognito/totp.js';
import { createSandbox } from '../../../src/sim/cli/sandbox.js';
import { PASSWORD, must, run } from '../../helpers/cognito.js';

// "12345678901234567890" in base32: RFC 6238 appendix B's SHA-1 key.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('totpCode', () => {
  it('matches the RFC 6238 SHA-1 test vectors (last six digits)', () => {
    expect(totpCode(RFC_SECRET, 59_000)).toBe('287082');
    expect(totpCode(RFC_SECRET, 1_111_111_109_000)).toBe('081804');
    expect(totpCode(RFC_SECRET, 1_234_567_890_000)).toBe('005924');
    expect(totpCode(RFC_SECRET, 20_000_000_000_000)).toBe('353130');
  });
});

describe('TOTP MFA in the sandbox', () => {
  it('sets up an authenticator and signs in with its code', () => {
    const session = createSandbox({ seed: 13 });
    const poolId = must(session, 'aws cognito-idp create-user-pool --pool-name Users --mfa-configuration OPTIONAL')['UserPool'].Id;
    const clientId = must(session, `aws cognito-idp create-user-pool-client --user-pool-id ${poolId} --client-name web --explicit-auth-flows ALLOW_USER_PASSWORD_AUTH`)['UserPoolClient'].ClientId;
    must(session, `aws cognito-idp sign-up --client-id ${clientId} --username alice --password ${PASSWORD}`);
    must(session, `aws cognito-idp admin-confirm-sign-up --user-pool-id ${poolId} --username alice`);
    const login = () => must(session, `aws cognito-idp initiate-auth --client-id ${clientId} --auth-flow USER_PASSWORD_AUTH --auth-parameters USERNAME=alice,PASSWORD=${PASSWORD}`);
    const access = login()['AuthenticationResult'].AccessToken;
    const secret = must(session, `aws cognito-idp associate-software-token --access-token ${access}`)['SecretCode'];
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(run(session, `aws cognito-idp verify-software-token --access-token ${access} --user-code 000000`).text).toContain('(EnableSoftwareTokenMFAException)');
    const code = () => must(session, `sim totp code ${secret}`)['code'];
    expect(must(session, `aws cognito-idp verify-software-token --access-token ${access} --user-code ${code()}`)).toEqual({ Status: 'SUCCESS' });
    must(session, `aws cognito-idp admin-set-user-mfa-preference --user-pool-id ${poolId} --username alice --software-token-mfa-settings Enabled=true,PreferredMfa=true`);
    const challenge = login();
    expect(challenge['ChallengeName']).toBe('SOFTWARE_TOKEN_MFA');
    const respond = (value: string) => run(session, `aws cognito-idp respond-to-auth-challenge --client-id ${clientId} --challenge-name SOFTWARE_TOKEN_MFA --session ${challenge['Session']} --challenge-responses USERNAME=alice,SOFTWARE_TOKEN_MFA_CODE=${value}`);
    const stale = code();
    must(session, 'sim clock advance 61s');
    expect(respond(stale).text).toContain('(CodeMismatchException)');
    expect(respond(code()).out['AuthenticationResult']).toMatchObject({ TokenType: 'Bearer' });
  });
});
