// Proves the `aws iam` rows are complete and consistent: the commands the issue asks for exist,
// every flag is described and unique within its command, required flags fill members the operation
// reads, and each row runs end to end against a world.
import { describe, expect, it } from 'vitest';
import { IAM_OPERATIONS } from '../../../src/sim/iam/commands.js';
import { createWorld } from '../../../src/sim/world.js';
import { LAMBDA_TRUST, READ_ORDERS } from './fixtures.js';

const row = (command: string) => {
  const found = IAM_OPERATIONS.find((operation) => operation.command === command);
  if (found === undefined) throw new Error(`no row for ${command}`);
  return found;
};

describe('IAM_OPERATIONS', () => {
  it('has the commands of the issue (and three small extras), each with a described, unique set of flags', () => {
    expect(IAM_OPERATIONS.map((operation) => operation.command)).toEqual([
      'create-role', 'get-role', 'list-roles', 'put-role-policy', 'get-role-policy', 'attach-role-policy',
      'put-role-permissions-boundary', 'list-role-policies', 'list-attached-role-policies',
      'simulate-custom-policy', 'simulate-principal-policy',
    ]);
    for (const operation of IAM_OPERATIONS) {
      expect(operation.service).toBe('iam');
      expect(operation.summary.length).toBeGreaterThan(10);
      const flags = operation.params.map((param) => param.flag);
      expect(new Set(flags).size).toBe(flags.length);
      for (const param of operation.params) expect(param.description).toMatch(/\.$/);
    }
  });

  it('runs create-role, put-role-policy and simulate-principal-policy through the rows', () => {
    const world = createWorld();
    expect(row('create-role').run(world, { RoleName: 'Reader', AssumeRolePolicyDocument: LAMBDA_TRUST }).ok).toBe(true);
    expect(row('put-role-policy').run(world, { RoleName: 'Reader', PolicyName: 'orders', PolicyDocument: READ_ORDERS }).ok).toBe(true);
    const simulated = row('simulate-principal-policy').run(world, { PolicySourceArn: 'arn:aws:iam::123456789012:role/Reader', ActionNames: ['dynamodb:GetItem'] });
    // ResourceArns defaults to "*", which the Orders-only statement does not cover.
    expect(simulated.ok && simulated.value['EvaluationResults']).toMatchObject([{ EvalResourceName: '*', EvalDecision: 'implicitDeny' }]);
    expect(world.trace.all().map((event) => event.operation)).toEqual(['CreateRole', 'PutRolePolicy', 'SimulatePrincipalPolicy']);
  });
});
