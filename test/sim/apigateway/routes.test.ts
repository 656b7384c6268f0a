// Proves path matching: literal parts beat {param}, {param} beats {proxy+}, greedy parameters take the
// rest of the path, and HTTP API route keys fall back to $default.
import { describe, expect, it } from 'vitest';
import { matchRoute, matchTemplate } from '../../../src/sim/apigateway/routes.js';

describe('matchTemplate', () => {
  it('extracts parameters and decodes them', () => {
    expect(matchTemplate('/orders/{id}', '/orders/a%20b')?.params).toEqual({ id: 'a b' });
    expect(matchTemplate('/files/{proxy+}', '/files/a/b/c')?.params).toEqual({ proxy: 'a/b/c' });
    expect(matchTemplate('/files/{proxy+}', '/files')).toBeUndefined();
    expect(matchTemplate('/orders', '/orders/1')).toBeUndefined();
    expect(matchTemplate('/', '/')?.params).toEqual({});
  });

  it('scores literal > param > greedy', () => {
    const score = (template: string) => matchTemplate(template, '/orders/latest')!.score;
    expect(score('/orders/latest')).toBeGreaterThan(score('/orders/{id}'));
    expect(score('/orders/{id}')).toBeGreaterThan(score('/{proxy+}'));
  });
});

describe('matchRoute', () => {
  it('uses $default when nothing else matches', () => {
    const routes = {
      a: { routeId: 'a', routeKey: 'GET /x', authorizationType: 'NONE' as const },
      d: { routeId: 'd', routeKey: '$default', authorizationType: 'NONE' as const },
    };
    expect(matchRoute(routes, 'GET', '/x')?.route.routeId).toBe('a');
    expect(matchRoute(routes, 'POST', '/x')?.route.routeId).toBe('d');
  });
});
