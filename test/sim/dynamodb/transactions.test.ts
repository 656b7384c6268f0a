// Proves transactions: all-or-nothing with CancellationReasons in request order (DDB-17), doubled
// capacity (DDB-15), the 100-action and one-action-per-item rules (DDB-14), and ClientRequestToken
// idempotency at the edges of its 10-minute window (DDB-16).
import { describe, expect, it } from 'vitest';
import { getItem, putItem } from '../../../src/sim/dynamodb/items.js';
import { transactGetItems, transactWriteItems } from '../../../src/sim/dynamodb/transactions.js';
import type { World } from '../../../src/sim/world.js';
import { error, itemOfSize, makeTable, newWorld, value } from '../../helpers/dynamodb.js';

const setUp = (): World => {
  const world = newWorld();
  makeTable(world, 'Orders', { rcu: 100, wcu: 1_000 });
  value(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'stock' }, left: { N: '0' } } }));
  return world;
};

const order = { Put: { TableName: 'Orders', Item: { pk: { S: 'order-1' } }, ConditionExpression: 'attribute_not_exists(pk)' } };
const takeStock = {
  Update: {
    TableName: 'Orders',
    Key: { pk: { S: 'stock' } },
    UpdateExpression: 'SET #l = #l - :one',
    ConditionExpression: '#l > :zero',
    ExpressionAttributeNames: { '#l': 'left' },
    ExpressionAttributeValues: { ':one': { N: '1' }, ':zero': { N: '0' } },
  },
};

describe('TransactWriteItems', () => {
  it('DDB-17: cancels everything when one condition fails, with one reason per action in order', () => {
    const world = setUp();
    const cancelled = error(transactWriteItems(world, { TransactItems: [order, takeStock] }));
    expect(cancelled.name).toBe('TransactionCanceledException');
    expect(cancelled.message).toMatchInlineSnapshot(`"Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]"`);
    expect(cancelled.details).toEqual({ CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }] });
    expect(value(getItem(world, { TableName: 'Orders', Key: { pk: { S: 'order-1' } } }))).toEqual({});
  });

  it('DDB-15: applies all actions and charges each item twice', () => {
    const world = setUp();
    value(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'stock' }, left: { N: '3' } } }));
    const answer = value(transactWriteItems(world, { TransactItems: [order, takeStock], ReturnConsumedCapacity: 'TOTAL' }));
    expect(answer).toEqual({ ConsumedCapacity: [{ TableName: 'Orders', CapacityUnits: 4 }] });
    expect(value(getItem(world, { TableName: 'Orders', Key: { pk: { S: 'stock' } } })).Item).toEqual({ pk: { S: 'stock' }, left: { N: '2' } });
  });

  it('DDB-15: a 3.5 KB item written in a transaction costs 8 WCU, read in one 2 RCU', () => {
    const world = setUp();
    const answer = value(transactWriteItems(world, { TransactItems: [{ Put: { TableName: 'Orders', Item: itemOfSize('big', 3_584) } }], ReturnConsumedCapacity: 'TOTAL' }));
    expect(answer.ConsumedCapacity).toEqual([{ TableName: 'Orders', CapacityUnits: 8 }]);
    const read = value(transactGetItems(world, { TransactItems: [{ Get: { TableName: 'Orders', Key: { pk: { S: 'big' } }, ProjectionExpression: 'pk' } }], ReturnConsumedCapacity: 'TOTAL' }));
    expect(read).toEqual({ Responses: [{ Item: { pk: { S: 'big' } } }], ConsumedCapacity: [{ TableName: 'Orders', CapacityUnits: 2 }] });
  });

  it('DDB-14: refuses two actions on one item, and more than 100 actions', () => {
    const world = setUp();
    const check = { ConditionCheck: { TableName: 'Orders', Key: { pk: { S: 'stock' } }, ConditionExpression: 'attribute_exists(pk)' } };
    expect(error(transactWriteItems(world, { TransactItems: [check, takeStock] })).message).toMatchInlineSnapshot(
      `"Transaction request cannot include multiple operations on one item"`,
    );
    const many = Array.from({ length: 101 }, (_, i) => ({ Put: { TableName: 'Orders', Item: { pk: { S: `k${i}` } } } }));
    expect(error(transactWriteItems(world, { TransactItems: many })).message).toContain('Member must have length less than or equal to 100');
    value(transactWriteItems(world, { TransactItems: many.slice(0, 100) }));
  });

  it('DDB-17: cancels with ThrottlingError when the table lacks capacity for the doubled writes', () => {
    const world = newWorld();
    makeTable(world, 'Orders', { wcu: 5 });
    const three = Array.from({ length: 3 }, (_, i) => ({ Put: { TableName: 'Orders', Item: { pk: { S: `k${i}` } } } }));
    expect(error(transactWriteItems(world, { TransactItems: three })).details).toMatchObject({
      CancellationReasons: [{ Code: 'ThrottlingError' }, { Code: 'ThrottlingError' }, { Code: 'ThrottlingError' }],
    });
    expect(value(getItem(world, { TableName: 'Orders', Key: { pk: { S: 'k0' } } }))).toEqual({});
  });
});

describe('ClientRequestToken', () => {
  const put = (n: string) => ({ TransactItems: [{ Put: { TableName: 'Orders', Item: { pk: { S: 'a' }, n: { N: n } } } }], ClientRequestToken: 'token-1' });

  it('DDB-16: a retry at 9:59 succeeds without applying again; one with other parameters is refused', () => {
    const world = setUp();
    value(transactWriteItems(world, put('1')));
    value(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'a' }, n: { N: '99' } } }));
    world.advance(599_000);
    expect(value(transactWriteItems(world, { ...put('1'), ReturnConsumedCapacity: 'TOTAL' }))).toEqual({
      ConsumedCapacity: [{ TableName: 'Orders', CapacityUnits: 1, ReadCapacityUnits: 1 }],
    });
    expect(value(getItem(world, { TableName: 'Orders', Key: { pk: { S: 'a' } } })).Item).toEqual({ pk: { S: 'a' }, n: { N: '99' } });
    const mismatch = error(transactWriteItems(world, put('2')));
    expect(mismatch.name).toBe('IdempotentParameterMismatchException');
  });

  it('DDB-16: at 10:01 the same token is a new request and is applied', () => {
    const world = setUp();
    value(transactWriteItems(world, put('1')));
    value(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'a' }, n: { N: '99' } } }));
    world.advance(601_000);
    value(transactWriteItems(world, put('2')));
    expect(value(getItem(world, { TableName: 'Orders', Key: { pk: { S: 'a' } } })).Item).toEqual({ pk: { S: 'a' }, n: { N: '2' } });
  });
});
