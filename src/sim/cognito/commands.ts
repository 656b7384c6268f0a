// The `aws cognito-idp`, `aws cognito-identity` and `aws sts` rows of the sandbox language.
import type { OperationSpec, ParamSpec } from '../cli/operation-spec.js';
import { getCredentialsForIdentity } from './identity-credentials.js';
import { createIdentityPool, getId, getIdentityPoolRoles, getOpenIdToken, setIdentityPoolRoles } from './identity-pools.js';
import { adminCreateUser } from './admin-users.js';
import { createIdentityProvider } from './federated-sign-in.js';
import { confirmForgotPassword, forgotPassword, resendConfirmationCode } from './forgot-password.js';
import { adminSetUserMfaPreference, respondToAuthChallenge } from './challenges.js';
import { getUser, initiateAuth } from './sign-in.js';
import { associateSoftwareToken, verifySoftwareToken } from './totp.js';
import { adminConfirmSignUp, confirmSignUp, signUp } from './sign-up.js';
import { assumeRoleWithWebIdentity, getCallerIdentity } from './sts.js';
import { adminAddUserToGroup, adminDisableUser, adminGetUser, listUsers, adminEnableUser, createGroup, createUserPool, createUserPoolClient } from './user-pools.js';

const p = (flag: `--${string}`, member: string, type: ParamSpec['type'], required: boolean, description: string, extra: Partial<ParamSpec> = {}): ParamSpec => ({ flag, member, type, required, description, ...extra });
const userPoolId = p('--user-pool-id', 'UserPoolId', 'string', true, 'The user pool id, e.g. us-east-1_AbC123xyZ.');
const clientId = p('--client-id', 'ClientId', 'string', true, 'The app client id.');
const username = p('--username', 'Username', 'string', true, 'The user name.');
const identityPoolId = p('--identity-pool-id', 'IdentityPoolId', 'string', true, 'The identity pool id, e.g. us-east-1:1a2b....');
const identityId = p('--identity-id', 'IdentityId', 'string', true, 'The identity id GetId answered.');
const logins = p('--logins', 'Logins', 'json', false, 'Provider name → token, e.g. cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC=ID_TOKEN.');

const idp = (command: string, operation: string, summary: string, params: readonly ParamSpec[], run: OperationSpec['run']): OperationSpec => ({ service: 'cognito-idp', command, operation, summary, params, run });
const identity = (command: string, operation: string, summary: string, params: readonly ParamSpec[], run: OperationSpec['run']): OperationSpec => ({ service: 'cognito-identity', command, operation, summary, params, run });

