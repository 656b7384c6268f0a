// Proves the identity-pool chain end to end in the sandbox: sign in → tokens → identity id →
// temporary credentials → S3 allowed or denied by IAM. Enhanced flow for users and guests (COG-07,
// the guest scope-down of COG-08), role mapping by rules and by token (COG-09), the per-identity S3
// prefix (COG-10), the basic flow through STS with the trust policy deciding (COG-06), federation
// with a simulated external IdP, and expired credentials refused.
import { describe, expect, it } from 'vitest';
import { confirmedUser, identityPool, must, run, signIn, trustFor, userPool } from '../../helpers/cognito.js';

function signedInIdentity(username = 'alice', flags?: string) {
  const setup = userPool();
  confirmedUser(setup, username);
  const poolId = identityPool(setup, flags);
  const { IdToken } = signIn(setup, username);
  const logins = `${setup.provider}=${IdToken}`;
  const identityId = must(setup.session, `aws cognito-identity get-id --identity-pool-id ${poolId} --logins ${logins}`)['IdentityId'];
  return { ...setup, identityPoolId: poolId, identityId, logins, idToken: IdToken };
}

describe('enhanced flow (GetId → GetCredentialsForIdentity)', () => {
  it('gives a signed-in user 1-hour ASIA credentials for the authenticated role, and the same id every time', () => {
    const { session, identityPoolId, identityId, logins } = signedInIdentity();
    expect(identityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(must(session, `aws cognito-identity get-id --identity-pool-id ${identityPoolId} --logins ${logins}`)['IdentityId']).toBe(identityId);
    const answer = must(session, `aws cognito-identity get-credentials-for-identity --identity-id ${identityId} --logins ${logins}`);
    expect(answer['Credentials']).toMatchObject({ AccessKeyId: expect.stringMatching(/^ASIA[A-Z0-9]{16}$/), Expiration: '2026-01-01T01:00:00+00:00' }); // COG-07: 1 hour
    must(session, 'sim profile save alice');
    expect(must(session, 'aws sts get-caller-identity --profile alice')['Arn']).toBe('arn:aws:sts::123456789012:assumed-role/AuthRole/CognitoIdentityCredentials');
  });

  it('lets each user write under their own identity id and denies another user\'s prefix (COG-10)', () => {
    const { session, identityId, logins } = signedInIdentity();
    must(session, `aws cognito-identity get-credentials-for-identity --identity-id ${identityId} --logins ${logins}`);
    must(session, 'sim profile save alice');
    expect(run(session, `aws s3api put-object --bucket photos --key ${identityId}/cat.txt --body meow --profile alice`).ok).toBe(true);
    expect(run(session, 'aws s3api put-object --bucket photos --key us-east-1:00000000-0000-4000-8000-000000000000/cat.txt --body x --profile alice').text).toMatchInlineSnapshot(`
      "An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:sts::123456789012:assumed-role/AuthRole/CognitoIdentityCredentials is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::photos/us-east-1:00000000-0000-4000-8000-000000000000/cat.txt" because no identity-based policy allows the s3:PutObject action
      "
    `);
    must(session, 'sim profile use alice');
    expect(must(session, `aws s3api get-object --bucket photos --key ${identityId}/cat.txt`)['Body']).toBe('meow');
  });

  it('scopes guest credentials down: the guest role allows S3 but the session policy does not (COG-08)', () => {
    const setup = userPool();
    const poolId = identityPool(setup);
    const { session } = setup;
    const guestId = must(session, `aws cognito-identity get-id --identity-pool-id ${poolId}`)['IdentityId'];
    must(session, `aws cognito-identity get-credentials-for-identity --identity-id ${guestId}`);
    must(session, 'sim profile save guest');
    expect(run(session, `aws s3api put-object --bucket photos --key ${guestId}/a.txt --body x --profile guest`).text).toContain('because no session policy allows the s3:PutObject action');
    // a second guest call gets a new identity
    expect(must(session, `aws cognito-identity get-id --identity-pool-id ${poolId}`)['IdentityId']).not.toBe(guestId);
  });

  it('refuses guests when the pool does not allow unauthenticated identities', () => {
    const setup = userPool();
    const poolId = identityPool(setup, '--no-allow-unauthenticated-identities');
    expect(run(setup.session, `aws cognito-identity get-id --identity-pool-id ${poolId}`).text).toMatchInlineSnapshot(`
      "An error occurred (NotAuthorizedException) when calling the GetId operation: Unauthenticated access is not supported for this identity pool.
      "
    `);
  });

  it('refuses an expired login token, a token for another client, and missing logins for a linked identity', () => {
    const { session, identityPoolId, identityId, idToken, provider } = signedInIdentity();
    expect(run(session, `aws cognito-identity get-credentials-for-identity --identity-id ${identityId}`).text).toContain(`(NotAuthorizedException) when calling the GetCredentialsForIdentity operation: Access to Identity '${identityId}' is forbidden.`);
    expect(run(session, `aws cognito-identity get-id --identity-pool-id ${identityPoolId} --logins accounts.google.com=${idToken}`).text).toContain('Token is not from a supported provider of this identity pool.');
    must(session, 'sim clock advance 1h');
    expect(run(session, `aws cognito-identity get-id --identity-pool-id ${identityPoolId} --logins ${provider}=${idToken}`).text).toContain('Invalid login token. Token expired.');
  });

  it('refuses credentials after they expire on the virtual clock', () => {
    const { session, identityId, logins } = signedInIdentity();
    must(session, `aws cognito-identity get-credentials-for-identity --identity-id ${identityId} --logins ${logins}`);
    must(session, 'sim profile save alice');
    must(session, 'sim clock advance 1h');
    expect(run(session, `aws s3api put-object --bucket photos --key ${identityId}/a --body x --profile alice`).text).toMatchInlineSnapshot(`
      "An error occurred (ExpiredToken) when calling the PutObject operation: The provided token has expired.
      "
    `);
  });

  it('answers InvalidIdentityPoolConfigurationException when the role does not trust the pool (COG-06)', () => {
    const { session, identityPoolId, identityId, logins } = signedInIdentity();
    must(session, `aws iam create-role --role-name Other --assume-role-policy-document '${trustFor('us-east-1:someone-else', 'authenticated')}'`);
    must(session, `aws cognito-identity set-identity-pool-roles --identity-pool-id ${identityPoolId} --roles authenticated=arn:aws:iam::123456789012:role/Other`);
    expect(run(session, `aws cognito-identity get-credentials-for-identity --identity-id ${identityId} --logins ${logins}`).text).toMatchInlineSnapshot(`
      "An error occurred (InvalidIdentityPoolConfigurationException) when calling the GetCredentialsForIdentity operation: Invalid identity pool configuration. Check assigned IAM roles for this pool.
      "
    `);
  });
});

describe('role mapping (COG-09)', () => {
  function mapped(mapping: object) {
    const setup = signedInIdentity();
    const { session, identityPoolId, provider, clientId, poolId } = setup;
    must(session, `aws iam create-role --role-name AdminRole --assume-role-policy-document '${trustFor(identityPoolId, 'authenticated')}'`);
    must(session, `aws cognito-idp create-group --user-pool-id ${poolId} --group-name admins --role-arn arn:aws:iam::123456789012:role/AdminRole`);
    must(session, `aws cognito-idp admin-add-user-to-group --user-pool-id ${poolId} --username alice --group-name admins`);
    const roles = 'authenticated=arn:aws:iam::123456789012:role/AuthRole';
    must(session, `aws cognito-identity set-identity-pool-roles --identity-pool-id ${identityPoolId} --roles ${roles} --role-mappings '${JSON.stringify({ [`${provider}:${clientId}`]: mapping })}'`);
    return setup;
  }

  const roleOf = (setup: ReturnType<typeof signedInIdentity>, username = 'alice') => {
    const { IdToken } = signIn(setup, username);
    const logins = `${setup.provider}=${IdToken}`;
    const identityId = must(setup.session, `aws cognito-identity get-id --identity-pool-id ${setup.identityPoolId} --logins ${logins}`)['IdentityId'];
    const answer = run(setup.session, `aws cognito-identity get-credentials-for-identity --identity-id ${identityId} --logins ${logins}`);
    if (!answer.ok) return answer.text;
    must(setup.session, 'sim profile save who');
    return must(setup.session, 'aws sts get-caller-identity --profile who')['Arn'];
  };

  it('Token: uses the group role from cognito:preferred_role', () => {
    expect(roleOf(mapped({ Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' }))).toBe('arn:aws:sts::123456789012:assumed-role/AdminRole/CognitoIdentityCredentials');
  });

  it('Rules: the first matching rule wins; no match falls back to the authenticated role or is denied', () => {
    const rules = { Type: 'Rules', AmbiguousRoleResolution: 'AuthenticatedRole', RulesConfiguration: { Rules: [{ Claim: 'cognito:groups', MatchType: 'Contains', Value: 'admin', RoleARN: 'arn:aws:iam::123456789012:role/AdminRole' }] } };
    expect(roleOf(mapped(rules))).toBe('arn:aws:sts::123456789012:assumed-role/AdminRole/CognitoIdentityCredentials');
    const noMatch = { ...rules, RulesConfiguration: { Rules: [{ Claim: 'email', MatchType: 'Equals', Value: 'x@example.com', RoleARN: 'arn:aws:iam::123456789012:role/AdminRole' }] } };
    expect(roleOf(mapped(noMatch))).toBe('arn:aws:sts::123456789012:assumed-role/AuthRole/CognitoIdentityCredentials');
    expect(roleOf(mapped({ ...noMatch, AmbiguousRoleResolution: 'Deny' }))).toContain('(NotAuthorizedException) when calling the GetCredentialsForIdentity operation: Ambiguous role mapping rules for:');
  });
});

describe('basic flow (GetOpenIdToken → sts assume-role-with-web-identity, COG-07)', () => {
  it('needs the classic flow turned on', () => {
    const { session, identityId, logins } = signedInIdentity();
    expect(run(session, `aws cognito-identity get-open-id-token --identity-id ${identityId} --logins ${logins}`).text).toContain('(InvalidParameterException)');
  });

  it('lets the app pick role and duration; the trust policy decides; guests are not scoped down', () => {
    const { session, identityId, logins } = signedInIdentity('alice', '--allow-unauthenticated-identities --allow-classic-flow');
    const token = must(session, `aws cognito-identity get-open-id-token --identity-id ${identityId} --logins ${logins}`)['Token'];
    const assume = (role: string, extra = '') => run(session, `aws sts assume-role-with-web-identity --role-arn arn:aws:iam::123456789012:role/${role} --role-session-name app --web-identity-token ${token} ${extra}`);
    expect(assume('GuestRole').text).toMatchInlineSnapshot(`
      "An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity
      "
    `);
    expect(assume('AuthRole', '--duration-seconds 899').text).toContain("Value '899' at 'durationSeconds'");
    expect(assume('AuthRole', '--duration-seconds 3601').text).toContain('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    const answer = assume('AuthRole', '--duration-seconds 900');
    expect(answer.out).toMatchObject({ Credentials: { AccessKeyId: expect.stringMatching(/^ASIA/), Expiration: '2026-01-01T00:15:00+00:00' }, SubjectFromWebIdentityToken: identityId, AssumedRoleUser: { Arn: 'arn:aws:sts::123456789012:assumed-role/AuthRole/app' } });
    must(session, 'sim profile save basic');
    expect(run(session, `aws s3api put-object --bucket photos --key ${identityId}/b.txt --body x --profile basic`).ok).toBe(true);
  });
});

describe('federation with a simulated external IdP', () => {
  it('accepts a Google token configured for the pool, and STS accepts it for a role that trusts Google', () => {
    const setup = userPool();
    const { session } = setup;
    const poolId = must(session, 'aws cognito-identity create-identity-pool --identity-pool-name Fed --no-allow-unauthenticated-identities --supported-login-providers accounts.google.com=my-app')['IdentityPoolId'];
    const token = must(session, 'sim idp token --provider accounts.google.com --subject bob --audience my-app')['token'];
    expect(must(session, `aws cognito-identity get-id --identity-pool-id ${poolId} --logins accounts.google.com=${token}`)['IdentityId']).toMatch(/^us-east-1:/);
    const other = must(session, 'sim idp token --provider accounts.google.com --subject bob --audience other-app')['token'];
    expect(run(session, `aws cognito-identity get-id --identity-pool-id ${poolId} --logins accounts.google.com=${other}`).text).toContain('Invalid login token. Incorrect token audience.');
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'accounts.google.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'accounts.google.com:aud': 'my-app' } } }] };
    must(session, `aws iam create-role --role-name GoogleUsers --assume-role-policy-document '${JSON.stringify(trust)}'`);
    expect(run(session, `aws sts assume-role-with-web-identity --role-arn arn:aws:iam::123456789012:role/GoogleUsers --role-session-name bob --web-identity-token ${token}`).ok).toBe(true);
    expect(run(session, `aws sts assume-role-with-web-identity --role-arn arn:aws:iam::123456789012:role/GoogleUsers --role-session-name bob --web-identity-token ${other}`).text).toContain('(AccessDenied)');
  });
});
