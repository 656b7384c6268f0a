// Proves global tables (version 2019.11.21) against DDB-21: replicas with the source's items, MREC
// replication after a seeded delay (pinned per seed), last-writer-wins convergence (also as a
// fast-check property over any interleaving), replicated writes not replicating again, TTL deletions
// replicating as plain deletes (DDB-19), determinism of replication, MRSC Region-set validation,
// synchronous MRSC writes and ReplicatedWriteConflictException.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REPLICATION_DELAY_MAX_MS,
  checkMrscWrite,
  configureTtlSweeper,
  describeTimeToLive,
  enableStream,
  getRecords,
  getShardIterator,
  updateTableReplicas,
  updateTimeToLive,
  type StreamLog,
} from '../../../src/sim/dynamodb/features.js';
import { lookUpTable } from '../../../src/sim/dynamodb/state.js';
import type { TableState } from '../../../src/sim/dynamodb/model.js';
import type { Result } from '../../../src/sim/result.js';
import { createWorld, type World } from '../../../src/sim/world.js';
import { createTestTable, item, itemsOf, put, remove } from '../../helpers/dynamodb-tables.js';

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.name}: ${result.error.message}`);
  return result.value;
}

function tableIn(world: World, region: string): TableState {
  const table = lookUpTable(world, region, 'Orders');
  if (table === undefined) throw new Error(`no Orders in ${region}`);
  return table;
}

function mrecPair(seed = 1): { world: World; east: TableState; west: TableState } {
  const world = createWorld({ seed });
  const east = createTestTable(world, { region: 'us-east-1' });
  unwrap(updateTableReplicas(world, 'us-east-1', { TableName: 'Orders', ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] }));
  return { world, east, west: tableIn(world, 'eu-west-1') };
}

const errorText = (result: Result<unknown>) => (result.ok ? 'ok' : `${result.error.name}: ${result.error.message}`);

describe('MREC replicas (DDB-21)', () => {
  it('creates a replica with the same key schema and a copy of the items', () => {
    const world = createWorld();
    const east = createTestTable(world, { region: 'us-east-1' });
    put(world, east, { id: 'a', v: 1 });
    const answer = unwrap(updateTableReplicas(world, 'us-east-1', { TableName: 'Orders', ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] }));
    expect(answer.TableDescription).toMatchObject({ GlobalTableVersion: '2019.11.21', MultiRegionConsistency: 'EVENTUAL', Replicas: [{ RegionName: 'us-east-1' }, { RegionName: 'eu-west-1' }] });
    const west = tableIn(world, 'eu-west-1');
    expect(west.keySchema).toEqual(east.keySchema);
    expect(west.arn).toBe('arn:aws:dynamodb:eu-west-1:123456789012:table/Orders');
    expect(itemsOf(west)).toEqual(itemsOf(east));
  });

  it('seed 1: a write in us-east-1 reaches eu-west-1 after 667 ms, not before', () => {
    const { world, east, west } = mrecPair(1);
    put(world, east, { id: 'a', v: 1 });
    world.advance(666);
    expect(west.items.size).toBe(0);
    world.advance(1);
    expect(itemsOf(west)).toEqual(itemsOf(east));
    const applied = world.trace.all().filter((e) => e.operation === 'replication-applied');
    expect(applied).toHaveLength(1); // the replicated write did not replicate back
    expect(applied[0]).toMatchObject({ region: 'eu-west-1', detail: { fromRegion: 'us-east-1', lagMs: 667 } });
  });

  it('converges two concurrent writes on the later one everywhere (last writer wins)', () => {
    const { world, east, west } = mrecPair(2);
    put(world, east, { id: 'a', v: 1 });
    world.advance(100);
    put(world, west, { id: 'a', v: 2 });
    world.advance(REPLICATION_DELAY_MAX_MS);
    expect(east.items.get('[{"S":"a"}]')).toEqual(item({ id: 'a', v: 2 }));
    expect(west.items.get('[{"S":"a"}]')).toEqual(item({ id: 'a', v: 2 }));
    expect(world.trace.all().filter((e) => e.operation === 'replication-superseded').map((e) => e.region)).toEqual(['eu-west-1']);
  });

  it('keeps a later delete against an earlier concurrent put', () => {
    const { world, east, west } = mrecPair(3);
    put(world, east, { id: 'a', v: 1 });
    world.advance(REPLICATION_DELAY_MAX_MS);
    put(world, east, { id: 'a', v: 2 });
    world.advance(10);
    remove(world, west, 'a');
    world.advance(REPLICATION_DELAY_MAX_MS);
    expect([east.items.size, west.items.size]).toEqual([0, 0]);
  });

  it('replicates a TTL deletion as a plain delete: the service REMOVE appears only where the sweeper ran (DDB-19)', () => {
    const { world, east, west } = mrecPair(4);
    const eastStream = unwrap(enableStream(world, east, 'KEYS_ONLY'));
    const westStream = unwrap(enableStream(world, west, 'KEYS_ONLY'));
    configureTtlSweeper(world, { sweepWindowMs: 0 });
    unwrap(updateTimeToLive(world, 'us-east-1', { TableName: 'Orders', TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' } }));
    expect(unwrap(describeTimeToLive(world, 'eu-west-1', { TableName: 'Orders' })).TimeToLiveDescription.TimeToLiveStatus).toBe('ENABLED');
    put(world, east, { id: 'a', expiresAt: world.nowMs / 1_000 });
    world.advance(60 * 60 * 1_000 + REPLICATION_DELAY_MAX_MS);
    const removeOf = (log: StreamLog) => {
      const it = unwrap(getShardIterator(world, log.region, { StreamArn: log.streamArn, ShardId: log.shard.shardId, ShardIteratorType: 'TRIM_HORIZON' }));
      return unwrap(getRecords(world, log.region, { ShardIterator: it.ShardIterator })).Records.find((r) => r.eventName === 'REMOVE');
    };
    expect(removeOf(eastStream)?.userIdentity).toEqual({ type: 'Service', principalId: 'dynamodb.amazonaws.com' });
    expect(removeOf(westStream)).toBeDefined();
    expect(removeOf(westStream)?.userIdentity).toBeUndefined();
    expect(world.trace.all().filter((e) => e.operation === 'ttl-item-deleted').map((e) => e.region)).toEqual(['us-east-1']);
  });

  it('refuses a replica in a Region that already has one, and removes a replica', () => {
    const { world } = mrecPair();
    const again = updateTableReplicas(world, 'us-east-1', { TableName: 'Orders', ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] });
    expect(errorText(again)).toMatchInlineSnapshot(`"ValidationException: Table Orders already has a replica in eu-west-1"`);
    unwrap(updateTableReplicas(world, 'us-east-1', { TableName: 'Orders', ReplicaUpdates: [{ Delete: { RegionName: 'eu-west-1' } }] }));
    expect(() => tableIn(world, 'eu-west-1')).toThrow();
  });
});

describe('MREC properties (DDB-21)', () => {
  const writes = fc.array(
    fc.record({ inEast: fc.boolean(), id: fc.constantFrom('a', 'b', 'c'), value: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }), gapMs: fc.integer({ min: 0, max: 2_000 }) }),
    { maxLength: 30 },
  );
  type Write = { inEast: boolean; id: string; value: number | undefined; gapMs: number };
  const run = (seed: number, list: readonly Write[]) => {
    const { world, east, west } = mrecPair(seed);
    for (const w of list) {
      world.advance(w.gapMs);
      const table = w.inEast ? east : west;
      if (w.value === undefined) remove(world, table, w.id);
      else put(world, table, { id: w.id, v: w.value });
    }
    world.advance(REPLICATION_DELAY_MAX_MS);
    return { world, east, west };
  };

  it('any interleaving of writes in two Regions converges to identical items once the maximum delay has passed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), writes, (seed, list) => {
        const { east, west } = run(seed, list);
        expect(itemsOf(west)).toEqual(itemsOf(east));
      }),
      { numRuns: 150 },
    );
  });

  it('the same seed and writes give the same trace', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), writes, (seed, list) => {
        expect(run(seed, list).world.trace.all()).toEqual(run(seed, list).world.trace.all());
      }),
      { numRuns: 50 },
    );
  });
});

describe('MRSC (DDB-21)', () => {
  const strong = (world: World, replicas: string[], witness?: string) =>
    updateTableReplicas(world, 'us-east-1', {
      TableName: 'Orders',
      MultiRegionConsistency: 'STRONG',
      ReplicaUpdates: replicas.map((RegionName) => ({ Create: { RegionName } })),
      ...(witness === undefined ? {} : { GlobalTableWitnessUpdates: [{ Create: { RegionName: witness } }] }),
    });

  it('needs exactly three Regions from one Region set, and a witness only with STRONG', () => {
    const world = createWorld();
    createTestTable(world, { region: 'us-east-1' });
    const refused = [
      strong(world, ['us-east-2']),
      strong(world, ['us-east-2', 'eu-west-1']),
      strong(world, ['us-east-2', 'us-west-2'], 'us-west-1'),
      updateTableReplicas(world, 'us-east-1', { TableName: 'Orders', ReplicaUpdates: [{ Create: { RegionName: 'us-east-2' } }], GlobalTableWitnessUpdates: [{ Create: { RegionName: 'us-west-2' } }] }),
    ];
    expect(refused.map(errorText)).toMatchInlineSnapshot(`
      [
        "ValidationException: An MRSC global table spans exactly 3 Regions (3 replicas, or 2 replicas and a witness); this request gives 2",
        "ValidationException: All Regions of an MRSC global table must come from one Region set (US: us-east-1, us-east-2, us-west-2; EU: eu-west-1, eu-west-2, eu-west-3, eu-central-1; AP: ap-northeast-1, ap-northeast-2, ap-northeast-3); got us-east-1, us-east-2, eu-west-1",
        "ValidationException: An MRSC global table spans exactly 3 Regions (3 replicas, or 2 replicas and a witness); this request gives 4",
        "ValidationException: A witness can only be added to a table with MultiRegionConsistency STRONG",
      ]
    `);
    expect(errorText(strong(world, ['us-east-2'], 'us-west-2'))).toBe('ok');
  });

  it('accepts 3 replicas, applies writes to all synchronously, and refuses a concurrent conflicting write', () => {
    const world = createWorld();
    const east = createTestTable(world, { region: 'us-east-1' });
    const answer = unwrap(strong(world, ['us-east-2', 'us-west-2']));
    expect(answer.TableDescription).toMatchObject({ MultiRegionConsistency: 'STRONG', Replicas: [{ RegionName: 'us-east-1' }, { RegionName: 'us-east-2' }, { RegionName: 'us-west-2' }] });
    put(world, east, { id: 'a', v: 1 });
    expect(itemsOf(tableIn(world, 'us-west-2'))).toEqual(itemsOf(east)); // no waiting: a strongly consistent read anywhere sees it
    world.advance(50);
    const conflict = checkMrscWrite(world, 'us-east-2', 'Orders', item({ id: 'a' }));
    expect(conflict.ok ? undefined : conflict.error).toMatchInlineSnapshot(`
      {
        "message": "The write conflicts with a concurrent write to the same item from us-east-1; retry the request",
        "name": "ReplicatedWriteConflictException",
        "retryable": true,
        "statusCode": 400,
      }
    `);
    expect(checkMrscWrite(world, 'us-east-1', 'Orders', item({ id: 'a' })).ok).toBe(true); // same Region: no conflict
    world.advance(50);
    expect(checkMrscWrite(world, 'us-east-2', 'Orders', item({ id: 'a' })).ok).toBe(true);
  });

  it('describes a 2 replicas + witness table', () => {
    const world = createWorld();
    createTestTable(world, { region: 'us-east-1' });
    const answer = unwrap(strong(world, ['us-east-2'], 'us-west-2'));
    expect(answer.TableDescription).toMatchObject({ GlobalTableWitnesses: [{ RegionName: 'us-west-2', WitnessStatus: 'ACTIVE' }] });
    expect(errorText(updateTableReplicas(world, 'us-east-1', { TableName: 'Orders', MultiRegionConsistency: 'EVENTUAL', ReplicaUpdates: [{ Create: { RegionName: 'us-west-1' } }] }))).toMatchInlineSnapshot(
      `"ValidationException: MultiRegionConsistency cannot be changed once a table has replicas"`,
    );
  });
});
