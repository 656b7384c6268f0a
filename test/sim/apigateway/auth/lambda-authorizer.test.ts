// Proves the Lambda authorizer rules of APIGW-12 and APIGW-14 with exact client outcomes: a missing
// or empty identity source and a token failing the validation expression give 401 without invoking
// the function; "Unauthorized" → 401; other errors → 500 AUTHORIZER_FAILURE; malformed output and
// nested context → 500 AUTHORIZER_CONFIGURATION_ERROR; Deny → 403 explicit deny; no matching Allow →
// 403; Allow passes principalId, context and usageIdentifierKey on; the resource policy joins per
// table A. Method: a fake invokeFunction port that counts calls; caching is off unless a test needs it.
import { describe, expect, it } from 'vitest';
import { fail, awsError } from '../../../../src/sim/result.js';
import { authorize } from '../../../../src/sim/apigateway/auth/index.js';
import { createWorld } from '../../../../src/sim/world.js';
import { fakeLambda, methodArnOf, methodContext, policyOutput, requestAuthorizer, returns, throws, tokenAuthorizer, withToken, incoming } from './fixtures.js';

const GET_ORDERS = methodArnOf('GET', '/orders');
const noCache = tokenAuthorizer({ resultTtlSeconds: 0 });

describe('identity sources and the validation expression (APIGW-12)', () => {
  it.each([
    ['absent', incoming()],
    ['empty', withToken('')],
  ])('answers 401 without invoking when the Authorization header is %s', (_label, request) => {
    const lambda = fakeLambda(() => returns(policyOutput('Allow', '*')));
    const outcome = authorize(createWorld(), noCache, request, methodContext(), lambda.ports);
    expect(outcome).toEqual({ kind: 'unauthorized', reason: 'identity source method.request.header.Authorization is missing or empty; the authorizer was not called' });
    expect(lambda.calls()).toBe(0);
  });

  it('finds the header whatever the case of its name', () => {
    const lambda = fakeLambda(() => returns(policyOutput('Allow', '*')));
    const config = tokenAuthorizer({ resultTtlSeconds: 0, identitySource: 'method.request.header.X-Auth-Token' });
    expect(authorize(createWorld(), config, incoming({ headers: { 'x-auth-token': 'abc' } }), methodContext(), lambda.ports).kind).toBe('allow');
    expect(lambda.events).toEqual([{ type: 'TOKEN', authorizationToken: 'abc', methodArn: GET_ORDERS }]);
  });

  it('answers 401 without invoking when the token fails the validation expression, and invokes when it matches', () => {
    const lambda = fakeLambda(() => returns(policyOutput('Allow', '*')));
    const config = tokenAuthorizer({ resultTtlSeconds: 0, identityValidationExpression: 'Bearer [a-z0-9]+' });
    const world = createWorld();
    expect(authorize(world, config, withToken('Basic abc'), methodContext(), lambda.ports)).toMatchInlineSnapshot(`
      {
        "kind": "unauthorized",
        "reason": "the token does not match the validation expression Bearer [a-z0-9]+; the authorizer was not called",
      }
    `);
    expect(authorize(world, config, withToken('Bearer abc Bearer'), methodContext(), lambda.ports).kind).toBe('unauthorized');
    expect(lambda.calls()).toBe(0);
    expect(authorize(world, config, withToken('Bearer abc123'), methodContext(), lambda.ports).kind).toBe('allow');
    expect(lambda.calls()).toBe(1);
  });

  it('REQUEST: any missing source of several gives 401 without invoking', () => {
    const lambda = fakeLambda(() => returns(policyOutput('Allow', '*')));
    const config = requestAuthorizer(['method.request.header.X-Tenant', 'method.request.querystring.key', 'stageVariables.env'], 0);
    const world = createWorld();
    const missingQuery = authorize(world, config, incoming({ headers: { 'x-tenant': 't1' } }), methodContext(), lambda.ports);
    expect(missingQuery).toEqual({ kind: 'unauthorized', reason: 'identity source method.request.querystring.key is missing or empty; the authorizer was not called' });
    expect(lambda.calls()).toBe(0);
    expect(authorize(world, config, incoming({ headers: { 'x-tenant': 't1' }, query: { key: 'k' } }), methodContext(), lambda.ports).kind).toBe('allow');
    expect(lambda.calls()).toBe(1);
  });
});

