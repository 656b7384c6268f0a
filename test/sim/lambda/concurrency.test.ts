// Proves the concurrency rules with exact counts: reserved concurrency caps a function and 0 throttles
// everything (LAM-12, LAM-14), the account limit of 1,000 (LAM-10), the scaling rate of 1,000 new
// environments per 10 s per function (LAM-11), provisioned concurrency without cold starts up to its
// amount and only on versions or aliases (LAM-13), and the unreserved minimum of 100 (LAM-12).
import { describe, expect, it } from 'vitest';
import {
  deleteProvisionedConcurrencyConfig,
  getProvisionedConcurrencyConfig,
  putFunctionConcurrency,
  putProvisionedConcurrencyConfig,
} from '../../../src/sim/lambda/concurrency-operations.js';
import { lambdaState } from '../../../src/sim/lambda/model.js';
import { createAlias } from '../../../src/sim/lambda/aliases.js';
import { publishVersion } from '../../../src/sim/lambda/operations.js';
import type { World } from '../../../src/sim/world.js';
import { expectError, expectOk, invokeSync, makeFunction, newWorld, runs } from './fixtures.js';

/** Starts `count` overlapping 60-s invocations; returns how many were throttled, by reason. */
function burst(world: World, name: string, count: number, extra = {}): Record<string, number> {
  const throttled: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const result = invokeSync(world, name, { sleepMs: 60_000 }, extra);
    if (!result.ok) {
      const reason = String(result.error.details?.['Reason']);
      throttled[reason] = (throttled[reason] ?? 0) + 1;
    }
  }
  return throttled;
}

const sleeper = (world: World, name: string) => makeFunction(world, name, { Handler: 'catalog.sleep', Timeout: 900 });

describe('reserved concurrency (LAM-12)', () => {
  it('0 throttles every invocation with 429 ReservedFunctionConcurrentInvocationLimitExceeded', () => {
    const world = newWorld();
    makeFunction(world, 'off');
    expectOk(putFunctionConcurrency(world, { FunctionName: 'off', ReservedConcurrentExecutions: 0 }));
    const error = expectError(invokeSync(world, 'off'));
    expect(error).toMatchInlineSnapshot(`
      {
        "details": {
          "Reason": "ReservedFunctionConcurrentInvocationLimitExceeded",
          "Type": "User",
        },
        "message": "Rate Exceeded.",
        "name": "TooManyRequestsException",
        "retryable": true,
        "statusCode": 429,
      }
    `);
    expect(runs(world)).toHaveLength(0);
  });

  it('caps the function: the 11th overlapping call of a function reserved at 10 is throttled', () => {
    const world = newWorld();
    sleeper(world, 'capped');
    expectOk(putFunctionConcurrency(world, { FunctionName: 'capped', ReservedConcurrentExecutions: 10 }));
    expect(burst(world, 'capped', 11)).toEqual({ ReservedFunctionConcurrentInvocationLimitExceeded: 1 });
  });

  it('refuses a reservation that leaves fewer than 100 unreserved', () => {
    const world = newWorld();
    makeFunction(world, 'a');
    makeFunction(world, 'b');
    expectOk(putFunctionConcurrency(world, { FunctionName: 'a', ReservedConcurrentExecutions: 850 }));
    const error = expectError(putFunctionConcurrency(world, { FunctionName: 'b', ReservedConcurrentExecutions: 51 }));
    expect([error.name, error.statusCode, error.message]).toMatchInlineSnapshot(`
      [
        "InvalidParameterValueException",
        400,
        "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].",
      ]
    `);
    expectOk(putFunctionConcurrency(world, { FunctionName: 'b', ReservedConcurrentExecutions: 50 }));
  });

  it('takes the reservation out of the shared pool for the other functions', () => {
    const world = newWorld();
    sleeper(world, 'reserved');
    sleeper(world, 'shared');
    expectOk(putFunctionConcurrency(world, { FunctionName: 'reserved', ReservedConcurrentExecutions: 400 }));
    expect(burst(world, 'shared', 601)).toEqual({ ConcurrentInvocationLimitExceeded: 1 });
    expect(burst(world, 'reserved', 400)).toEqual({});
  });
});

describe('account limit (LAM-10)', () => {
  it('allows 1,000 concurrent executions and throttles the 1,001st with ConcurrentInvocationLimitExceeded', () => {
    const world = newWorld();
    sleeper(world, 'a');
    sleeper(world, 'b');
    expect(burst(world, 'a', 600)).toEqual({});
    expect(burst(world, 'b', 401)).toEqual({ ConcurrentInvocationLimitExceeded: 1 });
    world.advance(61_000); // 60 s of sleep plus the cold start's INIT
    expect(burst(world, 'b', 1)).toEqual({});
  });
});

