// WebSocket APIs' state, in a world slot of its own: APIs (routes, integrations, authorizers, stages,
// deployments) and connections, each with the frames its client received. Plain data only: world
// snapshots structured-clone it. Ids come from the seeded RNG (API ids from API Gateway's id stream,
// so HTTP, REST and WebSocket APIs never share one).
import type { World } from '../../world.js';
import { newId } from '../model.js';

export const WEBSOCKET_SLOT = 'apigateway.websocket';

export interface WsRoute {
  readonly routeId: string;
  /** `$connect`, `$disconnect`, `$default` or a custom key such as `sendmessage`. */
  readonly routeKey: string;
  /** `integrations/<id>`. */
  readonly target?: string;
  /** NONE or CUSTOM (a REQUEST Lambda authorizer); only `$connect` may have CUSTOM (APIGW-01). */
  readonly authorizationType: 'NONE' | 'CUSTOM';
  readonly authorizerId?: string;
  /** True once a `$default` route response exists: the integration's answer goes back to the client. */
  hasRouteResponse: boolean;
}

export interface WsIntegration {
  readonly integrationId: string;
  readonly type: 'AWS_PROXY' | 'MOCK';
  /** AWS_PROXY: the Lambda function's ARN, invocation URI or name. */
  readonly uri: string;
}

export interface WsAuthorizer {
  readonly authorizerId: string;
  readonly name: string;
  readonly functionName: string;
  /** As the learner typed them: `route.request.header.Auth`, `route.request.querystring.token`. */
  readonly identitySources: readonly string[];
}

/** What a deployment froze; a stage without auto-deploy serves its deployment's copy. */
export interface WsDefinition {
  readonly routeSelectionExpression: string;
  readonly routes: Readonly<Record<string, WsRoute>>;
  readonly integrations: Readonly<Record<string, WsIntegration>>;
  readonly authorizers: Readonly<Record<string, WsAuthorizer>>;
}

export interface WsStage {
  readonly stageName: string;
  readonly autoDeploy: boolean;
  deploymentId?: string;
}

export interface WsApi {
  readonly kind: 'WEBSOCKET';
  readonly id: string;
  readonly name: string;
  readonly createdDateMs: number;
  routeSelectionExpression: string;
  routes: Record<string, WsRoute>;
  integrations: Record<string, WsIntegration>;
  authorizers: Record<string, WsAuthorizer>;
  stages: Record<string, WsStage>;
  deployments: Record<string, WsDefinition & { readonly createdDateMs: number }>;
}

/** One thing the client saw, in order: a message (from a route response or post-to-connection), an error frame, the close. */
export interface ReceivedFrame {
  readonly timeMs: number;
  readonly kind: 'message' | 'error' | 'close';
  readonly data: string;
}

export interface WsConnection {
  readonly connectionId: string;
  readonly apiId: string;
  readonly stage: string;
  readonly connectedAtMs: number;
  lastActiveAtMs: number;
  /** `connecting` while `$connect` runs (posting to it then answers 410), then `open`, then `closed`. */
  status: 'connecting' | 'open' | 'closed';
  readonly sourceIp: string;
  readonly userAgent: string;
  /** The sandbox's name for the client (`sim ws connect API --as alice`), usable instead of the id. */
  readonly clientName?: string;
  /** What the REQUEST authorizer of `$connect` passed on (principalId + context), sent with every later event. */
  authorizer?: Readonly<Record<string, string | number | boolean>>;
  /** The pending idle-timeout timer (replaced on each client message) and the 2-hour timer. */
  idleTimerId: number;
  maxTimerId: number;
  received: ReceivedFrame[];
  closedAtMs?: number;
  closeCode?: number;
  closeReason?: string;
}

export interface WebSocketState {
  apis: Record<string, WsApi>;
  connections: Record<string, WsConnection>;
}

export function webSocketState(world: World): WebSocketState {
  return world.service<WebSocketState>(WEBSOCKET_SLOT, () => ({ apis: {}, connections: {} }));
}

/** A WebSocket API by id, else by name (first by id order when names repeat). */
export function findWsApi(world: World, nameOrId: string): WsApi | undefined {
  const apis = webSocketState(world).apis;
  return apis[nameOrId] ?? Object.values(apis).sort((a, b) => a.id.localeCompare(b.id)).find((api) => api.name === nameOrId);
}

export function newWsApiId(world: World): string {
  return newId(world);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * An id shaped like API Gateway's connection and request ids (`L0SM9cOFvHcCIhw=`): 11 random bytes in
 * base64, from the named seeded stream, so the same seed gives the same ids.
 */
export function base64Id(world: World, streamName: string): string {
  const stream = world.rng.stream(streamName);
  const bytes = Array.from({ length: 11 }, () => stream.nextInt(256));
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = bytes.slice(i, i + 3);
    const n = (a << 16) | (b << 8) | c;
    const chars = [18, 12, 6, 0].map((shift) => BASE64[(n >> shift) & 63]!);
    const kept = i + 3 <= bytes.length ? 4 : bytes.length - i + 1;
    text += chars.slice(0, kept).join('');
  }
  return text.padEnd(16, '=');
}

export const connectionIdOf = (world: World): string => base64Id(world, 'apigateway.websocket.connection-ids');
export const wsRequestIdOf = (world: World): string => base64Id(world, 'apigateway.websocket.request-ids');

/** The live definition an auto-deployed stage serves, or the frozen one of the stage's deployment. */
export function servedDefinition(api: WsApi, stage: WsStage): WsDefinition | undefined {
  if (stage.autoDeploy) return api;
  return stage.deploymentId === undefined ? undefined : api.deployments[stage.deploymentId];
}

/** The API's WebSocket URL and its callback (@connections) URL for a stage. */
export function domainNameOf(apiId: string, region: string): string {
  return `${apiId}.execute-api.${region}.amazonaws.com`;
}

/** UTF-8 size of a message, as the 128 KB limit counts it (APIGW-01). */
export function utf8SizeBytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** A connection by id, else by the client name given at connect (the latest such connection). */
export function findConnection(world: World, idOrName: string): WsConnection | undefined {
  const connections = webSocketState(world).connections;
  const byId = connections[idOrName];
  if (byId !== undefined) return byId;
  const named = Object.values(connections).filter((c) => c.clientName === idOrName);
  return named.sort((a, b) => a.connectedAtMs - b.connectedAtMs).at(-1);
}
