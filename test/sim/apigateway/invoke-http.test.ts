// Proves the HTTP API (v2) pipeline: an unmatched route is 404 {"message":"Not Found"} (not REST's 403,
// APIGW-09), `$default` catches the rest, ANY and {proxy+} match, stages come from the path or `$default`,
// a stage throttle limits each route, and Lambda errors and timeouts (30 s, APIGW-01) become 502 / 504.
import { describe, expect, it } from 'vitest';
import { httpApi, makeFunction, newWorld, send } from './fixtures.js';

describe('routes', () => {
  it('answers 404 Not Found for an unmatched route', () => {
    const world = newWorld();
    makeFunction(world, 'orders');
    const response = send(world, { api: httpApi(world), path: '/customers' });
    expect(`${response.statusCode} ${response.body}`).toMatchInlineSnapshot(`"404 {"message":"Not Found"}"`);
    expect(response.headers['apigw-requestid']).toBe(response.requestId);
  });

  it('falls back to $default, prefers an exact method over ANY, and matches {proxy+}', () => {
    const world = newWorld();
    const mock = (body: string) => ({ type: 'MOCK' as const, mockBody: body });
    const api = httpApi(world, {
      routes: [
        { routeKey: 'GET /orders/{id}', integration: mock('get') },
        { routeKey: 'ANY /orders/{id}', integration: mock('any') },
        { routeKey: 'ANY /files/{proxy+}', integration: mock('files') },
        { routeKey: '$default', integration: mock('default') },
      ],
    });
    const bodyOf = (method: string, path: string) => send(world, { api, method, path }).body;
    expect([bodyOf('GET', '/orders/1'), bodyOf('PUT', '/orders/1'), bodyOf('GET', '/files/a/b.txt'), bodyOf('GET', '/else')]).toEqual(['get', 'any', 'files', 'default']);
  });

  it('serves a named stage from the first path segment', () => {
    const world = newWorld();
    const api = httpApi(world, { routes: [{ routeKey: 'GET /ping', integration: { type: 'MOCK', mockBody: 'pong' } }], stages: [{ name: 'dev' }, { name: 'prod' }] });
    expect(send(world, { api, path: '/dev/ping' }).body).toBe('pong');
    expect(send(world, { api, path: '/ping' }).statusCode).toBe(404);
  });
});

describe('throttling and integrations', () => {
  it('limits each route by the stage throttle', () => {
    const world = newWorld();
    const api = httpApi(world, { routes: [{ routeKey: 'GET /a', integration: { type: 'MOCK' } }, { routeKey: 'GET /b', integration: { type: 'MOCK' } }], stages: [{ name: '$default', throttle: { rateLimit: 1, burstLimit: 1 } }] });
    expect(['/a', '/a', '/b'].map((path) => send(world, { api, path }).statusCode)).toEqual([200, 429, 200]);
  });

  it('answers 502 for a function error and 504 past 30 s', () => {
    const failing = newWorld();
    makeFunction(failing, 'orders', { Handler: 'catalog.throw' });
    expect(send(failing, { api: httpApi(failing), path: '/orders/1' }).statusCode).toBe(502);
    const slow = newWorld();
    makeFunction(slow, 'orders', { Handler: 'catalog.hang', Timeout: 40 });
    const response = send(slow, { api: httpApi(slow), path: '/orders/1' });
    expect([response.statusCode, response.steps.at(-1)?.detail?.['latencyMs']]).toEqual([504, 30_000]);
  });

  it('returns a plain JSON value from a format 2.0 function as 200', () => {
    const world = newWorld();
    makeFunction(world, 'orders', { Handler: 'catalog.echo' });
    const response = send(world, { api: httpApi(world), path: '/orders/1' });
    expect([response.statusCode, JSON.parse(response.body).version]).toEqual([200, '2.0']);
  });
});
