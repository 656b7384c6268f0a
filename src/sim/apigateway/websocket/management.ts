// The @connections management API (`aws apigatewaymanagementapi`), which a backend calls at the stage's
// callback URL `https://{api-id}.execute-api.{region}.amazonaws.com/{stage}`: post-to-connection,
// get-connection, delete-connection. A connection that is closed, was never opened, or is still in its
// `$connect` answers GoneException (410):
// https://repost.aws/knowledge-center/410-gone-api-gateway . Posts share the account throttle
// (APIGW-04) and the 128 KB message limit (APIGW-01).
import { awsError, fail, ok, type AwsError, type Result } from '../../result.js';
import type { World } from '../../world.js';
import { isoDate } from '../describe.js';
import { apiGatewayState } from '../model.js';
import { ACCOUNT_THROTTLE, takeTokens } from '../throttle.js';
import { closeConnection } from './connections.js';
import { CLOSE_NORMAL, MESSAGE_MAX_BYTES } from './limits.js';
import { utf8SizeBytes, webSocketState, type WsConnection } from './model.js';

const ENDPOINT = /^https:\/\/([a-z0-9]+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com\/([^/\s]+)\/?$/;

export interface CallbackEndpoint {
  readonly apiId: string;
  readonly region: string;
  readonly stage: string;
}

export function parseEndpoint(url: string): Result<CallbackEndpoint> {
  const match = ENDPOINT.exec(url);
  if (match === null) {
    return fail(awsError('InvalidEndpoint', 400, `--endpoint-url must be the stage's callback URL https://API_ID.execute-api.REGION.amazonaws.com/STAGE, got '${url}'`));
  }
  return ok({ apiId: match[1]!, region: match[2]!, stage: match[3]! });
}

const gone = (): AwsError => awsError('GoneException', 410, 'The connection with the provided id no longer exists.');

/** The open connection behind an id at this endpoint, or the error a backend gets. */
function openConnection(world: World, endpointUrl: string, connectionId: string): Result<WsConnection> {
  const endpoint = parseEndpoint(endpointUrl);
  if (!endpoint.ok) return endpoint;
  const { apiId, stage, region } = endpoint.value;
  const api = webSocketState(world).apis[apiId];
  if (api === undefined || api.stages[stage] === undefined || region !== world.region) return fail(awsError('ForbiddenException', 403, 'Forbidden'));
  const connection = webSocketState(world).connections[connectionId];
  if (connection === undefined || connection.status !== 'open' || connection.apiId !== apiId || connection.stage !== stage) return fail(gone());
  return ok(connection);
}

function recordCall(world: World, operation: string, connectionId: string, result: Result<unknown>, detail: Readonly<Record<string, unknown>> = {}): void {
  world.record({ service: 'apigateway', operation, outcome: result.ok ? 'ok' : result.error.name, detail: { connectionId, ...detail } });
}

export function postToConnection(world: World, endpointUrl: string, connectionId: string, data: string): Result<Record<string, never>> {
  const result = ((): Result<Record<string, never>> => {
    const connection = openConnection(world, endpointUrl, connectionId);
    if (!connection.ok) return connection;
    const sizeBytes = utf8SizeBytes(data);
    if (sizeBytes > MESSAGE_MAX_BYTES) return fail(awsError('PayloadTooLargeException', 413, `Message of ${sizeBytes} bytes is larger than the ${MESSAGE_MAX_BYTES}-byte limit`)); // APIGW-01
    if (takeTokens(apiGatewayState(world).buckets, [{ scope: 'account', settings: ACCOUNT_THROTTLE }], world.nowMs) !== undefined) {
      return fail(awsError('LimitExceededException', 429, 'Rate exceeded', { retryable: true })); // APIGW-04: callbacks share the account bucket
    }
    connection.value.received.push({ timeMs: world.nowMs, kind: 'message', data });
    return ok({});
  })();
  recordCall(world, 'ws-post-to-connection', connectionId, result, { sizeBytes: utf8SizeBytes(data) });
  return result;
}

export function getConnection(world: World, endpointUrl: string, connectionId: string): Result<Readonly<Record<string, unknown>>> {
  const connection = openConnection(world, endpointUrl, connectionId);
  if (!connection.ok) return connection;
  const { connectedAtMs, lastActiveAtMs, sourceIp, userAgent } = connection.value;
  return ok({ ConnectedAt: isoDate(connectedAtMs), Identity: { SourceIp: sourceIp, UserAgent: userAgent }, LastActiveAt: isoDate(lastActiveAtMs) });
}

/** The backend closes the connection: the client sees a close frame, `$disconnect` runs. */
export function deleteConnection(world: World, endpointUrl: string, connectionId: string): Result<Record<string, never>> {
  const connection = openConnection(world, endpointUrl, connectionId);
  recordCall(world, 'ws-delete-connection', connectionId, connection);
  if (!connection.ok) return connection;
  closeConnection(world, connection.value, CLOSE_NORMAL, 'Closed by the backend (delete-connection)');
  return ok({});
}
