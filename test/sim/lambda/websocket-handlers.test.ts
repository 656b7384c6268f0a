// Proves the WebSocket catalogue handlers through a real API: `catalog.ws-chat` refuses `$connect`
// without a name (400), keeps members in the DynamoDB table CONNECTIONS_TABLE, posts each message as
// "NAME: data" to every member, deletes members whose post answers GoneException (410) and deletes the
// member on `$disconnect`; `catalog.ws-echo` posts a message back to its sender.
import { describe, expect, it } from 'vitest';
import { chatApi, connectAs, received, route, run, send } from '../apigateway/websocket/helpers.js';

function chatRoom(withDisconnect: boolean) {
  const api = chatApi({ chat: 'catalog.ws-chat' });
  route(api, '$connect', 'chat');
  if (withDisconnect) route(api, '$disconnect', 'chat');
  route(api, 'sendmessage', 'chat');
  return api;
}

const members = (api: ReturnType<typeof chatApi>) =>
  ((run(api.session, 'aws dynamodb scan --table-name ChatConnections')['Items'] as { name: { S: string } }[]).map((item) => item.name.S).sort());

describe('catalog.ws-chat', () => {
  it('needs a name to join, and broadcasts "NAME: data" to every member', () => {
    const api = chatRoom(true);
    expect(connectAs(api, 'anon')).toMatchObject({ connected: false, statusCode: 400 });
    connectAs(api, 'alice', '--query name=alice');
    connectAs(api, 'bob', '--query name=bob');
    expect(members(api)).toEqual(['alice', 'bob']);
    send(api, 'alice', '{"action":"sendmessage","data":"hello"}');
    expect(received(api, 'bob').map((f) => f.data)).toEqual(['alice: hello']);
    expect(received(api, 'alice').map((f) => f.data)).toEqual(['alice: hello']);
  });

  it('forgets a member on $disconnect', () => {
    const api = chatRoom(true);
    connectAs(api, 'alice', '--query name=alice');
    connectAs(api, 'bob', '--query name=bob');
    run(api.session, 'sim ws close bob');
    expect(members(api)).toEqual(['alice']);
  });

  it('without a $disconnect route, cleans up a gone member when a post answers 410', () => {
    const api = chatRoom(false);
    connectAs(api, 'alice', '--query name=alice');
    connectAs(api, 'bob', '--query name=bob');
    run(api.session, 'sim ws close bob');
    expect(members(api)).toEqual(['alice', 'bob']);
    send(api, 'alice', '{"action":"sendmessage","data":"anyone?"}');
    expect(members(api)).toEqual(['alice']);
  });
});

describe('catalog.ws-echo', () => {
  it('posts the body back to the sender', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    route(api, '$default', 'echo');
    connectAs(api, 'alice');
    send(api, 'alice', 'ping');
    expect(received(api, 'alice').map((f) => f.data)).toEqual(['ping']);
  });
});
