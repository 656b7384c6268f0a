// Proves throttling and usage plans with exact counts over virtual time: the account bucket of 5,000
// refilled at 10,000/s (APIGW-04), stage and method throttles applied per method, usage-plan keys
// (403 Forbidden without a valid key, per-key rate/burst, quota → 429 Limit Exceeded; APIGW-05), and the
// invariant that no bucket ever lets more than rate × t + burst requests through.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokensAt, takeTokens } from '../../../src/sim/apigateway/throttle.js';
import type { TokenBucket } from '../../../src/sim/apigateway/model.js';
import { createApiKey, createUsagePlan, createUsagePlanKey } from '../../../src/sim/apigateway/usage-plans.js';
import { expectOk, newWorld, restApi, send } from './fixtures.js';
import type { World } from '../../../src/sim/world.js';

const mockRoute = (path: string, extra = {}) => ({ method: 'GET', path, integration: { type: 'MOCK' as const, mockBody: 'ok' }, ...extra });

function burst(world: World, api: string, count: number, path = '/orders', headers: Record<string, string> = {}): number[] {
  return Array.from({ length: count }, () => send(world, { api, path, headers }).statusCode);
}

const countOf = (codes: readonly number[], code: number) => codes.filter((c) => c === code).length;

describe('account throttle (APIGW-04)', () => {
  it('lets a burst of 5,000 through at one instant, then 429 Too Many Requests', () => {
    const world = newWorld();
    const api = restApi(world, { routes: [mockRoute('/orders')] });
    const codes = burst(world, api, 5_001);
    expect(countOf(codes, 200)).toBe(5_000);
    const last = send(world, { api });
    expect(`${last.statusCode} ${last.body}`).toMatchInlineSnapshot(`"429 {"message":"Too Many Requests"}"`);
    expect(last.steps.at(-1)).toEqual({ step: 'throttle', outcome: 'throttled', detail: { bucket: 'account' } });
  });

  it('refills 10,000 tokens per second: 1 ms later exactly 10 more pass', () => {
    const world = newWorld();
    const api = restApi(world, { routes: [mockRoute('/orders')] });
    burst(world, api, 5_000);
    world.advance(1);
    expect(countOf(burst(world, api, 11), 200)).toBe(10);
  });
});

describe('stage and method throttles', () => {
  it('applies the stage rate to each method separately; a method setting replaces it', () => {
    const world = newWorld();
    const api = restApi(world, {
      routes: [mockRoute('/orders'), mockRoute('/customers')],
      stages: [{ name: 'prod', throttle: { rateLimit: 2, burstLimit: 3 }, methodThrottles: { '/customers/GET': { rateLimit: 1, burstLimit: 1 } } }],
    });
    expect(burst(world, api, 4)).toEqual([200, 200, 200, 429]);
    expect(burst(world, api, 2, '/customers')).toEqual([200, 429]);
    world.advance(500); // +1 token at 2/s, +0.5 at 1/s
    expect(burst(world, api, 2)).toEqual([200, 429]);
    expect(burst(world, api, 1, '/customers')).toEqual([429]);
    world.advance(500);
    expect(burst(world, api, 1, '/customers')).toEqual([200]);
  });
});

describe('usage plans and API keys (APIGW-05)', () => {
  function planned(world: World, plan: { throttle?: { rateLimit: number; burstLimit: number }; quota?: { limit: number; period: 'DAY' } }) {
    const api = restApi(world, { routes: [mockRoute('/orders', { apiKeyRequired: true })] });
    const key = expectOk(createApiKey(world, { name: 'partner', value: 'partner-key-0123456789' }));
    const created = expectOk(createUsagePlan(world, { name: 'basic', apiStages: [{ apiId: api, stage: 'prod' }], ...plan }));
    expectOk(createUsagePlanKey(world, created.id, key.id));
    return api;
  }

  it('answers 403 Forbidden without a key, with an unknown key, and with a key in no plan for the stage', () => {
    const world = newWorld();
    const api = planned(world, {});
    expectOk(createApiKey(world, { name: 'stray', value: 'stray-key-0123456789xx' }));
    for (const headers of [{}, { 'x-api-key': 'nope' }, { 'x-api-key': 'stray-key-0123456789xx' }]) {
      const response = send(world, { api, headers });
      expect(`${response.statusCode} ${response.headers['x-amzn-ErrorType']} ${response.body}`).toMatchInlineSnapshot(`"403 ForbiddenException {"message":"Forbidden"}"`);
    }
    expect(send(world, { api, headers: { 'x-api-key': 'partner-key-0123456789' } }).statusCode).toBe(200);
  });

  it('throttles per key at the plan rate and burst', () => {
    const world = newWorld();
    const api = planned(world, { throttle: { rateLimit: 1, burstLimit: 2 } });
    const headers = { 'x-api-key': 'partner-key-0123456789' };
    expect(burst(world, api, 3, '/orders', headers)).toEqual([200, 200, 429]);
    world.advance(1_000);
    expect(burst(world, api, 2, '/orders', headers)).toEqual([200, 429]);
  });

  it('answers 429 Limit Exceeded once the daily quota is used, until the next UTC day', () => {
    const world = newWorld();
    const api = planned(world, { quota: { limit: 3, period: 'DAY' } });
    const headers = { 'x-api-key': 'partner-key-0123456789' };
    expect(burst(world, api, 4, '/orders', headers)).toEqual([200, 200, 200, 429]);
    const over = send(world, { api, headers });
    expect([over.body, over.gatewayResponse]).toEqual(['{"message":"Limit Exceeded"}', 'QUOTA_EXCEEDED']);
    world.advance(86_400_000);
    expect(burst(world, api, 1, '/orders', headers)).toEqual([200]);
  });
});

describe('token bucket invariant', () => {
  it('never lets more than rate × t + burst requests through in any window', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 20 }), fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 200 }),
      (rateLimit, burstLimit, gapsMs) => {
        const settings = { rateLimit, burstLimit };
        const buckets: Record<string, TokenBucket> = {};
        const passedAt: number[] = [];
        let nowMs = 0;
        for (const gap of gapsMs) {
          nowMs += gap;
          if (takeTokens(buckets, [{ scope: 'b', settings }], nowMs) === undefined) passedAt.push(nowMs);
        }
        for (let i = 0; i < passedAt.length; i++) {
          for (let j = i; j < passedAt.length; j++) {
            expect(j - i + 1).toBeLessThanOrEqual(Math.floor((rateLimit * (passedAt[j]! - passedAt[i]!)) / 1_000 + burstLimit + 1e-9));
          }
        }
      },
    ));
  });

  it('starts full and caps the refill at the burst', () => {
    expect(tokensAt(undefined, { rateLimit: 5, burstLimit: 7 }, 0)).toBe(7);
    expect(tokensAt({ tokens: 0, lastRefillMs: 0 }, { rateLimit: 5, burstLimit: 7 }, 10_000)).toBe(7);
  });
});
