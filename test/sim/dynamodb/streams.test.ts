// Proves the DynamoDB Streams model against DDB-18: INSERT/MODIFY/REMOVE records with the view type's
// images, no record for a write that changes nothing, increasing sequence numbers, per-item order
// (also as a fast-check property), 24 h retention with TrimmedDataAccessException (and TRIM_HORIZON on a fully trimmed shard: no error, an iterator at its end), the four iterator
// types, iterator expiry after 15 minutes, and a re-enabled stream getting a new ARN while the old
// one stays readable. Tables are made with the test helper and written through applyItemWrite.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeStream, disableStream, enableStream, getRecords, getShardIterator, listStreams, type StreamRecord } from '../../../src/sim/dynamodb/features.js';
import type { StreamViewType, TableState } from '../../../src/sim/dynamodb/model.js';
import type { Result } from '../../../src/sim/result.js';
import { createWorld, type World } from '../../../src/sim/world.js';
import { createTestTable, put, remove } from '../../helpers/dynamodb-tables.js';

const HOUR_MS = 60 * 60 * 1_000;

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.name}: ${result.error.message}`);
  return result.value;
}

function setUp(viewType: StreamViewType = 'NEW_AND_OLD_IMAGES'): { world: World; table: TableState; streamArn: string; shardId: string } {
  const world = createWorld({ seed: 7 });
  const table = createTestTable(world);
  const log = unwrap(enableStream(world, table, viewType));
  return { world, table, streamArn: log.streamArn, shardId: log.shard.shardId };
}

function iterator(world: World, streamArn: string, shardId: string, type: 'TRIM_HORIZON' | 'LATEST' | 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER', sequenceNumber?: string) {
  return getShardIterator(world, 'us-east-1', { StreamArn: streamArn, ShardId: shardId, ShardIteratorType: type, ...(sequenceNumber === undefined ? {} : { SequenceNumber: sequenceNumber }) });
}

function idOf(record: StreamRecord): string | undefined {
  const value = record.dynamodb.Keys.id;
  return value !== undefined && 'S' in value ? value.S : undefined;
}

function readFrom(world: World, streamArn: string, shardId: string): StreamRecord[] {
  const it = unwrap(iterator(world, streamArn, shardId, 'TRIM_HORIZON')).ShardIterator;
  return unwrap(getRecords(world, 'us-east-1', { ShardIterator: it })).Records;
}

describe('stream records (DDB-18)', () => {
  it('writes INSERT, MODIFY and REMOVE with old and new images, shaped as get-records prints them', () => {
    const { world, table, streamArn, shardId } = setUp();
    put(world, table, { id: 'a', n: 1 });
    world.advance(1_000);
    put(world, table, { id: 'a', n: 2 });
    remove(world, table, 'a');
    const records = readFrom(world, streamArn, shardId);
    expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    expect(records[1]).toMatchInlineSnapshot(`
      {
        "awsRegion": "us-east-1",
        "dynamodb": {
          "ApproximateCreationDateTime": "2026-01-01T00:00:01+00:00",
          "Keys": {
            "id": {
              "S": "a",
            },
          },
          "NewImage": {
            "id": {
              "S": "a",
            },
            "n": {
              "N": "2",
            },
          },
          "OldImage": {
            "id": {
              "S": "a",
            },
            "n": {
              "N": "1",
            },
          },
          "SequenceNumber": "100000000000000000001",
          "SizeBytes": 15,
          "StreamViewType": "NEW_AND_OLD_IMAGES",
        },
        "eventID": "31d1976699d5fc5bc03b4b615d6e5f87",
        "eventName": "MODIFY",
        "eventSource": "aws:dynamodb",
        "eventVersion": "1.1",
      }
    `);
  });

  it.each([
    ['KEYS_ONLY', [], []],
    ['NEW_IMAGE', ['NewImage'], ['NewImage']],
    ['OLD_IMAGE', [], ['OldImage']],
    ['NEW_AND_OLD_IMAGES', ['NewImage'], ['NewImage', 'OldImage']],
  ] as const)('a %s stream carries %j on INSERT and %j on MODIFY', (viewType, onInsert, onModify) => {
    const { world, table, streamArn, shardId } = setUp(viewType);
    put(world, table, { id: 'a', n: 1 });
    put(world, table, { id: 'a', n: 2 });
    const [insert, modify] = readFrom(world, streamArn, shardId);
    const images = (r: StreamRecord | undefined) => Object.keys(r?.dynamodb ?? {}).filter((k) => k.endsWith('Image')).sort();
    expect(images(insert)).toEqual(onInsert);
    expect(images(modify)).toEqual(onModify);
    expect(insert?.dynamodb.Keys).toEqual({ id: { S: 'a' } });
  });

  it('writes no record for a put that changes nothing or a delete of a missing item', () => {
    const { world, table, streamArn, shardId } = setUp();
    put(world, table, { id: 'a', n: 1 });
    put(world, table, { n: 1, id: 'a' }); // same data, other attribute order
    remove(world, table, 'missing');
    expect(readFrom(world, streamArn, shardId)).toHaveLength(1);
  });

  it('gives increasing sequence numbers and keeps writes of one item in order', () => {
    const { world, table, streamArn, shardId } = setUp();
    for (let n = 1; n <= 5; n++) put(world, table, { id: n % 2 === 0 ? 'even' : 'odd', n });
    const records = readFrom(world, streamArn, shardId);
    const sequence = records.map((r) => BigInt(r.dynamodb.SequenceNumber));
    expect(sequence).toEqual([...sequence].sort((a, b) => (a < b ? -1 : 1)));
    const odd = records.filter((r) => idOf(r) === 'odd').map((r) => r.dynamodb.NewImage?.n);
    expect(odd).toEqual([{ N: '1' }, { N: '3' }, { N: '5' }]);
  });
});

describe('retention and iterators (DDB-18)', () => {
  it('trims records older than 24 h: TRIM_HORIZON skips them and their sequence number is refused', () => {
    const { world, table, streamArn, shardId } = setUp();
    put(world, table, { id: 'old' });
    const oldSequence = readFrom(world, streamArn, shardId)[0]!.dynamodb.SequenceNumber;
    world.advance(24 * HOUR_MS - 1);
    put(world, table, { id: 'new' });
    expect(readFrom(world, streamArn, shardId).map((r) => idOf(r))).toEqual(['old', 'new']);
    world.advance(1);
    expect(readFrom(world, streamArn, shardId).map((r) => idOf(r))).toEqual(['new']);
    const refused = iterator(world, streamArn, shardId, 'AT_SEQUENCE_NUMBER', oldSequence);
    expect(refused.ok ? undefined : refused.error).toMatchInlineSnapshot(`
      {
        "message": "Sequence number 100000000000000000000 is beyond the trim horizon: records older than 24 hours are no longer available",
        "name": "TrimmedDataAccessException",
        "retryable": false,
        "statusCode": 400,
      }
    `);
  });

  it('gives TRIM_HORIZON on a shard whose records are all past 24 h an iterator at its end, not TrimmedDataAccessException', () => {
    // DDB-18: the exception is for a sequence number older than the trim point, or an iterator that
    // outlived its record (SDK docs of TrimmedDataAccessException); TRIM_HORIZON is "the oldest record
    // still kept", which for a fully trimmed shard is the position the next record will take.
    const { world, table, streamArn, shardId } = setUp();
    put(world, table, { id: 'a' });
    put(world, table, { id: 'b' });
    world.advance(24 * HOUR_MS);
    const horizon = iterator(world, streamArn, shardId, 'TRIM_HORIZON');
    expect(horizon.ok).toBe(true);
    const empty = unwrap(getRecords(world, 'us-east-1', { ShardIterator: unwrap(horizon).ShardIterator }));
    expect(empty.Records).toEqual([]);
    expect(empty.NextShardIterator).toBeDefined();
    put(world, table, { id: 'c' });
    const next = unwrap(getRecords(world, 'us-east-1', { ShardIterator: empty.NextShardIterator! }));
    expect(next.Records.map((r) => idOf(r))).toEqual(['c']);
  });

  it('refuses an iterator whose position was trimmed while it was held', () => {
    const { world, table, streamArn, shardId } = setUp();
    put(world, table, { id: 'a' });
    world.advance(24 * HOUR_MS - 60_000);
    const it = unwrap(iterator(world, streamArn, shardId, 'TRIM_HORIZON')).ShardIterator;
    world.advance(60_000);
    const result = getRecords(world, 'us-east-1', { ShardIterator: it });
    expect(result.ok ? 'ok' : result.error.name).toBe('TrimmedDataAccessException');
  });

  it('LATEST reads only later records; AT_ and AFTER_SEQUENCE_NUMBER start at or after a record', () => {
    const { world, table, streamArn, shardId } = setUp();
    put(world, table, { id: 'a' });
    put(world, table, { id: 'b' });
    const latest = unwrap(iterator(world, streamArn, shardId, 'LATEST')).ShardIterator;
    put(world, table, { id: 'c' });
    const ids = (records: StreamRecord[]) => records.map((r) => idOf(r));
    expect(ids(unwrap(getRecords(world, 'us-east-1', { ShardIterator: latest })).Records)).toEqual(['c']);
    const second = readFrom(world, streamArn, shardId)[1]!.dynamodb.SequenceNumber;
    const at = unwrap(iterator(world, streamArn, shardId, 'AT_SEQUENCE_NUMBER', second)).ShardIterator;
    const after = unwrap(iterator(world, streamArn, shardId, 'AFTER_SEQUENCE_NUMBER', second)).ShardIterator;
    expect(ids(unwrap(getRecords(world, 'us-east-1', { ShardIterator: at })).Records)).toEqual(['b', 'c']);
    expect(ids(unwrap(getRecords(world, 'us-east-1', { ShardIterator: after })).Records)).toEqual(['c']);
  });

  it('follows NextShardIterator page by page with Limit', () => {
    const { world, table, streamArn, shardId } = setUp();
    for (const id of ['a', 'b', 'c']) put(world, table, { id });
    const first = unwrap(getRecords(world, 'us-east-1', { ShardIterator: unwrap(iterator(world, streamArn, shardId, 'TRIM_HORIZON')).ShardIterator, Limit: 2 }));
    const second = unwrap(getRecords(world, 'us-east-1', { ShardIterator: first.NextShardIterator!, Limit: 2 }));
    expect([first.Records.length, second.Records.length]).toEqual([2, 1]);
    expect(second.NextShardIterator).toBeDefined(); // an open shard always gives a next iterator
  });

  it('expires a shard iterator 15 minutes after it was issued (assumption, see model.ts)', () => {
    const { world, streamArn, shardId } = setUp();
    const it = unwrap(iterator(world, streamArn, shardId, 'TRIM_HORIZON')).ShardIterator;
    world.advance(15 * 60_000);
    expect(getRecords(world, 'us-east-1', { ShardIterator: it }).ok).toBe(true);
    world.advance(1);
    const expired = getRecords(world, 'us-east-1', { ShardIterator: it });
    expect(expired.ok ? undefined : expired.error).toMatchInlineSnapshot(`
      {
        "message": "Iterator expired. The iterator was created more than 15 minutes ago",
        "name": "ExpiredIteratorException",
        "retryable": false,
        "statusCode": 400,
      }
    `);
  });
});

describe('disabling and re-enabling (DDB-18)', () => {
  it('gives the new stream a new label and ARN, and keeps the old one readable for 24 h', () => {
    const { world, table, streamArn, shardId } = setUp();
    put(world, table, { id: 'a' });
    world.advance(1_000);
    unwrap(disableStream(world, table));
    put(world, table, { id: 'unseen' }); // no stream is on
    const second = unwrap(enableStream(world, table, 'KEYS_ONLY'));
    expect(second.streamArn).not.toBe(streamArn);
    expect(second.streamLabel).toBe('2026-01-01T00:00:01.000');
    const old = readFrom(world, streamArn, shardId);
    expect(old.map((r) => idOf(r))).toEqual(['a']);
    const oldIterator = unwrap(iterator(world, streamArn, shardId, 'TRIM_HORIZON')).ShardIterator;
    expect(unwrap(getRecords(world, 'us-east-1', { ShardIterator: oldIterator })).NextShardIterator).toBeUndefined(); // closed and read
    const description = unwrap(describeStream(world, 'us-east-1', { StreamArn: streamArn })).StreamDescription;
    expect(description.StreamStatus).toBe('DISABLED');
    expect(unwrap(listStreams(world, 'us-east-1', { TableName: 'Orders' })).Streams).toHaveLength(2);
    world.advance(24 * HOUR_MS);
    expect(unwrap(listStreams(world, 'us-east-1', {})).Streams.map((s) => s.StreamArn)).toEqual([second.streamArn]);
    expect(describeStream(world, 'us-east-1', { StreamArn: streamArn }).ok).toBe(false);
  });
});

describe('list-streams paging', () => {
  it('pages with Limit and LastEvaluatedStreamArn', () => {
    const world = createWorld();
    for (const name of ['A', 'B', 'C']) enableStream(world, createTestTable(world, { name }), 'KEYS_ONLY');
    const first = unwrap(listStreams(world, 'us-east-1', { Limit: 2 }));
    const second = unwrap(listStreams(world, 'us-east-1', { Limit: 2, ExclusiveStartStreamArn: first.LastEvaluatedStreamArn! }));
    expect([first.Streams.map((s) => s.TableName), second.Streams.map((s) => s.TableName)]).toEqual([['A', 'B'], ['C']]);
    expect(second.LastEvaluatedStreamArn).toBeUndefined();
  });
});

describe('ordering property (DDB-18)', () => {
  it('for any writes, each item’s records appear in the order of its effective writes', () => {
    const write = fc.record({ id: fc.constantFrom('a', 'b', 'c'), value: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), gapMs: fc.integer({ min: 0, max: 5_000 }) });
    fc.assert(
      fc.property(fc.array(write, { maxLength: 40 }), (writes) => {
        const { world, table, streamArn, shardId } = setUp();
        const expected = new Map<string, (string | null)[]>();
        for (const w of writes) {
          world.advance(w.gapMs);
          const change = w.value === undefined ? remove(world, table, w.id) : put(world, table, { id: w.id, v: w.value });
          if (JSON.stringify(change.oldImage) !== JSON.stringify(change.newImage)) {
            expected.set(w.id, [...(expected.get(w.id) ?? []), change.newImage?.v && 'N' in change.newImage.v ? change.newImage.v.N : null]);
          }
        }
        const seen = new Map<string, (string | null)[]>();
        for (const r of readFrom(world, streamArn, shardId)) {
          const id = idOf(r) ?? '';
          const value = r.dynamodb.NewImage?.v;
          seen.set(id, [...(seen.get(id) ?? []), value && 'N' in value ? value.N : null]);
        }
        expect(seen).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
