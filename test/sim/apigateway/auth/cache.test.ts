// Proves the Lambda authorizer result cache over virtual time (APIGW-12): the default 300 s TTL, a
// cached *policy* re-judged for each method (the pitfall: allow only GET /orders, then POST /orders
// within the TTL → 403 without invoking), expiry exactly at the TTL, keys per identity value, TTL 0
// invoking every time, `describeAuthorizerCache` rows; and as properties: no entry is served at or
// past its TTL, TTL 0 invokes on every request, an added Deny never turns a 403 into an allow.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorize, describeAuthorizerCache, type AuthOutcome } from '../../../../src/sim/apigateway/auth/index.js';
import { createWorld, restoreWorld } from '../../../../src/sim/world.js';
import { API_ID, fakeLambda, methodArnOf, methodContext, policyOutput, requestAuthorizer, returns, tokenAuthorizer, withToken, incoming } from './fixtures.js';

const kindOf = (outcome: AuthOutcome) => (outcome.kind === 'forbidden' ? `403 ${outcome.message}` : outcome.kind);

/** An authorizer whose policy names only the method ARN it was called for. */
const allowCalledMethodOnly = () => fakeLambda((event) => returns(policyOutput('Allow', String(event['methodArn']))));

describe('the cached-policy pitfall (APIGW-12)', () => {
  it('denies POST /orders from a cached GET-only policy within the TTL, without invoking, and invokes again after expiry', () => {
    const world = createWorld();
    const lambda = allowCalledMethodOnly();
    const config = tokenAuthorizer(); // resultTtlSeconds 300, the default (APIGW-12)
    expect(kindOf(authorize(world, config, withToken('alice'), methodContext('GET'), lambda.ports))).toBe('allow');
    world.advance(299_999);
    expect(kindOf(authorize(world, config, withToken('alice'), methodContext('POST'), lambda.ports))).toBe('403 User is not authorized to access this resource');
    expect(lambda.calls()).toBe(1);
    world.advance(1); // t = 300 s: the entry has expired
    expect(kindOf(authorize(world, config, withToken('alice'), methodContext('POST'), lambda.ports))).toBe('allow');
    expect(lambda.calls()).toBe(2);
    expect(lambda.events.map((event) => event['methodArn'])).toEqual([methodArnOf('GET', '/orders'), methodArnOf('POST', '/orders')]);
  });

  it('a wildcard policy avoids the pitfall: one invocation serves every method within the TTL', () => {
    const world = createWorld();
    const lambda = fakeLambda(() => returns(policyOutput('Allow', `arn:aws:execute-api:us-east-1:123456789012:${API_ID}/prod/*`)));
    for (const method of ['GET', 'POST', 'DELETE']) expect(authorize(world, tokenAuthorizer(), withToken('alice'), methodContext(method), lambda.ports).kind).toBe('allow');
    expect(lambda.calls()).toBe(1);
  });

  it('turning caching off (TTL 0) avoids it too: every request invokes', () => {
    const world = createWorld();
    const lambda = allowCalledMethodOnly();
    for (const method of ['GET', 'POST', 'GET']) expect(authorize(world, tokenAuthorizer({ resultTtlSeconds: 0 }), withToken('alice'), methodContext(method), lambda.ports).kind).toBe('allow');
    expect(lambda.calls()).toBe(3);
    expect(describeAuthorizerCache(world, API_ID)).toEqual([]);
  });
});

