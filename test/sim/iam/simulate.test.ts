// Proves the policy simulator: simulate-custom-policy and simulate-principal-policy answer in the
// IAM simulator's shape (EvalDecision allowed | explicitDeny | implicitDeny, MatchedStatements,
// MissingContextValues) for every action × resource pair; simulateForSandbox gives the Decision with
// its explanation for a role in the world; evaluateTrust checks a role's trust policy (COG-06).
import { describe, expect, it } from 'vitest';
import { attachRolePolicy, createRole, putRolePolicy } from '../../../src/sim/iam/operations.js';
import { evaluateTrust } from '../../../src/sim/iam/role-policies.js';
import { simulateCustomPolicy, simulateForSandbox, simulatePrincipalPolicy } from '../../../src/sim/iam/simulate.js';
import { createWorld } from '../../../src/sim/world.js';
import { LAMBDA_TRUST, ORDERS_TABLE, READ_ORDERS } from './fixtures.js';

const DENY_DELETE = JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Deny', Action: 'dynamodb:Delete*', Resource: '*' } });
const FROM_OFFICE = JSON.stringify({
  Version: '2012-10-17',
  Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } },
});

function worldWithReader() {
  const world = createWorld();
  createRole(world, { RoleName: 'Reader', AssumeRolePolicyDocument: LAMBDA_TRUST });
  putRolePolicy(world, { RoleName: 'Reader', PolicyName: 'orders', PolicyDocument: READ_ORDERS });
  putRolePolicy(world, { RoleName: 'Reader', PolicyName: 'no-delete', PolicyDocument: DENY_DELETE });
  return world;
}