describe('function errors and output (APIGW-12)', () => {
  const run = (answer: Parameters<typeof fakeLambda>[0]) => authorize(createWorld(), noCache, withToken('t'), methodContext(), fakeLambda(answer).ports);

  it('turns the literal error "Unauthorized" into 401', () => {
    expect(run(() => throws('Unauthorized'))).toEqual({ kind: 'unauthorized', reason: 'the authorizer function raised "Unauthorized"' });
  });

  it.each(['unauthorized', 'Unauthorized.', 'Forbidden', 'Task timed out after 3.00 seconds'])('turns the error %j into 500 AUTHORIZER_FAILURE', (message) => {
    expect(run(() => throws(message))).toEqual({ kind: 'error', gatewayResponse: 'AUTHORIZER_FAILURE', reason: `the authorizer function failed: ${message}` });
  });

  it('turns a failed invocation (e.g. throttled) into 500 AUTHORIZER_FAILURE', () => {
    const outcome = run(() => fail(awsError('TooManyRequestsException', 429, 'Rate Exceeded.')));
    expect(outcome).toEqual({ kind: 'error', gatewayResponse: 'AUTHORIZER_FAILURE', reason: 'invoking auth-fn failed: TooManyRequestsException: Rate Exceeded.' });
  });

  it.each([
    ['not JSON', { payload: 'oops' }, 'the authorizer function returned something that is not a JSON object'],
    ['no principalId', returns({ policyDocument: policyOutput('Allow', '*')['policyDocument'] }), 'the authorizer output has no principalId'],
    ['a nested context object', returns(policyOutput('Allow', '*', { context: { user: { id: 1 } } })), 'the authorizer output has a bad context: context.user is an object; only string, number and boolean values are allowed'],
    ['a null context value', returns(policyOutput('Allow', '*', { context: { note: null } })), 'the authorizer output has a bad context: context.note is null; only string, number and boolean values are allowed'],
    ['a context array', returns(policyOutput('Allow', '*', { context: { roles: ['a'] } })), 'the authorizer output has a bad context: context.roles is an array; only string, number and boolean values are allowed'],
  ])('turns output with %s into 500 AUTHORIZER_CONFIGURATION_ERROR', (_label, answer, reason) => {
    expect(run(() => answer)).toEqual({ kind: 'error', gatewayResponse: 'AUTHORIZER_CONFIGURATION_ERROR', reason });
  });

  it('turns output without a usable policy document into 500 AUTHORIZER_CONFIGURATION_ERROR', () => {
    const outcome = run(() => returns({ principalId: 'u', policyDocument: { Statement: [{ Effect: 'allow' }] } }));
    expect(outcome.kind === 'error' && outcome.gatewayResponse).toBe('AUTHORIZER_CONFIGURATION_ERROR');
  });
});

