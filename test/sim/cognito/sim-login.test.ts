// Proves `sim cognito login` runs the real enhanced flow in one line with pools named by name:
// the trace shows InitiateAuth, GetId and GetCredentialsForIdentity; the profile it saves acts as the
// user (own prefix allowed) or the guest (scoped down, COG-08); errors of the steps come through.
import { describe, expect, it } from 'vitest';
import { PASSWORD, confirmedUser, identityPool, must, run, userPool } from '../../helpers/cognito.js';

describe('sim cognito login', () => {
  it('signs in by names, saves a profile and records the real calls', () => {
    const setup = userPool();
    confirmedUser(setup, 'alice');
    identityPool(setup);
    const { session } = setup;
    const before = session.world.trace.length;
    const answer = must(session, `sim cognito login --identity-pool App --user-pool Users --client web --username alice --password ${PASSWORD}`);
    expect(answer).toMatchObject({ profile: 'alice', roleArn: 'arn:aws:iam::123456789012:role/AuthRole', expiration: '2026-01-01T01:00:00+00:00', sessionPolicyArns: [] });
    expect(session.world.trace.since(before).map((event) => event.operation)).toEqual(['InitiateAuth', 'GetId', 'GetCredentialsForIdentity']);
    expect(run(session, `aws s3api put-object --bucket photos --key ${answer['identityId']}/a.txt --body x --profile alice`).ok).toBe(true);
  });

  it('logs a guest in without a user, and passes step errors through', () => {
    const setup = userPool();
    confirmedUser(setup, 'alice');
    identityPool(setup);
    const { session } = setup;
    expect(must(session, 'sim cognito login --identity-pool App')).toMatchObject({ profile: 'guest', roleArn: 'arn:aws:iam::123456789012:role/GuestRole', sessionPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonCognitoUnAuthedIdentitiesSessionPolicy'] });
    expect(run(session, 'sim cognito login --identity-pool App --user-pool Users --client web --username alice --password wrong').text).toMatchInlineSnapshot(`
      "sim: error: sim cognito login: (NotAuthorizedException) Incorrect username or password.
      "
    `);
    expect(run(session, 'sim cognito login --identity-pool Nope').text).toContain('No identity pool has the id or name "Nope".');
  });
});
