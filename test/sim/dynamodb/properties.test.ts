// Properties over random operation sequences (fast-check): the same seed and operations give the same
// trace byte for byte; a cancelled transaction changes no item (DDB-17); and the units a provisioned
// table serves over any window never exceed its capacity for the window plus the most burst credit
// it can hold (DDB-07), nor, counted from creation, its capacity alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchWriteItem } from '../../../src/sim/dynamodb/batch.js';
import { deleteItem, getItem, putItem, updateItem } from '../../../src/sim/dynamodb/items.js';
import { query, scan } from '../../../src/sim/dynamodb/query-scan.js';
import { itemKeyString } from '../../../src/sim/dynamodb/model.js';
import { tablesIn } from '../../../src/sim/dynamodb/state.js';
import { transactWriteItems } from '../../../src/sim/dynamodb/transactions.js';
import { restoreWorld, type World } from '../../../src/sim/world.js';
import { START_MS, itemOfSize, makeTable, newWorld } from '../../helpers/dynamodb.js';

type Op =
  | { kind: 'put'; key: number; sizeBytes: number }
  | { kind: 'get'; key: number; isConsistent: boolean }
  | { kind: 'update'; key: number }
  | { kind: 'delete'; key: number }
  | { kind: 'query'; key: number }
  | { kind: 'scan' }
  | { kind: 'batch'; keys: number[] }
  | { kind: 'transact'; keys: number[] }
  | { kind: 'advance'; ms: number };

const key = fc.integer({ min: 0, max: 7 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), key, sizeBytes: fc.integer({ min: 10, max: 6_000 }) }),
  fc.record({ kind: fc.constant('get' as const), key, isConsistent: fc.boolean() }),
  fc.record({ kind: fc.constant('update' as const), key }),
  fc.record({ kind: fc.constant('delete' as const), key }),
  fc.record({ kind: fc.constant('query' as const), key }),
  fc.record({ kind: fc.constant('scan' as const) }),
  fc.record({ kind: fc.constant('batch' as const), keys: fc.uniqueArray(key, { minLength: 1, maxLength: 5 }) }),
  fc.record({ kind: fc.constant('transact' as const), keys: fc.uniqueArray(key, { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 5_000 }) }),
);

const pk = (n: number) => `k${n}`;

function run(world: World, op: Op): unknown {
  const TableName = 'Orders';
  switch (op.kind) {
    case 'put':
      return putItem(world, { TableName, Item: itemOfSize(pk(op.key), op.sizeBytes), ReturnConsumedCapacity: 'TOTAL' });
    case 'get':
      return getItem(world, { TableName, Key: { pk: { S: pk(op.key) } }, ConsistentRead: op.isConsistent, ReturnConsumedCapacity: 'TOTAL' });
    case 'update':
      return updateItem(world, { TableName, Key: { pk: { S: pk(op.key) } }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } }, ReturnConsumedCapacity: 'TOTAL' });
    case 'delete':
      return deleteItem(world, { TableName, Key: { pk: { S: pk(op.key) } }, ConditionExpression: 'attribute_exists(pk)', ReturnConsumedCapacity: 'TOTAL' });
    case 'query':
      return query(world, { TableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: pk(op.key) } }, ReturnConsumedCapacity: 'TOTAL' });
    case 'scan':
      return scan(world, { TableName, ReturnConsumedCapacity: 'TOTAL' });
    case 'batch':
      return batchWriteItem(world, { RequestItems: { Orders: op.keys.map((k) => ({ PutRequest: { Item: { pk: { S: pk(k) } } } })) }, ReturnConsumedCapacity: 'TOTAL' });
    case 'transact':
      return transactWriteItems(world, { TransactItems: op.keys.map((k, i) => transactAction(k, i)), ReturnConsumedCapacity: 'TOTAL' });
    case 'advance':
      world.advance(op.ms);
      return undefined;
  }
}

/** Even positions need the item to be absent, odd ones present: some transactions cancel, some apply. */
function transactAction(k: number, i: number) {
  const condition = i % 2 === 0 ? 'attribute_not_exists(pk)' : 'attribute_exists(pk)';
  return { Put: { TableName: 'Orders', Item: { pk: { S: pk(k) }, by: { S: 'tx' } }, ConditionExpression: condition } };
}

function freshWorld(seed: number, wcu = 20): World {
  const world = newWorld(seed);
  makeTable(world, 'Orders', { rcu: 20, wcu });
  return world;
}

