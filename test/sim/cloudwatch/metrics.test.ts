// Proves Lambda's metrics derived from the trace: Invocations, Errors, Throttles and Duration per
// function, per Resource (alias) and per ExecutedVersion (the version a weighted alias picked), with
// the statistics Sum, Average, SampleCount, Minimum and Maximum over epoch-aligned periods.
import { describe, expect, it } from 'vitest';
import { datapoints, type MetricQuery, type Statistic } from '../../../src/sim/cloudwatch/metrics.js';
import { createAlias } from '../../../src/sim/lambda/aliases.js';
import { putFunctionConcurrency } from '../../../src/sim/lambda/concurrency-operations.js';
import { publishVersion, updateFunctionConfiguration } from '../../../src/sim/lambda/operations.js';
import type { World } from '../../../src/sim/world.js';
import { expectOk, invokeSync, makeFunction, newWorld } from '../lambda/fixtures.js';

const MINUTE_MS = 60_000;

function query(metricName: string, dimensions: Record<string, string>): MetricQuery {
  return { namespace: 'AWS/Lambda', metricName, dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })) };
}

function lastMinute(world: World, metricName: string, statistic: Statistic, dimensions: Record<string, string>): number | undefined {
  return datapoints(world, query(metricName, dimensions), statistic, { startMs: world.nowMs - MINUTE_MS, periodMs: MINUTE_MS, count: 1 })[0];
}

/** orders: v1 echo (2 ms), v2 fail (3 ms), alias live → 1 with half the traffic on 2; 40 calls through it, 3 unqualified. */
function busyWorld(): World {
  const world = newWorld(21);
  makeFunction(world, 'orders');
  expectOk(publishVersion(world, { FunctionName: 'orders' }));
  expectOk(updateFunctionConfiguration(world, { FunctionName: 'orders', Handler: 'catalog.fail' }));
  expectOk(publishVersion(world, { FunctionName: 'orders' }));
  expectOk(createAlias(world, { FunctionName: 'orders', Name: 'live', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '2': 0.5 } } }));
  for (let i = 0; i < 40; i++) {
    world.advance(1_000);
    expectOk(invokeSync(world, 'orders:live'));
  }
  for (let i = 0; i < 3; i++) expectOk(invokeSync(world, 'orders'));
  world.advance(MINUTE_MS - 40_000); // now exactly one minute after the start: all calls are in the last minute
  return world;
}

describe('Lambda metrics from the trace', () => {
  it('counts per function, per alias (Resource) and per ExecutedVersion', () => {
    const world = busyWorld();
    const live = { FunctionName: 'orders', Resource: 'orders:live' };
    const version2 = lastMinute(world, 'Invocations', 'Sum', { ...live, ExecutedVersion: '2' }) ?? 0;
    expect(lastMinute(world, 'Invocations', 'Sum', { FunctionName: 'orders' })).toBe(43);
    expect(lastMinute(world, 'Invocations', 'Sum', live)).toBe(40);
    expect(lastMinute(world, 'Invocations', 'Sum', { FunctionName: 'orders', Resource: 'orders' })).toBe(3);
    expect(version2).toMatchInlineSnapshot(`16`);
    expect(lastMinute(world, 'Errors', 'Sum', live)).toBe(version2); // version 2 always fails
    expect(lastMinute(world, 'Errors', 'Average', live)).toBe(version2 / 40);
    expect(lastMinute(world, 'Duration', 'Maximum', live)).toBe(3);
    expect(lastMinute(world, 'Duration', 'Minimum', live)).toBe(2);
    expect(lastMinute(world, 'Duration', 'SampleCount', live)).toBe(40);
    expect(lastMinute(world, 'Invocations', 'Sum', { FunctionName: 'other' })).toBeUndefined();
    expect(lastMinute(world, 'Invocations', 'Sum', { Unknown: 'x' })).toBeUndefined();
  });

  it('counts throttles, which are not invocations', () => {
    const world = newWorld(3);
    makeFunction(world, 'f');
    expectOk(putFunctionConcurrency(world, { FunctionName: 'f', ReservedConcurrentExecutions: 0 }));
    for (let i = 0; i < 4; i++) invokeSync(world, 'f');
    world.advance(MINUTE_MS);
    expect(lastMinute(world, 'Throttles', 'Sum', { FunctionName: 'f' })).toBe(4);
    expect(lastMinute(world, 'Invocations', 'Sum', { FunctionName: 'f' })).toBeUndefined();
  });

  it('puts samples into epoch-aligned periods and leaves empty periods without data', () => {
    const world = newWorld(3);
    makeFunction(world, 'f');
    world.advance(30_000);
    expectOk(invokeSync(world, 'f')); // 00:00:30
    world.advance(60_000);
    expectOk(invokeSync(world, 'f')); // 00:01:30
    expectOk(invokeSync(world, 'f'));
    world.advance(90_000); // 00:03:00
    const values = datapoints(world, query('Invocations', { FunctionName: 'f' }), 'Sum', { startMs: world.nowMs - 3 * MINUTE_MS, periodMs: MINUTE_MS, count: 3 });
    expect(values).toEqual([1, 2, undefined]);
    expect(datapoints(world, { ...query('Invocations', {}), namespace: 'AWS/DynamoDB' }, 'Sum', { startMs: 0, periodMs: MINUTE_MS, count: 1 })).toEqual([undefined]);
  });
});
