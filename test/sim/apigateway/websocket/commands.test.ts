// Proves the `aws apigatewayv2` rows on WebSocket APIs answer as the v2 API does: create-api needs a
// route selection expression the simulator reads, get-api / get-routes / delete-route, and the error
// text (inline snapshots) for an unknown predefined key, a duplicate route, an integration type that is
// not simulated; HTTP API requests through the same rows still work.
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../../src/sim/index.js';
import { chatApi, errorText, route, run } from './helpers.js';

describe('create-api', () => {
  it('answers the WebSocket shape', () => {
    const session = createSandbox({ seed: 2 });
    expect(run(session, "aws apigatewayv2 create-api --name live --protocol-type WEBSOCKET --route-selection-expression '$request.body.type'")).toMatchObject({
      ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.type', Name: 'live', ApiKeySelectionExpression: '$request.header.x-api-key',
    });
  });

  it('needs a $request.body route selection expression', () => {
    const session = createSandbox();
    expect(errorText(session, 'aws apigatewayv2 create-api --name live --protocol-type WEBSOCKET')).toMatchInlineSnapshot(`"An error occurred (BadRequestException) when calling the CreateApi operation: RouteSelectionExpression is required for a WEBSOCKET API"`);
    expect(errorText(session, "aws apigatewayv2 create-api --name live --protocol-type WEBSOCKET --route-selection-expression '$request.header.kind'")).toMatchInlineSnapshot(`"An error occurred (BadRequestException) when calling the CreateApi operation: The simulator reads route selection expressions of the form $request.body.NAME (nested: $request.body.a.b), got $request.header.kind"`);
  });

  it('still creates HTTP APIs', () => {
    const session = createSandbox();
    expect(run(session, 'aws apigatewayv2 create-api --name web --protocol-type HTTP')).toMatchObject({ ProtocolType: 'HTTP' });
  });
});

describe('routes', () => {
  it('lists, describes and deletes routes', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    const routeId = route(api, '$default', 'echo');
    route(api, 'sendmessage', 'echo');
    expect((run(api.session, `aws apigatewayv2 get-routes --api-id ${api.apiId}`)['Items'] as { RouteKey: string }[]).map((r) => r.RouteKey)).toEqual(['$default', 'sendmessage']);
    expect(run(api.session, `aws apigatewayv2 delete-route --api-id ${api.apiId} --route-id ${routeId}`)).toEqual({});
    expect((run(api.session, `aws apigatewayv2 get-routes --api-id chat-api`)['Items'] as { RouteKey: string }[]).map((r) => r.RouteKey)).toEqual(['sendmessage']);
    expect(run(api.session, `aws apigatewayv2 get-api --api-id ${api.apiId}`)).toMatchObject({ ApiEndpoint: `wss://${api.apiId}.execute-api.us-east-1.amazonaws.com`, ProtocolType: 'WEBSOCKET' });
  });

  it('explains what it refuses', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    route(api, '$default', 'echo');
    expect(errorText(api.session, `aws apigatewayv2 create-route --api-id ${api.apiId} --route-key '$default'`)).toMatchInlineSnapshot(`"An error occurred (ConflictException) when calling the CreateRoute operation: Unable to create route $default. A route with that key already exists"`);
    expect(errorText(api.session, `aws apigatewayv2 create-route --api-id ${api.apiId} --route-key '$message'`)).toMatchInlineSnapshot(`"An error occurred (BadRequestException) when calling the CreateRoute operation: Unable to create route $message: a WebSocket route key is $connect, $disconnect, $default or a custom key such as sendmessage"`);
    expect(errorText(api.session, `aws apigatewayv2 create-integration --api-id ${api.apiId} --integration-type HTTP_PROXY --integration-uri https://example.com`)).toMatchInlineSnapshot(`"An error occurred (BadRequestException) when calling the CreateIntegration operation: IntegrationType HTTP_PROXY is not simulated for WebSocket APIs: use AWS_PROXY (Lambda) or MOCK"`);
    expect(errorText(api.session, `aws apigatewayv2 delete-route --api-id ${api.apiId} --route-id nope`)).toMatchInlineSnapshot(`"An error occurred (NotFoundException) when calling the DeleteRoute operation: Invalid Route identifier specified nope"`);
  });
});