describe('DynamoDB core properties', () => {
  it('itemKeyString (hand-built for plain S/N keys) equals JSON.stringify of the key values', () => {
    const text = fc.string({ unit: 'binary' });
    const scalar = fc.oneof(text.map((S) => ({ S })), fc.string().map((N) => ({ N })), fc.base64String().map((B) => ({ B })));
    const schema = [
      { AttributeName: 'pk', KeyType: 'HASH' as const },
      { AttributeName: 'sk', KeyType: 'RANGE' as const },
    ];
    fc.assert(
      fc.property(scalar, fc.option(scalar, { nil: undefined }), (a, b) => {
        const item = b === undefined ? { pk: a } : { pk: a, sk: b };
        expect(itemKeyString(schema, item)).toBe(JSON.stringify([a, b ?? null]));
      }),
      { numRuns: 500 },
    );
  });

  it('same seed and operations → the same answers and the same trace, byte for byte', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), fc.array(opArb, { maxLength: 60 }), (seed, ops) => {
        const outputs = [freshWorld(seed), freshWorld(seed)].map((world) => {
          const answers = ops.map((op) => run(world, op));
          return JSON.stringify({ answers, trace: world.trace.all() });
        });
        expect(outputs[0]).toBe(outputs[1]);
      }),
      { numRuns: 60 },
    );
  });

  it('a world restored from a snapshot behaves exactly like the original (meters, tokens, items)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), fc.array(opArb, { maxLength: 40 }), (before, after) => {
        const world = freshWorld(3);
        for (const op of before) run(world, op);
        const copy = restoreWorld(structuredClone(world.snapshot()));
        const outputs = [world, copy].map((w) => JSON.stringify({ answers: after.map((op) => run(w, op)), trace: w.trace.all() }));
        expect(outputs[0]).toBe(outputs[1]);
      }),
      { numRuns: 50 },
    );
  });

  it('a Query returns exactly the items of its partition, however the table was written (partition index)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const world = freshWorld(5, 1_000);
        for (const op of ops) run(world, op);
        const items = [...(tablesIn(world).get('Orders')?.items.values() ?? [])];
        for (let k = 0; k < 8; k++) {
          const answer = query(world, { TableName: 'Orders', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: pk(k) } } });
          const expected = items.filter((item) => JSON.stringify(item.pk) === JSON.stringify({ S: pk(k) }));
          if (answer.ok) expect(answer.value.Items).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('DDB-17: after a cancelled transaction no item has changed', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), fc.uniqueArray(key, { minLength: 1, maxLength: 6 }), (ops, keys) => {
        const world = freshWorld(1, 1_000);
        for (const op of ops) run(world, op);
        const table = tablesIn(world).get('Orders');
        const before = JSON.stringify([...(table?.items ?? [])]);
        const result = transactWriteItems(world, { TransactItems: keys.map((k, i) => transactAction(k, i)) });
        if (!result.ok) expect(JSON.stringify([...(table?.items ?? [])])).toBe(before);
      }),
      { numRuns: 100 },
    );
  });

  it('DDB-07: units served in any window ≤ capacity × window + 300 s of burst; from creation ≤ capacity × elapsed', () => {
    const capacity = 20;
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 120 }), (ops) => {
        const world = freshWorld(1, capacity);
        const writesPerSecond = new Map<number, number>();
        world.withRecorder(
          (event) => {
            const isWrite = ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems'].includes(event.operation);
            if (!isWrite) return;
            const second = Math.floor((event.timeMs - START_MS) / 1_000);
            writesPerSecond.set(second, (writesPerSecond.get(second) ?? 0) + (event.detail.consumedCapacityUnits as number));
          },
          () => ops.forEach((op) => run(world, op)),
        );
        const lastSecond = Math.floor((world.nowMs - START_MS) / 1_000);
        const perSecond = Array.from({ length: lastSecond + 1 }, (_, s) => writesPerSecond.get(s) ?? 0);
        for (let from = 0; from < perSecond.length; from++) {
          let sum = 0;
          for (let to = from; to < perSecond.length; to++) {
            sum += perSecond[to] as number;
            expect(sum).toBeLessThanOrEqual(capacity * (to - from + 1) + 300 * capacity);
            if (from === 0) expect(sum).toBeLessThanOrEqual(capacity * (to + 1));
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
