// Opening and closing WebSocket connections. `connect` runs the `$connect` route (its authorizer, then
// its integration: a non-2xx answer or a function error refuses the connection; no `$connect` route =
// accepted) and starts two timers on the world clock: the idle timeout (10 min without a client
// message) and the maximum duration (2 h), APIGW-01. `closeConnection` ends a connection for any
// reason and runs `$disconnect` best-effort (its outcome changes nothing for anyone).
import { defineTimerHandler, type World } from '../../world.js';
import { apiGatewayState } from '../model.js';
import { ACCOUNT_THROTTLE, takeTokens } from '../throttle.js';
import { authorizeConnect, type Handshake } from './connect-auth.js';
import { connectEvent, disconnectEvent, type EventFacts } from './events.js';
import { integrationOfRoute, runRouteIntegration } from './integration.js';
import { CLOSE_GOING_AWAY, IDLE_TIMEOUT_MS, MAX_CONNECTION_DURATION_MS, NEW_CONNECTIONS_PER_SECOND } from './limits.js';
import { connectionIdOf, domainNameOf, servedDefinition, webSocketState, wsRequestIdOf, type WsApi, type WsConnection, type WsDefinition, type WsRoute } from './model.js';

const IDLE_TIMER = 'apigateway.ws-idle';
const MAX_TIMER = 'apigateway.ws-max-duration';

export type ConnectOutcome =
  | { readonly connected: true; readonly connectionId: string; readonly stage: string }
  | { readonly connected: false; readonly statusCode: number; readonly reason: string; readonly connectionId?: string };

export function routeByKey(definition: WsDefinition, routeKey: string): WsRoute | undefined {
  return Object.values(definition.routes).find((route) => route.routeKey === routeKey);
}

export function eventFacts(world: World, connection: WsConnection, routeKey: string): EventFacts {
  return { connection, routeKey, domainName: domainNameOf(connection.apiId, world.region), requestId: wsRequestIdOf(world), nowMs: world.nowMs };
}

function recordConnect(world: World, handshake: Handshake, outcome: ConnectOutcome): ConnectOutcome {
  const detail = { apiId: handshake.apiId, stage: handshake.stage, ...outcome };
  world.record({ service: 'apigateway', operation: 'ws-connect', outcome: outcome.connected ? 'connected' : `refused-${outcome.statusCode}`, detail });
  return outcome;
}

/** 429 when the account bucket (shared with REST and HTTP APIs, APIGW-04) or the 500/s connection rate (APIGW-01) is empty. */
function connectThrottled(world: World): boolean {
  const perSecond = { rateLimit: NEW_CONNECTIONS_PER_SECOND, burstLimit: NEW_CONNECTIONS_PER_SECOND };
  return takeTokens(apiGatewayState(world).buckets, [{ scope: 'account', settings: ACCOUNT_THROTTLE }, { scope: 'websocket-connect', settings: perSecond }], world.nowMs) !== undefined;
}

function newConnection(world: World, handshake: Handshake, userAgent: string, clientName: string | undefined): WsConnection {
  return {
    ...(clientName === undefined ? {} : { clientName }),
    connectionId: connectionIdOf(world), apiId: handshake.apiId, stage: handshake.stage, connectedAtMs: world.nowMs, lastActiveAtMs: world.nowMs,
    status: 'connecting', sourceIp: handshake.sourceIp, userAgent, idleTimerId: -1, maxTimerId: -1, received: [],
  };
}

/** Runs `$connect`: its authorizer, then its integration. Undefined = accepted. */
function runConnectRoute(world: World, definition: WsDefinition, connection: WsConnection, handshake: Handshake): { statusCode: number; reason: string } | undefined {
  const route = routeByKey(definition, '$connect');
  if (route === undefined) return undefined;
  const authorizer = route.authorizationType === 'CUSTOM' && route.authorizerId !== undefined ? definition.authorizers[route.authorizerId] : undefined;
  if (authorizer !== undefined) {
    const decision = authorizeConnect(world, authorizer, handshake);
    if (decision.kind === 'refuse') return decision;
    connection.authorizer = decision.authorizer;
  }
  const event = connectEvent(eventFacts(world, connection, '$connect'), handshake.headers, handshake.query);
  const outcome = runRouteIntegration(world, integrationOfRoute(definition.integrations, route.target), event);
  if (outcome.kind === 'failed') return { statusCode: 500, reason: `$connect failed: ${outcome.reason}` };
  if (outcome.statusCode < 200 || outcome.statusCode > 299) return { statusCode: outcome.statusCode, reason: `$connect answered ${outcome.statusCode}` };
  return undefined;
}

