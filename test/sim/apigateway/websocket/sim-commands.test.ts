// Proves the sandbox's WebSocket client rows read as documented: `sim ws connect/send/messages` text
// (inline snapshots), `sim show ws` (routes, stages, connections with why they closed), and that the
// whole thing is deterministic: the same seed and lines give the same trace, and a world restored from
// a snapshot closes an idle connection at the same virtual time as the original.
import { describe, expect, it } from 'vitest';
import { restoreWorld, runSandboxLine } from '../../../../src/sim/index.js';
import { chatApi, connectAs, route, run, send } from './helpers.js';

describe('sim ws text', () => {
  it('prints the connection id, the route taken and what came back', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    route(api, '$default', 'echo');
    expect(runSandboxLine(api.session, 'sim ws connect chat-api --as alice').text).toMatchInlineSnapshot(`
      "Connected to wss://51q1gu19uq.execute-api.us-east-1.amazonaws.com/prod
      connectionId: 9kwhZys37gxIKS4=
      "
    `);
    expect(runSandboxLine(api.session, "sim ws send alice 'hi'").text).toMatchInlineSnapshot(`
      "route $default (routed; 1 frame)
      "
    `);
    run(api.session, 'sim clock advance 10m');
    expect(runSandboxLine(api.session, 'sim ws messages alice').text).toMatchInlineSnapshot(`
      "9kwhZys37gxIKS4= (closed)
      2026-01-01T00:00:00.000Z (+0s) message hi
      2026-01-01T00:10:00.000Z (+600s) close   1001 Idle timeout: no message from the client for 10 minutes
      "
    `);
  });
});

describe('sim show ws', () => {
  it('lists routes, stages and connections with their close reasons', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    route(api, '$default', 'echo');
    connectAs(api, 'alice');
    connectAs(api, 'bob');
    run(api.session, 'sim ws close bob');
    const view = run(api.session, 'sim show ws chat-api');
    expect(view['routes']).toEqual([{ routeKey: '$default', target: `integrations/${api.integrations['echo']}`, authorizationType: 'NONE', twoWay: false }]);
    expect(view['stages']).toEqual([{ stageName: 'prod', autoDeploy: true, deploymentId: null, served: true }]);
    expect((view['connections'] as { clientName: string; status: string; closeReason?: string }[]).map((c) => [c.clientName, c.status, c.closeReason])).toEqual([['alice', 'open', undefined], ['bob', 'closed', 'Closed by the client']]);
  });
});

describe('determinism', () => {
  const script = (api: ReturnType<typeof chatApi>) => {
    route(api, '$default', 'echo');
    connectAs(api, 'alice');
    send(api, 'alice', '{"action":"x"}');
    run(api.session, 'sim clock advance 11m');
  };

  it('gives the same trace for the same seed', () => {
    const [first, second] = [chatApi({ echo: 'catalog.ws-echo' }, 5), chatApi({ echo: 'catalog.ws-echo' }, 5)];
    script(first);
    script(second);
    expect(JSON.stringify(first.session.world.trace.all())).toBe(JSON.stringify(second.session.world.trace.all()));
  });

  it('closes an idle connection at the same time in a world restored from a snapshot', () => {
    const api = chatApi({ echo: 'catalog.ws-echo' });
    connectAs(api, 'alice');
    run(api.session, 'sim clock advance 4m');
    const copy = restoreWorld(api.session.world.snapshot());
    for (const world of [api.session.world, copy]) world.advance(6 * 60_000);
    const closes = [api.session.world, copy].map((world) => world.trace.all().filter((e) => e.operation === 'ws-disconnect').map((e) => e.timeMs));
    expect(closes[0]).toEqual([1_767_225_600_000 + 600_000]);
    expect(closes[1]).toEqual(closes[0]);
  });
});
