// Proves with fast-check that a credential set never grants more than its role's policies allow
// (IAM-04): for random role policies, actions and resources, whenever the credentials are allowed,
// the role's own policies (evaluated for the same session, without session policies) allow too; and
// guest credentials from the enhanced flow are never allowed S3, whatever the role says (COG-08).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorizeAccessKey, authorizeCredentials, GUEST_SESSION_POLICY_ARN, issueCredentials } from '../../../src/sim/cognito/index.js';
import { createRole, evaluate, putRolePolicy, resolveRole, rolePolicySet } from '../../../src/sim/iam/index.js';
import { createWorld } from '../../../src/sim/world.js';

const IDENTITY = 'us-east-1:11111111-2222-4333-8444-555555555555';
const ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 'dynamodb:GetItem', 'polly:SynthesizeSpeech'];
const RESOURCES = [`arn:aws:s3:::photos/${IDENTITY}/a.txt`, 'arn:aws:s3:::photos/someone/a.txt', 'arn:aws:dynamodb:us-east-1:123456789012:table/T', '*'];
const RESOURCE_PATTERNS = ['*', 'arn:aws:s3:::photos/*', 'arn:aws:s3:::photos/${cognito-identity.amazonaws.com:sub}/*', 'arn:aws:dynamodb:*:*:table/*'];
const ACTION_PATTERNS = [...ACTIONS, 's3:*', '*', 'polly:*'];

const statementArb = fc.record({
  Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
  Action: fc.subarray(ACTION_PATTERNS, { minLength: 1, maxLength: 3 }),
  Resource: fc.subarray(RESOURCE_PATTERNS, { minLength: 1, maxLength: 2 }),
});

const TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }] };

function setUp(statements: readonly object[], isGuest: boolean) {
  const world = createWorld({ seed: 3 });
  createRole(world, { RoleName: 'R', AssumeRolePolicyDocument: JSON.stringify(TRUST) });
  putRolePolicy(world, { RoleName: 'R', PolicyName: 'p', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }) });
  const context = { 'cognito-identity.amazonaws.com:sub': IDENTITY };
  const credential = issueCredentials(world, { roleArn: 'arn:aws:iam::123456789012:role/R', sessionName: 'CognitoIdentityCredentials', durationSeconds: 3_600, context, sessionPolicyArns: isGuest ? [GUEST_SESSION_POLICY_ARN] : [], issuedBy: 'test' });
  return { world, credential, context };
}

describe('credentials never allow more than their role', () => {
  it('an allowed request is allowed by the role policies alone; guests never reach S3', () => {
    fc.assert(
      fc.property(fc.array(statementArb, { minLength: 1, maxLength: 4 }), fc.constantFrom(...ACTIONS), fc.constantFrom(...RESOURCES), fc.boolean(), (statements, action, resource, isGuest) => {
        const { world, credential, context } = setUp(statements, isGuest);
        const decision = authorizeCredentials(world, credential, { action, resource });
        const role = resolveRole(world, 'R');
        if (!role.ok) throw new Error('role missing');
        const principal = { arn: 'arn:aws:sts::123456789012:assumed-role/R/CognitoIdentityCredentials', accountId: '123456789012', type: 'AssumedRole' as const };
        const byRole = evaluate({ principal, action, resource, context }, rolePolicySet(role.value));
        if (decision.effect === 'Allow') expect(byRole.effect).toBe('Allow');
        if (isGuest && action.startsWith('s3:')) expect(decision.effect).not.toBe('Allow');
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe('authorizeAccessKey (API Gateway IAM port)', () => {
  it('denies execute-api to guest credentials even when the role allows it (COG-08), and knows no expired key', () => {
    const allowInvoke = [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' }];
    const resource = 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/orders';
    const user = setUp(allowInvoke, false);
    expect(authorizeAccessKey(user.world, user.credential.accessKeyId, { action: 'execute-api:Invoke', resource })?.effect).toBe('Allow');
    const guest = setUp(allowInvoke, true);
    expect(authorizeAccessKey(guest.world, guest.credential.accessKeyId, { action: 'execute-api:Invoke', resource })?.effect).toBe('ImplicitDeny');
    user.world.advance(3_600_000);
    expect(authorizeAccessKey(user.world, user.credential.accessKeyId, { action: 'execute-api:Invoke', resource })).toBeUndefined();
  });
});