export function connect(world: World, api: WsApi, handshake: Handshake, client: { readonly userAgent?: string; readonly name?: string } = {}): ConnectOutcome {
  const stage = api.stages[handshake.stage];
  const definition = stage === undefined ? undefined : servedDefinition(api, stage);
  if (definition === undefined) return recordConnect(world, handshake, { connected: false, statusCode: 403, reason: `stage ${handshake.stage} does not exist or has no deployment` });
  if (connectThrottled(world)) return recordConnect(world, handshake, { connected: false, statusCode: 429, reason: 'too many new connections (account throttle or 500 per second)' });
  const connection = newConnection(world, handshake, client.userAgent ?? 'wscat', client.name);
  const connections = webSocketState(world).connections;
  connections[connection.connectionId] = connection; // present while $connect runs: posting to it answers 410
  const refused = runConnectRoute(world, definition, connection, handshake);
  if (refused !== undefined) {
    delete connections[connection.connectionId];
    return recordConnect(world, handshake, { connected: false, ...refused, connectionId: connection.connectionId });
  }
  connection.status = 'open';
  connection.idleTimerId = world.clock.schedule(IDLE_TIMEOUT_MS, IDLE_TIMER, { connectionId: connection.connectionId }).id; // APIGW-01
  connection.maxTimerId = world.clock.schedule(MAX_CONNECTION_DURATION_MS, MAX_TIMER, { connectionId: connection.connectionId }).id; // APIGW-01
  return recordConnect(world, handshake, { connected: true, connectionId: connection.connectionId, stage: handshake.stage });
}

/** A client message counts as activity: the idle timer starts again (APIGW-01). */
export function markActive(world: World, connection: WsConnection): void {
  connection.lastActiveAtMs = world.nowMs;
  world.clock.cancel(connection.idleTimerId);
  connection.idleTimerId = world.clock.schedule(IDLE_TIMEOUT_MS, IDLE_TIMER, { connectionId: connection.connectionId }).id;
}

/** Closes an open connection: the client gets a close frame, then `$disconnect` runs (best-effort). */
export function closeConnection(world: World, connection: WsConnection, closeCode: number, reason: string): void {
  if (connection.status !== 'open') return;
  connection.status = 'closed';
  connection.closedAtMs = world.nowMs;
  connection.closeCode = closeCode;
  connection.closeReason = reason;
  world.clock.cancel(connection.idleTimerId);
  world.clock.cancel(connection.maxTimerId);
  connection.received.push({ timeMs: world.nowMs, kind: 'close', data: `${closeCode} ${reason}` });
  const api = webSocketState(world).apis[connection.apiId];
  const stage = api?.stages[connection.stage];
  const definition = api === undefined || stage === undefined ? undefined : servedDefinition(api, stage);
  const route = definition === undefined ? undefined : routeByKey(definition, '$disconnect');
  let disconnect = 'no $disconnect route';
  if (definition !== undefined && route !== undefined) {
    const outcome = runRouteIntegration(world, integrationOfRoute(definition.integrations, route.target), disconnectEvent(eventFacts(world, connection, '$disconnect'), closeCode, reason));
    disconnect = outcome.kind === 'failed' ? `failed (ignored): ${outcome.reason}` : `answered ${outcome.statusCode}`;
  }
  world.record({ service: 'apigateway', operation: 'ws-disconnect', outcome: 'closed', detail: { apiId: connection.apiId, stage: connection.stage, connectionId: connection.connectionId, closeCode, reason, disconnect } });
}

function onTimer(reason: string) {
  return (world: World, payload: unknown): void => {
    const { connectionId } = payload as { connectionId: string };
    const connection = webSocketState(world).connections[connectionId];
    if (connection !== undefined) closeConnection(world, connection, CLOSE_GOING_AWAY, reason);
  };
}

defineTimerHandler(IDLE_TIMER, onTimer('Idle timeout: no message from the client for 10 minutes'));
defineTimerHandler(MAX_TIMER, onTimer('Maximum connection duration of 2 hours reached'));