describe('cache keys and contents', () => {
  it('keys by identity value: another token misses', () => {
    const world = createWorld();
    const lambda = allowCalledMethodOnly();
    authorize(world, tokenAuthorizer(), withToken('alice'), methodContext(), lambda.ports);
    authorize(world, tokenAuthorizer(), withToken('bob'), methodContext(), lambda.ports);
    authorize(world, tokenAuthorizer(), withToken('alice'), methodContext(), lambda.ports);
    expect(lambda.calls()).toBe(2);
  });

  it('REQUEST: keys by all identity-source values together', () => {
    const world = createWorld();
    const lambda = allowCalledMethodOnly();
    const config = requestAuthorizer(['method.request.header.X-Tenant', 'method.request.querystring.key'], 60);
    const send = (tenant: string, key: string) => authorize(world, config, incoming({ headers: { 'x-tenant': tenant }, query: { key } }), methodContext(), lambda.ports);
    send('t1', 'k1');
    send('t1', 'k2');
    send('t1', 'k1');
    expect(lambda.calls()).toBe(2);
  });

  it('caches a Deny too, and does not cache an Unauthorized or a failure', () => {
    const world = createWorld();
    const lambda = fakeLambda((event) => (event['authorizationToken'] === 'deny' ? returns(policyOutput('Deny', '*')) : { payload: '{"errorMessage":"Unauthorized"}', functionError: 'Unhandled' }));
    for (let index = 0; index < 2; index += 1) {
      authorize(world, tokenAuthorizer(), withToken('deny'), methodContext(), lambda.ports);
      authorize(world, tokenAuthorizer(), withToken('nobody'), methodContext(), lambda.ports);
    }
    expect(lambda.calls()).toBe(3);
  });

  it('describes live entries for `sim show api`, with seconds left, and hides expired ones', () => {
    const world = createWorld();
    authorize(world, tokenAuthorizer({ resultTtlSeconds: 120 }), withToken('alice'), methodContext(), allowCalledMethodOnly().ports);
    world.advance(30_500);
    expect(describeAuthorizerCache(world, API_ID)).toEqual([
      {
        authorizer: 'orders-token',
        identity: 'alice',
        principalId: 'user-7',
        statements: [`Allow "execute-api:Invoke" on "${methodArnOf('GET', '/orders')}"`],
        storedAtMs: 1_767_225_600_000,
        expiresAtMs: 1_767_225_720_000,
        remainingSeconds: 90,
      },
    ]);
    expect(describeAuthorizerCache(world, 'other-api')).toEqual([]);
    world.advance(89_500);
    expect(describeAuthorizerCache(world, API_ID)).toEqual([]);
  });

  it('survives a world snapshot (plain data in the apigateway.authorizer-cache slot)', () => {
    const world = createWorld();
    authorize(world, tokenAuthorizer(), withToken('alice'), methodContext(), allowCalledMethodOnly().ports);
    const slot = world.snapshot().services['apigateway.authorizer-cache'] as { entries: Record<string, unknown> };
    expect(Object.keys(slot.entries)).toEqual([JSON.stringify([API_ID, 'orders-token', 'alice'])]);
  });

  it('a restored world keeps serving the cached policy until the same expiry', () => {
    const world = createWorld();
    authorize(world, tokenAuthorizer(), withToken('alice'), methodContext(), allowCalledMethodOnly().ports);
    const restored = restoreWorld(world.snapshot());
    const lambda = allowCalledMethodOnly();
    restored.advance(299_000);
    expect(authorize(restored, tokenAuthorizer(), withToken('alice'), methodContext(), lambda.ports).kind).toBe('allow');
    restored.advance(1_000);
    authorize(restored, tokenAuthorizer(), withToken('alice'), methodContext(), lambda.ports);
    expect(lambda.calls()).toBe(1);
  });
});

describe('cache properties (APIGW-12)', () => {
  const stepArb = fc.record({ advanceMs: fc.integer({ min: 0, max: 400_000 }), token: fc.constantFrom('a', 'b', 'c'), method: fc.constantFrom('GET', 'POST') });

  it('never serves an entry at or past its TTL: a request invokes exactly when no live entry exists', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3_600 }), fc.array(stepArb, { maxLength: 30 }), (ttlSeconds, steps) => {
        const world = createWorld();
        const lambda = allowCalledMethodOnly();
        const storedAtMs = new Map<string, number>();
        for (const step of steps) {
          world.advance(step.advanceMs);
          const before = lambda.calls();
          authorize(world, tokenAuthorizer({ resultTtlSeconds: ttlSeconds }), withToken(step.token), methodContext(step.method), lambda.ports);
          const stored = storedAtMs.get(step.token);
          const isLive = stored !== undefined && world.nowMs < stored + ttlSeconds * 1_000;
          expect(lambda.calls() - before).toBe(isLive ? 0 : 1);
          if (!isLive) storedAtMs.set(step.token, world.nowMs);
        }
      }),
    );
  });

  it('with TTL 0 invokes on every request', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 20 }), (steps) => {
        const world = createWorld();
        const lambda = allowCalledMethodOnly();
        for (const step of steps) {
          world.advance(step.advanceMs);
          authorize(world, tokenAuthorizer({ resultTtlSeconds: 0 }), withToken(step.token), methodContext(step.method), lambda.ports);
        }
        expect(lambda.calls()).toBe(steps.length);
      }),
    );
  });

  it('an added Deny in the authorizer policy never turns a 403 into an allow', () => {
    const arns = ['*', methodArnOf('GET', '/orders'), methodArnOf('POST', '/orders'), `arn:aws:execute-api:us-east-1:123456789012:${API_ID}/prod/GET/*`];
    const statementArb = fc.record({ Effect: fc.constantFrom('Allow', 'Deny'), Action: fc.constantFrom('execute-api:Invoke', 'execute-api:*', '*'), Resource: fc.constantFrom(...arns) });
    fc.assert(
      fc.property(fc.array(statementArb, { minLength: 1, maxLength: 4 }), statementArb, fc.constantFrom('GET', 'POST'), (statements, extra, method) => {
        const decide = (list: readonly unknown[]) =>
          authorize(createWorld(), tokenAuthorizer({ resultTtlSeconds: 0 }), withToken('t'), methodContext(method), fakeLambda(() => returns({ principalId: 'u', policyDocument: { Version: '2012-10-17', Statement: list } })).ports);
        const before = decide(statements);
        const after = decide([...statements, { ...extra, Effect: 'Deny' }]);
        if (before.kind === 'forbidden') expect(after.kind).toBe('forbidden');
        if (after.kind === 'allow') expect(before.kind).toBe('allow');
      }),
    );
  });
});
