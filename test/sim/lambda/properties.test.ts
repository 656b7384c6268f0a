// Invariants of the Lambda model, checked with fast-check over random mixes of sync calls, async events
// and clock moves: the same seed and the same calls give the same trace (also across a snapshot and
// restore); concurrency in use never exceeds the account limit (LAM-10) nor a function's reserved
// concurrency (LAM-12); and every async event ends exactly once (LAM-15, LAM-16).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { putFunctionConcurrency } from '../../../src/sim/lambda/concurrency-operations.js';
import { invoke } from '../../../src/sim/lambda/invoke.js';
import { busyEnvironmentCount, lambdaState } from '../../../src/sim/lambda/model.js';
import { createWorld, restoreWorld, type World } from '../../../src/sim/world.js';
import { expectOk, makeFunction } from './fixtures.js';

type Step =
  | { readonly type: 'sync' | 'event'; readonly fn: number; readonly sleepMs: number }
  | { readonly type: 'advance'; readonly ms: number };

const FUNCTIONS = ['sleeper', 'flaky', 'thrower', 'reserved'] as const;

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ type: fc.constantFrom('sync' as const, 'event' as const), fn: fc.integer({ min: 0, max: 3 }), sleepMs: fc.integer({ min: 0, max: 5_000 }) }),
  fc.record({ type: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 120_000 }) }),
);

/** A world with a small account limit (150) so random runs reach it. */
function setUp(seed: number): World {
  const world = createWorld({ seed });
  lambdaState(world).accountConcurrencyLimit = 150;
  makeFunction(world, 'sleeper', { Handler: 'catalog.sleep', Timeout: 4 });
  makeFunction(world, 'flaky', { Handler: 'catalog.flaky' });
  makeFunction(world, 'thrower', { Handler: 'catalog.throw' });
  makeFunction(world, 'reserved', { Handler: 'catalog.sleep', Timeout: 10 });
  expectOk(putFunctionConcurrency(world, { FunctionName: 'reserved', ReservedConcurrentExecutions: 2 }));
  return world;
}

function apply(world: World, step: Step): void {
  if (step.type === 'advance') return world.advance(step.ms);
  const payload = JSON.stringify({ sleepMs: step.sleepMs });
  invoke(world, { functionName: FUNCTIONS[step.fn]!, invocationType: step.type === 'sync' ? 'RequestResponse' : 'Event', payload });
}

/** Many copies of each step so the limits are reached. */
function amplified(steps: readonly Step[]): Step[] {
  return steps.flatMap((step): Step[] => (step.type === 'advance' ? [step] : Array.from({ length: 20 }, () => step)));
}

describe('Lambda invariants', () => {
  it('gives the same trace for the same seed and calls, also after a snapshot and restore', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), fc.array(stepArbitrary, { maxLength: 30 }), fc.nat(30), (seed, steps, cut) => {
        const first = setUp(seed);
        const second = setUp(seed);
        for (const step of steps) apply(first, step);
        steps.slice(0, cut).forEach((step) => apply(second, step));
        const resumed = restoreWorld(second.snapshot());
        steps.slice(cut).forEach((step) => apply(resumed, step));
        first.advance(7 * 3_600_000);
        resumed.advance(7 * 3_600_000);
        expect(JSON.stringify(resumed.trace.all())).toBe(JSON.stringify(first.trace.all()));
      }),
      { numRuns: 40 },
    );
  });

  it('never has more in use than the account limit or a function’s reserved concurrency', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), fc.array(stepArbitrary, { maxLength: 25 }), (seed, steps) => {
        const world = setUp(seed);
        const state = lambdaState(world);
        for (const step of amplified(steps)) {
          apply(world, step);
          const inUse = [...state.functions.values()].map((fn) => busyEnvironmentCount(fn, world.nowMs));
          expect(inUse.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(150);
          expect(busyEnvironmentCount(state.functions.get('reserved')!, world.nowMs)).toBeLessThanOrEqual(2);
        }
        for (const event of world.trace.all()) {
          if (event.detail['concurrencyInUse'] !== undefined) expect(event.detail['concurrencyInUse']).toBeLessThanOrEqual(150);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('ends every async event exactly once: success, retries exhausted or event age exceeded', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), fc.array(stepArbitrary, { maxLength: 25 }), (seed, steps) => {
        const world = setUp(seed);
        for (const step of amplified(steps)) apply(world, step);
        world.advance(7 * 3_600_000); // past the 6-h maximum event age (LAM-16)
        const queued = world.trace.all().filter((event) => event.operation === 'async-event-queued').map((event) => event.detail['eventId']);
        const finished = world.trace.all().filter((event) => event.operation === 'async-event-finished');
        expect(finished.map((event) => event.detail['eventId']).sort()).toEqual([...queued].sort());
        expect(new Set(finished.map((event) => event.outcome)).size).toBeLessThanOrEqual(3);
        for (const event of finished) expect(['success', 'retries-exhausted', 'event-age-exceeded']).toContain(event.outcome);
        expect(lambdaState(world).asyncEvents.size).toBe(0);
      }),
      { numRuns: 30 },
    );
  });
});
