// Proves the async queue on the world clock: a failing event runs at t, ~t+60 s and ~t+180 s (2 retries,
// LAM-15), then goes to the DLQ and the on-failure destination with RetriesExhausted and
// approximateInvokeCount 3 (LAM-16); MaximumRetryAttempts 0; MaximumEventAgeInSeconds expiry with
// EventAgeExceeded (LAM-16); throttled events wait with backoff and run later (LAM-15); successes reach
// the on-success destination.
import { describe, expect, it } from 'vitest';
import { putFunctionConcurrency, putFunctionEventInvokeConfig } from '../../../src/sim/lambda/concurrency-operations.js';
import { invoke } from '../../../src/sim/lambda/invoke.js';
import { lambdaState } from '../../../src/sim/lambda/model.js';
import type { World } from '../../../src/sim/world.js';
import { expectOk, invokeSync, makeFunction, newWorld, runs } from './fixtures.js';

const DLQ = 'arn:aws:sqs:us-east-1:123456789012:dlq';
const ON_FAILURE = 'arn:aws:sqs:us-east-1:123456789012:failures';
const ON_SUCCESS = 'arn:aws:sqs:us-east-1:123456789012:successes';

function sendEvent(world: World, name: string, payload: unknown = {}): void {
  expect(expectOk(invoke(world, { functionName: name, invocationType: 'Event', payload: JSON.stringify(payload) })).statusCode).toBe(202);
}

function endings(world: World) {
  return world.trace.all().filter((event) => event.operation === 'async-event-finished').map((event) => [event.outcome, event.detail['attempts']]);
}

function failingFunction(world: World): void {
  makeFunction(world, 'broken', { Handler: 'catalog.throw', DeadLetterConfig: { TargetArn: DLQ } });
  expectOk(putFunctionEventInvokeConfig(world, { FunctionName: 'broken', DestinationConfig: { OnFailure: { Destination: ON_FAILURE } } }));
}

describe('async function errors (LAM-15, LAM-16)', () => {
  it('tries at t, ~t+60 s and ~t+180 s, then sends RetriesExhausted with approximateInvokeCount 3', () => {
    const world = newWorld();
    failingFunction(world);
    const t = world.nowMs;
    sendEvent(world, 'broken', { order: 42 });
    world.advance(10 * 60_000);
    const attempts = runs(world);
    expect(attempts).toHaveLength(3);
    const ends = attempts.map((event) => event.timeMs + (event.detail['initMs'] as number) + (event.detail['durationMs'] as number));
    expect(attempts[0]!.timeMs).toBe(t);
    // Each wait starts when the failed attempt ends: ~1 min, then ~2 min (jitter below 1 s).
    const firstWaitMs = attempts[1]!.timeMs - ends[0]!;
    const secondWaitMs = attempts[2]!.timeMs - ends[1]!;
    expect(firstWaitMs).toBeGreaterThanOrEqual(60_000);
    expect(firstWaitMs).toBeLessThan(61_000);
    expect(secondWaitMs).toBeGreaterThanOrEqual(120_000);
    expect(secondWaitMs).toBeLessThan(121_000);
    expect(attempts[2]!.timeMs - t).toBeGreaterThanOrEqual(180_000);
    expect(attempts[2]!.timeMs - t).toBeLessThan(183_000);
    expect(endings(world)).toEqual([['retries-exhausted', 3]]);
    const deliveries = lambdaState(world).deliveries;
    expect(deliveries.map((delivery) => [delivery.kind, delivery.targetArn])).toEqual([['on-failure', ON_FAILURE], ['dead-letter-queue', DLQ]]);
    expect(deliveries[0]!.record).toMatchObject({
      requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: 3, functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:broken:$LATEST' },
      requestPayload: { order: 42 },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: 'Error', errorMessage: 'Simulated unhandled exception' },
    });
    expect(deliveries[1]!.record).toEqual({ payload: { order: 42 }, requestId: 'event-000001', errorCode: 200, errorMessage: 'Simulated unhandled exception' });
  });

  it('with MaximumRetryAttempts 0 gives up after the first attempt', () => {
    const world = newWorld();
    failingFunction(world);
    expectOk(putFunctionEventInvokeConfig(world, { FunctionName: 'broken', MaximumRetryAttempts: 0, DestinationConfig: { OnFailure: { Destination: ON_FAILURE } } }));
    sendEvent(world, 'broken');
    world.advance(10 * 60_000);
    expect(runs(world)).toHaveLength(1);
    expect(endings(world)).toEqual([['retries-exhausted', 1]]);
    expect(lambdaState(world).deliveries[0]!.record).toMatchObject({ requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: 1 } });
  });

  it('treats a timeout as a function error and retries it', () => {
    const world = newWorld();
    makeFunction(world, 'hang', { Handler: 'catalog.hang' });
    sendEvent(world, 'hang');
    world.advance(10 * 60_000);
    expect(runs(world).map((event) => event.detail['result'])).toEqual(['timeout', 'timeout', 'timeout']);
  });

  it('rejects settings outside MaximumRetryAttempts 0–2 and MaximumEventAgeInSeconds 60–21,600', () => {
    const world = newWorld();
    makeFunction(world, 'f');
    const result = putFunctionEventInvokeConfig(world, { FunctionName: 'f', MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 59 });
    expect(result.ok ? undefined : result.error.message).toMatchInlineSnapshot(`"2 validation errors detected: Value '3' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2; Value '59' at 'maximumEventAgeInSeconds' failed to satisfy constraint: Member must have value greater than or equal to 60"`);
  });
});

