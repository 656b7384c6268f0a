// Proves what happens to a client message, exactly: `{"action":"join"}` runs the `join` route, text and
// unknown actions run `$default`, and with no `$default` the client gets the Forbidden error frame; a
// failing integration gives "Internal server error"; only a route with a route response answers the
// client; the 128 KB limit (APIGW-01) is inclusive and a bigger message closes the connection with 1009;
// messages take the account token shared with REST and HTTP APIs (APIGW-04); a stage without
// auto-deploy serves the routes of its deployment.
import { describe, expect, it } from 'vitest';
import { apiGatewayState } from '../../../../src/sim/apigateway/model.js';
import { MESSAGE_MAX_BYTES } from '../../../../src/sim/apigateway/websocket/limits.js';
import { chatApi, connectAs, received, route, run, send } from './helpers.js';

describe('route selection on the wire', () => {
  it('runs the custom route for a matching action and $default for text or unknown actions', () => {
    const api = chatApi({ echo: 'catalog.ws-echo', ok: 'catalog.http-ok' });
    route(api, 'join', 'ok');
    route(api, '$default', 'echo');
    connectAs(api, 'alice');
    expect(send(api, 'alice', '{"action":"join"}')).toMatchObject({ routeKey: 'join', selected: 'join', result: 'routed' });
    expect(send(api, 'alice', 'hello')).toMatchObject({ routeKey: '$default', result: 'routed' });
    expect(send(api, 'alice', '{"action":"leave"}')).toMatchObject({ routeKey: '$default', selected: 'leave' });
    expect(received(api, 'alice').map((f) => f.data)).toEqual(['hello', '{"action":"leave"}']); // ws-echo posted them back
  });

  it('answers the Forbidden error frame when nothing matches and there is no $default', () => {
    const api = chatApi({ ok: 'catalog.http-ok' });
    route(api, 'join', 'ok');
    connectAs(api, 'alice');
    const sent = send(api, 'alice', 'hello');
    expect(sent).toMatchObject({ result: 'no-route' });
    expect(sent['reply']).toMatchInlineSnapshot(`"{"message":"Forbidden","connectionId":"9kwhZys37gxIKS4=","requestId":"RlXtNEZE4fjzeC4="}"`);
  });

  it('answers Internal server error when the integration fails', () => {
    const api = chatApi({ boom: 'catalog.throw' });
    route(api, '$default', 'boom');
    connectAs(api, 'alice');
    expect(JSON.parse(String(send(api, 'alice', 'x')['reply']))).toMatchObject({ message: 'Internal server error' });
  });

  it("sends the integration's body back only when the route has a route response", () => {
    const api = chatApi({ ok: 'catalog.http-ok' });
    const routeId = route(api, 'join', 'ok');
    connectAs(api, 'alice');
    expect(send(api, 'alice', '{"action":"join"}')['reply']).toBeUndefined();
    run(api.session, `aws apigatewayv2 create-route-response --api-id ${api.apiId} --route-id ${routeId} --route-response-key '$default'`);
    const event = JSON.parse(String(send(api, 'alice', '{"action":"join"}')['reply'])) as { requestContext: Record<string, unknown>; body: string };
    expect(event.body).toBe('{"action":"join"}');
    expect(event.requestContext).toMatchObject({ routeKey: 'join', eventType: 'MESSAGE', stage: 'prod', apiId: api.apiId, domainName: `${api.apiId}.execute-api.us-east-1.amazonaws.com` });
  });
});

describe('message size (APIGW-01: 128 KB in frames of 32 KB)', () => {
  it('accepts exactly 128 KB in 4 frames and closes the connection with 1009 one byte over', () => {
    const api = chatApi({ echo: 'catalog.http-ok' });
    route(api, '$default', 'echo');
    connectAs(api, 'alice');
    expect(send(api, 'alice', 'a'.repeat(MESSAGE_MAX_BYTES))).toMatchObject({ result: 'routed', frames: 4 });
    expect(send(api, 'alice', 'a'.repeat(MESSAGE_MAX_BYTES + 1))).toMatchObject({ result: 'closed-too-big', frames: 5 });
    expect(received(api, 'alice').at(-1)).toMatchObject({ kind: 'close', data: '1009 Message too big: 131073 bytes, the limit is 131072' });
  });
});

describe('account throttle (APIGW-04)', () => {
  it('shares the account bucket with REST and HTTP APIs: an empty bucket throttles a message', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    route(api, '$default', 'echo');
    connectAs(api, 'alice');
    apiGatewayState(api.session.world).buckets['account'] = { tokens: 0, lastRefillMs: api.session.world.nowMs };
    const sent = send(api, 'alice', 'hi');
    expect(sent).toMatchObject({ result: 'throttled' });
    expect(JSON.parse(String(sent['reply']))).toMatchObject({ message: 'Too Many Requests' });
    run(api.session, 'sim clock advance 1ms'); // 10 tokens per ms come back (10,000 per second)
    expect(send(api, 'alice', 'hi')).toMatchObject({ result: 'routed' });
  });
});

describe('deployments', () => {
  it('serves a stage without auto-deploy the routes frozen by its deployment', () => {
    const api = chatApi({ ok: 'catalog.http-ok' });
    route(api, '$default', 'ok');
    run(api.session, `aws apigatewayv2 create-stage --api-id ${api.apiId} --stage-name v1`);
    expect(connectAs(api, 'early', '--stage v1')).toMatchObject({ connected: false, statusCode: 403 });
    run(api.session, `aws apigatewayv2 create-deployment --api-id ${api.apiId} --stage-name v1`);
    route(api, 'join', 'ok');
    connectAs(api, 'alice', '--stage v1');
    connectAs(api, 'bob', '--stage prod');
    expect(send(api, 'alice', '{"action":"join"}')).toMatchObject({ routeKey: '$default' });
    expect(send(api, 'bob', '{"action":"join"}')).toMatchObject({ routeKey: 'join' });
  });
});
