// Proves the life of a WebSocket connection with exact outcomes: `$connect` decides (no route =
// accepted; a Lambda answering non-2xx or throwing refuses it), connection ids are AWS-shaped and the
// same for the same seed, the idle timeout closes a connection exactly 10 minutes after the client's last
// message (open at 9:59, GoneException at 10:00) and the 2-hour maximum closes even an active one
// (APIGW-01), both with a `$disconnect` event; the client's close also runs `$disconnect`; the 501st
// connection in one instant is refused with 429 (500 new connections per second, APIGW-01).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../../src/sim/index.js';
import { connect } from '../../../../src/sim/apigateway/websocket/connections.js';
import { connectionIdOf, findWsApi } from '../../../../src/sim/apigateway/websocket/model.js';
import { IDLE_TIMEOUT_MS, MAX_CONNECTION_DURATION_MS, NEW_CONNECTIONS_PER_SECOND } from '../../../../src/sim/apigateway/websocket/limits.js';
import { chatApi, connectAs, errorText, received, route, run, send } from './helpers.js';

const disconnects = (api: ReturnType<typeof chatApi>) => api.session.world.trace.all().filter((e) => e.operation === 'ws-disconnect').map((e) => [e.detail['closeCode'], e.detail['disconnect']]);

describe('$connect decides', () => {
  it('accepts a connection when the API has no $connect route', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    expect(connectAs(api, 'alice')).toMatchObject({ connected: true, stage: 'prod' });
  });

  it('refuses with the status a Lambda answers outside 2xx, and accepts with a 2xx', () => {
    const api = chatApi({ chat: 'catalog.ws-chat' });
    route(api, '$connect', 'chat');
    expect(connectAs(api, 'nobody')).toMatchObject({ connected: false, statusCode: 400, reason: '$connect answered 400' });
    expect(connectAs(api, 'alice', '--query name=alice')).toMatchObject({ connected: true });
  });

  it('refuses with 500 when the $connect function throws', () => {
    const api = chatApi({ boom: 'catalog.throw' });
    route(api, '$connect', 'boom');
    expect(connectAs(api, 'alice')).toMatchObject({ connected: false, statusCode: 500 });
  });

  it('refuses with 403 on a stage that does not exist', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    expect(connectAs(api, 'alice', '--stage dev')).toMatchObject({ connected: false, statusCode: 403 });
  });
});

describe('connection ids', () => {
  it('look like API Gateway ids and repeat for the same seed', () => {
    const ids = (seed: number) => { const world = createWorld({ seed }); return [connectionIdOf(world), connectionIdOf(world)]; };
    expect(ids(1)).toEqual(ids(1));
    expect(ids(1)).not.toEqual(ids(2));
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
      for (const id of ids(seed)) expect(id).toMatch(/^[A-Za-z0-9+/]{15}=$/);
    }));
  });

  it('are the same in two sandboxes run with the same seed', () => {
    const first = chatApi({ echo: 'catalog.ws-echo' }, 3);
    const second = chatApi({ echo: 'catalog.ws-echo' }, 3);
    expect(connectAs(first, 'a')['connectionId']).toBe(connectAs(second, 'a')['connectionId']);
  });
});

describe('idle timeout (APIGW-01: 10 minutes)', () => {
  const getConnection = (api: ReturnType<typeof chatApi>, id: unknown) => `aws apigatewaymanagementapi get-connection --connection-id ${String(id)} --endpoint-url ${api.endpointUrl}`;

  it('keeps the connection at 9:59 and closes it at exactly 10:00 without a client message', () => {
    expect(IDLE_TIMEOUT_MS).toBe(600_000);
    const api = chatApi({ echo: 'catalog.ws-echo' });
    route(api, '$disconnect', 'echo');
    const id = connectAs(api, 'alice')['connectionId'];
    run(api.session, 'sim clock advance 9m59s');
    expect(run(api.session, getConnection(api, id))).toMatchObject({ ConnectedAt: '2026-01-01T00:00:00+00:00', LastActiveAt: '2026-01-01T00:00:00+00:00' });
    run(api.session, 'sim clock advance 1s');
    expect(errorText(api.session, getConnection(api, id))).toMatchInlineSnapshot(`"An error occurred (GoneException) when calling the GetConnection operation: The connection with the provided id no longer exists."`);
    expect(received(api, 'alice')).toEqual([{ time: '2026-01-01T00:10:00.000Z', secondsSinceConnect: 600, kind: 'close', data: '1001 Idle timeout: no message from the client for 10 minutes' }]);
    expect(disconnects(api)).toEqual([[1001, 'answered 200']]);
  });

  it('starts again at each client message', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    route(api, '$default', 'echo');
    connectAs(api, 'alice');
    run(api.session, 'sim clock advance 5m');
    send(api, 'alice', 'still here');
    run(api.session, 'sim clock advance 9m59s');
    expect(run(api.session, 'sim ws messages alice')['status']).toBe('open');
    run(api.session, 'sim clock advance 1s');
    expect(received(api, 'alice').at(-1)).toMatchObject({ kind: 'close', secondsSinceConnect: 900 });
  });
});

describe('maximum duration (APIGW-01: 2 hours)', () => {
  it('closes an active connection exactly 2 hours after it opened', () => {
    expect(MAX_CONNECTION_DURATION_MS).toBe(7_200_000);
    const api = chatApi({ echo: 'catalog.ws-echo' });
    route(api, '$default', 'echo');
    connectAs(api, 'alice');
    for (let minute = 7; minute <= 119; minute += 7) {
      run(api.session, 'sim clock advance 7m');
      send(api, 'alice', 'ping'); // never idle for 10 minutes
    }
    run(api.session, 'sim clock advance 59s'); // 1:59:59 after connecting
    expect(run(api.session, 'sim ws messages alice')['status']).toBe('open');
    run(api.session, 'sim clock advance 1s');
    expect(received(api, 'alice').at(-1)).toEqual({ time: '2026-01-01T02:00:00.000Z', secondsSinceConnect: 7_200, kind: 'close', data: '1001 Maximum connection duration of 2 hours reached' });
  });
});

describe('closing from the client', () => {
  it('runs $disconnect with the close code, after which the client cannot send', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    route(api, '$disconnect', 'echo');
    connectAs(api, 'alice');
    expect(run(api.session, 'sim ws close alice')).toMatchObject({ closeCode: 1000 });
    expect(disconnects(api)).toEqual([[1000, 'answered 200']]);
    expect(errorText(api.session, "sim ws send alice 'hi'")).toMatch(/is closed \(1000 Closed by the client\); the client cannot send on it/);
  });
});

describe('new connections per second (APIGW-01: 500)', () => {
  it('refuses the 501st connection of one instant with 429 and accepts again once tokens refill', () => {
    expect(NEW_CONNECTIONS_PER_SECOND).toBe(500);
    const api = chatApi({ echo: 'catalog.ws-echo' });
    const world = api.session.world;
    const wsApi = findWsApi(world, 'chat-api')!;
    const open = () => connect(world, wsApi, { apiId: api.apiId, stage: 'prod', headers: {}, query: {}, sourceIp: '203.0.113.10' });
    const outcomes = Array.from({ length: 501 }, open);
    expect(outcomes.filter((o) => o.connected)).toHaveLength(500);
    expect(outcomes.at(-1)).toMatchObject({ connected: false, statusCode: 429 });
    world.advance(2); // 500 per second = one token every 2 ms
    expect(open()).toMatchObject({ connected: true });
  });
});
