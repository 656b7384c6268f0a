// Proves the events a Lambda authorizer receives (APIGW-12): TOKEN `{type, authorizationToken,
// methodArn}`; REQUEST with headers, multi-value headers, query strings, path parameters, stage
// variables and request context; and, with the real Lambda service and its catalogue handlers
// (`catalog.token-authorizer`, `catalog.request-authorizer`) behind the port, the outcomes they give:
// "allow" → allow, "deny" → 403 explicit deny, anything else → "Unauthorized" → 401.
import { describe, expect, it } from 'vitest';
import { authorize, type AuthPorts } from '../../../../src/sim/apigateway/auth/index.js';
import { canonicalHeaderName, pathParametersOf } from '../../../../src/sim/apigateway/auth/lambda-event.js';
import { createFunction, invoke } from '../../../../src/sim/lambda/index.js';
import { ok } from '../../../../src/sim/result.js';
import { createWorld, type World } from '../../../../src/sim/world.js';
import { fakeLambda, incoming, methodArnOf, methodContext, policyOutput, requestAuthorizer, returns, tokenAuthorizer, withToken } from './fixtures.js';

describe('event shapes (APIGW-12)', () => {
  it('sends a REQUEST authorizer the request as the integration would see it', () => {
    const world = createWorld();
    const lambda = fakeLambda(() => returns(policyOutput('Allow', '*')));
    const request = incoming({ method: 'GET', path: '/orders/42', headers: { authorization: 'allow', 'x-tenant': 't1' }, query: { verbose: 'yes' } });
    authorize(world, requestAuthorizer(['method.request.header.Authorization'], 0), request, methodContext('GET', '/orders/{id}'), lambda.ports);
    expect(lambda.events).toEqual([
      {
        type: 'REQUEST',
        methodArn: methodArnOf('GET', '/orders/42'),
        resource: '/orders/{id}',
        path: '/orders/42',
        httpMethod: 'GET',
        headers: { Authorization: 'allow', 'X-Tenant': 't1' },
        multiValueHeaders: { Authorization: ['allow'], 'X-Tenant': ['t1'] },
        queryStringParameters: { verbose: 'yes' },
        multiValueQueryStringParameters: { verbose: ['yes'] },
        pathParameters: { id: '42' },
        stageVariables: { env: 'prod' },
        requestContext: {
          accountId: '123456789012',
          apiId: 'a1b2c3d4e5',
          stage: 'prod',
          httpMethod: 'GET',
          resourcePath: '/orders/{id}',
          path: '/prod/orders/42',
          identity: { sourceIp: '203.0.113.9' },
          requestTimeEpoch: 1_767_225_600_000,
        },
      },
    ]);
  });

  it('sends null for empty query strings, path parameters and stage variables', () => {
    const lambda = fakeLambda(() => returns(policyOutput('Allow', '*')));
    authorize(createWorld(), requestAuthorizer(['method.request.header.Authorization'], 0), withToken('x'), methodContext('GET', '/orders', { stageVariables: {} }), lambda.ports);
    expect(lambda.events[0]).toMatchObject({ queryStringParameters: null, multiValueQueryStringParameters: null, pathParameters: null, stageVariables: null });
  });

  it('reads stage variables and context values as identity sources', () => {
    const lambda = fakeLambda(() => returns(policyOutput('Allow', '*')));
    const config = requestAuthorizer(['stageVariables.env', 'context.identity.sourceIp'], 0);
    expect(authorize(createWorld(), config, incoming(), methodContext(), lambda.ports).kind).toBe('allow');
    expect(authorize(createWorld(), config, incoming(), methodContext('GET', '/orders', { stageVariables: {} }), lambda.ports).kind).toBe('unauthorized');
  });

  it('spells header names the usual way and matches greedy path parameters', () => {
    expect(['authorization', 'x-api-key', 'content-type'].map(canonicalHeaderName)).toEqual(['Authorization', 'X-Api-Key', 'Content-Type']);
    expect(pathParametersOf('/files/{proxy+}', '/files/a/b/c.txt')).toEqual({ proxy: 'a/b/c.txt' });
  });
});

/** The port the pipeline wires: a synchronous Invoke of the real Lambda service. */
const lambdaPorts: AuthPorts = {
  invokeFunction: (world, functionName, event) => {
    const answer = invoke(world, { functionName, invocationType: 'RequestResponse', payload: JSON.stringify(event) });
    if (!answer.ok) return answer;
    return ok({ payload: answer.value.payload, ...(answer.value.functionError === undefined ? {} : { functionError: answer.value.functionError }) });
  },
};

function worldWithAuthorizers(): World {
  const world = createWorld();
  for (const [name, handler] of [['token-auth', 'catalog.token-authorizer'], ['request-auth', 'catalog.request-authorizer']] as const) {
    expect(createFunction(world, { FunctionName: name, Runtime: 'nodejs22.x', Role: 'arn:aws:iam::123456789012:role/lambda-role', Handler: handler }).ok).toBe(true);
  }
  return world;
}

describe('with the real Lambda catalogue authorizers (APIGW-12)', () => {
  it.each([
    ['allow', 'allow'],
    ['deny', 'User is not authorized to access this resource with an explicit deny'],
    ['someone', 'unauthorized'],
  ])('TOKEN and REQUEST: token %j gives %s', (token, expected) => {
    const world = worldWithAuthorizers();
    const configs = [tokenAuthorizer({ functionName: 'token-auth', resultTtlSeconds: 0 }), { ...requestAuthorizer(['method.request.header.Authorization'], 0), functionName: 'request-auth' }];
    for (const config of configs) {
      const outcome = authorize(world, config, withToken(token), methodContext(), lambdaPorts);
      expect(outcome.kind === 'forbidden' ? outcome.message : outcome.kind).toBe(expected);
    }
  });

  it('passes the catalogue context on and answers 500 AUTHORIZER_FAILURE for a missing function', () => {
    const world = worldWithAuthorizers();
    expect(authorize(world, tokenAuthorizer({ functionName: 'token-auth' }), withToken('allow'), methodContext(), lambdaPorts)).toEqual({ kind: 'allow', principalId: 'user', context: { simulated: 'true' } });
    const missing = authorize(world, tokenAuthorizer({ functionName: 'nope', resultTtlSeconds: 0 }), withToken('allow'), methodContext(), lambdaPorts);
    expect(missing.kind === 'error' && missing.gatewayResponse).toBe('AUTHORIZER_FAILURE');
  });
});
