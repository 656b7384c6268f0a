// Proves the DAX model against DDB-20 over virtual time, through a fake DynamoDB backend that records
// its calls: the item cache's miss → hit → hit sequence, staleness after a write that bypasses DAX
// until the 5-minute TTL, write-through (and no caching of a failed write), strongly consistent reads
// passing through uncached, negative caching, the query cache (keyed by the whole request, never
// updated by writes), LRU eviction, and the cluster validation errors.
import { describe, expect, it } from 'vitest';
import type { ApiDocument } from '../../../src/sim/cli/operation-spec.js';
import {
  createDaxCluster,
  daxBatchGetItem,
  daxDeleteItem,
  daxGetItem,
  daxPutItem,
  daxQuery,
  daxScan,
  describeDaxCluster,
  type DaxBackend,
} from '../../../src/sim/dynamodb/features.js';
import { applyItemWrite } from '../../../src/sim/dynamodb/item-changes.js';
import { itemKeyString, type Item, type TableState } from '../../../src/sim/dynamodb/model.js';
import { awsError, fail, ok, type Result } from '../../../src/sim/result.js';
import { createWorld, type World } from '../../../src/sim/world.js';
import { createTestTable, item } from '../../helpers/dynamodb-tables.js';

const FIVE_MINUTES_MS = 5 * 60 * 1_000;

/** A stand-in for the core's operations: reads and writes the table, records each call. */
function fakeBackend(table: TableState) {
  const calls: string[] = [];
  let isThrottling = false;
  const getItem = (_world: World, request: ApiDocument): Result<ApiDocument> => {
    calls.push('GetItem');
    const found = table.items.get(itemKeyString(table.keySchema, request.Key as Item));
    return ok(found === undefined ? {} : { Item: found });
  };
  const write = (name: string, image: (request: ApiDocument) => Item | undefined) => (world: World, request: ApiDocument): Result<ApiDocument> => {
    calls.push(name);
    if (isThrottling) return fail(awsError('ProvisionedThroughputExceededException', 400, 'throttled', { retryable: true }));
    applyItemWrite(world, table, (request.Item ?? request.Key) as Item, image(request), 'user');
    return ok({});
  };
  const backend: DaxBackend = {
    getItem,
    query: (_world, request) => (calls.push('Query'), ok({ Items: [...table.items.values()], Count: table.items.size, echo: request.KeyConditionExpression })),
    scan: () => (calls.push('Scan'), ok({ Items: [...table.items.values()], Count: table.items.size })),
    putItem: write('PutItem', (r) => r.Item as Item),
    updateItem: write('UpdateItem', (r) => r.Item as Item),
    deleteItem: write('DeleteItem', () => undefined),
  };
  return { backend, calls, throttle: (on: boolean) => (isThrottling = on) };
}

function setUp(capacityEntries?: number) {
  const world = createWorld({ seed: 11 });
  const table = createTestTable(world);
  const fake = fakeBackend(table);
  const created = createDaxCluster(world, 'us-east-1', { clusterName: 'orders-cache', ...(capacityEntries === undefined ? {} : { capacityEntries }) });
  expect(created.ok).toBe(true);
  const get = (id: string, consistentRead = false) => daxGetItem(world, fake.backend, 'us-east-1', 'orders-cache', { TableName: 'Orders', Key: { id: { S: id } }, ConsistentRead: consistentRead });
  const lookups = () => world.trace.all().filter((e) => e.service === 'dax' && e.operation === 'GetItem').map((e) => e.detail.lookup);
  return { world, table, ...fake, get, lookups };
}

const bypassPut = (world: World, table: TableState, values: Record<string, string | number>) => applyItemWrite(world, table, item(values), item(values), 'user');

