// Proves TTL against DDB-19: UpdateTimeToLive / DescribeTimeToLive and the one-hour lock, which
// values expire (Number epoch seconds only), expired items staying readable until the seeded sweeper
// deletes them at a drawn time (pinned per seed), TTL deletions costing no WCU and appearing in
// Streams as service deletions, one timer per table at 100k items, and determinism as a property.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TTL_SWEEP_INTERVAL_MS,
  configureTtlSweeper,
  describeTimeToLive,
  enableStream,
  getRecords,
  getShardIterator,
  isExpired,
  pendingTtlDeletions,
  updateTimeToLive,
} from '../../../src/sim/dynamodb/features.js';
import { detailOf } from '../../../src/sim/dynamodb/throughput/detail.js';
import { createWorld, type World } from '../../../src/sim/world.js';
import { createTestTable, item, put } from '../../helpers/dynamodb-tables.js';

const HOUR_MS = 60 * 60 * 1_000;
const enable = (world: World, attribute = 'expiresAt', enabled = true) =>
  updateTimeToLive(world, 'us-east-1', { TableName: 'Orders', TimeToLiveSpecification: { Enabled: enabled, AttributeName: attribute } });
const nowSeconds = (world: World) => world.nowMs / 1_000;

describe('UpdateTimeToLive and DescribeTimeToLive (DDB-19)', () => {
  it('enables TTL on an attribute and describes it', () => {
    const world = createWorld();
    createTestTable(world);
    expect(describeTimeToLive(world, 'us-east-1', { TableName: 'Orders' })).toEqual({ ok: true, value: { TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } } });
    expect(enable(world)).toEqual({ ok: true, value: { TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' } } });
    expect(describeTimeToLive(world, 'us-east-1', { TableName: 'Orders' })).toEqual({ ok: true, value: { TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' } } });
  });

  it('refuses a second change within one hour and accepts it after', () => {
    const world = createWorld();
    createTestTable(world);
    enable(world);
    world.advance(HOUR_MS - 1);
    const refused = enable(world, 'expiresAt', false);
    expect(refused.ok ? undefined : refused.error).toMatchInlineSnapshot(`
      {
        "message": "Time to live has been modified multiple times within a fixed interval: wait one hour after the last change",
        "name": "ValidationException",
        "retryable": false,
        "statusCode": 400,
      }
    `);
    world.advance(1);
    expect(enable(world, 'expiresAt', false).ok).toBe(true);
  });

  it('refuses enabling twice and an unknown table', () => {
    const world = createWorld();
    createTestTable(world);
    enable(world);
    world.advance(HOUR_MS);
    const twice = enable(world);
    expect(twice.ok ? undefined : twice.error.message).toMatchInlineSnapshot(`"TimeToLive is already enabled"`);
    const missing = describeTimeToLive(world, 'us-east-1', { TableName: 'Nope' });
    expect(missing.ok ? undefined : missing.error).toMatchInlineSnapshot(`
      {
        "message": "Requested resource not found: Table: Nope not found",
        "name": "ResourceNotFoundException",
        "retryable": false,
        "statusCode": 400,
      }
    `);
  });
});

describe('isExpired (DDB-19)', () => {
  const nowMs = 1_767_225_600_000;
  it.each([
    ['a Number of epoch seconds in the past', { N: '1767225599' }, true],
    ['a Number equal to now', { N: '1767225600' }, true],
    ['a Number of epoch seconds in the future', { N: '1767225601' }, false],
    ['a fractional Number of epoch seconds in the past', { N: '1767225599.5' }, true],
    ['a Number in epoch milliseconds (far future as seconds)', { N: '1767225500000' }, false],
    ['a String holding epoch seconds', { S: '1767225599' }, false],
  ] as const)('%s → %s', (_label, value, expected) => {
    expect(isExpired({ id: { S: 'a' }, expiresAt: value }, 'expiresAt', nowMs)).toBe(expected);
  });

  it('is false for an item without the attribute', () => {
    expect(isExpired(item({ id: 'a' }), 'expiresAt', nowMs)).toBe(false);
  });
});

describe('the sweeper (DDB-19)', () => {
  it('seed 42: item expiring at +10 s is readable at +11 s, drawn for deletion at +24h 44m 18.305s, deleted by the sweep at +25 h', () => {
    const world = createWorld({ seed: 42 });
    const table = createTestTable(world);
    const startMs = world.nowMs;
    enable(world);
    put(world, table, { id: 'a', expiresAt: nowSeconds(world) + 10 });
    world.advance(11_000);
    expect(table.items.size).toBe(1); // expired, still readable
    world.advance(HOUR_MS - 11_000); // first sweep draws the deletion time
    const [pending] = pendingTtlDeletions(world, 'us-east-1', 'Orders');
    expect((pending?.deleteAtMs ?? 0) - startMs).toBe(89_058_305);
    world.advanceTo(startMs + 25 * HOUR_MS - 1);
    expect(table.items.size).toBe(1);
    world.advanceTo(startMs + 25 * HOUR_MS);
    expect(table.items.size).toBe(0);
    const deletion = world.trace.all().find((e) => e.operation === 'ttl-item-deleted');
    expect(deletion).toMatchObject({ timeMs: startMs + 25 * HOUR_MS, detail: { tableName: 'Orders', key: { id: { S: 'a' } }, wcuConsumed: 0 } });
  });

  it('deletes at no write cost and never expires ms values or strings', () => {
    const world = createWorld({ seed: 1 });
    const table = createTestTable(world);
    configureTtlSweeper(world, { sweepWindowMs: 0 });
    enable(world);
    // The read and write meters (TableSizeBytes does change: the items were stored, then deleted).
    const meters = () => structuredClone({ read: detailOf(table.throughput).read, write: detailOf(table.throughput).write });
    const before = meters();
    put(world, table, { id: 'seconds', expiresAt: nowSeconds(world) });
    put(world, table, { id: 'millis', expiresAt: world.nowMs });
    put(world, table, { id: 'text', expiresAt: String(nowSeconds(world)) });
    world.advance(TTL_SWEEP_INTERVAL_MS);
    expect([...table.items.values()].map((i) => i.id)).toEqual([{ S: 'millis' }, { S: 'text' }]);
    expect(meters()).toEqual(before);
  });

  it('shows the deletion in Streams as a REMOVE by the service', () => {
    const world = createWorld({ seed: 1 });
    const table = createTestTable(world);
    const stream = enableStream(world, table, 'OLD_IMAGE');
    if (!stream.ok) throw new Error('stream');
    configureTtlSweeper(world, { sweepWindowMs: 0 });
    enable(world);
    put(world, table, { id: 'a', expiresAt: nowSeconds(world) });
    world.advance(TTL_SWEEP_INTERVAL_MS);
    const it = getShardIterator(world, 'us-east-1', { StreamArn: stream.value.streamArn, ShardId: stream.value.shard.shardId, ShardIteratorType: 'TRIM_HORIZON' });
    const records = it.ok ? getRecords(world, 'us-east-1', { ShardIterator: it.value.ShardIterator }) : it;
    const remove = records.ok ? records.value.Records[1] : undefined;
    expect(remove?.eventName).toBe('REMOVE');
    expect(remove?.userIdentity).toEqual({ type: 'Service', principalId: 'dynamodb.amazonaws.com' });
    expect(records.ok && records.value.Records[0]?.userIdentity).toBeUndefined();
  });

  it('stops deleting once TTL is disabled, and redraws when the TTL value changes', () => {
    const world = createWorld({ seed: 3 });
    const table = createTestTable(world);
    enable(world);
    put(world, table, { id: 'a', expiresAt: nowSeconds(world) });
    world.advance(HOUR_MS);
    const first = pendingTtlDeletions(world, 'us-east-1', 'Orders')[0]?.deleteAtMs;
    put(world, table, { id: 'a', expiresAt: nowSeconds(world) });
    world.advance(HOUR_MS);
    expect(pendingTtlDeletions(world, 'us-east-1', 'Orders')[0]?.deleteAtMs).not.toBe(first);
    enable(world, 'expiresAt', false);
    world.advance(72 * HOUR_MS);
    expect(table.items.size).toBe(1);
    expect(world.clock.pendingTimers()).toHaveLength(0);
  });

  it('keeps one timer per table while sweeping 100,000 expired items', () => {
    const world = createWorld({ seed: 5 });
    const table = createTestTable(world);
    enable(world);
    for (let i = 0; i < 100_000; i++) put(world, table, { id: `item-${i}`, expiresAt: nowSeconds(world) + (i % 3_600) });
    world.advance(HOUR_MS);
    expect(world.clock.pendingTimers()).toHaveLength(1);
    world.advance(50 * HOUR_MS);
    expect(table.items.size).toBe(0);
    expect(world.clock.pendingTimers()).toHaveLength(1);
  });

  it('gives the same deletions for the same seed and writes (property)', () => {
    const writes = fc.array(fc.record({ id: fc.integer({ min: 0, max: 20 }), expiresInSeconds: fc.integer({ min: -600, max: 3 * 86_400 }), gapMs: fc.integer({ min: 0, max: 2 * HOUR_MS }) }), { maxLength: 30 });
    const run = (seed: number, list: { id: number; expiresInSeconds: number; gapMs: number }[]) => {
      const world = createWorld({ seed });
      const table = createTestTable(world);
      enable(world);
      for (const w of list) {
        world.advance(w.gapMs);
        put(world, table, { id: `i${w.id}`, expiresAt: Math.floor(nowSeconds(world)) + w.expiresInSeconds });
      }
      world.advance(6 * 24 * HOUR_MS);
      return { deletions: world.trace.all().filter((e) => e.operation === 'ttl-item-deleted'), remaining: table.items.size };
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), writes, (seed, list) => {
        const first = run(seed, list);
        expect(run(seed, list)).toEqual(first);
        expect(first.remaining).toBe(0); // every value expires within 3 days, every deletion follows within 48 h + 1 sweep
        expect(first.deletions.length).toBeGreaterThanOrEqual(new Set(list.map((w) => w.id)).size); // an item re-put after its deletion goes again
      }),
      { numRuns: 30 },
    );
  });
});
