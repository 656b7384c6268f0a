// A client message on an open connection: size check (over 128 KB closes the connection with 1009,
// APIGW-01), the account throttle shared with REST and HTTP APIs (APIGW-04), route selection, then the
// route's integration. What the client gets back: the integration's body when the route has a route
// response (two-way), nothing otherwise; an error frame when no route matches and there is no
// `$default` ("Forbidden", as the sample chat app's users saw it:
// https://github.com/aws-samples/simple-websockets-chat-app/issues/24) or the integration fails
// ("Internal server error").
// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-route-response.html
import type { World } from '../../world.js';
import { apiGatewayState } from '../model.js';
import { ACCOUNT_THROTTLE, takeTokens } from '../throttle.js';
import { closeConnection, eventFacts, markActive, routeByKey } from './connections.js';
import { messageEvent } from './events.js';
import { integrationOfRoute, runRouteIntegration } from './integration.js';
import { CLOSE_MESSAGE_TOO_BIG, FRAME_MAX_BYTES, MESSAGE_MAX_BYTES } from './limits.js';
import { servedDefinition, utf8SizeBytes, webSocketState, wsRequestIdOf, type WsConnection } from './model.js';
import { chooseRoute } from './route-selection.js';

export interface SendOutcome {
  /** The route that ran, or undefined when none did. */
  readonly routeKey?: string;
  /** What the route selection expression gave for this body (undefined: not JSON or member missing). */
  readonly selected?: string;
  /** How many frames of at most 32 KB the client sent the message in (APIGW-01). */
  readonly frames: number;
  readonly result: 'routed' | 'no-route' | 'integration-failed' | 'throttled' | 'closed-too-big';
  /** What the client received in answer to this message, if anything. */
  readonly reply?: string;
}

function errorFrame(world: World, connection: WsConnection, message: string): string {
  const data = JSON.stringify({ message, connectionId: connection.connectionId, requestId: wsRequestIdOf(world) });
  connection.received.push({ timeMs: world.nowMs, kind: 'error', data });
  return data;
}

function record(world: World, connection: WsConnection, outcome: SendOutcome, sizeBytes: number): SendOutcome {
  world.record({ service: 'apigateway', operation: 'ws-message', outcome: outcome.result, detail: { apiId: connection.apiId, stage: connection.stage, connectionId: connection.connectionId, sizeBytes, ...outcome } });
  return outcome;
}

/** Sends `body` from the client of an open connection. */
export function sendMessage(world: World, connection: WsConnection, body: string): SendOutcome {
  const sizeBytes = utf8SizeBytes(body);
  const frames = Math.max(1, Math.ceil(sizeBytes / FRAME_MAX_BYTES));
  if (sizeBytes > MESSAGE_MAX_BYTES) {
    closeConnection(world, connection, CLOSE_MESSAGE_TOO_BIG, `Message too big: ${sizeBytes} bytes, the limit is ${MESSAGE_MAX_BYTES}`); // APIGW-01
    return record(world, connection, { frames, result: 'closed-too-big' }, sizeBytes);
  }
  markActive(world, connection);
  if (takeTokens(apiGatewayState(world).buckets, [{ scope: 'account', settings: ACCOUNT_THROTTLE }], world.nowMs) !== undefined) {
    return record(world, connection, { frames, result: 'throttled', reply: errorFrame(world, connection, 'Too Many Requests') }, sizeBytes); // APIGW-04
  }
  const api = webSocketState(world).apis[connection.apiId];
  const stage = api?.stages[connection.stage];
  const definition = api === undefined || stage === undefined ? undefined : servedDefinition(api, stage);
  const routeKeys = definition === undefined ? [] : Object.values(definition.routes).map((route) => route.routeKey);
  const choice = chooseRoute(definition?.routeSelectionExpression ?? '', body, routeKeys);
  const selected = choice.selected === undefined ? {} : { selected: choice.selected };
  if (definition === undefined || choice.kind === 'no-route') {
    return record(world, connection, { ...selected, frames, result: 'no-route', reply: errorFrame(world, connection, 'Forbidden') }, sizeBytes);
  }
  const route = routeByKey(definition, choice.routeKey)!;
  const messageId = wsRequestIdOf(world);
  const outcome = runRouteIntegration(world, integrationOfRoute(definition.integrations, route.target), messageEvent(eventFacts(world, connection, route.routeKey), messageId, body));
  const routed = { routeKey: route.routeKey, ...selected, frames };
  if (outcome.kind === 'failed') return record(world, connection, { ...routed, result: 'integration-failed', reply: errorFrame(world, connection, 'Internal server error') }, sizeBytes);
  if (!route.hasRouteResponse || outcome.body === undefined || connection.status !== 'open') return record(world, connection, { ...routed, result: 'routed' }, sizeBytes);
  connection.received.push({ timeMs: world.nowMs, kind: 'message', data: outcome.body });
  return record(world, connection, { ...routed, result: 'routed', reply: outcome.body }, sizeBytes);
}
