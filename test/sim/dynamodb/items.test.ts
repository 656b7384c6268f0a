// Proves the item operations: key validation messages, conditions and ReturnValues, UpdateItem on a
// missing item, batch limits and UnprocessedItems (DDB-03, DDB-10), and the LSI item-collection limit
// (DDB-12).
import { describe, expect, it } from 'vitest';
import { batchGetItem, batchWriteItem } from '../../../src/sim/dynamodb/batch.js';
import { deleteItem, getItem, putItem, updateItem } from '../../../src/sim/dynamodb/items.js';
import { error, makeTable, newWorld, value } from '../../helpers/dynamodb.js';

const setUp = (options: Parameters<typeof makeTable>[2] = {}) => {
  const world = newWorld();
  makeTable(world, 'Orders', { rcu: 100, wcu: 100, ...options });
  return world;
};

describe('keys', () => {
  it('refuses keys that do not match the schema, and items missing or mistyping their key', () => {
    const world = setUp();
    const messages = [
      error(getItem(world, { TableName: 'Orders', Key: { id: { S: '1' } } })).message,
      error(getItem(world, { TableName: 'Orders', Key: { pk: { N: '1' } } })).message,
      error(getItem(world, { TableName: 'Orders', Key: { pk: { S: '1' }, extra: { S: 'x' } } })).message,
      error(putItem(world, { TableName: 'Orders', Item: { id: { S: '1' } } })).message,
      error(putItem(world, { TableName: 'Orders', Item: { pk: { N: '1' } } })).message,
      error(putItem(world, { TableName: 'Orders', Item: { pk: { S: '' } } })).message,
      error(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'a' }, bad: {} } })).message,
    ];
    expect(messages).toMatchInlineSnapshot(`
      [
        "The provided key element does not match the schema",
        "The provided key element does not match the schema",
        "The provided key element does not match the schema",
        "One or more parameter values were invalid: Missing the key pk in the item",
        "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N",
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk",
        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
      ]
    `);
  });

  it('answers a call on an unknown table with ResourceNotFoundException', () => {
    const world = setUp();
    expect(error(getItem(world, { TableName: 'Nope', Key: { pk: { S: '1' } } }))).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Requested resource not found',
    });
  });
});

describe('conditions and return values', () => {
  it('puts only when the condition holds and returns the old item on request', () => {
    const world = setUp();
    value(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'a' }, n: { N: '1' } } }));
    const failed = error(
      putItem(world, {
        TableName: 'Orders',
        Item: { pk: { S: 'a' }, n: { N: '2' } },
        ConditionExpression: 'attribute_not_exists(pk)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    expect(failed).toMatchObject({ name: 'ConditionalCheckFailedException', details: { Item: { pk: { S: 'a' }, n: { N: '1' } } } });
    const replaced = value(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'a' }, n: { N: '3' } }, ReturnValues: 'ALL_OLD' }));
    expect(replaced).toEqual({ Attributes: { pk: { S: 'a' }, n: { N: '1' } } });
  });

  it('updates with ADD on a missing item, creating it, and returns UPDATED_NEW', () => {
    const world = setUp();
    const request = {
      TableName: 'Orders',
      Key: { pk: { S: 'counter' } },
      UpdateExpression: 'ADD hits :one',
      ExpressionAttributeValues: { ':one': { N: '1' } },
      ReturnValues: 'UPDATED_NEW',
    };
    expect(value(updateItem(world, request))).toEqual({ Attributes: { hits: { N: '1' } } });
    expect(value(updateItem(world, request))).toEqual({ Attributes: { hits: { N: '2' } } });
    expect(value(getItem(world, { TableName: 'Orders', Key: { pk: { S: 'counter' } } }))).toEqual({ Item: { pk: { S: 'counter' }, hits: { N: '2' } } });
  });

  it('refuses an update of a key attribute', () => {
    const world = setUp();
    const refused = error(
      updateItem(world, { TableName: 'Orders', Key: { pk: { S: 'a' } }, UpdateExpression: 'SET pk = :b', ExpressionAttributeValues: { ':b': { S: 'b' } } }),
    );
    expect(refused.message).toMatchInlineSnapshot(`"One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key"`);
  });

  it('deletes with a condition on an attribute and returns the deleted item', () => {
    const world = setUp();
    value(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'a' }, state: { S: 'done' } } }));
    const request = { TableName: 'Orders', Key: { pk: { S: 'a' } }, ConditionExpression: '#s = :open', ExpressionAttributeNames: { '#s': 'state' } };
    expect(error(deleteItem(world, { ...request, ExpressionAttributeValues: { ':open': { S: 'open' } } })).name).toBe('ConditionalCheckFailedException');
    expect(value(deleteItem(world, { ...request, ExpressionAttributeValues: { ':open': { S: 'done' } }, ReturnValues: 'ALL_OLD' }))).toEqual({
      Attributes: { pk: { S: 'a' }, state: { S: 'done' } },
    });
  });
});

