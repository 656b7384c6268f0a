// Proves how the pipeline uses an injected authorizer (the auth contract's `authorize`): NONE never
// calls it; allow reaches the integration with principalId and context; unauthorized → 401, forbidden →
// 403 with the authorizer's message, error → 500 (APIGW-12); a method whose authorizer is not wired
// answers 500 rather than letting the request through; the resource policy's explicit deny stops a
// request before the authorizer runs (APIGW-14); apiKeySource AUTHORIZER takes the key from the answer.
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthOutcome } from '../../../src/sim/apigateway/auth/contract.js';
import { DEFAULT_AUTH_PORTS, setApiGatewayAuthPorts, setApiGatewayAuthorizer } from '../../../src/sim/apigateway/invoke-api.js';
import type { Authorize } from '../../../src/sim/apigateway/pipeline.js';
import { createApiKey, createUsagePlan, createUsagePlanKey } from '../../../src/sim/apigateway/usage-plans.js';
import type { World } from '../../../src/sim/world.js';
import { allowHeaderAuthorizer, expectOk, makeFunction, newWorld, restApi, send } from './fixtures.js';

const TOKEN = { type: 'TOKEN' as const, name: 'tokens', functionName: 'auth', identitySource: 'method.request.header.Authorization', resultTtlSeconds: 300 };

function guarded(world: World, extra = {}): string {
  makeFunction(world, 'orders');
  return restApi(world, {
    authorizers: [TOKEN],
    routes: [{ method: 'GET', path: '/orders', integration: { type: 'AWS_PROXY', functionName: 'orders' }, authorizer: 'tokens' }],
    ...extra,
  });
}

const answering = (outcome: AuthOutcome): Authorize => () => outcome;
const summary = (r: { statusCode: number; headers: Readonly<Record<string, string>>; body: string }) => `${r.statusCode} ${r.headers['x-amzn-ErrorType']} ${r.body}`;

afterEach(() => {
  setApiGatewayAuthorizer(undefined);
  setApiGatewayAuthPorts({});
});

describe('outcomes (APIGW-12)', () => {
  it('runs the integration on allow', () => {
    const world = newWorld();
    const api = guarded(world);
    const response = send(world, { api, headers: { Authorization: 'allow' } }, { authorize: allowHeaderAuthorizer });
    expect(response.statusCode).toBe(200);
    expect(response.steps.map((s) => `${s.step}:${s.outcome}`)).toEqual(['route:matched', 'throttle:passed', 'authorizer:allow', 'integration:ok']);
  });

  it('answers 401, 403 and 500 as the outcome says', () => {
    const world = newWorld();
    const api = guarded(world);
    const cases: AuthOutcome[] = [
      { kind: 'unauthorized', reason: 'no token' },
      { kind: 'forbidden', message: 'User is not authorized to access this resource with an explicit deny', gatewayResponse: 'ACCESS_DENIED', reason: 'Deny' },
      { kind: 'forbidden', message: 'Missing Authentication Token', gatewayResponse: 'MISSING_AUTHENTICATION_TOKEN', reason: 'unsigned' },
      { kind: 'error', gatewayResponse: 'AUTHORIZER_CONFIGURATION_ERROR', reason: 'nested context' },
    ];
    expect(cases.map((outcome) => summary(send(world, { api }, { authorize: answering(outcome) })))).toMatchInlineSnapshot(`
      [
        "401 UnauthorizedException {"message":"Unauthorized"}",
        "403 AccessDeniedException {"Message":"User is not authorized to access this resource with an explicit deny"}",
        "403 MissingAuthenticationTokenException {"message":"Missing Authentication Token"}",
        "500 AuthorizerConfigurationException {"message":null}",
      ]
    `);
  });

  it('answers 500 when no authorizer implementation is wired, and uses the wired one once set', () => {
    const world = newWorld();
    const api = guarded(world);
    const unwired = send(world, { api, headers: { Authorization: 'allow' } });
    expect([unwired.statusCode, unwired.steps.at(-1)?.outcome]).toEqual([500, 'not-wired']);
    setApiGatewayAuthorizer(allowHeaderAuthorizer);
    expect(send(world, { api, headers: { Authorization: 'allow' } }).statusCode).toBe(200);
  });

  it("hands the authorizer Lambda's invoke and any ports the wiring adds", () => {
    const world = newWorld();
    const api = guarded(world);
    const verifyUserPoolToken = () => ({ ok: true as const, value: { sub: 'u' } });
    setApiGatewayAuthPorts({ verifyUserPoolToken });
    let seen: unknown;
    send(world, { api }, { authorize: (_w, _c, _r, _m, ports) => { seen = ports; return { kind: 'unauthorized', reason: '' }; } });
    expect(seen).toEqual({ invokeFunction: DEFAULT_AUTH_PORTS.invokeFunction, verifyUserPoolToken });
  });

  it('never calls the authorizer for NONE', () => {
    const world = newWorld();
    makeFunction(world, 'orders');
    const api = restApi(world);
    let calls = 0;
    send(world, { api }, { authorize: () => { calls++; return { kind: 'unauthorized', reason: '' }; } });
    expect(calls).toBe(0);
  });

  it('hands the authorizer the method ARN, the matched resource path and the stage variables', () => {
    const world = newWorld();
    const api = guarded(world, { stages: [{ name: 'prod', variables: { env: 'p' } }] });
    let seen: unknown;
    send(world, { api, headers: { Authorization: 'x' } }, { authorize: (_w, config, request, method) => { seen = { config: config.type, token: request.headers['authorization'], ...method }; return { kind: 'unauthorized', reason: '' }; } });
    expect(seen).toMatchObject({ config: 'TOKEN', token: 'x', stage: 'prod', httpMethod: 'GET', resourcePath: '/orders', stageVariables: { env: 'p' }, methodArn: `arn:aws:execute-api:us-east-1:123456789012:${api}/prod/GET/orders` });
  });
});

describe('with resource policies and API keys', () => {
  it('stops an explicit resource-policy deny before the authorizer (APIGW-14)', () => {
    const world = newWorld();
    const deny = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource: '*' }] });
    const api = guarded(world, { resourcePolicy: deny });
    let calls = 0;
    const response = send(world, { api }, { authorize: () => { calls++; return { kind: 'allow', context: {} }; } });
    expect([response.statusCode, calls]).toEqual([403, 0]);
  });

  it('takes the API key from usageIdentifierKey when apiKeySource is AUTHORIZER', () => {
    const world = newWorld();
    makeFunction(world, 'orders');
    const api = restApi(world, {
      apiKeySource: 'AUTHORIZER', authorizers: [TOKEN],
      routes: [{ method: 'GET', path: '/orders', integration: { type: 'AWS_PROXY', functionName: 'orders' }, authorizer: 'tokens', apiKeyRequired: true }],
    });
    const key = expectOk(createApiKey(world, { name: 'k', value: 'authorizer-key-000000001' }));
    expectOk(createUsagePlanKey(world, expectOk(createUsagePlan(world, { name: 'p', apiStages: [{ apiId: api, stage: 'prod' }] })).id, key.id));
    const withKey = answering({ kind: 'allow', context: {}, usageIdentifierKey: 'authorizer-key-000000001' });
    expect(send(world, { api }, { authorize: withKey }).statusCode).toBe(200);
    expect(send(world, { api }, { authorize: answering({ kind: 'allow', context: {} }) }).statusCode).toBe(403);
  });
});