describe('the policy decision (APIGW-12, APIGW-14, IAM-01)', () => {
  const run = (output: Record<string, unknown>, resourcePolicy?: unknown) =>
    authorize(createWorld(), noCache, withToken('t'), methodContext('GET', '/orders', resourcePolicy === undefined ? {} : { resourcePolicy: JSON.stringify(resourcePolicy) }), fakeLambda(() => returns(output)).ports);

  it('allows and passes principalId, flat context and usageIdentifierKey to the integration', () => {
    const output = policyOutput('Allow', GET_ORDERS, { context: { tier: 'gold', quota: 5, isAdmin: false }, usageIdentifierKey: 'key-1' });
    expect(run(output)).toEqual({ kind: 'allow', principalId: 'user-7', context: { tier: 'gold', quota: 5, isAdmin: false }, usageIdentifierKey: 'key-1' });
  });

  it('answers 403 with the explicit-deny message for a Deny', () => {
    expect(run(policyOutput('Deny', GET_ORDERS))).toMatchObject({ kind: 'forbidden', gatewayResponse: 'ACCESS_DENIED', message: 'User is not authorized to access this resource with an explicit deny' });
  });

  it('answers 403 "User is not authorized to access this resource" when no statement allows the method', () => {
    expect(run(policyOutput('Allow', methodArnOf('POST', '/orders')))).toMatchObject({ kind: 'forbidden', message: 'User is not authorized to access this resource' });
  });

  it('a Deny beats an Allow in the same policy (IAM-01)', () => {
    const output = { principalId: 'u', policyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' }, { Effect: 'Deny', Action: 'execute-api:Invoke', Resource: GET_ORDERS }] } };
    expect(run(output)).toMatchObject({ kind: 'forbidden', message: 'User is not authorized to access this resource with an explicit deny' });
  });

  const resourcePolicy = (effect: 'Allow' | 'Deny') => ({ Version: '2012-10-17', Statement: [{ Effect: effect, Principal: '*', Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*` }] });
  const silentAllow = policyOutput('Allow', methodArnOf('DELETE', '/other'));

  it.each([
    ['Allow + Allow', policyOutput('Allow', GET_ORDERS), resourcePolicy('Allow'), 'allow'],
    ['Allow + silent', policyOutput('Allow', GET_ORDERS), undefined, 'allow'],
    ['silent + Allow', silentAllow, resourcePolicy('Allow'), 'allow'],
    ['silent + silent', silentAllow, undefined, 'User is not authorized to access this resource'],
    ['Allow + Deny', policyOutput('Allow', GET_ORDERS), resourcePolicy('Deny'), 'User is not authorized to access this resource with an explicit deny'],
    ['Deny + Allow', policyOutput('Deny', GET_ORDERS), resourcePolicy('Allow'), 'User is not authorized to access this resource with an explicit deny'],
  ])('follows APIGW-14 table A (same account): authorizer %s resource policy', (_label, output, policy, expected) => {
    const outcome = run(output, policy);
    expect(outcome.kind === 'allow' ? 'allow' : outcome.kind === 'forbidden' && outcome.message).toBe(expected);
  });

  it('stops at a resource-policy Deny before invoking the function (pre-auth, APIGW-14)', () => {
    const lambda = fakeLambda(() => returns(policyOutput('Allow', '*')));
    const method = methodContext('GET', '/orders', { resourcePolicy: JSON.stringify(resourcePolicy('Deny')) });
    expect(authorize(createWorld(), noCache, withToken('t'), method, lambda.ports)).toMatchObject({ kind: 'forbidden', message: 'User is not authorized to access this resource with an explicit deny' });
    expect(lambda.calls()).toBe(0);
  });

  it('answers 500 AUTHORIZER_CONFIGURATION_ERROR when the API resource policy is not JSON', () => {
    expect(run(policyOutput('Allow', '*'), undefined).kind).toBe('allow');
    const method = methodContext('GET', '/orders', { resourcePolicy: '{not json' });
    expect(authorize(createWorld(), noCache, withToken('t'), method, fakeLambda(() => returns({})).ports)).toEqual({ kind: 'error', gatewayResponse: 'AUTHORIZER_CONFIGURATION_ERROR', reason: 'the API resource policy is not valid JSON' });
  });
});

describe('the trace', () => {
  it('records one authorizer-decided event per request with cache use, invocation and status', () => {
    const world = createWorld();
    const lambda = fakeLambda(() => returns(policyOutput('Allow', GET_ORDERS)));
    authorize(world, tokenAuthorizer(), withToken('t'), methodContext(), lambda.ports);
    authorize(world, tokenAuthorizer(), withToken('t'), methodContext('POST'), lambda.ports);
    authorize(world, tokenAuthorizer(), incoming(), methodContext(), lambda.ports);
    const rows = world.trace.all().map((event) => [event.operation, event.outcome, event.detail['cache'], event.detail['isFunctionInvoked'], event.detail['statusCode']]);
    expect(rows).toEqual([
      ['authorizer-decided', 'ok', 'miss', true, 200],
      ['authorizer-decided', 'ACCESS_DENIED', 'hit', false, 403],
      ['authorizer-decided', 'UNAUTHORIZED', 'not-reached', false, 401],
    ]);
  });
});