export const COGNITO_IDP_OPERATIONS: readonly OperationSpec[] = [
  idp('create-user-pool', 'CreateUserPool', 'Creates a user pool (default password policy: 8 characters, upper, lower, number, symbol).', [
    p('--pool-name', 'PoolName', 'string', true, 'The pool name.'),
    p('--policies', 'Policies', 'json', false, 'e.g. {"PasswordPolicy":{"MinimumLength":12,"RequireSymbols":false}}.'),
    p('--auto-verified-attributes', 'AutoVerifiedAttributes', 'string-list', false, 'Attributes verified by code, e.g. email.'),
    p('--mfa-configuration', 'MfaConfiguration', 'string', false, 'OFF (default), ON or OPTIONAL; codes arrive by SMS in the simulated inbox.', { choices: ['OFF', 'ON', 'OPTIONAL'] }),
  ], createUserPool),
  idp('create-user-pool-client', 'CreateUserPoolClient', 'Creates an app client; token lifetimes per COG-04.', [
    userPoolId,
    p('--client-name', 'ClientName', 'string', true, 'The client name.'),
    p('--explicit-auth-flows', 'ExplicitAuthFlows', 'string-list', false, 'e.g. ALLOW_USER_PASSWORD_AUTH ALLOW_REFRESH_TOKEN_AUTH.'),
    p('--id-token-validity', 'IdTokenValidity', 'integer', false, 'ID token lifetime in TokenValidityUnits (default hours; 5 min to 1 day).'),
    p('--access-token-validity', 'AccessTokenValidity', 'integer', false, 'Access token lifetime (default hours; 5 min to 1 day).'),
    p('--refresh-token-validity', 'RefreshTokenValidity', 'integer', false, 'Refresh token lifetime (default days; 60 min to 10 years).'),
    p('--token-validity-units', 'TokenValidityUnits', 'json', false, 'e.g. IdToken=minutes,AccessToken=minutes,RefreshToken=days.'),
    p('--prevent-user-existence-errors', 'PreventUserExistenceErrors', 'string', false, 'ENABLED hides UserNotFoundException (COG-03); LEGACY (default here).', { choices: ['ENABLED', 'LEGACY'] }),
  ], createUserPoolClient),
  idp('sign-up', 'SignUp', 'Registers a user; the code goes to the simulated inbox (sim inbox).', [
    clientId,
    username,
    p('--password', 'Password', 'string', true, 'The password, checked against the pool policy.'),
    p('--user-attributes', 'UserAttributes', 'json', false, 'e.g. Name=email,Value=alice@example.com.', { isList: true }),
  ], signUp),
  idp('confirm-sign-up', 'ConfirmSignUp', 'Confirms a user with the code from the inbox.', [clientId, username, p('--confirmation-code', 'ConfirmationCode', 'string', true, 'The six-digit code.')], confirmSignUp),
  idp('resend-confirmation-code', 'ResendConfirmationCode', 'Sends a new sign-up code to the inbox.', [clientId, username], resendConfirmationCode),
  idp('forgot-password', 'ForgotPassword', 'Sends a password-reset code to the inbox.', [clientId, username], forgotPassword),
  idp('confirm-forgot-password', 'ConfirmForgotPassword', 'Sets a new password with the reset code.', [
    clientId,
    username,
    p('--confirmation-code', 'ConfirmationCode', 'string', true, 'The six-digit reset code.'),
    p('--password', 'Password', 'string', true, 'The new password, checked against the pool policy.'),
  ], confirmForgotPassword),
  idp('admin-confirm-sign-up', 'AdminConfirmSignUp', 'Confirms a user without a code.', [userPoolId, username], adminConfirmSignUp),
  idp('initiate-auth', 'InitiateAuth', 'Signs in: USER_PASSWORD_AUTH or REFRESH_TOKEN_AUTH.', [
    clientId,
    p('--auth-flow', 'AuthFlow', 'string', true, 'The flow.', { choices: ['USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH', 'USER_SRP_AUTH', 'CUSTOM_AUTH', 'USER_AUTH'] }),
    p('--auth-parameters', 'AuthParameters', 'json', true, 'USERNAME=alice,PASSWORD=... or REFRESH_TOKEN=....'),
  ], initiateAuth),
  idp('respond-to-auth-challenge', 'RespondToAuthChallenge', 'Answers NEW_PASSWORD_REQUIRED, SMS_MFA (code from the inbox) or SOFTWARE_TOKEN_MFA (sim totp code).', [
    clientId,
    p('--challenge-name', 'ChallengeName', 'string', true, 'The challenge: NEW_PASSWORD_REQUIRED, SMS_MFA or SOFTWARE_TOKEN_MFA.', { choices: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'NEW_PASSWORD_REQUIRED', 'CUSTOM_CHALLENGE'] }),
    p('--session', 'Session', 'string', true, 'The Session from initiate-auth.'),
    p('--challenge-responses', 'ChallengeResponses', 'json', true, 'USERNAME=alice plus NEW_PASSWORD=..., SMS_MFA_CODE=123456 or SOFTWARE_TOKEN_MFA_CODE=123456.'),
  ], respondToAuthChallenge),
  idp('admin-set-user-mfa-preference', 'AdminSetUserMFAPreference', 'Turns SMS MFA on or off for a user (pools with MFA OPTIONAL).', [
    userPoolId,
    username,
    p('--sms-mfa-settings', 'SMSMfaSettings', 'json', false, 'Enabled=true,PreferredMfa=true.'),
    p('--software-token-mfa-settings', 'SoftwareTokenMfaSettings', 'json', false, 'Enabled=true,PreferredMfa=true (after verify-software-token).'),
  ], adminSetUserMfaPreference),
  idp('associate-software-token', 'AssociateSoftwareToken', 'Starts TOTP set-up: answers the secret for an authenticator (sim totp code).', [p('--access-token', 'AccessToken', 'string', true, 'The user\'s access token.')], associateSoftwareToken),
  idp('verify-software-token', 'VerifySoftwareToken', 'Finishes TOTP set-up with one code from the authenticator.', [
    p('--access-token', 'AccessToken', 'string', true, 'The user\'s access token.'),
    p('--user-code', 'UserCode', 'string', true, 'The six-digit code now shown by sim totp code.'),
    p('--friendly-device-name', 'FriendlyDeviceName', 'string', false, 'A name for the authenticator.'),
  ], verifySoftwareToken),
  idp('get-user', 'GetUser', 'Shows the user an access token belongs to.', [p('--access-token', 'AccessToken', 'string', true, 'An access token from initiate-auth.')], getUser),
  idp('create-group', 'CreateGroup', 'Creates a group, optionally with an IAM role and precedence.', [
    userPoolId,
    p('--group-name', 'GroupName', 'string', true, 'The group name.'),
    p('--role-arn', 'RoleArn', 'string', false, 'A role for cognito:roles / cognito:preferred_role.'),
    p('--precedence', 'Precedence', 'integer', false, 'Lower wins for cognito:preferred_role.'),
  ], createGroup),
  idp('admin-create-user', 'AdminCreateUser', 'Creates a user with a temporary password (status FORCE_CHANGE_PASSWORD).', [
    userPoolId,
    username,
    p('--temporary-password', 'TemporaryPassword', 'string', false, 'The temporary password (default: a generated one).'),
    p('--user-attributes', 'UserAttributes', 'json', false, 'e.g. Name=email,Value=carol@example.com.', { isList: true }),
    p('--message-action', 'MessageAction', 'string', false, 'SUPPRESS sends no message to the inbox.', { choices: ['SUPPRESS', 'RESEND'] }),
  ], adminCreateUser),
  idp('admin-add-user-to-group', 'AdminAddUserToGroup', 'Adds a user to a group (cognito:groups in later tokens).', [userPoolId, username, p('--group-name', 'GroupName', 'string', true, 'The group name.')], adminAddUserToGroup),
  idp('create-identity-provider', 'CreateIdentityProvider', 'Lets the pool federate with an external IdP (type Google here); sign in with sim idp sign-in.', [
    userPoolId,
    p('--provider-name', 'ProviderName', 'string', true, 'The name users see, e.g. Google.'),
    p('--provider-type', 'ProviderType', 'string', true, 'The type: Google.', { choices: ['Google', 'Facebook', 'LoginWithAmazon', 'SignInWithApple', 'OIDC', 'SAML'] }),
    p('--provider-details', 'ProviderDetails', 'json', true, 'client_id=APP_ID,client_secret=...,authorize_scopes=openid.'),
  ], createIdentityProvider),
  idp('admin-get-user', 'AdminGetUser', 'Shows a user: attributes, status (UNCONFIRMED, CONFIRMED, FORCE_CHANGE_PASSWORD), groups.', [userPoolId, username], adminGetUser),
  idp('list-users', 'ListUsers', 'Lists the users of a pool.', [userPoolId], listUsers),
  idp('admin-disable-user', 'AdminDisableUser', 'Disables a user: sign-in answers "User is disabled."', [userPoolId, username], adminDisableUser),
  idp('admin-enable-user', 'AdminEnableUser', 'Enables a disabled user.', [userPoolId, username], adminEnableUser),
];