describe('scaling rate (LAM-11)', () => {
  it('adds at most 1,000 environments at once, then 100 per second per function', () => {
    const world = newWorld();
    lambdaState(world).accountConcurrencyLimit = 10_000;
    sleeper(world, 'spiky');
    sleeper(world, 'other');
    expect(burst(world, 'spiky', 1_001)).toEqual({ FunctionInvocationRateLimitExceeded: 1 });
    world.advance(1_000);
    expect(burst(world, 'spiky', 101)).toEqual({ FunctionInvocationRateLimitExceeded: 1 });
    world.advance(10_000);
    expect(burst(world, 'spiky', 1_001)).toEqual({ FunctionInvocationRateLimitExceeded: 1 });
    expect(burst(world, 'other', 1_000)).toEqual({}); // each function scales independently
  });

  it('does not accumulate unused scaling rate beyond 1,000', () => {
    const world = newWorld();
    lambdaState(world).accountConcurrencyLimit = 10_000;
    sleeper(world, 'idle');
    world.advance(600_000);
    expect(burst(world, 'idle', 1_001)).toEqual({ FunctionInvocationRateLimitExceeded: 1 });
  });
});

describe('provisioned concurrency (LAM-13)', () => {
  function withProvisioned(world: World, amount: number): void {
    sleeper(world, 'api');
    expectOk(publishVersion(world, { FunctionName: 'api' }));
    expectOk(createAlias(world, { FunctionName: 'api', Name: 'live', FunctionVersion: '1' }));
    expectOk(putProvisionedConcurrencyConfig(world, { FunctionName: 'api', Qualifier: 'live', ProvisionedConcurrentExecutions: amount }));
  }

  it('serves up to its amount without cold starts, then spills over to cold on-demand environments', () => {
    const world = newWorld();
    withProvisioned(world, 3);
    for (let i = 0; i < 5; i++) expectOk(invokeSync(world, 'api', { sleepMs: 1_000 }, { qualifier: 'live' }));
    expect(runs(world).map((event) => event.detail['start'])).toEqual(['provisioned', 'provisioned', 'provisioned', 'cold', 'cold']);
    expect(runs(world).map((event) => event.detail['initMs'] === 0)).toEqual([true, true, true, false, false]);
  });

  it('serves the alias only: $LATEST still starts cold', () => {
    const world = newWorld();
    withProvisioned(world, 2);
    expectOk(invokeSync(world, 'api:live', { sleepMs: 10 }));
    expectOk(invokeSync(world, 'api', { sleepMs: 10 }));
    expect(runs(world).map((event) => [event.detail['start'], event.detail['version']])).toEqual([['provisioned', '1'], ['cold', '$LATEST']]);
  });

  it('can be read back and deleted, after which the alias starts cold', () => {
    const world = newWorld();
    withProvisioned(world, 1);
    expect(expectOk(getProvisionedConcurrencyConfig(world, { FunctionName: 'api', Qualifier: 'live' }))).toMatchObject({ AllocatedProvisionedConcurrentExecutions: 1, Status: 'READY' });
    expectOk(deleteProvisionedConcurrencyConfig(world, { FunctionName: 'api', Qualifier: 'live' }));
    expectOk(invokeSync(world, 'api:live', { sleepMs: 10 }));
    expect(runs(world).map((event) => event.detail['start'])).toEqual(['cold']);
    const error = expectError(getProvisionedConcurrencyConfig(world, { FunctionName: 'api', Qualifier: 'live' }));
    expect([error.name, error.statusCode, error.message]).toMatchInlineSnapshot(`
      [
        "ProvisionedConcurrencyConfigNotFoundException",
        404,
        "No Provisioned Concurrency Config found for this function",
      ]
    `);
  });

  it('cannot be put on $LATEST', () => {
    const world = newWorld();
    makeFunction(world, 'api');
    const error = expectError(putProvisionedConcurrencyConfig(world, { FunctionName: 'api', Qualifier: '$LATEST', ProvisionedConcurrentExecutions: 1 }));
    expect([error.name, error.statusCode, error.message]).toMatchInlineSnapshot(`
      [
        "InvalidParameterValueException",
        400,
        "Provisioned Concurrency Configs cannot be applied to unpublished function versions.",
      ]
    `);
  });
});
