// Proves the Lambda proxy contract: the REST event (payload 1.0) and the HTTP API event (payload 2.0)
// carry exactly the field names of @types/aws-lambda's APIGatewayProxyEvent / APIGatewayProxyEventV2,
// EDGE endpoints deliver capitalised header names (APIGW-02), authorizer output arrives under requestContext.authorizer with context values as strings (APIGW-12),
// and a response that is not {statusCode, headers?, body: string, isBase64Encoded?} is malformed (APIGW-09).
import type { APIGatewayEventRequestContext, APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { readProxyResponse } from '../../../src/sim/apigateway/proxy-event.js';
import { allowHeaderAuthorizer, httpApi, makeFunction, newWorld, restApi, send } from './fixtures.js';

const V1_KEYS = {
  body: true, headers: true, multiValueHeaders: true, httpMethod: true, isBase64Encoded: true, path: true, pathParameters: true,
  queryStringParameters: true, multiValueQueryStringParameters: true, stageVariables: true, requestContext: true, resource: true,
} satisfies Record<keyof APIGatewayProxyEvent, true>;

const V1_CONTEXT_KEYS: (keyof APIGatewayEventRequestContext)[] = [
  'accountId', 'apiId', 'authorizer', 'domainName', 'domainPrefix', 'extendedRequestId', 'httpMethod', 'identity', 'path', 'protocol', 'requestId',
  'requestTime', 'requestTimeEpoch', 'resourceId', 'resourcePath', 'stage',
];

const V2_KEYS: (keyof APIGatewayProxyEventV2)[] = ['version', 'routeKey', 'rawPath', 'rawQueryString', 'headers', 'queryStringParameters', 'requestContext', 'pathParameters', 'isBase64Encoded', 'stageVariables', 'body'];

function restEvent(endpointType: 'EDGE' | 'REGIONAL' = 'EDGE'): APIGatewayProxyEvent {
  const world = newWorld();
  makeFunction(world, 'orders');
  const api = restApi(world, {
    endpointType,
    routes: [{ method: 'POST', path: '/orders/{id}', integration: { type: 'AWS_PROXY', functionName: 'orders' }, authorizationType: 'CUSTOM', authorizer: 'tokens' }],
    authorizers: [{ type: 'TOKEN', name: 'tokens', functionName: 'auth', identitySource: 'method.request.header.Authorization', resultTtlSeconds: 300 }],
    stages: [{ name: 'prod', variables: { table: 'Orders' } }],
  });
  const response = send(world, { api, method: 'POST', path: '/orders/42?expand=items', headers: { Authorization: 'allow' }, body: '{"n":1}' }, { authorize: allowHeaderAuthorizer });
  expect(response.statusCode).toBe(200);
  return JSON.parse(response.body) as APIGatewayProxyEvent;
}

describe('payload format 1.0 (REST)', () => {
  it('has exactly the fields of APIGatewayProxyEvent', () => {
    const event = restEvent();
    expect(Object.keys(event).sort()).toEqual(Object.keys(V1_KEYS).sort());
    expect(Object.keys(event.requestContext).sort()).toEqual([...V1_CONTEXT_KEYS].sort());
  });

  it('carries the request: path parameters, query, body, stage variables, resource path', () => {
    const event = restEvent();
    expect(event).toMatchObject({
      resource: '/orders/{id}', path: '/orders/42', httpMethod: 'POST', body: '{"n":1}', pathParameters: { id: '42' },
      queryStringParameters: { expand: 'items' }, multiValueQueryStringParameters: { expand: ['items'] }, stageVariables: { table: 'Orders' },
    });
    expect(event.headers['Authorization']).toBe('allow');
    expect(event.requestContext).toMatchObject({ resourcePath: '/orders/{id}', stage: 'prod', path: '/prod/orders/42', httpMethod: 'POST', requestTime: '01/Jan/2026:00:00:00 +0000' });
  });

  it('capitalises header names and adds CloudFront headers on an edge-optimized API, not on a Regional one (APIGW-02)', () => {
    const edge = restEvent('EDGE').headers;
    const regional = restEvent('REGIONAL').headers;
    expect(Object.keys(edge).sort()).toEqual(['Authorization', 'CloudFront-Forwarded-Proto', 'CloudFront-Viewer-Country', 'Host', 'Via', 'X-Forwarded-For', 'X-Forwarded-Port', 'X-Forwarded-Proto']);
    expect(Object.keys(regional).sort()).toEqual(['authorization', 'host', 'x-forwarded-for', 'x-forwarded-port', 'x-forwarded-proto']);
  });

  it('passes principalId and the context, every value as a string (APIGW-12)', () => {
    expect(restEvent().requestContext.authorizer).toEqual({ principalId: 'user-1', tier: 'gold', credits: '3', admin: 'false' });
  });
});

describe('payload format 2.0 (HTTP API)', () => {
  it('has only fields of APIGatewayProxyEventV2, with routeKey and path parameters', () => {
    const world = newWorld();
    makeFunction(world, 'orders');
    const api = httpApi(world);
    const event = JSON.parse(send(world, { api, path: '/orders/7?x=1' }).body) as APIGatewayProxyEventV2;
    for (const key of Object.keys(event)) expect(V2_KEYS).toContain(key);
    expect(event).toMatchObject({ version: '2.0', routeKey: 'GET /orders/{id}', rawPath: '/orders/7', rawQueryString: 'x=1', pathParameters: { id: '7' }, isBase64Encoded: false });
    expect(event.requestContext.http).toMatchObject({ method: 'GET', path: '/orders/7', protocol: 'HTTP/1.1' });
  });
});

describe('reading the proxy response (APIGW-09)', () => {
  it('accepts statusCode + headers + string body', () => {
    expect(readProxyResponse('{"statusCode":201,"headers":{"x-a":"1"},"body":"made"}', '1.0')).toEqual({ statusCode: 201, headers: { 'x-a': '1' }, body: 'made' });
  });

  it('decodes a base64 body', () => {
    expect(readProxyResponse('{"statusCode":200,"body":"aGk=","isBase64Encoded":true}', '1.0')?.body).toBe('hi');
  });

  it.each([
    ['a bare string', '"hello"'],
    ['a body that is an object', '{"statusCode":200,"body":{"a":1}}'],
    ['no statusCode', '{"body":"x"}'],
    ['a statusCode string', '{"statusCode":"200","body":"x"}'],
    ['nested header values', '{"statusCode":200,"headers":{"a":{"b":1}}}'],
    ['not JSON', 'oops'],
  ])('rejects %s as malformed in format 1.0', (_name, payload) => {
    expect(readProxyResponse(payload, '1.0')).toBeUndefined();
  });

  it('format 2.0 turns any other JSON into a 200 JSON response', () => {
    expect(readProxyResponse('{"orders":[]}', '2.0')).toEqual({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"orders":[]}' });
  });
});
