// Proves the role model behind `aws iam create-role / get-role / list-roles / put-role-policy /
// get-role-policy / attach-role-policy`: answers in the AWS CLI's JSON shape, IAM's error names,
// statuses and messages (pinned inline), trace events, and that the state survives a world snapshot.
import { describe, expect, it } from 'vitest';
import {
  attachRolePolicy,
  createRole,
  getRole,
  getRolePolicy,
  listAttachedRolePolicies,
  listRolePolicies,
  listRoles,
  putRolePermissionsBoundary,
  putRolePolicy,
} from '../../../src/sim/iam/operations.js';
import type { Result } from '../../../src/sim/result.js';
import { createWorld, restoreWorld } from '../../../src/sim/world.js';
import { LAMBDA_TRUST, READ_ORDERS } from './fixtures.js';

function errorOf(result: Result<unknown>): string {
  if (result.ok) throw new Error('expected an error');
  return `${result.error.name} (${result.error.statusCode}): ${result.error.message}`;
}

describe('IAM role operations', () => {
  it('creates a role and answers like the AWS CLI', () => {
    const world = createWorld({ seed: 7 });
    const result = createRole(world, { RoleName: 'OrdersReader', AssumeRolePolicyDocument: LAMBDA_TRUST, Description: 'reads orders' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value['Role']).toMatchObject({
      Path: '/',
      RoleName: 'OrdersReader',
      Arn: 'arn:aws:iam::123456789012:role/OrdersReader',
      CreateDate: '2026-01-01T00:00:00+00:00',
      AssumeRolePolicyDocument: JSON.parse(LAMBDA_TRUST) as unknown,
      Description: 'reads orders',
      MaxSessionDuration: 3600,
    });
    expect((result.value['Role'] as { RoleId: string }).RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(world.trace.last(1)[0]).toMatchObject({ service: 'iam', operation: 'CreateRole', outcome: 'ok', detail: { roleName: 'OrdersReader' } });
  });

  it('gives the same role IDs for the same seed', () => {
    const idFor = (seed: number) => {
      const result = createRole(createWorld({ seed }), { RoleName: 'R', AssumeRolePolicyDocument: LAMBDA_TRUST });
      return result.ok ? (result.value['Role'] as { RoleId: string }).RoleId : '';
    };
    expect(idFor(3)).toBe(idFor(3));
    expect(idFor(3)).not.toBe(idFor(4));
  });

  it('refuses a second role with the same name in any case, a bad name and a bad trust policy', () => {
    const world = createWorld();
    createRole(world, { RoleName: 'Reader', AssumeRolePolicyDocument: LAMBDA_TRUST });
    expect(errorOf(createRole(world, { RoleName: 'reader', AssumeRolePolicyDocument: LAMBDA_TRUST }))).toMatchInlineSnapshot(`"EntityAlreadyExists (409): Role with name reader already exists."`);
    expect(errorOf(createRole(world, { RoleName: 'my role', AssumeRolePolicyDocument: LAMBDA_TRUST }))).toMatchInlineSnapshot(`"ValidationError (400): 1 validation error detected: Value 'my role' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"`);
    expect(errorOf(createRole(world, { RoleName: 'R'.repeat(65), AssumeRolePolicyDocument: LAMBDA_TRUST }))).toMatchInlineSnapshot(`"ValidationError (400): 1 validation error detected: Value 'RRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64"`);
    expect(errorOf(createRole(world, { RoleName: 'Other', AssumeRolePolicyDocument: READ_ORDERS }))).toMatchInlineSnapshot(`"MalformedPolicyDocument (400): Statement[0]: a trust policy must not have Resource or NotResource (its resource is the role itself); Statement[0]: missing Principal or NotPrincipal"`);
    expect(errorOf(createRole(world, { RoleName: 'Other', AssumeRolePolicyDocument: LAMBDA_TRUST, MaxSessionDuration: 60 }))).toMatchInlineSnapshot(`"ValidationError (400): 1 validation error detected: Value '60' at 'maxSessionDuration' failed to satisfy constraint: Member must have value between 3600 and 43200"`);
    expect(world.trace.last(1)[0]).toMatchObject({ operation: 'CreateRole', outcome: 'ValidationError' });
  });

  it('refuses a trust policy over 2,048 characters without whitespace', () => {
    const big = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: Array.from({ length: 60 }, (_, i) => `arn:aws:iam::123456789012:role/R${i}`) }, Action: 'sts:AssumeRole' }] });
    expect(errorOf(createRole(createWorld(), { RoleName: 'Big', AssumeRolePolicyDocument: big }))).toMatchInlineSnapshot(`"LimitExceeded (409): Cannot exceed quota for ACLSizePerRole: 2048"`);
  });

  it('gets and lists roles, and answers NoSuchEntity for an unknown one', () => {
    const world = createWorld();
    for (const name of ['Writer', 'Reader']) createRole(world, { RoleName: name, AssumeRolePolicyDocument: LAMBDA_TRUST });
    const listed = listRoles(world, {});
    expect(listed.ok && (listed.value['Roles'] as { RoleName: string }[]).map((role) => role.RoleName)).toEqual(['Reader', 'Writer']);
    const got = getRole(world, { RoleName: 'reader' });
    expect(got.ok && got.value['Role']).toMatchObject({ RoleName: 'Reader', RoleLastUsed: {} });
    expect(errorOf(getRole(world, { RoleName: 'Nobody' }))).toMatchInlineSnapshot(`"NoSuchEntity (404): The role with name Nobody cannot be found."`);
  });

  it('puts, replaces and gets inline policies', () => {
    const world = createWorld();
    createRole(world, { RoleName: 'Reader', AssumeRolePolicyDocument: LAMBDA_TRUST });
    expect(putRolePolicy(world, { RoleName: 'Reader', PolicyName: 'orders', PolicyDocument: READ_ORDERS })).toEqual({ ok: true, value: {} });
    const got = getRolePolicy(world, { RoleName: 'Reader', PolicyName: 'orders' });
    expect(got.ok && got.value).toEqual({ RoleName: 'Reader', PolicyName: 'orders', PolicyDocument: JSON.parse(READ_ORDERS) as unknown });
    expect(errorOf(getRolePolicy(world, { RoleName: 'Reader', PolicyName: 'missing' }))).toMatchInlineSnapshot(`"NoSuchEntity (404): The role policy with name missing cannot be found."`);
    expect(errorOf(putRolePolicy(world, { RoleName: 'Ghost', PolicyName: 'p', PolicyDocument: READ_ORDERS }))).toMatchInlineSnapshot(`"NoSuchEntity (404): The role with name Ghost cannot be found."`);
    expect(errorOf(putRolePolicy(world, { RoleName: 'Reader', PolicyName: 'p', PolicyDocument: '{"Version":"2012-10-17","Statement":{"Effect":"allow","Action":"s3:GetObject"}}' }))).toMatchInlineSnapshot(`"MalformedPolicyDocument (400): Statement.Effect: expected "Allow" or "Deny", found "allow"; Statement: missing Resource or NotResource"`);
  });

  it('refuses inline policies that together exceed 10,240 characters', () => {
    const world = createWorld();
    createRole(world, { RoleName: 'Reader', AssumeRolePolicyDocument: LAMBDA_TRUST });
    const actions = Array.from({ length: 300 }, (_, i) => `dynamodb:Action${i}`);
    const big = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] });
    expect(putRolePolicy(world, { RoleName: 'Reader', PolicyName: 'a', PolicyDocument: big }).ok).toBe(true);
    expect(errorOf(putRolePolicy(world, { RoleName: 'Reader', PolicyName: 'b', PolicyDocument: big }))).toMatchInlineSnapshot(`"LimitExceeded (409): Maximum policy size of 10240 bytes exceeded for role Reader"`);
    expect(putRolePolicy(world, { RoleName: 'Reader', PolicyName: 'a', PolicyDocument: big }).ok).toBe(true);
  });

  it('attaches catalogue managed policies once and refuses unknown ARNs', () => {
    const world = createWorld();
    createRole(world, { RoleName: 'Reader', AssumeRolePolicyDocument: LAMBDA_TRUST });
    const arn = 'arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess';
    expect(attachRolePolicy(world, { RoleName: 'Reader', PolicyArn: arn }).ok).toBe(true);
    expect(attachRolePolicy(world, { RoleName: 'Reader', PolicyArn: arn }).ok).toBe(true);
    expect(errorOf(attachRolePolicy(world, { RoleName: 'Reader', PolicyArn: 'arn:aws:iam::aws:policy/NoSuchPolicy' }))).toMatchInlineSnapshot(`"NoSuchEntity (404): Policy arn:aws:iam::aws:policy/NoSuchPolicy does not exist or is not attachable."`);
    const state = world.snapshot().services['iam'] as { roles: Record<string, { attachedPolicyArns: string[] }> };
    expect(state.roles['reader']?.attachedPolicyArns).toEqual([arn]);
  });

  it('lists inline and attached policies, and sets a permissions boundary shown by get-role', () => {
    const world = createWorld();
    const boundary = 'arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess';
    createRole(world, { RoleName: 'Reader', AssumeRolePolicyDocument: LAMBDA_TRUST });
    for (const name of ['zeta', 'alpha']) putRolePolicy(world, { RoleName: 'Reader', PolicyName: name, PolicyDocument: READ_ORDERS });
    attachRolePolicy(world, { RoleName: 'Reader', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' });
    expect(listRolePolicies(world, { RoleName: 'Reader' })).toEqual({ ok: true, value: { PolicyNames: ['alpha', 'zeta'] } });
    expect(listAttachedRolePolicies(world, { RoleName: 'Reader' })).toEqual({
      ok: true,
      value: { AttachedPolicies: [{ PolicyName: 'AWSLambdaBasicExecutionRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }] },
    });
    expect(putRolePermissionsBoundary(world, { RoleName: 'Reader', PermissionsBoundary: boundary }).ok).toBe(true);
    const got = getRole(world, { RoleName: 'Reader' });
    expect(got.ok && got.value['Role']).toMatchObject({ PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: boundary } });
    expect(errorOf(putRolePermissionsBoundary(world, { RoleName: 'Reader', PermissionsBoundary: 'arn:aws:iam::aws:policy/Nope' }))).toMatchInlineSnapshot(`"NoSuchEntity (404): Policy arn:aws:iam::aws:policy/Nope does not exist or is not attachable."`);
    expect(errorOf(listRolePolicies(world, { RoleName: 'Ghost' }))).toMatchInlineSnapshot(`"NoSuchEntity (404): The role with name Ghost cannot be found."`);
  });

  it('keeps roles across a world snapshot and restore', () => {
    const world = createWorld();
    createRole(world, { RoleName: 'Reader', AssumeRolePolicyDocument: LAMBDA_TRUST });
    putRolePolicy(world, { RoleName: 'Reader', PolicyName: 'orders', PolicyDocument: READ_ORDERS });
    const restored = restoreWorld(world.snapshot());
    expect(getRolePolicy(restored, { RoleName: 'Reader', PolicyName: 'orders' })).toEqual(getRolePolicy(world, { RoleName: 'Reader', PolicyName: 'orders' }));
  });
});
