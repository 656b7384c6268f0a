// Proves the API Gateway request flow read from the trace: a request that passes every stage, one
// stopped by its authorizer (with the authorizer cache's hit or miss), one answered from the cache,
// and one throttled before the authorizer is reached.
import { describe, expect, it } from 'vitest';
import { toApiFlow } from '../../../src/repl/panels/api-flow.js';
import type { TraceEvent } from '../../../src/sim/index.js';

let seq = 0;
const event = (service: string, operation: string, outcome: string, detail: Record<string, unknown>): TraceEvent => ({ seq: seq++, timeMs: 0, service, operation, outcome, region: 'us-east-1', detail });
const request = (outcome: string, statusCode: number, cache: string, steps: unknown[]) => event('apigateway', 'Request', outcome, { method: 'GET', path: '/orders', statusCode, cache, steps });
const states = (events: TraceEvent[]) => toApiFlow(events)?.stages.map((stage) => `${stage.name}:${stage.state}:${stage.text}`);

describe('the API Gateway request flow', () => {
  it('passes every stage of an allowed request, with the authorizer cache miss', () => {
    const flow = states([
      event('apigateway', 'authorizer-decided', 'ok', { cache: 'miss' }),
      request('ok', 200, 'off', [
        { step: 'route', outcome: 'matched' },
        { step: 'authorizer', outcome: 'allow' },
        { step: 'integration', outcome: 'ok', detail: { type: 'AWS_PROXY', latencyMs: 301 } },
      ]),
    ]);
    expect(flow).toEqual(['client:passed:GET /orders', 'authorizer:passed:allow · cache miss', 'cache:skipped:off', 'integration:passed:AWS_PROXY 301 ms', 'response:passed:200']);
  });

  it('stops at an authorizer that denies, from its cache, and reaches nothing after it', () => {
    const flow = states([event('apigateway', 'authorizer-decided', 'ACCESS_DENIED', { cache: 'hit' }), request('ACCESS_DENIED', 403, 'off', [{ step: 'authorizer', outcome: 'deny' }])]);
    expect(flow).toEqual(['client:passed:GET /orders', 'authorizer:stopped:deny · cache hit', 'cache:not-reached:', 'integration:not-reached:', 'response:stopped:403 ACCESS_DENIED']);
  });

  it('answers from the response cache without calling the integration', () => {
    const flow = states([request('ok', 200, 'hit', [{ step: 'route', outcome: 'matched' }])]);
    expect(flow).toEqual(['client:passed:GET /orders', 'authorizer:skipped:none', 'cache:stopped:hit: answered from the cache', 'integration:skipped:', 'response:passed:200']);
  });

  it('shows a throttled request stopping before the authorizer', () => {
    const flow = states([request('THROTTLED', 429, 'off', [{ step: 'throttle', outcome: 'throttled' }])]);
    expect(flow?.[1]).toBe('authorizer:not-reached:');
    expect(flow?.[4]).toBe('response:stopped:429 THROTTLED');
  });

  it('is undefined without an API request', () => {
    expect(toApiFlow([])).toBeUndefined();
  });
});
