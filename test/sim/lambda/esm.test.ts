// Proves the DynamoDB stream event source mapping against a fake stream port: defaults and limits of
// LAM-19, batches of BatchSize in order, the batching window, a failing batch blocking the shard until
// MaximumRetryAttempts runs out (then the on-failure destination), bisecting a failing batch, and
// retrying by default until the records pass the stream's 24-h retention (DDB-18).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteFunctionConcurrency, putFunctionConcurrency } from '../../../src/sim/lambda/concurrency-operations.js';
import { createEventSourceMapping } from '../../../src/sim/lambda/esm.js';
import { wakeEventSourceMappings } from '../../../src/sim/lambda/esm-poller.js';
import { lambdaState } from '../../../src/sim/lambda/model.js';
import { registerLambdaPorts, type LambdaServicePorts, type StreamRecordForLambda } from '../../../src/sim/lambda/ports.js';
import { ok } from '../../../src/sim/result.js';
import type { World } from '../../../src/sim/world.js';
import { expectError, expectOk, makeFunction, newWorld, runs } from './fixtures.js';

const STREAM = 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2026-01-01T00:00:00.000';
const FAILURES = 'arn:aws:sqs:us-east-1:123456789012:stream-failures';

/** A fake one-shard stream: positions are indexes into `records`. */
let records: StreamRecordForLambda[] = [];
let previous: LambdaServicePorts;

/** Appends records to the fake stream and, like the world wiring will, wakes the stream's mappings. */
function write(world: World, count: number, { wake = true } = {}): void {
  for (let i = 0; i < count; i++) {
    const n = records.length;
    records.push({ sequenceNumber: String(100 + n), approximateCreationTimeMs: world.nowMs, record: { eventName: 'INSERT', dynamodb: { Keys: { id: { S: String(n) } } } } });
  }
  if (wake) wakeEventSourceMappings(world, STREAM);
}

beforeEach(() => {
  records = [];
  previous = registerLambdaPorts({
    readStreamRecords: (_world, _arn, position, limit) => {
      const start = position === 'TRIM_HORIZON' ? 0 : position === 'LATEST' ? records.length : Number(position);
      const slice = records.slice(start, start + limit);
      return ok({ records: slice, nextPosition: String(start + slice.length) });
    },
  });
});
afterEach(() => registerLambdaPorts(previous));

/** Maps the fake stream to the function `consumer` (TRIM_HORIZON unless told otherwise). */
function mapStream(world: World, members: Record<string, unknown> = {}) {
  return expectOk(createEventSourceMapping(world, { FunctionName: 'consumer', EventSourceArn: STREAM, StartingPosition: 'TRIM_HORIZON', ...members }));
}

function batchSizes(world: World): number[] {
  return world.trace.all().filter((event) => event.operation === 'esm-batch').map((event) => event.detail['records'] as number);
}

