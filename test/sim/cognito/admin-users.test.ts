// Proves the flows around passwords with exact outcomes: an admin-created user gets a temporary
// password in the inbox, signs in to the NEW_PASSWORD_REQUIRED challenge, must meet the policy, and is
// then CONFIRMED with tokens; an expired temporary password is refused; ForgotPassword and
// ConfirmForgotPassword reset a password with a code from the inbox; ResendConfirmationCode sends a
// new sign-up code that replaces the old one (COG-01, COG-03).
import { describe, expect, it } from 'vitest';
import { PASSWORD, must, run, userPool } from '../../helpers/cognito.js';

describe('admin-created users', () => {
  it('go through NEW_PASSWORD_REQUIRED to tokens', () => {
    const { session, poolId, clientId } = userPool();
    const created = must(session, `aws cognito-idp admin-create-user --user-pool-id ${poolId} --username carol --user-attributes Name=email,Value=carol@example.com`)['User'];
    expect(created).toMatchObject({ Username: 'carol', UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
    const [message] = must(session, 'sim inbox --to carol@example.com')['messages'];
    const login = (password: string) => run(session, `aws cognito-idp initiate-auth --client-id ${clientId} --auth-flow USER_PASSWORD_AUTH --auth-parameters USERNAME=carol,PASSWORD=${password}`);
    const challenge = login(message.code).out;
    expect(challenge).toMatchObject({ ChallengeName: 'NEW_PASSWORD_REQUIRED', ChallengeParameters: { USER_ID_FOR_SRP: 'carol', requiredAttributes: '[]' } });
    const respond = (password: string) => run(session, `aws cognito-idp respond-to-auth-challenge --client-id ${clientId} --challenge-name NEW_PASSWORD_REQUIRED --session ${challenge['Session']} --challenge-responses USERNAME=carol,NEW_PASSWORD=${password}`);
    expect(respond('weak').text).toContain('(InvalidPasswordException) when calling the RespondToAuthChallenge operation: Password did not conform with policy: Password not long enough');
    expect(respond(PASSWORD).out['AuthenticationResult']).toMatchObject({ TokenType: 'Bearer' });
    expect(login(PASSWORD).ok).toBe(true);
  });

  it('refuse a temporary password after 7 days, and a user that already exists', () => {
    const { session, poolId, clientId } = userPool();
    must(session, `aws cognito-idp admin-create-user --user-pool-id ${poolId} --username dan --temporary-password Temp-pass1 --message-action SUPPRESS`);
    expect(run(session, 'sim inbox').text).toBe('The inbox is empty.\n');
    expect(run(session, `aws cognito-idp admin-create-user --user-pool-id ${poolId} --username dan`).text).toContain('(UsernameExistsException)');
    must(session, 'sim clock advance 7d1s');
    expect(run(session, `aws cognito-idp initiate-auth --client-id ${clientId} --auth-flow USER_PASSWORD_AUTH --auth-parameters USERNAME=dan,PASSWORD=Temp-pass1`).text).toMatchInlineSnapshot(`
      "An error occurred (NotAuthorizedException) when calling the InitiateAuth operation: Temporary password has expired and must be reset by an administrator.
      "
    `);
  });
});

describe('forgot password and resend code', () => {
  it('resets a password with the code from the inbox', () => {
    const { session, poolId, clientId } = userPool();
    must(session, `aws cognito-idp sign-up --client-id ${clientId} --username erin --password ${PASSWORD}`);
    must(session, `aws cognito-idp admin-confirm-sign-up --user-pool-id ${poolId} --username erin`);
    expect(must(session, `aws cognito-idp forgot-password --client-id ${clientId} --username erin`)).toMatchObject({ CodeDeliveryDetails: { DeliveryMedium: 'SMS' } });
    const code = (must(session, 'sim inbox --to erin')['messages'] as { code: string }[]).at(-1)!.code;
    const confirm = (value: string, password: string) => run(session, `aws cognito-idp confirm-forgot-password --client-id ${clientId} --username erin --confirmation-code ${value} --password ${password}`);
    expect(confirm(code === '000000' ? '111111' : '000000', 'New-passw0rd').text).toContain('(CodeMismatchException)');
    expect(confirm(code, 'New-passw0rd').ok).toBe(true);
    expect(run(session, `aws cognito-idp initiate-auth --client-id ${clientId} --auth-flow USER_PASSWORD_AUTH --auth-parameters USERNAME=erin,PASSWORD=New-passw0rd`).ok).toBe(true);
  });

  it('resends a sign-up code that replaces the first one', () => {
    const { session, clientId } = userPool();
    must(session, `aws cognito-idp sign-up --client-id ${clientId} --username finn --password ${PASSWORD}`);
    must(session, `aws cognito-idp resend-confirmation-code --client-id ${clientId} --username finn`);
    const [first, second] = must(session, 'sim inbox --to finn')['messages'] as { code: string }[];
    expect(first!.code).not.toBe(second!.code);
    expect(run(session, `aws cognito-idp confirm-sign-up --client-id ${clientId} --username finn --confirmation-code ${first!.code}`).text).toContain('(CodeMismatchException)');
    expect(run(session, `aws cognito-idp confirm-sign-up --client-id ${clientId} --username finn --confirmation-code ${second!.code}`).ok).toBe(true);
  });
});

describe('admin-get-user and list-users', () => {
  it('show status and groups as the flows change them', () => {
    const { session, poolId, clientId } = userPool();
    must(session, `aws cognito-idp sign-up --client-id ${clientId} --username gus --password ${PASSWORD}`);
    expect(must(session, `aws cognito-idp admin-get-user --user-pool-id ${poolId} --username gus`)).toMatchObject({ Username: 'gus', UserStatus: 'UNCONFIRMED', Enabled: true });
    must(session, `aws cognito-idp admin-confirm-sign-up --user-pool-id ${poolId} --username gus`);
    must(session, `aws cognito-idp create-group --user-pool-id ${poolId} --group-name readers`);
    must(session, `aws cognito-idp admin-add-user-to-group --user-pool-id ${poolId} --username gus --group-name readers`);
    expect(must(session, `aws cognito-idp admin-get-user --user-pool-id ${poolId} --username gus`)).toMatchObject({ UserStatus: 'CONFIRMED', Groups: ['readers'] });
    expect(must(session, `aws cognito-idp list-users --user-pool-id ${poolId}`)['Users']).toMatchObject([{ Username: 'gus', UserStatus: 'CONFIRMED' }]);
    expect(run(session, `aws cognito-idp admin-add-user-to-group --user-pool-id ${poolId} --username gus --group-name nope`).text).toContain('(ResourceNotFoundException) when calling the AdminAddUserToGroup operation: Group not found.');
    expect(run(session, `aws cognito-idp admin-get-user --user-pool-id ${poolId} --username nobody`).text).toContain('(UserNotFoundException)');
  });
});
