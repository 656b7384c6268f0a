// Proves provisioned throughput second by second: burst credit (DDB-07, the AWS worked example to the
// second), the throttle error and its reasons (DDB-10), the key-range cap for a hot key while the
// table has spare capacity (DDB-08), and GSI back-pressure with double index writes (DDB-13).
import { describe, expect, it } from 'vitest';
import { describeTableCapacity } from '../../../../src/sim/dynamodb/describe-capacity.js';
import { getItem, putItem, updateItem } from '../../../../src/sim/dynamodb/items.js';
import { query } from '../../../../src/sim/dynamodb/query-scan.js';
import type { World } from '../../../../src/sim/world.js';
import { advanceSeconds, error, itemOfSize, makeTable, newWorld, value } from '../../../helpers/dynamodb.js';

/** Sends `count` strongly consistent 1-RCU reads in the current second; returns how many succeeded. */
function readBurst(world: World, count: number): number {
  let served = 0;
  for (let i = 0; i < count; i++) if (getItem(world, { TableName: 'Orders', Key: { pk: { S: `k${i % 50}` } }, ConsistentRead: true }).ok) served++;
  return served;
}

describe('provisioned capacity and burst credit', () => {
  it('DDB-07: 150 RCU idle for 300 s then 200 RCU/s is absorbed for exactly 900 s', () => {
    const world = newWorld();
    makeTable(world, 'Orders', { rcu: 150, wcu: 1 });
    advanceSeconds(world, 300);
    expect(value(describeTableCapacity(world, 'Orders')).read.burstCreditUnits).toBe(45_000);
    for (let second = 0; second < 900; second++) {
      expect(readBurst(world, 200)).toBe(200);
      advanceSeconds(world, 1);
    }
    expect(value(describeTableCapacity(world, 'Orders')).read.burstCreditUnits).toBe(0);
    expect(readBurst(world, 200)).toBe(150);
  });

  it('DDB-07: burst credit never exceeds 300 s of capacity, however long the table idles', () => {
    const world = newWorld();
    makeTable(world, 'Orders', { rcu: 10, wcu: 1 });
    advanceSeconds(world, 3_600);
    expect(value(describeTableCapacity(world, 'Orders')).read.burstCreditUnits).toBe(3_000);
  });

  it('DDB-10: the first throttle of a new 5 WCU table is the 6th 1 KB write in its first second, naming the table', () => {
    const world = newWorld();
    makeTable(world, 'Orders', { rcu: 5, wcu: 5 });
    for (let i = 0; i < 5; i++) value(putItem(world, { TableName: 'Orders', Item: itemOfSize(`k${i}`, 1_000) }));
    const throttled = error(putItem(world, { TableName: 'Orders', Item: itemOfSize('k5', 1_000) }));
    expect(throttled).toMatchObject({ name: 'ProvisionedThroughputExceededException', statusCode: 400, retryable: true });
    expect(throttled.message).toMatchInlineSnapshot(
      `"The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API."`,
    );
    expect(throttled.details).toEqual({
      ThrottlingReasons: [{ reason: 'TableWriteProvisionedThroughputExceeded', resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders' }],
    });
    advanceSeconds(world, 1);
    value(putItem(world, { TableName: 'Orders', Item: itemOfSize('k5', 1_000) }));
    expect(value(describeTableCapacity(world, 'Orders')).write.throttledRequests).toBe(1);
  });
});

describe('partitions and hot keys', () => {
  it('DDB-08: a hot key is throttled at 1,000 WCU in a second while the 4,000 WCU table has spare capacity', () => {
    const world = newWorld();
    makeTable(world, 'Orders', { rcu: 1, wcu: 4_000 });
    let served = 0;
    for (let i = 0; i < 1_500; i++) if (putItem(world, { TableName: 'Orders', Item: itemOfSize('hot', 1_000) }).ok) served++;
    expect(served).toBe(1_000);
    const throttled = error(putItem(world, { TableName: 'Orders', Item: itemOfSize('hot', 1_000) }));
    expect(throttled.details).toEqual({
      ThrottlingReasons: [{ reason: 'TableWriteKeyRangeThroughputExceeded', resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders' }],
    });
    value(putItem(world, { TableName: 'Orders', Item: itemOfSize('cold', 1_000) }));
    const view = value(describeTableCapacity(world, 'Orders'));
    expect(view.partitionCount).toBe(5);
    expect(view.write.usedThisSecond).toBe(1_001);
  });

  it('DDB-08: burst credit cannot lift the per-key cap of 3,000 RCU', () => {
    const world = newWorld();
    makeTable(world, 'Orders', { rcu: 2_000, wcu: 1 });
    advanceSeconds(world, 300);
    let served = 0;
    for (let i = 0; i < 3_500; i++) if (getItem(world, { TableName: 'Orders', Key: { pk: { S: 'hot' } }, ConsistentRead: true }).ok) served++;
    expect(served).toBe(3_000);
  });
});

describe('global secondary indexes', () => {
  const withGsi = (world: World, gsiWcu: number) =>
    makeTable(world, 'Orders', {
      rcu: 100,
      wcu: 100,
      extraDefinitions: [{ AttributeName: 'status', AttributeType: 'S' }],
      extra: {
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byStatus',
            KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'KEYS_ONLY' },
            ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: gsiWcu },
          },
        ],
      },
    });

  it('DDB-13: a GSI out of write capacity throttles the base-table write, naming the index', () => {
    const world = newWorld();
    withGsi(world, 5);
    for (let i = 0; i < 5; i++) value(putItem(world, { TableName: 'Orders', Item: { pk: { S: `k${i}` }, status: { S: 'open' } } }));
    const throttled = error(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'k5' }, status: { S: 'open' } } }));
    expect(throttled.message).toMatchInlineSnapshot(
      `"The level of configured provisioned throughput for one or more global secondary indexes of the table was exceeded. Consider increasing your provisioning level for the under-provisioned global secondary indexes with the UpdateTable API"`,
    );
    expect(throttled.details).toEqual({
      ThrottlingReasons: [{ reason: 'IndexWriteProvisionedThroughputExceeded', resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/index/byStatus' }],
    });
    const view = value(describeTableCapacity(world, 'Orders'));
    expect(view.write.usedThisSecond).toBe(5);
    // Items without the index key are not in the sparse index and are not held back.
    value(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'k6' } } }));
  });

  it('DDB-13: an update that changes the indexed key costs two index writes; one leaving the entry alone costs none', () => {
    const world = newWorld();
    withGsi(world, 50);
    value(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'a' }, status: { S: 'open' } } }));
    const update = (expression: string, values: Record<string, unknown>) =>
      value(
        updateItem(world, {
          TableName: 'Orders',
          Key: { pk: { S: 'a' } },
          UpdateExpression: expression,
          ExpressionAttributeNames: expression.includes('#s') ? { '#s': 'status' } : undefined,
          ExpressionAttributeValues: values,
          ReturnConsumedCapacity: 'INDEXES',
        }),
      ).ConsumedCapacity;
    expect(update('SET #s = :s', { ':s': { S: 'shipped' } })).toEqual({
      TableName: 'Orders',
      CapacityUnits: 3,
      Table: { CapacityUnits: 1 },
      GlobalSecondaryIndexes: { byStatus: { CapacityUnits: 2 } },
    });
    expect(update('SET note = :n', { ':n': { S: 'fragile' } })).toEqual({ TableName: 'Orders', CapacityUnits: 1, Table: { CapacityUnits: 1 } });
  });

  it('DDB-13: a GSI out of read capacity throttles only queries on that GSI', () => {
    const world = newWorld();
    withGsi(world, 50);
    value(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'a' }, status: { S: 'open' } } }));
    const onIndex = { TableName: 'Orders', IndexName: 'byStatus', KeyConditionExpression: '#s = :o', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':o': { S: 'open' } } };
    let served = 0;
    for (let i = 0; i < 11; i++) if (query(world, onIndex).ok) served++;
    expect(served).toBe(10); // 5 RCU, 0.5 per eventually consistent query of one small entry
    expect(error(query(world, onIndex)).details).toEqual({
      ThrottlingReasons: [{ reason: 'IndexReadProvisionedThroughputExceeded', resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/index/byStatus' }],
    });
    value(getItem(world, { TableName: 'Orders', Key: { pk: { S: 'a' } } }));
  });
});
