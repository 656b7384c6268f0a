// `sim ws ...`: the sandbox's WebSocket client, like wscat. `connect` opens a connection (the
// `$connect` route decides), `send` sends one message, `close` closes from the client side,
// `messages` lists what the client received in order with virtual times.
import { stringifyAwsJson } from '../../cli/format-output.js';
import type { SimCommandSpec, SimInput, SimOutput } from '../../cli/sim-command-spec.js';
import { defineShowCommand } from '../../cli/sim-show.js';
import { awsError, fail, ok, type Result } from '../../result.js';
import type { World } from '../../world.js';
import { closeConnection, connect } from './connections.js';
import { CLOSE_NORMAL } from './limits.js';
import { sendMessage } from './messages.js';
import { domainNameOf, findConnection, findWsApi, servedDefinition, webSocketState, type WsApi, type WsConnection } from './model.js';

/** `K=V` or `K: V` lines (repeatable flags arrive joined by newlines). */
function pairs(text: string | undefined, what: string): Result<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const line of (text ?? '').split('\n').filter((l) => l !== '')) {
    const at = /[=:]/.exec(line)?.index ?? -1;
    if (at <= 0) return fail(awsError('InvalidArgument', 400, `A ${what} must look like NAME=VALUE, got '${line}'`));
    values[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return ok(values);
}

const output = (json: Readonly<Record<string, unknown>>, text: string): Result<SimOutput> => ok({ json, text: `${text}\n` });

function pickStage(stages: readonly string[], wanted: string | undefined): Result<string> {
  if (wanted !== undefined) return ok(wanted);
  if (stages.length === 1) return ok(stages[0]!);
  return fail(awsError('StageRequired', 400, stages.length === 0 ? 'The API has no stage yet: aws apigatewayv2 create-stage' : `Name the stage with --stage: ${stages.join(', ')}`));
}

function runConnect(world: World, input: SimInput): Result<SimOutput> {
  const api = findWsApi(world, input.args['API'] as string);
  if (api === undefined) return fail(awsError('NotFoundException', 404, `No WebSocket API named or with id ${String(input.args['API'])}`));
  const stage = pickStage(Object.keys(api.stages).sort(), input.flags['stage'] as string | undefined);
  const headers = pairs(input.flags['header'] as string | undefined, 'header');
  const query = pairs(input.flags['query'] as string | undefined, 'query parameter');
  if (!stage.ok || !headers.ok || !query.ok) return [stage, headers, query].find((r) => !r.ok) as Result<SimOutput>;
  const name = input.flags['as'] as string | undefined;
  const outcome = connect(world, api, { apiId: api.id, stage: stage.value, headers: headers.value, query: query.value, sourceIp: (input.flags['source-ip'] as string | undefined) ?? '203.0.113.10' }, name === undefined ? {} : { name });
  const url = `wss://${domainNameOf(api.id, world.region)}/${stage.value}`;
  if (!outcome.connected) return output({ ...outcome, url }, `Connection refused by ${url}: HTTP ${outcome.statusCode} (${outcome.reason})`);
  return output({ ...outcome, url, ...(name === undefined ? {} : { clientName: name }) }, `Connected to ${url}\nconnectionId: ${outcome.connectionId}`);
}

function withConnection(world: World, idOrName: string, body: (connection: WsConnection) => Result<SimOutput>): Result<SimOutput> {
  const connection = findConnection(world, idOrName);
  if (connection === undefined) return fail(awsError('ConnectionNotFound', 404, `No WebSocket connection with id or client name ${idOrName} (sim ws connect API --as NAME names one)`));
  return body(connection);
}

function notOpen(connection: WsConnection): Result<SimOutput> {
  return fail(awsError('ConnectionClosed', 400, `The connection ${connection.connectionId} is closed (${connection.closeCode ?? ''} ${connection.closeReason ?? ''}); the client cannot send on it`));
}

function runSend(world: World, input: SimInput): Result<SimOutput> {
  return withConnection(world, input.args['CONNECTION'] as string, (connection) => {
    if (connection.status !== 'open') return notOpen(connection);
    const sent = sendMessage(world, connection, input.args['MESSAGE'] as string);
    const route = sent.routeKey === undefined ? 'no route ran' : `route ${sent.routeKey}`;
    const lines = [`${route} (${sent.result}; ${sent.frames} frame${sent.frames === 1 ? '' : 's'})`];
    if (sent.reply !== undefined) lines.push(`< ${sent.reply}`);
    if (sent.result === 'closed-too-big') lines.push(`closed: ${connection.closeCode} ${connection.closeReason}`);
    return output({ connectionId: connection.connectionId, ...sent }, lines.join('\n'));
  });
}

function runClose(world: World, input: SimInput): Result<SimOutput> {
  return withConnection(world, input.args['CONNECTION'] as string, (connection) => {
    if (connection.status !== 'open') return notOpen(connection);
    closeConnection(world, connection, CLOSE_NORMAL, 'Closed by the client');
    return output({ connectionId: connection.connectionId, closeCode: CLOSE_NORMAL }, `Closed ${connection.connectionId} (${CLOSE_NORMAL})`);
  });
}

function runMessages(world: World, input: SimInput): Result<SimOutput> {
  return withConnection(world, input.args['CONNECTION'] as string, (connection) => {
    const frames = connection.received.map((frame) => ({ time: new Date(frame.timeMs).toISOString(), secondsSinceConnect: (frame.timeMs - connection.connectedAtMs) / 1_000, kind: frame.kind, data: frame.data }));
    const lines = frames.map((f) => `${f.time} (+${f.secondsSinceConnect}s) ${f.kind.padEnd(7)} ${f.data}`);
    const json = { connectionId: connection.connectionId, status: connection.status, frames };
    return output(json, lines.length === 0 ? `${connection.connectionId}: nothing received yet (${connection.status})` : `${connection.connectionId} (${connection.status})\n${lines.join('\n')}`);
  });
}

/** `sim show ws API`: routes, stages (what each serves) and every connection with its state. */
function showWebSocketApi(world: World, api: WsApi): Readonly<Record<string, unknown>> {
  const iso = (timeMs: number | undefined) => (timeMs === undefined ? undefined : new Date(timeMs).toISOString());
  const connections = Object.values(webSocketState(world).connections).filter((c) => c.apiId === api.id).sort((a, b) => a.connectedAtMs - b.connectedAtMs);
  return {
    apiId: api.id, name: api.name, routeSelectionExpression: api.routeSelectionExpression,
    routes: Object.values(api.routes).sort((a, b) => a.routeKey.localeCompare(b.routeKey)).map((r) => ({ routeKey: r.routeKey, target: r.target ?? null, authorizationType: r.authorizationType, twoWay: r.hasRouteResponse })),
    stages: Object.values(api.stages).map((s) => ({ stageName: s.stageName, autoDeploy: s.autoDeploy, deploymentId: s.deploymentId ?? null, served: servedDefinition(api, s) !== undefined })),
    connections: connections.map((c) => ({
      connectionId: c.connectionId, clientName: c.clientName ?? null, stage: c.stage, status: c.status, connectedAt: iso(c.connectedAtMs), lastActiveAt: iso(c.lastActiveAtMs),
      received: c.received.length, ...(c.status === 'closed' ? { closedAt: iso(c.closedAtMs), closeCode: c.closeCode, closeReason: c.closeReason } : {}),
    })),
  };
}

const showRow = defineShowCommand({
  subject: 'ws',
  nameArg: 'API_NAME',
  summary: 'Shows a WebSocket API: routes, stages and every connection (open or closed, last activity, why it closed).',
  example: 'sim show ws chat-api',
  output: '`{apiId, name, routeSelectionExpression, routes, stages, connections: [{connectionId, clientName, status, connectedAt, lastActiveAt, received, closeReason?}]}`.',
  show: (session, name) => {
    const api = findWsApi(session.world, name);
    if (api === undefined) return fail(awsError('NotFoundException', 404, `No WebSocket API named or with id ${name}`));
    const json = showWebSocketApi(session.world, api);
    return output(json, stringifyAwsJson(json, 2));
  },
});

const connectionArg = { name: 'CONNECTION', type: 'string', required: true, description: 'The connection id, or the client name given with --as.' } as const;

export const WEBSOCKET_SIM_COMMANDS: readonly SimCommandSpec[] = [
  {
    words: ['ws', 'connect'], args: [{ name: 'API', type: 'string', required: true, description: 'The WebSocket API name or id.' }],
    flags: [
      { flag: '--stage', type: 'string', required: false, description: 'The stage (default: the only one).' },
      { flag: '--header', short: '-H', repeatable: true, type: 'string', required: false, description: 'A handshake header NAME=VALUE (repeat for more).' },
      { flag: '--query', repeatable: true, type: 'string', required: false, description: 'A query string parameter name=value of the wss:// URL (repeat for more).' },
      { flag: '--as', type: 'string', required: false, description: 'A client name to use instead of the connection id in later sim ws commands.' },
      { flag: '--source-ip', type: 'string', required: false, description: 'The client IP (default 203.0.113.10).' },
    ],
    summary: 'Opens a WebSocket connection like wscat: the $connect route (authorizer, integration) accepts or refuses it.',
    example: 'sim ws connect chat-api --stage prod --header Authorization=allow --as alice',
    output: '`{connected, connectionId, stage, url}` or `{connected: false, statusCode, reason, url}`.',
    run: (session, input) => runConnect(session.world, input),
  },
  {
    words: ['ws', 'send'], args: [connectionArg, { name: 'MESSAGE', type: 'string', required: true, description: 'The message: JSON (routed by the route selection expression) or text.' }], flags: [],
    summary: 'Sends a message from the client: route selection, then the route\'s integration; prints what came back.',
    example: 'sim ws send alice \'{"action":"sendmessage","data":"hi"}\'',
    output: '`{connectionId, routeKey, selected, frames, result, reply}`; result is routed, no-route, integration-failed, throttled or closed-too-big.',
    run: (session, input) => runSend(session.world, input),
  },
  {
    words: ['ws', 'close'], args: [connectionArg], flags: [],
    summary: 'Closes the connection from the client; $disconnect runs (best-effort).',
    example: 'sim ws close alice',
    output: '`{connectionId, closeCode}`.',
    run: (session, input) => runClose(session.world, input),
  },
  {
    words: ['ws', 'messages'], args: [connectionArg], flags: [],
    summary: 'Lists what the client received, in order, with virtual times: messages, error frames and the close.',
    example: 'sim ws messages alice',
    output: '`{connectionId, status, frames: [{time, secondsSinceConnect, kind, data}]}`.',
    run: (session, input) => runMessages(session.world, input),
  },
  showRow,
];
