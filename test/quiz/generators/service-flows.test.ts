// Proves the three families that run whole service flows (API Gateway throttle, Lambda authorizer,
// identity-pool role) compute the outcomes the facts sheet describes: the token bucket of APIGW-04, the
// authorizer outcomes and cache pitfall of APIGW-12, and the role mapping of COG-09. The right choice of
// each generated question states the simulator's answer.
import { describe, expect, it } from 'vitest';
import { findFamily } from '../../../src/quiz/index.js';
import { secondRequestStatus, type AuthorizerCase } from '../../../src/quiz/generators/apigateway-authorizer.js';
import { secondBurstPassed } from '../../../src/quiz/generators/apigateway-throttle.js';
import { identityPoolRole } from '../../../src/quiz/generators/cognito.js';

const SEEDS = Array.from({ length: 12 }, (_, index) => index * 31 + 1);
const rightChoice = (family: string, seed: number) => {
  const generated = findFamily(family)!.generate(seed);
  if (generated.question.type !== 'single') throw new Error('single choice expected');
  return { ...generated, right: generated.question.choices.find((choice) => choice.correct)!.text };
};

describe('API Gateway throttle outcome (APIGW-04: a token bucket of size burst, refilled at rate)', () => {
  it.each([
    // rate, burst, first, pause s, second → passed
    [2, 4, 4, 1, 10, 2],
    [2, 4, 6, 3, 10, 4],
    [5, 10, 3, 1, 20, 10],
    [1, 5, 10, 2, 8, 2],
    [10, 20, 40, 1, 25, 10],
  ])('rate %i burst %i: %i at once, %i s pause, then %i → %i pass', (rate, burst, first, pauseSeconds, second, passed) => {
    expect(secondBurstPassed({ rate, burst, first, pauseSeconds, second }, 1)).toBe(passed);
  });

  it('states the simulator count as the right choice', () => {
    for (const seed of SEEDS) {
      const { right, simulatorAnswer, question } = rightChoice('apigateway-throttle-outcome', seed);
      const [, rate, burst, first, pause, second] = /rate of (\d+) .* burst of (\d+);.* sends (\d+) requests .* waits (\d+) s, then sends (\d+)/.exec(question.stem)!.map(Number);
      const expected = Math.min(second!, Math.min(burst!, Math.max(0, burst! - first!) + rate! * pause!));
      expect(simulatorAnswer).toBe(expected);
      expect(right).toBe(`${expected} of ${second}`);
    }
  });
});

describe('Lambda TOKEN authorizer outcome (APIGW-12)', () => {
  const base: AuthorizerCase = { handler: 'catalog.token-authorizer', ttlSeconds: 300, first: { token: 'allow', path: '/orders' }, pauseSeconds: 10, second: { token: 'allow', path: '/orders' } };

  it.each<[string, Partial<AuthorizerCase>, number]>([
    ['Allow for the same method, cached or not', {}, 200],
    ['the cached policy names only the first method: the other method is denied', { second: { token: 'allow', path: '/reports' } }, 403],
    ['with caching off, the function runs again for the other method', { ttlSeconds: 0, second: { token: 'allow', path: '/reports' } }, 200],
    ['after the TTL the cache entry is gone', { pauseSeconds: 400, second: { token: 'allow', path: '/reports' } }, 200],
    ['an explicit Deny', { second: { token: 'deny', path: '/orders' } }, 403],
    ['a token the function rejects with "Unauthorized"', { second: { token: 'expired', path: '/orders' } }, 401],
    ['a missing identity source', { second: { token: 'none', path: '/orders' } }, 401],
    ['a function that throws any other error', { handler: 'catalog.throw' }, 500],
  ])('%s → %i', (_name, change, status) => {
    expect(secondRequestStatus({ ...base, ...change }, 1)).toBe(status);
  });

  it('states the simulator status as the right choice, and several statuses occur', () => {
    const statuses = new Set<number | string>();
    for (const seed of SEEDS) {
      const { right, simulatorAnswer } = rightChoice('apigateway-authorizer-outcome', seed);
      statuses.add(simulatorAnswer);
      expect(right.startsWith(String(simulatorAnswer))).toBe(true);
    }
    expect(statuses.size).toBeGreaterThanOrEqual(3);
  });
});

describe('identity-pool role (COG-07, COG-09)', () => {
  const GUEST = 0, ADMIN = 1, TWO_GROUPS = 2, GOLD = 3, PARTNER = 4;

  it.each<[string, Parameters<typeof identityPoolRole>[0], string]>([
    ['a guest gets the unauthenticated role when guests are allowed', { mapping: 'Token', ambiguous: 'Deny', allowGuests: true, userIndex: GUEST }, 'GuestRole'],
    ['a guest is refused when guests are not allowed', { mapping: 'none', ambiguous: 'Deny', allowGuests: false, userIndex: GUEST }, 'No credentials: NotAuthorizedException'],
    ['without a mapping a signed-in user gets the default authenticated role', { mapping: 'none', ambiguous: 'Deny', allowGuests: true, userIndex: ADMIN }, 'AppUserRole'],
    ['Token: the preferred role from the group', { mapping: 'Token', ambiguous: 'Deny', allowGuests: true, userIndex: ADMIN }, 'AdminRole'],
    ['Token: two roles and no preferred one is ambiguous → Deny', { mapping: 'Token', ambiguous: 'Deny', allowGuests: true, userIndex: TWO_GROUPS }, 'No credentials: NotAuthorizedException'],
    ['Token: ambiguous → AuthenticatedRole falls back to the default', { mapping: 'Token', ambiguous: 'AuthenticatedRole', allowGuests: true, userIndex: TWO_GROUPS }, 'AppUserRole'],
    ['Rules: the first matching rule wins', { mapping: 'Rules', ambiguous: 'Deny', allowGuests: true, userIndex: TWO_GROUPS }, 'GoldRole'],
    ['Rules: Contains on the email claim', { mapping: 'Rules', ambiguous: 'Deny', allowGuests: true, userIndex: PARTNER }, 'PartnerRole'],
    ['Rules: no rule matches → Deny', { mapping: 'Rules', ambiguous: 'Deny', allowGuests: true, userIndex: ADMIN }, 'No credentials: NotAuthorizedException'],
    ['Rules ignore group roles', { mapping: 'Rules', ambiguous: 'AuthenticatedRole', allowGuests: true, userIndex: GOLD }, 'GoldRole'],
  ])('%s', (_name, roleCase, expected) => {
    expect(identityPoolRole(roleCase)).toBe(expected);
  });

  it('states the simulator role as the right choice', () => {
    for (const seed of SEEDS) {
      const { right, simulatorAnswer } = rightChoice('cognito-identity-pool-role', seed);
      expect(right.startsWith(String(simulatorAnswer))).toBe(true);
    }
  });
});
