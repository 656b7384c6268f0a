// Proves the AWS CLI rows: every command named in the brief exists with real flag names and a
// description, and running rows end to end gives the JSON the AWS CLI prints (ConsumedCapacity as numbers).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DYNAMODB_SIM_COMMANDS } from '../../../src/sim/dynamodb/sim-commands.js';
import { DYNAMODB_OPERATIONS } from '../../../src/sim/dynamodb/commands.js';
import { showTable } from '../../../src/sim/dynamodb/describe-capacity.js';
import type { OperationSpec } from '../../../src/sim/cli/operation-spec.js';
import { newWorld, value } from '../../helpers/dynamodb.js';

const createOrders = (world: ReturnType<typeof newWorld>, capacity: Record<string, unknown>) =>
  value(
    row('create-table').run(world, {
      TableName: 'Orders',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      ...capacity,
    }),
  );

const row = (command: string): OperationSpec => {
  const found = DYNAMODB_OPERATIONS.find((spec) => spec.command === command);
  if (found === undefined) throw new Error(`no row ${command}`);
  return found;
};

describe('DYNAMODB_OPERATIONS', () => {
  it('has the fifteen commands, each with a summary and described flags', () => {
    expect(DYNAMODB_OPERATIONS.map((spec) => spec.command)).toEqual([
      'create-table', 'update-table', 'describe-table', 'delete-table', 'list-tables', 'put-item', 'get-item', 'update-item',
      'delete-item', 'query', 'scan', 'batch-write-item', 'batch-get-item', 'transact-write-items', 'transact-get-items',
    ]);
    for (const spec of DYNAMODB_OPERATIONS) {
      expect(spec.summary.length).toBeGreaterThan(10);
      for (const param of spec.params) expect(param.description, `${spec.command} ${param.flag}`).toMatch(/\.$/);
      expect(new Set(spec.params.map((param) => param.flag)).size).toBe(spec.params.length);
    }
  });

  it('maps the real flags to API members', () => {
    const flags = (command: string) => Object.fromEntries(row(command).params.map((param) => [param.flag, param.member]));
    expect(flags('get-item')).toMatchObject({ '--table-name': 'TableName', '--key': 'Key', '--consistent-read': 'ConsistentRead' });
    expect(flags('query')).toMatchObject({ '--key-condition-expression': 'KeyConditionExpression', '--scan-index-forward': 'ScanIndexForward', '--exclusive-start-key': 'ExclusiveStartKey' });
    expect(flags('update-table')).toMatchObject({ '--global-secondary-index-updates': 'GlobalSecondaryIndexUpdates' });
    expect(flags('transact-write-items')).toMatchObject({ '--client-request-token': 'ClientRequestToken' });
    expect(row('put-item').params.find((param) => param.flag === '--return-consumed-capacity')?.choices).toEqual(['INDEXES', 'TOTAL', 'NONE']);
  });

  it('runs create-table, put-item and get-item as the AWS CLI would answer them', () => {
    const world = newWorld();
    createOrders(world, { BillingMode: 'PAY_PER_REQUEST' });
    expect(value(row('put-item').run(world, { TableName: 'Orders', Item: { id: { S: '1' } }, ReturnConsumedCapacity: 'TOTAL' }))).toEqual({
      ConsumedCapacity: { TableName: 'Orders', CapacityUnits: 1 },
    });
    expect(value(row('get-item').run(world, { TableName: 'Orders', Key: { id: { S: '1' } }, ConsistentRead: true }))).toEqual({ Item: { id: { S: '1' } } });
    expect(value(row('list-tables').run(world, {}))).toEqual({ TableNames: ['Orders'] });
  });

  it('enables auto scaling through the sim row and shows the table', () => {
    const world = newWorld();
    createOrders(world, { ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 10 } });
    const [show, autoscaling] = DYNAMODB_SIM_COMMANDS;
    const enabled = value(autoscaling!.run({ world }, { args: {}, flags: { 'table-name': 'Orders', target: 70, min: 5, max: 100 } }));
    expect(enabled.text).toMatchInlineSnapshot(`"Auto scaling on Orders (both): target 70 %, 5–100 units\n"`);
    world.advance(10_000);
    expect(value(show!.run({ world }, { args: { TABLE_NAME: 'Orders' }, flags: {} })).json).toMatchObject({ tableName: 'Orders', partitionCount: 1 });
    expect(value(showTable(world, 'Orders'))).toMatchInlineSnapshot(`
      [
        "Table Orders (PROVISIONED): 0 items, 0 bytes, 1 partition(s)",
        "  read  5 RCU/s, burst credit 50/1500, consumed 0, throttled 0, auto scaling 70 % [5–100]",
        "  write 10 WCU/s, burst credit 100/3000, consumed 0, throttled 0, auto scaling 70 % [5–100]",
      ]
    `);
  });
});

describe('robustness', () => {
  it('never throws on malformed requests: every row answers a Result', () => {
    const attribute = fc.oneof(
      fc.record({ S: fc.oneof(fc.string(), fc.integer()) }),
      fc.record({ N: fc.oneof(fc.string(), fc.constant('12')) }),
      fc.record({ L: fc.jsonValue() }),
      fc.record({ M: fc.jsonValue() }),
      fc.record({ SS: fc.jsonValue() }),
      fc.jsonValue(),
    );
    const item = fc.dictionary(fc.constantFrom('id', 'pk', 'n', 'x'), attribute, { maxKeys: 3 });
    const member = fc.oneof(fc.jsonValue(), item, fc.array(item, { maxLength: 3 }), fc.constant('Orders'), fc.array(fc.dictionary(fc.constantFrom('Put', 'Get', 'Update', 'PutRequest', 'Keys'), fc.oneof(item, fc.record({ TableName: fc.constant('Orders'), Item: item, Key: item })))));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: DYNAMODB_OPERATIONS.length - 1 }), fc.boolean(), (index, withTable) => {
        const spec = DYNAMODB_OPERATIONS[index] as OperationSpec;
        const members = spec.params.map((param) => param.member);
        return fc.assert(
          fc.property(fc.dictionary(fc.constantFrom(...members), member, { maxKeys: 5 }), (request) => {
            const world = newWorld();
            if (withTable) createOrders(world, { BillingMode: 'PAY_PER_REQUEST' });
            const result = spec.run(world, request);
            expect(typeof result.ok).toBe('boolean');
          }),
          { numRuns: 30 },
        );
      }),
      { numRuns: 60 },
    );
  });
});