describe('batches', () => {
  it('DDB-03: refuses more than 25 writes or 100 keys', () => {
    const world = setUp();
    const puts = Array.from({ length: 26 }, (_, i) => ({ PutRequest: { Item: { pk: { S: `k${i}` } } } }));
    expect(error(batchWriteItem(world, { RequestItems: { Orders: puts } })).message).toContain('Member must have length less than or equal to 25');
    const keys = Array.from({ length: 101 }, (_, i) => ({ pk: { S: `k${i}` } }));
    expect(error(batchGetItem(world, { RequestItems: { Orders: { Keys: keys } } })).message).toMatchInlineSnapshot(`"Too many items requested for the BatchGetItem call"`);
  });

  it('DDB-10: hands throttled writes back as UnprocessedItems, and fails only when all are throttled', () => {
    const world = newWorld();
    makeTable(world, 'Orders', { wcu: 3 });
    const puts = Array.from({ length: 5 }, (_, i) => ({ PutRequest: { Item: { pk: { S: `k${i}` } } } }));
    const answer = value(batchWriteItem(world, { RequestItems: { Orders: puts } }));
    expect(answer.UnprocessedItems).toEqual({ Orders: puts.slice(3) });
    expect(error(batchWriteItem(world, { RequestItems: { Orders: puts.slice(3) } })).name).toBe('ProvisionedThroughputExceededException');
  });

  it('returns found items per table and leaves missing keys out', () => {
    const world = setUp();
    value(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'a' } } }));
    const answer = value(batchGetItem(world, { RequestItems: { Orders: { Keys: [{ pk: { S: 'a' } }, { pk: { S: 'missing' } }] } } }));
    expect(answer).toEqual({ Responses: { Orders: [{ pk: { S: 'a' } }] }, UnprocessedKeys: {} });
  });
});

describe('item collections', () => {
  it('DDB-12: with an LSI, one partition key value holds at most 10 GB', () => {
    const world = newWorld();
    makeTable(world, 'Orders', {
      wcu: 40_000,
      sortKey: 'N',
      extraDefinitions: [{ AttributeName: 'sk2', AttributeType: 'S' }],
      extra: {
        LocalSecondaryIndexes: [
          { IndexName: 'bySk2', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk2', KeyType: 'RANGE' }], Projection: { ProjectionType: 'KEYS_ONLY' } },
        ],
      },
    });
    const blob = 'A'.repeat(546_000); // base64 of 409,500 bytes: items of 409,500 + names + keys
    let stored = 0;
    let refusal: string | undefined;
    for (let i = 0; i < 60_000 && refusal === undefined; i++) {
      const result = putItem(world, { TableName: 'Orders', Item: { pk: { S: 'big' }, sk: { N: String(stored) }, b: { B: blob } } });
      if (result.ok) stored++;
      else if (result.error.name === 'ItemCollectionSizeLimitExceededException') refusal = result.error.message;
      else world.advance(1_000);
    }
    expect(refusal).toMatchInlineSnapshot(`"Collection size exceeded."`);
    expect(stored).toBe(Math.floor(10 * 1_073_741_824 / 409_508));
    value(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'other' }, sk: { N: '1' } } }));
  });
});
