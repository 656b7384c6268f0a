// Proves the @connections management API with exact outcomes: post-to-connection reaches the client
// (in order, with virtual times), get-connection shows ConnectedAt/LastActiveAt/Identity, delete-connection
// closes the connection and runs `$disconnect`; a closed connection answers GoneException (410); a post
// over 128 KB answers PayloadTooLargeException (APIGW-01); a wrong endpoint answers ForbiddenException;
// a connection still in its `$connect` is not yet postable (410); an empty account bucket answers
// LimitExceededException (429, APIGW-04).
import { describe, expect, it } from 'vitest';
import { apiGatewayState } from '../../../../src/sim/apigateway/model.js';
import { postToConnection } from '../../../../src/sim/apigateway/websocket/index.js';
import { MESSAGE_MAX_BYTES } from '../../../../src/sim/apigateway/websocket/limits.js';
import { chatApi, connectAs, errorText, received, route, run } from './helpers.js';

const post = (api: ReturnType<typeof chatApi>, id: unknown, data: string, endpoint = api.endpointUrl) =>
  `aws apigatewaymanagementapi post-to-connection --connection-id ${String(id)} --endpoint-url ${endpoint} --data '${data}'`;

describe('post-to-connection', () => {
  it('delivers messages in order with their virtual times', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    const id = connectAs(api, 'alice')['connectionId'];
    expect(run(api.session, post(api, id, 'first'))).toEqual({});
    run(api.session, 'sim clock advance 90s');
    run(api.session, post(api, id, 'second'));
    expect(received(api, 'alice')).toEqual([
      { time: '2026-01-01T00:00:00.000Z', secondsSinceConnect: 0, kind: 'message', data: 'first' },
      { time: '2026-01-01T00:01:30.000Z', secondsSinceConnect: 90, kind: 'message', data: 'second' },
    ]);
  });

  it('answers GoneException once the client has closed', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    const id = connectAs(api, 'alice')['connectionId'];
    run(api.session, 'sim ws close alice');
    expect(errorText(api.session, post(api, id, 'late'))).toMatchInlineSnapshot(`"An error occurred (GoneException) when calling the PostToConnection operation: The connection with the provided id no longer exists."`);
  });

  it('takes exactly 128 KB and refuses one byte more', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    const id = connectAs(api, 'alice')['connectionId'];
    const world = api.session.world;
    expect(postToConnection(world, api.endpointUrl, String(id), 'a'.repeat(MESSAGE_MAX_BYTES)).ok).toBe(true);
    const tooBig = postToConnection(world, api.endpointUrl, String(id), 'a'.repeat(MESSAGE_MAX_BYTES + 1));
    expect(tooBig.ok ? undefined : [tooBig.error.name, tooBig.error.statusCode]).toEqual(['PayloadTooLargeException', 413]);
  });

  it('answers LimitExceededException when the account bucket shared with REST and HTTP APIs is empty (APIGW-04)', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    const id = connectAs(api, 'alice')['connectionId'];
    apiGatewayState(api.session.world).buckets['account'] = { tokens: 0, lastRefillMs: api.session.world.nowMs };
    expect(errorText(api.session, post(api, id, 'x'))).toMatchInlineSnapshot(`"An error occurred (LimitExceededException) when calling the PostToConnection operation: Rate exceeded"`);
  });

  it('answers ForbiddenException at the endpoint of another stage, and explains a malformed one', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    const id = connectAs(api, 'alice')['connectionId'];
    expect(errorText(api.session, post(api, id, 'x', `https://${api.apiId}.execute-api.us-east-1.amazonaws.com/dev`))).toMatchInlineSnapshot(`"An error occurred (ForbiddenException) when calling the PostToConnection operation: Forbidden"`);
    expect(errorText(api.session, post(api, id, 'x', 'https://example.com'))).toMatchInlineSnapshot(`"An error occurred (InvalidEndpoint) when calling the PostToConnection operation: --endpoint-url must be the stage's callback URL https://API_ID.execute-api.REGION.amazonaws.com/STAGE, got 'https://example.com'"`);
  });

  it('answers GoneException to a post made while $connect still runs (the welcome never arrives)', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    route(api, '$connect', 'echo'); // ws-echo posts "welcome" from $connect, as a careless backend would
    connectAs(api, 'alice');
    const posts = api.session.world.trace.all().filter((e) => e.operation === 'ws-post-to-connection').map((e) => e.outcome);
    expect(posts).toEqual(['GoneException']);
    expect(received(api, 'alice')).toEqual([]);
  });
});

describe('get-connection and delete-connection', () => {
  it('shows when the connection opened and was last active, and who the client is', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    route(api, '$default', 'echo');
    const id = connectAs(api, 'alice', '--source-ip 198.51.100.7')['connectionId'];
    run(api.session, 'sim clock advance 3m');
    run(api.session, "sim ws send alice 'hi'");
    run(api.session, 'sim clock advance 1m');
    expect(run(api.session, `aws apigatewaymanagementapi get-connection --connection-id ${String(id)} --endpoint-url ${api.endpointUrl}`)).toEqual({
      ConnectedAt: '2026-01-01T00:00:00+00:00', Identity: { SourceIp: '198.51.100.7', UserAgent: 'wscat' }, LastActiveAt: '2026-01-01T00:03:00+00:00',
    });
  });

  it('closes the connection from the backend, runs $disconnect, and is Gone afterwards', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    route(api, '$disconnect', 'echo');
    const id = connectAs(api, 'alice')['connectionId'];
    const del = `aws apigatewaymanagementapi delete-connection --connection-id ${String(id)} --endpoint-url ${api.endpointUrl}`;
    expect(run(api.session, del)).toEqual({});
    expect(received(api, 'alice')).toEqual([{ time: '2026-01-01T00:00:00.000Z', secondsSinceConnect: 0, kind: 'close', data: '1000 Closed by the backend (delete-connection)' }]);
    expect(api.session.world.trace.all().filter((e) => e.operation === 'ws-disconnect').map((e) => e.detail['disconnect'])).toEqual(['answered 200']);
    expect(errorText(api.session, del)).toMatch(/^An error occurred \(GoneException\)/);
  });
});
