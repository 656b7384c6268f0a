// Proves the capacity rules per operation with the exact numbers of the facts sheet (DDB-01, DDB-02,
// DDB-15): the pure unit functions, then the same rules observed through the operations' answers.
import { describe, expect, it } from 'vitest';
import { batchGetItem, batchWriteItem } from '../../../src/sim/dynamodb/batch.js';
import { batchGetReadUnits, batchWriteUnits, itemWriteUnits, queryReadUnits, readUnits, writeUnits } from '../../../src/sim/dynamodb/capacity.js';
import { deleteItem, getItem, putItem, updateItem } from '../../../src/sim/dynamodb/items.js';
import { query, scan } from '../../../src/sim/dynamodb/query-scan.js';
import { error, itemOfSize, makeTable, newWorld, value } from '../../helpers/dynamodb.js';

const KB = 1_024;

describe('capacity units (pure)', () => {
  it('DDB-01: 4 KB per read unit, rounded up; eventually consistent halves, transactional doubles', () => {
    expect(readUnits(1, 'strong')).toBe(1);
    expect(readUnits(4 * KB, 'strong')).toBe(1);
    expect(readUnits(4 * KB + 1, 'strong')).toBe(2);
    expect(readUnits(4 * KB + 1, 'eventual')).toBe(1);
    expect(readUnits(1, 'eventual')).toBe(0.5);
    expect(readUnits(4 * KB + 1, 'transactional')).toBe(4);
    expect(readUnits(0, 'strong')).toBe(1);
  });

  it('DDB-02: 1 KB per write unit, rounded up (1.6 KB → 2); transactional doubles', () => {
    expect(writeUnits(1.6 * KB)).toBe(2);
    expect(writeUnits(KB)).toBe(1);
    expect(writeUnits(KB + 1, true)).toBe(4);
    expect(itemWriteUnits(300 * KB, 310 * KB)).toBe(310);
  });

  it('DDB-01: BatchGetItem rounds each item (1.5 KB + 6.5 KB → 3 RCU), Query rounds the sum (40.8 KB → 11 RCU)', () => {
    expect(batchGetReadUnits([1.5 * KB, 6.5 * KB], 'strong')).toBe(3);
    expect(queryReadUnits(Math.round(40.8 * KB), 'strong')).toBe(11);
  });

  it('DDB-02: BatchWriteItem rounds each item (500 B + 3.5 KB → 5 WCU)', () => {
    expect(batchWriteUnits([500, 3.5 * KB])).toBe(5);
  });
});

