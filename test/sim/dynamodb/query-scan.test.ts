// Proves Query and Scan: the 1 MB page and LastEvaluatedKey (DDB-03), Limit, sort order both ways,
// Select=COUNT still paying for the read (DDB-01), and index reads (GSI eventually consistent only, DDB-13).
import { describe, expect, it } from 'vitest';
import { putItem } from '../../../src/sim/dynamodb/items.js';
import { query, scan } from '../../../src/sim/dynamodb/query-scan.js';
import type { World } from '../../../src/sim/world.js';
import { error, itemOfSize, makeTable, newWorld, value } from '../../helpers/dynamodb.js';

const byPk = { TableName: 'Orders', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'p' } } };

/** 300 items of exactly 10,000 bytes under pk "p", sort keys "001".."300". */
function bigPartition(): World {
  const world = newWorld();
  makeTable(world, 'Orders', { rcu: 10_000, wcu: 40_000, sortKey: 'S' });
  for (let i = 1; i <= 300; i++) {
    const sk = String(i).padStart(3, '0');
    // DDB-08: one partition key takes at most 1,000 WCU a second, so the load spreads over seconds.
    while (!putItem(world, { TableName: 'Orders', Item: itemOfSize('p', 10_000, { sk: { S: sk } }) }).ok) world.advance(1_000);
  }
  return world;
}

describe('paging', () => {
  it('DDB-03: stops a page before 1 MB (104 items of 10,000 bytes), and continues from LastEvaluatedKey', () => {
    const world = bigPartition();
    const first = value(query(world, { ...byPk, ReturnConsumedCapacity: 'TOTAL' }));
    expect(first.Count).toBe(104);
    expect(first.LastEvaluatedKey).toEqual({ pk: { S: 'p' }, sk: { S: '104' } });
    // DDB-01: 1,040,000 bytes → 254 blocks of 4 KB, halved for an eventually consistent read.
    expect(first.ConsumedCapacity).toEqual({ TableName: 'Orders', CapacityUnits: 127 });
    const second = value(query(world, { ...byPk, ExclusiveStartKey: first.LastEvaluatedKey }));
    expect(second.Count).toBe(104);
    const third = value(query(world, { ...byPk, ExclusiveStartKey: second.LastEvaluatedKey }));
    expect(third.Count).toBe(92);
    expect(third.LastEvaluatedKey).toBeUndefined();
  });

  it('returns LastEvaluatedKey when Limit stops the page, and reads backwards with ScanIndexForward=false', () => {
    const world = bigPartition();
    const page = value(query(world, { ...byPk, Limit: 2, ScanIndexForward: false, ProjectionExpression: 'sk' }));
    expect(page).toEqual({ Items: [{ sk: { S: '300' } }, { sk: { S: '299' } }], Count: 2, ScannedCount: 2, LastEvaluatedKey: { pk: { S: 'p' }, sk: { S: '299' } } });
  });

  it('DDB-01: Select=COUNT returns no items but pays for all it read', () => {
    const world = bigPartition();
    const page = value(query(world, { ...byPk, Select: 'COUNT', Limit: 10, ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }));
    expect(page).toEqual({ Count: 10, ScannedCount: 10, LastEvaluatedKey: { pk: { S: 'p' }, sk: { S: '010' } }, ConsumedCapacity: { TableName: 'Orders', CapacityUnits: 25 } });
  });

  it('applies sort-key conditions', () => {
    const world = bigPartition();
    const page = value(
      query(world, {
        TableName: 'Orders',
        KeyConditionExpression: 'pk = :p AND sk BETWEEN :a AND :b',
        ExpressionAttributeValues: { ':p': { S: 'p' }, ':a': { S: '010' }, ':b': { S: '012' } },
        ProjectionExpression: 'sk',
      }),
    );
    expect(page.Items).toEqual([{ sk: { S: '010' } }, { sk: { S: '011' } }, { sk: { S: '012' } }]);
  });

  it('DDB-03: a Scan pages at 1 MB too', () => {
    const world = bigPartition();
    const page = value(scan(world, { TableName: 'Orders', Select: 'COUNT' }));
    expect(page.Count).toBe(104);
  });
});

describe('indexes', () => {
  const withIndexes = () => {
    const world = newWorld();
    makeTable(world, 'Orders', {
      rcu: 100,
      wcu: 100,
      sortKey: 'S',
      extraDefinitions: [
        { AttributeName: 'status', AttributeType: 'S' },
        { AttributeName: 'total', AttributeType: 'N' },
      ],
      extra: {
        GlobalSecondaryIndexes: [
          { IndexName: 'byStatus', KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' }, ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 100 } },
        ],
        LocalSecondaryIndexes: [
          { IndexName: 'byTotal', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'total', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } },
        ],
      },
    });
    value(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'u1' }, sk: { S: 'o1' }, status: { S: 'open' }, total: { N: '30' } } }));
    value(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'u1' }, sk: { S: 'o2' }, total: { N: '5' } } }));
    value(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'u2' }, sk: { S: 'o3' }, status: { S: 'open' } } }));
    return world;
  };

  it('DDB-13: a GSI is sparse and returns its projection only; strongly consistent reads are refused', () => {
    const world = withIndexes();
    const request = { TableName: 'Orders', IndexName: 'byStatus', KeyConditionExpression: '#s = :o', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':o': { S: 'open' } } };
    expect(value(query(world, request)).Items).toEqual([
      { pk: { S: 'u1' }, sk: { S: 'o1' }, status: { S: 'open' } },
      { pk: { S: 'u2' }, sk: { S: 'o3' }, status: { S: 'open' } },
    ]);
    expect(error(query(world, { ...request, ConsistentRead: true })).message).toMatchInlineSnapshot(`"Consistent reads are not supported on global secondary indexes"`);
  });

  it('DDB-12: an LSI orders one partition by its own sort key, numbers by value', () => {
    const world = withIndexes();
    const page = value(query(world, { TableName: 'Orders', IndexName: 'byTotal', KeyConditionExpression: 'pk = :u', ExpressionAttributeValues: { ':u': { S: 'u1' } }, ConsistentRead: true }));
    expect((page.Items as { sk: { S: string } }[]).map((item) => item.sk.S)).toEqual(['o2', 'o1']);
  });

  it('names an unknown index', () => {
    const world = withIndexes();
    expect(error(scan(world, { TableName: 'Orders', IndexName: 'nope' })).message).toMatchInlineSnapshot(`"The table does not have the specified index: nope"`);
  });
});
