// Proves the simulator agrees with the answers of data/questions/apigateway/websocket.yaml: a listener
// whose backend keeps posting is still dropped at the idle timeout; {"action":"join"} with no join route
// goes to $default; a 200 KB message closes the connection with 1009; a post from $connect answers 410;
// a route without a route response returns nothing to the client; a $connect answering outside 2xx
// refuses the handshake with that status.
import { describe, expect, it } from 'vitest';
import { chatApi, connectAs, errorText, received, route, run, send } from './helpers.js';

describe('answers of the WebSocket questions', () => {
  it('websocket-idle-listener: backend posts do not keep a silent client connected', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    const id = String(connectAs(api, 'screen')['connectionId']);
    const post = `aws apigatewaymanagementapi post-to-connection --connection-id ${id} --endpoint-url ${api.endpointUrl} --data update`;
    for (let i = 0; i < 3; i += 1) {
      run(api.session, post);
      run(api.session, 'sim clock advance 3m');
    }
    run(api.session, 'sim clock advance 1m'); // 10 minutes since the client's last (only) activity
    expect(errorText(api.session, post)).toMatch(/GoneException/);
  });

  it('websocket-route-selection: join without a join route goes to $default', () => {
    const api = chatApi({ echo: 'catalog.ws-echo', chat: 'catalog.ws-chat' });
    for (const key of ['$connect', '$disconnect', 'sendmessage']) route(api, key, 'chat');
    route(api, '$default', 'echo');
    connectAs(api, 'alice', '--query name=alice');
    expect(send(api, 'alice', '{"action":"join","room":"blue"}')).toMatchObject({ routeKey: '$default', selected: 'join' });
  });

  it('websocket-message-size: 200 KB closes the connection with 1009', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    route(api, '$default', 'echo');
    connectAs(api, 'alice');
    expect(send(api, 'alice', 'x'.repeat(200 * 1_024))).toMatchObject({ result: 'closed-too-big' });
    expect(received(api, 'alice').at(-1)?.data).toMatch(/^1009 /);
  });

  it('websocket-post-from-connect: a post made during $connect answers GoneException', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    route(api, '$connect', 'echo');
    expect(connectAs(api, 'alice')).toMatchObject({ connected: true });
    expect(api.session.world.trace.all().filter((e) => e.operation === 'ws-post-to-connection').map((e) => e.outcome)).toEqual(['GoneException']);
  });

  it('websocket-route-response: the function answers, the client receives nothing until a route response exists', () => {
    const api = chatApi({ price: 'catalog.http-ok' });
    const routeId = route(api, 'getprice', 'price');
    connectAs(api, 'alice');
    expect(send(api, 'alice', '{"action":"getprice"}')).toMatchObject({ result: 'routed' });
    expect(received(api, 'alice')).toEqual([]);
    run(api.session, `aws apigatewayv2 create-route-response --api-id ${api.apiId} --route-id ${routeId} --route-response-key '$default'`);
    send(api, 'alice', '{"action":"getprice"}');
    expect(received(api, 'alice')).toHaveLength(1);
  });

  it('websocket-connect-refusal: a $connect status outside 2xx refuses the handshake with it', () => {
    const api = chatApi({ chat: 'catalog.ws-chat' });
    route(api, '$connect', 'chat');
    expect(connectAs(api, 'nobody')).toMatchObject({ connected: false, statusCode: 400 });
    expect(run(api.session, 'sim show ws chat-api')['connections']).toEqual([]);
  });
});
