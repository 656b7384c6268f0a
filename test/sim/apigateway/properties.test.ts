// Proves determinism: the same seed and the same random request sequence (methods, paths, headers,
// clock moves) give byte-identical responses and traces, also when replayed on a restored snapshot.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invokeApi } from '../../../src/sim/apigateway/invoke-api.js';
import { restoreWorld, type World } from '../../../src/sim/world.js';
import { allowHeaderAuthorizer, makeFunction, newWorld, restApi } from './fixtures.js';

type Step = { kind: 'request'; path: string; auth: string; fresh: boolean } | { kind: 'advance'; ms: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('request' as const), path: fc.constantFrom('/orders', '/orders/1', '/orders/2', '/nope', '/prod/orders'), auth: fc.constantFrom('allow', 'deny'), fresh: fc.boolean() }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 400_000 }) }),
);

function setUp(): World {
  const world = newWorld(11);
  makeFunction(world, 'orders');
  makeFunction(world, 'flaky', { Handler: 'catalog.flaky' });
  restApi(world, {
    authorizers: [{ type: 'TOKEN', name: 't', functionName: 'a', identitySource: 'method.request.header.Authorization', resultTtlSeconds: 0 }],
    routes: [
      { method: 'GET', path: '/orders', integration: { type: 'AWS_PROXY', functionName: 'orders' }, authorizer: 't' },
      { method: 'GET', path: '/orders/{id}', integration: { type: 'AWS_PROXY', functionName: 'flaky' }, cacheKeyParameters: ['method.request.path.id'] },
    ],
    stages: [{ name: 'prod', cacheClusterEnabled: true, throttle: { rateLimit: 5, burstLimit: 3 } }],
  });
  return world;
}

function run(world: World, steps: readonly Step[]): string {
  const out: unknown[] = [];
  for (const step of steps) {
    if (step.kind === 'advance') world.advance(step.ms);
    else out.push(invokeApi(world, { api: 'orders-api', method: 'GET', path: step.path, headers: { Authorization: step.auth, ...(step.fresh ? { 'Cache-Control': 'max-age=0' } : {}) } }, { authorize: allowHeaderAuthorizer }));
  }
  return JSON.stringify({ out, trace: world.trace.all() });
}

describe('determinism', () => {
  it('gives identical answers and traces from the same seed, and from a restored snapshot', () => {
    fc.assert(fc.property(fc.array(stepArb, { maxLength: 40 }), fc.array(stepArb, { maxLength: 20 }), (before, after) => {
      const a = setUp();
      const b = setUp();
      expect(run(a, before)).toBe(run(b, before));
      const restored = restoreWorld(a.snapshot());
      expect(run(restored, after)).toBe(run(a, after));
    }), { numRuns: 60 });
  });
});