describe('event age (LAM-16)', () => {
  it('discards an event whose retry would come after MaximumEventAgeInSeconds with EventAgeExceeded', () => {
    const world = newWorld();
    failingFunction(world);
    expectOk(putFunctionEventInvokeConfig(world, { FunctionName: 'broken', MaximumEventAgeInSeconds: 60, DestinationConfig: { OnFailure: { Destination: ON_FAILURE } } }));
    const t = world.nowMs;
    sendEvent(world, 'broken');
    world.advance(10 * 60_000);
    expect(runs(world)).toHaveLength(1);
    const finished = world.trace.all().find((event) => event.operation === 'async-event-finished')!;
    expect([finished.outcome, finished.timeMs - t]).toEqual(['event-age-exceeded', 60_000]);
    expect(lambdaState(world).deliveries[0]!.record).toMatchObject({ requestContext: { condition: 'EventAgeExceeded', approximateInvokeCount: 1 } });
  });

  it('keeps retrying a throttled event until the default 6 h age, then discards it', () => {
    const world = newWorld();
    makeFunction(world, 'off');
    expectOk(putFunctionConcurrency(world, { FunctionName: 'off', ReservedConcurrentExecutions: 0 }));
    const t = world.nowMs;
    sendEvent(world, 'off');
    world.advance(7 * 3_600_000);
    const finished = world.trace.all().find((event) => event.operation === 'async-event-finished')!;
    expect([finished.outcome, finished.timeMs - t, finished.detail['attempts']]).toEqual(['event-age-exceeded', 21_600_000, 0]);
  });
});

describe('throttled async events (LAM-15)', () => {
  it('queues an event throttled by the concurrency limit and runs it once capacity frees up', () => {
    const world = newWorld();
    makeFunction(world, 'busy', { Handler: 'catalog.sleep', Timeout: 60 });
    expectOk(putFunctionConcurrency(world, { FunctionName: 'busy', ReservedConcurrentExecutions: 1 }));
    expectOk(invokeSync(world, 'busy', { sleepMs: 30_000 }));
    const sync = invokeSync(world, 'busy', { sleepMs: 10 });
    expect(sync.ok ? 200 : sync.error.statusCode).toBe(429);
    sendEvent(world, 'busy', { sleepMs: 10 });
    world.advance(5 * 60_000);
    const throttles = world.trace.all().filter((event) => event.outcome === 'TooManyRequestsException' && event.detail['source'] === 'async');
    expect(throttles.length).toBeGreaterThanOrEqual(4); // 1 s, 2 s, 4 s, 8 s, 16 s ... until the 30-s run ends
    const asyncRun = runs(world).find((event) => event.detail['source'] === 'async')!;
    expect(asyncRun.timeMs - runs(world)[0]!.timeMs).toBeGreaterThan(30_000);
    expect(endings(world)).toEqual([['success', 1]]);
  });
});

describe('on-success destination (LAM-16)', () => {
  it('receives a Success record', () => {
    const world = newWorld();
    makeFunction(world, 'ok');
    expectOk(putFunctionEventInvokeConfig(world, { FunctionName: 'ok', DestinationConfig: { OnSuccess: { Destination: ON_SUCCESS } } }));
    sendEvent(world, 'ok', { a: 1 });
    world.advance(0);
    expect(lambdaState(world).deliveries.map((delivery) => [delivery.kind, delivery.record])).toMatchObject([
      ['on-success', { requestContext: { condition: 'Success', approximateInvokeCount: 1 }, responsePayload: { a: 1 } }],
    ]);
  });
});
