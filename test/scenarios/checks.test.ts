// Proves each measure reads the world through the simulator's public API and changes nothing, and
// that checks compare with equals / atLeast / atMost and explain what they saw.
import { describe, expect, it } from 'vitest';
import { evaluateCheck, measure, readPath, type CheckContext } from '../../src/scenarios/index.js';
import { createSandbox, runSandboxLine } from '../../src/sim/index.js';

function world(lines: readonly string[]): CheckContext {
  const session = createSandbox({ seed: 1 });
  let lastOutput: unknown = null;
  for (const line of lines) lastOutput = runSandboxLine(session, line).output;
  return { world: session.world, lastOutput, traceStart: 0 };
}

const TABLE = 'aws dynamodb create-table --table-name Orders --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5';
const PUT = `aws dynamodb put-item --table-name Orders --item '{"id":{"S":"a"},"n":{"N":"7"}}'`;

describe('readPath', () => {
  it('reads members, list indexes and list lengths', () => {
    const value = { a: { b: [{ c: 3 }, { c: 4 }] } };
    expect(readPath(value, 'a.b[1].c')).toBe(4);
    expect(readPath(value, 'a.b.length')).toBe(2);
    expect(readPath(value, 'a.x.y')).toBeUndefined();
    expect(readPath(null, 'a')).toBeUndefined();
  });
});

describe('measures', () => {
  it('reads DynamoDB tables and items without changing the world', () => {
    const context = world([TABLE, PUT]);
    const traceLength = context.world.trace.length;
    expect(measure({ kind: 'item-count', table: 'Orders' }, context)).toEqual({ ok: true, value: 1 });
    expect(measure({ kind: 'item-path', table: 'Orders', key: { id: { S: 'a' } }, path: 'n.N' }, context)).toEqual({ ok: true, value: '7' });
    expect(measure({ kind: 'table-capacity-path', table: 'Orders', path: 'write.unitsPerSecond' }, context)).toEqual({ ok: true, value: 5 });
    expect(measure({ kind: 'table-throttled', table: 'Orders' }, context)).toEqual({ ok: true, value: 0 });
    expect(context.world.trace.length).toBe(traceLength);
    expect(measure({ kind: 'item-count', table: 'Nope' }, context)).toEqual({ ok: false, message: 'table Nope does not exist' });
  });

  it('counts trace events by service, operation, outcome and detail, from the step start', () => {
    const context = world([TABLE, PUT, PUT]);
    expect(measure({ kind: 'trace-count', service: 'dynamodb', operation: 'PutItem', outcome: 'ok' }, context)).toEqual({ ok: true, value: 2 });
    expect(measure({ kind: 'trace-count', service: 'dynamodb', detail: { tableName: 'Orders', consumedCapacityUnits: 1 } }, context)).toEqual({ ok: true, value: 2 });
    expect(measure({ kind: 'trace-count', service: 'dynamodb', operation: 'PutItem' }, { ...context, traceStart: context.world.trace.length - 1 })).toEqual({ ok: true, value: 1 });
  });

  it('reads the last output and IAM decisions', () => {
    const context = world([
      `aws iam create-role --role-name r --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}'`,
    ]);
    expect(measure({ kind: 'last-output-path', path: 'Role.RoleName' }, context)).toEqual({ ok: true, value: 'r' });
    expect(measure({ kind: 'iam-decision', principal: 'r', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, context)).toEqual({ ok: true, value: 'ImplicitDeny' });
    expect(measure({ kind: 'lambda-cold-starts', function: 'f' }, context)).toEqual({ ok: false, message: 'function f does not exist' });
  });
});

describe('evaluateCheck', () => {
  it('needs every comparison of every leaf to hold, and says what it saw', () => {
    const context = world([TABLE, PUT]);
    expect(evaluateCheck({ kind: 'item-count', table: 'Orders', atLeast: 1, atMost: 1 }, context)).toEqual({ isMet: true, details: ['item-count: 1 (wanted ≥ 1 and ≤ 1)'] });
    expect(evaluateCheck({ kind: 'all', checks: [{ kind: 'item-count', table: 'Orders', equals: 1 }, { kind: 'table-throttled', table: 'Orders', atLeast: 1 }] }, context)).toEqual({
      isMet: false,
      details: ['item-count: 1 (wanted = 1)', 'table-throttled: 0 (wanted ≥ 1)'],
    });
  });
});