describe('item cache (DDB-20)', () => {
  it('misses, hits, serves stale data after a bypassing write, and is fresh again after the 5:00 TTL', () => {
    const { world, table, calls, get, lookups } = setUp();
    bypassPut(world, table, { id: 'a', v: 1 });
    expect(get('a')).toEqual({ ok: true, value: { Item: item({ id: 'a', v: 1 }) } });
    world.advance(1_000);
    get('a');
    world.advance(1_000);
    get('a');
    bypassPut(world, table, { id: 'a', v: 2 }); // straight to DynamoDB: DAX does not know
    expect(get('a')).toEqual({ ok: true, value: { Item: item({ id: 'a', v: 1 }) } });
    world.advanceTo(world.nowMs - 2_000 + FIVE_MINUTES_MS - 1);
    expect(get('a')).toEqual({ ok: true, value: { Item: item({ id: 'a', v: 1 }) } });
    world.advance(1);
    expect(get('a')).toEqual({ ok: true, value: { Item: item({ id: 'a', v: 2 }) } });
    expect(lookups()).toEqual(['miss', 'hit', 'hit', 'hit', 'hit', 'miss']);
    expect(calls).toEqual(['GetItem', 'GetItem']);
  });

  it('passes strongly consistent reads through without caching them', () => {
    const { world, table, calls, get, lookups } = setUp();
    bypassPut(world, table, { id: 'a', v: 1 });
    get('a', true);
    get('a', true);
    get('a');
    expect(lookups()).toEqual(['pass-through', 'pass-through', 'miss']);
    expect(calls).toEqual(['GetItem', 'GetItem', 'GetItem']);
  });

  it('caches "not found" until the TTL expires', () => {
    const { world, table, get, lookups } = setUp();
    expect(get('ghost')).toEqual({ ok: true, value: {} });
    bypassPut(world, table, { id: 'ghost', v: 1 });
    expect(get('ghost')).toEqual({ ok: true, value: {} });
    world.advance(FIVE_MINUTES_MS);
    expect(get('ghost')).toEqual({ ok: true, value: { Item: item({ id: 'ghost', v: 1 }) } });
    expect(lookups()).toEqual(['miss', 'hit', 'miss']);
  });

  it('writes through: DynamoDB first, then the item cache; a throttled write is not cached', () => {
    const { world, backend, calls, get, lookups, throttle } = setUp();
    get('a'); // cached as not found
    expect(daxPutItem(world, backend, 'us-east-1', 'orders-cache', { TableName: 'Orders', Item: item({ id: 'a', v: 1 }) }).ok).toBe(true);
    expect(get('a')).toEqual({ ok: true, value: { Item: item({ id: 'a', v: 1 }) } });
    throttle(true);
    const refused = daxPutItem(world, backend, 'us-east-1', 'orders-cache', { TableName: 'Orders', Item: item({ id: 'a', v: 2 }) });
    expect(refused.ok ? '' : refused.error.name).toBe('ProvisionedThroughputExceededException');
    expect(get('a')).toEqual({ ok: true, value: { Item: item({ id: 'a', v: 1 }) } });
    throttle(false);
    daxDeleteItem(world, backend, 'us-east-1', 'orders-cache', { TableName: 'Orders', Key: { id: { S: 'a' } } });
    expect(get('a')).toEqual({ ok: true, value: {} });
    expect(lookups()).toEqual(['miss', 'hit', 'hit', 'hit']);
    expect(calls).toEqual(['GetItem', 'PutItem', 'PutItem', 'DeleteItem']);
  });

  it('evicts the least recently used entry beyond capacity', () => {
    const { get, lookups } = setUp(2);
    get('a');
    get('b');
    get('a'); // a is now the most recent
    get('c'); // evicts b
    get('a');
    get('b');
    expect(lookups()).toEqual(['miss', 'miss', 'hit', 'miss', 'hit', 'miss']);
  });

  it('serves BatchGetItem key by key through the item cache', () => {
    const { world, table, backend, calls } = setUp();
    bypassPut(world, table, { id: 'a', v: 1 });
    const request = { RequestItems: { Orders: { Keys: [{ id: { S: 'a' } }, { id: { S: 'b' } }] } } };
    daxBatchGetItem(world, backend, 'us-east-1', 'orders-cache', request);
    const second = daxBatchGetItem(world, backend, 'us-east-1', 'orders-cache', request);
    expect(second).toEqual({ ok: true, value: { Responses: { Orders: [item({ id: 'a', v: 1 })] }, UnprocessedKeys: {} } });
    expect(calls).toEqual(['GetItem', 'GetItem']);
  });
});

describe('query cache (DDB-20)', () => {
  it('caches by the whole request and is not updated by writes through DAX', () => {
    const { world, table, backend, calls } = setUp();
    bypassPut(world, table, { id: 'a', v: 1 });
    const query = (condition: string) => daxQuery(world, backend, 'us-east-1', 'orders-cache', { TableName: 'Orders', KeyConditionExpression: condition });
    const first = query('id = :a');
    daxPutItem(world, backend, 'us-east-1', 'orders-cache', { TableName: 'Orders', Item: item({ id: 'b', v: 1 }) });
    expect(query('id = :a')).toEqual(first); // still the cached answer
    query('id = :b'); // another request: a miss
    world.advance(FIVE_MINUTES_MS);
    const fresh = query('id = :a'); // the cached answer expired: a miss with today's data
    expect(fresh.ok && fresh.value.Count).toBe(2);
    daxScan(world, backend, 'us-east-1', 'orders-cache', { TableName: 'Orders', ConsistentRead: true });
    expect(calls).toEqual(['Query', 'PutItem', 'Query', 'Query', 'Scan']);
  });
});

describe('clusters (DDB-20)', () => {
  it('refuses a duplicate name, a replication factor above 10 and an unknown cluster', () => {
    const { world, backend } = setUp();
    const duplicate = createDaxCluster(world, 'us-east-1', { clusterName: 'orders-cache' });
    const tooMany = createDaxCluster(world, 'us-east-1', { clusterName: 'big', replicationFactor: 11 });
    const unknown = daxGetItem(world, backend, 'us-east-1', 'nope', { TableName: 'Orders', Key: {} });
    expect([duplicate, tooMany, unknown].map((r) => (r.ok ? 'ok' : `${r.error.name}: ${r.error.message}`))).toMatchInlineSnapshot(`
      [
        "ClusterAlreadyExistsFault: Cluster orders-cache already exists",
        "InvalidParameterValueException: ReplicationFactor must be between 1 and 10, got 11",
        "ClusterNotFoundFault: Cluster nope not found in us-east-1",
      ]
    `);
  });

  it('describes the cluster with its counters and live entries for `sim show dax`', () => {
    const { world, get } = setUp();
    get('a');
    get('a');
    world.advance(60_000);
    const shown = describeDaxCluster(world, 'us-east-1', 'orders-cache');
    expect(shown.ok && shown.value).toMatchObject({
      ClusterName: 'orders-cache',
      TotalNodes: 3,
      ItemCache: { ttlMs: FIVE_MINUTES_MS, entries: [{ expiresInMs: 240_000 }] },
      Stats: { itemHits: 1, itemMisses: 1 },
    });
  });
});