describe('event source mapping from a DynamoDB stream (LAM-19)', () => {
  it('applies the defaults: batch 100, window 0, retries −1, record age −1, no bisect', () => {
    const world = newWorld();
    makeFunction(world, 'consumer');
    const mapping = mapStream(world);
    expect(mapping).toMatchObject({ BatchSize: 100, MaximumBatchingWindowInSeconds: 0, MaximumRetryAttempts: -1, MaximumRecordAgeInSeconds: -1, BisectBatchOnFunctionError: false, State: 'Enabled' });
  });

  it('refuses a batch size above 10,000', () => {
    const world = newWorld();
    makeFunction(world, 'consumer');
    const error = expectError(createEventSourceMapping(world, { FunctionName: 'consumer', EventSourceArn: STREAM, StartingPosition: 'LATEST', BatchSize: 10_001 }));
    expect(error.message).toMatchInlineSnapshot(`"1 validation error detected: Value '10001' at 'batchSize' failed to satisfy constraint: Member must have value less than or equal to 10000"`);
  });

  it('delivers records in batches of BatchSize, in order', () => {
    const world = newWorld();
    makeFunction(world, 'consumer');
    write(world, 250);
    mapStream(world);
    world.advance(5_000);
    expect(batchSizes(world)).toEqual([100, 100, 50]);
    write(world, 3);
    world.advance(2_000);
    expect(batchSizes(world)).toEqual([100, 100, 50, 3]);
  });

  it('finds new records within a minute when nothing wakes it (idle poll)', () => {
    const world = newWorld();
    makeFunction(world, 'consumer');
    mapStream(world, { StartingPosition: 'LATEST' });
    world.advance(1_000);
    write(world, 2, { wake: false });
    world.advance(58_000);
    expect(batchSizes(world)).toEqual([]);
    world.advance(2_000);
    expect(batchSizes(world)).toEqual([2]);
  });

  it('idles for days without firing a timer per second', () => {
    const world = newWorld();
    makeFunction(world, 'consumer');
    mapStream(world, { StartingPosition: 'LATEST' });
    world.advance(30 * 24 * 3_600_000); // 43,200 idle polls, below MAX_TIMERS_PER_ADVANCE
    write(world, 1);
    world.advance(1);
    expect(batchSizes(world)).toEqual([1]);
  });

  it('waits up to the batching window to fill a batch', () => {
    const world = newWorld();
    makeFunction(world, 'consumer');
    mapStream(world, { BatchSize: 10, MaximumBatchingWindowInSeconds: 5 });
    world.advance(1_000);
    write(world, 4);
    world.advance(4_000);
    expect(batchSizes(world)).toEqual([]);
    world.advance(2_000);
    expect(batchSizes(world)).toEqual([4]);
  });

  it('blocks the shard on a failing batch, then gives up after MaximumRetryAttempts', () => {
    const world = newWorld();
    makeFunction(world, 'consumer', { Handler: 'catalog.throw' });
    write(world, 5);
    mapStream(world, { MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: FAILURES } } });
    world.advance(60_000);
    expect(runs(world)).toHaveLength(3); // the first try and 2 retries
    expect(world.trace.all().filter((event) => event.operation === 'esm-batch-discarded').map((event) => event.outcome)).toEqual(['RetryAttemptsExhausted']);
    expect(lambdaState(world).deliveries[0]).toMatchObject({
      kind: 'on-failure',
      targetArn: FAILURES,
      record: { requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3 }, DDBStreamBatchInfo: { batchSize: 5, startSequenceNumber: '100', endSequenceNumber: '104' } },
    });
  });

  it('bisects a failing batch into halves', () => {
    const world = newWorld();
    makeFunction(world, 'consumer', { Handler: 'catalog.throw' });
    write(world, 8);
    mapStream(world, { BisectBatchOnFunctionError: true, MaximumRetryAttempts: 0 });
    world.advance(60_000);
    expect(batchSizes(world).slice(0, 3)).toEqual([8, 4, 2]);
  });

  it('does not count throttles as retries, and backs off while throttled', () => {
    const world = newWorld();
    makeFunction(world, 'consumer');
    expectOk(putFunctionConcurrency(world, { FunctionName: 'consumer', ReservedConcurrentExecutions: 0 }));
    write(world, 1);
    mapStream(world, { MaximumRetryAttempts: 0 });
    world.advance(3_600_000);
    const throttles = world.trace.all().filter((event) => event.outcome === 'TooManyRequestsException').length;
    expect(throttles).toBeLessThan(70); // 1 s, 2 s, 4 s ... then once a minute
    expect(world.trace.all().some((event) => event.operation === 'esm-batch-discarded')).toBe(false);
    expectOk(deleteFunctionConcurrency(world, { FunctionName: 'consumer' }));
    world.advance(60_000);
    expect(batchSizes(world)).toEqual([1]);
  });

  it('discards a batch older than MaximumRecordAgeInSeconds with RecordAgeExceeded', () => {
    const world = newWorld();
    makeFunction(world, 'consumer', { Handler: 'catalog.throw' });
    write(world, 2);
    const t = world.nowMs;
    mapStream(world, { MaximumRecordAgeInSeconds: 60 });
    world.advance(120_000);
    const discarded = world.trace.all().find((event) => event.operation === 'esm-batch-discarded')!;
    expect([discarded.outcome, discarded.timeMs - t]).toEqual(['RecordAgeExceeded', 60_000]);
  });

  it('records a port error and tries again a minute later', () => {
    const world = newWorld();
    makeFunction(world, 'consumer');
    registerLambdaPorts(previous); // the unwired default ports
    mapStream(world, { StartingPosition: 'LATEST' });
    world.advance(60_000);
    const errors = world.trace.all().filter((event) => event.operation === 'esm-poll');
    expect(errors.map((event) => [event.outcome, event.detail['message']])).toMatchInlineSnapshot(`
      [
        [
          "ServiceException",
          "The simulator has no DynamoDB Streams reader wired to Lambda in this world.",
        ],
        [
          "ServiceException",
          "The simulator has no DynamoDB Streams reader wired to Lambda in this world.",
        ],
      ]
    `);
  });

  it('retries by default until the records pass the 24-h stream retention', () => {
    const world = newWorld();
    makeFunction(world, 'consumer', { Handler: 'catalog.throw' });
    write(world, 1);
    const t = world.nowMs;
    mapStream(world);
    world.advance(23 * 3_600_000);
    expect(world.trace.all().some((event) => event.operation === 'esm-batch-discarded')).toBe(false);
    world.advance(2 * 3_600_000);
    const discarded = world.trace.all().find((event) => event.operation === 'esm-batch-discarded')!;
    expect(discarded.outcome).toBe('RecordAgeExceeded');
    expect(discarded.timeMs - t).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(discarded.timeMs - t).toBeLessThan(24 * 3_600_000 + 2_000);
  });
});