export const COGNITO_IDENTITY_OPERATIONS: readonly OperationSpec[] = [
  identity('create-identity-pool', 'CreateIdentityPool', 'Creates an identity pool.', [
    p('--identity-pool-name', 'IdentityPoolName', 'string', true, 'The pool name.'),
    p('--allow-unauthenticated-identities', 'AllowUnauthenticatedIdentities', 'boolean', false, 'Lets guests get credentials (COG-06).'),
    p('--allow-classic-flow', 'AllowClassicFlow', 'boolean', false, 'Turns the basic flow on (COG-07).'),
    p('--cognito-identity-providers', 'CognitoIdentityProviders', 'json', false, 'ProviderName=cognito-idp.REGION.amazonaws.com/POOL_ID,ClientId=CLIENT_ID.', { isList: true }),
    p('--supported-login-providers', 'SupportedLoginProviders', 'json', false, 'External IdPs, e.g. accounts.google.com=APP_ID.'),
  ], createIdentityPool),
  identity('set-identity-pool-roles', 'SetIdentityPoolRoles', 'Sets the authenticated/unauthenticated roles and role mappings (COG-09).', [
    identityPoolId,
    p('--roles', 'Roles', 'json', true, 'authenticated=ROLE_ARN,unauthenticated=ROLE_ARN.'),
    p('--role-mappings', 'RoleMappings', 'json', false, 'Per provider: {"Type":"Token"|"Rules","AmbiguousRoleResolution":...,"RulesConfiguration":{"Rules":[...]}}.'),
  ], setIdentityPoolRoles),
  identity('get-identity-pool-roles', 'GetIdentityPoolRoles', 'Shows the roles and role mappings.', [identityPoolId], getIdentityPoolRoles),
  identity('get-id', 'GetId', 'Gets (or creates) the identity id for the logins, or a guest id without logins.', [identityPoolId, p('--account-id', 'AccountId', 'string', false, 'The account id (accepted).'), logins], getId),
  identity('get-credentials-for-identity', 'GetCredentialsForIdentity', 'Enhanced flow: 1-hour credentials for the chosen role (COG-07, COG-08).', [
    identityId,
    logins,
    p('--custom-role-arn', 'CustomRoleArn', 'string', false, 'A role from cognito:roles to use instead of the preferred one.'),
  ], getCredentialsForIdentity),
  identity('get-open-id-token', 'GetOpenIdToken', 'Basic flow: an OpenID token to pass to sts assume-role-with-web-identity.', [identityId, logins], getOpenIdToken),
];

export const STS_OPERATIONS: readonly OperationSpec[] = [
  {
    service: 'sts',
    command: 'assume-role-with-web-identity',
    operation: 'AssumeRoleWithWebIdentity',
    summary: "Exchanges a web identity token for a role's temporary credentials (trust policy decides).",
    params: [
      p('--role-arn', 'RoleArn', 'string', true, 'The role to assume.'),
      p('--role-session-name', 'RoleSessionName', 'string', true, 'The session name in the assumed-role ARN.'),
      p('--web-identity-token', 'WebIdentityToken', 'string', true, 'A token from get-open-id-token or an external IdP (sim idp token).'),
      p('--duration-seconds', 'DurationSeconds', 'integer', false, '900 up to the role\'s MaxSessionDuration (default 3600).'),
    ],
    run: assumeRoleWithWebIdentity,
  },
  { service: 'sts', command: 'get-caller-identity', operation: 'GetCallerIdentity', summary: 'Shows who the command runs as (--profile or sim profile use).', params: [], usesCaller: true, run: getCallerIdentity },
];