describe('capacity through the operations', () => {
  const setUp = () => {
    const world = newWorld();
    makeTable(world, 'Orders', { rcu: 1_000, wcu: 1_000, sortKey: 'S' });
    return world;
  };
  const put = (world: ReturnType<typeof newWorld>, pk: string, sk: string, sizeBytes: number) =>
    value(putItem(world, { TableName: 'Orders', Item: itemOfSize(pk, sizeBytes, { sk: { S: sk } }), ReturnConsumedCapacity: 'TOTAL' }));

  it('DDB-01: BatchGetItem of 1.5 KB and 6.5 KB items consumes 3 RCU strongly consistent', () => {
    const world = setUp();
    put(world, 'a', '1', 1.5 * KB);
    put(world, 'b', '1', 6.5 * KB);
    const answer = value(
      batchGetItem(world, {
        RequestItems: { Orders: { Keys: [{ pk: { S: 'a' }, sk: { S: '1' } }, { pk: { S: 'b' }, sk: { S: '1' } }], ConsistentRead: true } },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    expect(answer.ConsumedCapacity).toEqual([{ TableName: 'Orders', CapacityUnits: 3 }]);
  });

  it('DDB-01: a Query returning 10 items totalling 40.8 KB consumes 11 RCU strongly consistent (5.5 eventually)', () => {
    const world = setUp();
    const total = Math.round(40.8 * KB);
    for (let i = 0; i < 10; i++) put(world, 'p', String(i), i < 9 ? 4_000 : total - 9 * 4_000);
    const request = { TableName: 'Orders', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'p' } }, ReturnConsumedCapacity: 'TOTAL' };
    expect(value(query(world, { ...request, ConsistentRead: true })).ConsumedCapacity).toEqual({ TableName: 'Orders', CapacityUnits: 11 });
    expect(value(query(world, request)).ConsumedCapacity).toEqual({ TableName: 'Orders', CapacityUnits: 5.5 });
  });

  it('DDB-01: Scan pays for every item evaluated, even those its filter drops', () => {
    const world = setUp();
    for (let i = 0; i < 4; i++) put(world, `p${i}`, '1', 4 * KB);
    const answer = value(
      scan(world, { TableName: 'Orders', FilterExpression: 'pk = :none', ExpressionAttributeValues: { ':none': { S: 'zzz' } }, ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }),
    );
    expect(answer).toMatchObject({ Count: 0, ScannedCount: 4, ConsumedCapacity: { CapacityUnits: 4 } });
  });

  it('DDB-01: reading a missing item still costs 1 RCU (0.5 eventually consistent)', () => {
    const world = setUp();
    const key = { pk: { S: 'none' }, sk: { S: '1' } };
    expect(value(getItem(world, { TableName: 'Orders', Key: key, ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }))).toEqual({
      ConsumedCapacity: { TableName: 'Orders', CapacityUnits: 1 },
    });
    expect(value(getItem(world, { TableName: 'Orders', Key: key, ReturnConsumedCapacity: 'TOTAL' })).ConsumedCapacity).toEqual({ TableName: 'Orders', CapacityUnits: 0.5 });
  });

  it('DDB-02: BatchWriteItem of 500 B and 3.5 KB items consumes 5 WCU', () => {
    const world = setUp();
    const answer = value(
      batchWriteItem(world, {
        RequestItems: { Orders: [{ PutRequest: { Item: itemOfSize('a', 500, { sk: { S: '1' } }) } }, { PutRequest: { Item: itemOfSize('b', 3.5 * KB, { sk: { S: '1' } }) } }] },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    expect(answer).toEqual({ UnprocessedItems: {}, ConsumedCapacity: [{ TableName: 'Orders', CapacityUnits: 5 }] });
  });

  it('DDB-02: PutItem is charged the larger of the old and new item', () => {
    const world = setUp();
    put(world, 'a', '1', 5 * KB);
    expect(put(world, 'a', '1', KB).ConsumedCapacity).toEqual({ TableName: 'Orders', CapacityUnits: 5 });
  });

  it('DDB-02: UpdateItem is charged the whole item (before or after), however small the change', () => {
    const world = setUp();
    put(world, 'a', '1', 3 * KB);
    const answer = value(
      updateItem(world, {
        TableName: 'Orders',
        Key: { pk: { S: 'a' }, sk: { S: '1' } },
        UpdateExpression: 'SET flag = :t',
        ExpressionAttributeValues: { ':t': { BOOL: true } },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    expect(answer.ConsumedCapacity).toEqual({ TableName: 'Orders', CapacityUnits: 4 });
  });

  it('DDB-02: a failed condition on a 300 KB item with a 310 KB replacement still consumes 310 WCU', () => {
    const world = setUp();
    put(world, 'a', '1', 300 * KB);
    const before = world.trace.length;
    const refused = error(
      putItem(world, {
        TableName: 'Orders',
        Item: itemOfSize('a', 310 * KB, { sk: { S: '1' } }),
        ConditionExpression: 'attribute_not_exists(pk)',
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    expect(refused.name).toBe('ConditionalCheckFailedException');
    expect(refused.message).toMatchInlineSnapshot(`"The conditional request failed"`);
    expect(world.trace.since(before)[0]?.detail).toMatchObject({ consumedCapacityUnits: 310 });
  });

  it('DDB-02: DeleteItem is charged the size of the deleted item', () => {
    const world = setUp();
    put(world, 'a', '1', 2.5 * KB);
    const answer = value(deleteItem(world, { TableName: 'Orders', Key: { pk: { S: 'a' }, sk: { S: '1' } }, ReturnConsumedCapacity: 'TOTAL' }));
    expect(answer.ConsumedCapacity).toEqual({ TableName: 'Orders', CapacityUnits: 3 });
  });
});
