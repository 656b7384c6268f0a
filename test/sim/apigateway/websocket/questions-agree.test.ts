// Proves the simulator agrees with the answers of data/questions/apigateway/websocket.yaml: a listener
// whose backend keeps posting is still dropped at the idle timeout; {"action":"join"} with no join route
// goes to $default; a 200 KB message closes the connection with 1009; a post from $connect answers 410.
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
});