describe('simulate-custom-policy', () => {
  it('answers one result per action and resource, with the matched statements', () => {
    const result = simulateCustomPolicy(createWorld(), {
      PolicyInputList: [READ_ORDERS, DENY_DELETE],
      ActionNames: ['dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem'],
      ResourceArns: [ORDERS_TABLE],
    });
    expect(result.ok && result.value['EvaluationResults']).toEqual([
      { EvalActionName: 'dynamodb:GetItem', EvalResourceName: ORDERS_TABLE, EvalDecision: 'allowed', MatchedStatements: [{ SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'none' }], MissingContextValues: [] },
      { EvalActionName: 'dynamodb:DeleteItem', EvalResourceName: ORDERS_TABLE, EvalDecision: 'explicitDeny', MatchedStatements: [{ SourcePolicyId: 'PolicyInputList.2', SourcePolicyType: 'none' }], MissingContextValues: [] },
      { EvalActionName: 'dynamodb:PutItem', EvalResourceName: ORDERS_TABLE, EvalDecision: 'implicitDeny', MatchedStatements: [], MissingContextValues: [] },
    ]);
  });

  it('reads --context-entries and reports condition keys the request lacks', () => {
    const world = createWorld();
    const run = (contextEntries?: unknown) =>
      simulateCustomPolicy(world, { PolicyInputList: [FROM_OFFICE], ActionNames: ['s3:GetObject'], ResourceArns: ['arn:aws:s3:::reports/q1.pdf'], ...(contextEntries === undefined ? {} : { ContextEntries: contextEntries }) });
    const inOffice = run([{ ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['203.0.113.9'], ContextKeyType: 'ip' }]);
    const unknown = run();
    expect(inOffice.ok && inOffice.value['EvaluationResults']).toMatchObject([{ EvalDecision: 'allowed', MissingContextValues: [] }]);
    expect(unknown.ok && unknown.value['EvaluationResults']).toMatchObject([{ EvalDecision: 'implicitDeny', MissingContextValues: ['aws:SourceIp'] }]);
    expect(world.trace.last(1)[0]).toMatchObject({ service: 'iam', operation: 'SimulateCustomPolicy', outcome: 'ok' });
  });

  it('names the failing input in a malformed policy and refuses bad context entries', () => {
    const malformed = simulateCustomPolicy(createWorld(), { PolicyInputList: [READ_ORDERS, '{"Version":"2012-10-17","Statement":{"Effect":"Deny"}}'], ActionNames: ['s3:GetObject'] });
    expect(!malformed.ok && malformed.error.message).toMatchInlineSnapshot(`"PolicyInputList.2 Statement: missing Action or NotAction; PolicyInputList.2 Statement: missing Resource or NotResource"`);
    const badContext = simulateCustomPolicy(createWorld(), { PolicyInputList: [READ_ORDERS], ActionNames: ['s3:GetObject'], ContextEntries: [{ ContextKeyName: 'aws:SourceIp' }] });
    expect(!badContext.ok && `${badContext.error.name}: ${badContext.error.message}`).toMatchInlineSnapshot(`"InvalidInput: ContextEntries[0] needs a ContextKeyName and at least one ContextKeyValues entry."`);
  });

  it('evaluates a resource policy with the caller ARN, cross-account rules included (IAM-03)', () => {
    const bucketPolicy = JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: '210987654321' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' } });
    const result = simulateCustomPolicy(createWorld(), {
      PolicyInputList: [JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' } })],
      ResourcePolicy: bucketPolicy,
      CallerArn: 'arn:aws:iam::210987654321:user/carol',
      ActionNames: ['s3:GetObject', 's3:PutObject'],
      ResourceArns: ['arn:aws:s3:::reports/q1.pdf'],
    });
    expect(result.ok && (result.value['EvaluationResults'] as { EvalDecision: string }[]).map((entry) => entry.EvalDecision)).toEqual(['allowed', 'allowed']);
  });
});

describe('simulate-principal-policy', () => {
  it("tests a role's inline and attached policies", () => {
    const world = worldWithReader();
    attachRolePolicy(world, { RoleName: 'Reader', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' });
    const result = simulatePrincipalPolicy(world, {
      PolicySourceArn: 'arn:aws:iam::123456789012:role/Reader',
      ActionNames: ['dynamodb:Query', 'dynamodb:DeleteItem', 'logs:PutLogEvents'],
      ResourceArns: [ORDERS_TABLE],
    });
    expect(result.ok && result.value['EvaluationResults']).toMatchObject([
      { EvalDecision: 'allowed', MatchedStatements: [{ SourcePolicyId: 'orders', SourcePolicyType: 'role' }] },
      { EvalDecision: 'explicitDeny', MatchedStatements: [{ SourcePolicyId: 'no-delete', SourcePolicyType: 'role' }] },
      { EvalDecision: 'allowed', MatchedStatements: [{ SourcePolicyId: 'AWSLambdaBasicExecutionRole', SourcePolicyType: 'aws-managed' }] },
    ]);
  });

  it("IAM-04: applies the role's permissions boundary", () => {
    const world = worldWithReader();
    createRole(world, { RoleName: 'Bounded', AssumeRolePolicyDocument: LAMBDA_TRUST, PermissionsBoundary: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' });
    attachRolePolicy(world, { RoleName: 'Bounded', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    const result = simulatePrincipalPolicy(world, { PolicySourceArn: 'arn:aws:iam::123456789012:role/Bounded', ActionNames: ['s3:GetObject', 's3:PutObject', 'dynamodb:GetItem'], ResourceArns: ['*'] });
    expect(result.ok && (result.value['EvaluationResults'] as { EvalDecision: string }[]).map((entry) => entry.EvalDecision)).toEqual(['allowed', 'implicitDeny', 'implicitDeny']);
    const sandbox = simulateForSandbox(world, { principal: 'Bounded', action: 's3:PutObject', resource: 'arn:aws:s3:::b/k' });
    expect(sandbox.ok && sandbox.value['Explanation']).toMatchInlineSnapshot(`"Implicitly denied: a policy allows s3:PutObject on arn:aws:s3:::b/k, but the permissions boundary "AmazonS3ReadOnlyAccess" does not, and a boundary can only narrow what is allowed."`);
  });

  it('answers NoSuchEntity for a role that does not exist', () => {
    const result = simulatePrincipalPolicy(createWorld(), { PolicySourceArn: 'arn:aws:iam::123456789012:role/Ghost', ActionNames: ['s3:GetObject'] });
    expect(!result.ok && `${result.error.name}: ${result.error.message}`).toMatchInlineSnapshot(`"NoSuchEntity: The role with name Ghost cannot be found."`);
  });
});

describe('simulateForSandbox', () => {
  it('answers the Decision with its deciding statements and explanation', () => {
    const world = worldWithReader();
    const result = simulateForSandbox(world, { principal: 'Reader', action: 'dynamodb:DeleteItem', resource: ORDERS_TABLE });
    expect(result.ok && result.value).toMatchInlineSnapshot(`
      {
        "Action": "dynamodb:DeleteItem",
        "DecidingStatements": [
          {
            "PolicyKind": "identity",
            "PolicyName": "no-delete",
            "StatementIndex": 0,
          },
        ],
        "Decision": "ExplicitDeny",
        "Explanation": "Explicitly denied: Statement[0] of the identity policy "no-delete" denies dynamodb:DeleteItem on arn:aws:dynamodb:us-east-1:123456789012:table/Orders. A matching Deny beats every Allow, wherever it is.",
        "MissingContextValues": [],
        "Principal": "arn:aws:sts::123456789012:assumed-role/Reader/trainer-session",
        "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/Orders",
        "ResourceAccount": "123456789012",
      }
    `);
  });

  it('fills aws:CurrentTime from the world clock and accepts an assumed-role session ARN', () => {
    const world = createWorld();
    createRole(world, { RoleName: 'Night', AssumeRolePolicyDocument: LAMBDA_TRUST });
    const beforeNoon = JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { DateLessThan: { 'aws:CurrentTime': '2026-01-01T12:00:00Z' } } } });
    putRolePolicy(world, { RoleName: 'Night', PolicyName: 'before-noon', PolicyDocument: beforeNoon });
    const ask = () => simulateForSandbox(world, { principal: 'arn:aws:sts::123456789012:assumed-role/Night/s1', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' });
    const morning = ask();
    world.advance(13 * 3_600_000);
    const evening = ask();
    expect([morning.ok && morning.value['Decision'], evening.ok && evening.value['Decision']]).toEqual(['Allow', 'ImplicitDeny']);
    expect(morning.ok && morning.value['Principal']).toBe('arn:aws:sts::123456789012:assumed-role/Night/s1');
  });
});

describe('evaluateTrust', () => {
  it('COG-06: lets the trusted service assume the role and nobody else', () => {
    const world = worldWithReader();
    const ask = (service: string) => {
      const decision = evaluateTrust(world, 'Reader', { principal: { arn: service, accountId: '', type: 'Service' }, action: 'sts:AssumeRole' });
      return decision.ok ? decision.value.effect : decision.error.name;
    };
    expect([ask('lambda.amazonaws.com'), ask('ec2.amazonaws.com')]).toEqual(['Allow', 'ImplicitDeny']);
    expect(evaluateTrust(world, 'Ghost', { principal: { arn: 'lambda.amazonaws.com', accountId: '', type: 'Service' }, action: 'sts:AssumeRole' }).ok).toBe(false);
  });
});
