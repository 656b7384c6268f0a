// Proves the REST stage cache over virtual time (APIGW-06): hit/miss/expiry with the exact TTL
// (default 300 s, 0 = off, max 3,600), only GET cached by default, keys from the resource path plus the
// chosen cache key parameters (so /orders/{id} shares one entry unless the id is a key), and
// `Cache-Control: max-age=0` honoured only for callers allowed execute-api:InvalidateCache, with the
// stage's strategy for everyone else.
import { describe, expect, it } from 'vitest';
import { createRole, putRolePolicy } from '../../../src/sim/iam/index.js';
import type { RestRouteSpec } from '../../../src/sim/apigateway/define.js';
import type { StageSettings } from '../../../src/sim/apigateway/rest-api.js';
import type { Authorize } from '../../../src/sim/apigateway/pipeline.js';
import type { World } from '../../../src/sim/world.js';
import { expectOk, makeFunction, newWorld, restApi, send } from './fixtures.js';

function cachedApi(world: World, stage: StageSettings = {}, routes?: RestRouteSpec[]): string {
  makeFunction(world, 'orders');
  return restApi(world, {
    routes: routes ?? [{ method: 'GET', path: '/orders/{id}', integration: { type: 'AWS_PROXY', functionName: 'orders' } }],
    stages: [{ name: 'prod', cacheClusterEnabled: true, ...stage }],
  });
}

const cacheOf = (world: World, api: string, path = '/orders/1', headers: Record<string, string> = {}) => send(world, { api, path, headers }).cache;

describe('hits, misses and expiry', () => {
  it('misses, hits until exactly 300 s later, then misses again (default TTL)', () => {
    const world = newWorld();
    const api = cachedApi(world);
    const seen: string[] = [cacheOf(world, api)];
    world.advance(299_999);
    seen.push(cacheOf(world, api));
    world.advance(1);
    seen.push(cacheOf(world, api), cacheOf(world, api));
    expect(seen).toEqual(['miss', 'hit', 'miss', 'hit']);
  });

  it('answers a hit without calling the function', () => {
    const world = newWorld();
    const api = cachedApi(world);
    send(world, { api, path: '/orders/1' });
    const invokes = () => world.trace.all().filter((e) => e.service === 'lambda' && e.operation === 'Invoke').length;
    const before = invokes();
    send(world, { api, path: '/orders/1' });
    expect(invokes()).toBe(before);
  });

  it('does not cache with TTL 0, without the cache cluster, or for POST', () => {
    const zero = newWorld();
    const api = cachedApi(zero, { cacheTtlSeconds: 0 });
    expect([cacheOf(zero, api), cacheOf(zero, api)]).toEqual(['off', 'off']);
    const noCluster = newWorld();
    const plain = cachedApi(noCluster, { cacheClusterEnabled: false });
    expect(cacheOf(noCluster, plain)).toBe('off');
    const post = newWorld();
    const posted = cachedApi(post, {}, [{ method: 'POST', path: '/orders/{id}', integration: { type: 'AWS_PROXY', functionName: 'orders' } }]);
    expect(send(post, { api: posted, method: 'POST', path: '/orders/1' }).cache).toBe('off');
  });

  it('refuses a TTL over 3,600 s', () => {
    const world = newWorld();
    makeFunction(world, 'orders');
    expect(() => restApi(world, { stages: [{ name: 'prod', cacheTtlSeconds: 3_601 }] })).toThrow(/Cache ttl must be between 0 and 3600 seconds/);
  });
});

describe('cache keys', () => {
  it('shares one entry for every id unless method.request.path.id is a cache key parameter', () => {
    const world = newWorld();
    const shared = cachedApi(world);
    const first = send(world, { api: shared, path: '/orders/1' });
    const second = send(world, { api: shared, path: '/orders/2' });
    expect([first.cache, second.cache, second.body]).toEqual(['miss', 'hit', first.body]);

    const keyed = newWorld();
    const api = cachedApi(keyed, {}, [{ method: 'GET', path: '/orders/{id}', integration: { type: 'AWS_PROXY', functionName: 'orders' }, cacheKeyParameters: ['method.request.path.id'] }]);
    expect([cacheOf(keyed, api, '/orders/1'), cacheOf(keyed, api, '/orders/2'), cacheOf(keyed, api, '/orders/1')]).toEqual(['miss', 'miss', 'hit']);
  });
});

describe('Cache-Control: max-age=0 (APIGW-06)', () => {
  const fresh = { 'Cache-Control': 'max-age=0' };

  it('is ignored with a warning header for a caller without permission (default strategy)', () => {
    const world = newWorld();
    const api = cachedApi(world);
    cacheOf(world, api);
    const response = send(world, { api, path: '/orders/1', headers: fresh });
    expect(response.cache).toBe('hit');
    expect(response.headers['warning']).toMatch(/^199 /);
  });

  it('answers 403 with FAIL_WITH_403', () => {
    const world = newWorld();
    const api = cachedApi(world, { unauthorizedCacheControlHeaderStrategy: 'FAIL_WITH_403' });
    cacheOf(world, api);
    expect(send(world, { api, path: '/orders/1', headers: fresh }).statusCode).toBe(403);
  });

  it('lets anyone refresh when the stage does not require authorization', () => {
    const world = newWorld();
    const api = cachedApi(world, { requireAuthorizationForCacheControl: false });
    expect([cacheOf(world, api), cacheOf(world, api, '/orders/1', fresh), cacheOf(world, api)]).toEqual(['miss', 'invalidated', 'hit']);
  });

  it('refreshes for an IAM caller whose role allows execute-api:InvalidateCache', () => {
    const world = newWorld();
    expectOk(createRole(world, { RoleName: 'ops', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) }));
    expectOk(putRolePolicy(world, { RoleName: 'ops', PolicyName: 'flush', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'execute-api:InvalidateCache', Resource: '*' }] }) }));
    const iamCaller: Authorize = (_w, _c, request) => ({ kind: 'allow', context: {}, identity: { principalArn: request.headers['x-caller'] ?? '' } });
    const api = cachedApi(world, {}, [{ method: 'GET', path: '/orders/{id}', integration: { type: 'AWS_PROXY', functionName: 'orders' }, authorizationType: 'AWS_IAM' }]);
    const call = (caller: string) => send(world, { api, path: '/orders/1', headers: { ...fresh, 'x-caller': caller } }, { authorize: iamCaller }).cache;
    expect([call('arn:aws:sts::123456789012:assumed-role/ops/s1'), call('arn:aws:sts::123456789012:assumed-role/ops/s1'), call('arn:aws:sts::123456789012:assumed-role/other/s1')])
      .toEqual(['invalidated', 'invalidated', 'hit']);
  });
});

describe('ANY methods', () => {
  it('caches a GET that reaches an ANY method, keyed by the request method', () => {
    const world = newWorld();
    const api = cachedApi(world, {}, [{ method: 'ANY', path: '/orders/{id}', integration: { type: 'AWS_PROXY', functionName: 'orders' } }]);
    expect([cacheOf(world, api), cacheOf(world, api), send(world, { api, method: 'POST', path: '/orders/1' }).cache]).toEqual(['miss', 'hit', 'off']);
  });
});
