// The sandbox rows for WebSocket APIs. `aws apigatewayv2` rows shared with HTTP APIs (create-api,
// create-route, create-integration, create-stage, get-routes) hand a WEBSOCKET API's request to
// `webSocketV2Runs`; the rows HTTP APIs did not have (create-authorizer, create-deployment,
// create-route-response, delete-route, get-api) are here; `aws apigatewaymanagementapi` is the
// @connections API.
import type { ApiDocument, OperationSpec, ParamSpec } from '../../cli/operation-spec.js';
import { fail, ok, type Result } from '../../result.js';
import type { World } from '../../world.js';
import { describeHttpApi } from '../describe.js';
import { findHttpApi } from '../http-api.js';
import { badRequest } from '../rest-api.js';
import { readBoolean, readList, readString } from '../request.js';
import * as ws from './api.js';
import { describeWsApi, describeWsAuthorizer, describeWsIntegration, describeWsRoute, describeWsStage } from './describe.js';
import { deleteConnection, getConnection, postToConnection } from './management.js';
import { findWsApi, type WsApi } from './model.js';

const text = (request: ApiDocument, member: string): string => readString(request, member) ?? '';
const maybe = (request: ApiDocument, member: string): string | undefined => readString(request, member);

function withWsApi(world: World, request: ApiDocument, body: (api: WsApi) => Result<ApiDocument>): Result<ApiDocument> {
  const api = ws.findWebSocketApi(world, text(request, 'ApiId'));
  return api.ok ? body(api.value) : api;
}

const answer = <T>(result: Result<T>, describe: (value: T) => ApiDocument): Result<ApiDocument> => (result.ok ? ok(describe(result.value)) : result);

/** True when the request's ApiId names a WebSocket API (by id or name). */
export function isWebSocketRequest(world: World, request: ApiDocument): boolean {
  return findWsApi(world, text(request, 'ApiId')) !== undefined;
}

/** The WEBSOCKET side of the shared apigatewayv2 rows, by command. */
export const webSocketV2Runs: Readonly<Record<string, OperationSpec['run']>> = {
  'create-api': (world, request) => answer(ws.createWebSocketApi(world, text(request, 'Name'), maybe(request, 'RouteSelectionExpression')), (api) => describeWsApi(api, world.region)),
  'create-route': (world, request) => withWsApi(world, request, (api) => {
    const [target, authorizationType, authorizerId] = [maybe(request, 'Target'), maybe(request, 'AuthorizationType'), maybe(request, 'AuthorizerId')];
    return answer(ws.createWebSocketRoute(world, api, {
      routeKey: text(request, 'RouteKey'), ...(target === undefined ? {} : { target }),
      ...(authorizationType === undefined ? {} : { authorizationType }), ...(authorizerId === undefined ? {} : { authorizerId }),
    }), describeWsRoute);
  }),
  'create-integration': (world, request) => withWsApi(world, request, (api) =>
    answer(ws.createWebSocketIntegration(world, api, text(request, 'IntegrationType'), maybe(request, 'IntegrationUri')), describeWsIntegration)),
  'create-stage': (world, request) => withWsApi(world, request, (api) =>
    answer(ws.createWebSocketStage(api, text(request, 'StageName'), readBoolean(request['AutoDeploy']) ?? false, maybe(request, 'DeploymentId')), describeWsStage)),
  'get-routes': (world, request) => withWsApi(world, request, (api) => ok({ Items: Object.values(api.routes).sort((a, b) => a.routeKey.localeCompare(b.routeKey)).map(describeWsRoute) })),
};

const apiId: ParamSpec = { flag: '--api-id', member: 'ApiId', type: 'string', required: true, description: 'The API id (HTTP or WebSocket).' };
const v2 = (command: string, operation: string, summary: string, params: readonly ParamSpec[], run: OperationSpec['run']): OperationSpec => ({ service: 'apigatewayv2', command, operation, summary, params, run });

/** For HTTP APIs these rows do what is cheap and honest; the rest answer what is not simulated. */
function httpApiOnly(world: World, request: ApiDocument, command: string): Result<ApiDocument> {
  const api = findHttpApi(world, text(request, 'ApiId'));
  if (!api.ok) return api;
  if (command === 'get-api') return ok(describeHttpApi(api.value, world.region));
  if (command === 'create-deployment') return ok({ DeploymentId: 'live', DeploymentStatus: 'DEPLOYED', AutoDeployed: false }); // HTTP API stages serve the current routes
  if (command === 'delete-route') {
    const routeId = text(request, 'RouteId');
    if (api.value.routes[routeId] === undefined) return fail(badRequest(`Invalid Route identifier specified ${routeId}`));
    delete api.value.routes[routeId];
    return ok({});
  }
  return fail(badRequest(`${command} is simulated for WebSocket APIs only (HTTP API authorizers come from SAM templates)`));
}

const eitherKind = (command: string, wsRun: (world: World, request: ApiDocument, api: WsApi) => Result<ApiDocument>): OperationSpec['run'] => (world, request) =>
  isWebSocketRequest(world, request) ? withWsApi(world, request, (api) => wsRun(world, request, api)) : httpApiOnly(world, request, command);

export const WEBSOCKET_V2_OPERATIONS: readonly OperationSpec[] = [
  v2('create-authorizer', 'CreateAuthorizer', 'Creates a REQUEST Lambda authorizer for a WebSocket API ($connect only; APIGW-01).', [
    apiId,
    { flag: '--name', member: 'Name', type: 'string', required: true, description: 'The authorizer name.' },
    { flag: '--authorizer-type', member: 'AuthorizerType', type: 'string', required: true, description: 'REQUEST (the only type WebSocket APIs take).', choices: ['REQUEST', 'JWT'] },
    { flag: '--authorizer-uri', member: 'AuthorizerUri', type: 'string', required: true, description: 'The Lambda function ARN, invocation URI or name.' },
    { flag: '--identity-source', member: 'IdentitySource', type: 'string-list', required: false, description: 'route.request.header.NAME, route.request.querystring.NAME ...' },
  ], eitherKind('create-authorizer', (world, request, api) => answer(ws.createWebSocketAuthorizer(world, api, {
    name: text(request, 'Name'), authorizerType: text(request, 'AuthorizerType'), authorizerUri: text(request, 'AuthorizerUri'), identitySources: readList(request, 'IdentitySource').map(String),
  }), describeWsAuthorizer))),
  v2('create-deployment', 'CreateDeployment', 'Deploys the API; with --stage-name that stage serves this deployment.', [
    apiId, { flag: '--stage-name', member: 'StageName', type: 'string', required: false, description: 'The stage to point at the new deployment.' },
  ], eitherKind('create-deployment', (world, request, api) => answer(ws.createWebSocketDeployment(world, api, maybe(request, 'StageName')), (d) => ({ DeploymentId: d.deploymentId, DeploymentStatus: 'DEPLOYED', AutoDeployed: false })))),
  v2('create-route-response', 'CreateRouteResponse', "Makes a WebSocket route two-way: the integration's answer goes back to the client ($default key only).", [
    apiId,
    { flag: '--route-id', member: 'RouteId', type: 'string', required: true, description: 'The route id.' },
    { flag: '--route-response-key', member: 'RouteResponseKey', type: 'string', required: true, description: '$default.' },
  ], eitherKind('create-route-response', (world, request, api) => answer(ws.createRouteResponse(world, api, text(request, 'RouteId'), text(request, 'RouteResponseKey')), (r) => ({ RouteResponseId: r.routeResponseId, RouteResponseKey: r.routeResponseKey })))),
  v2('delete-route', 'DeleteRoute', 'Deletes a route.', [apiId, { flag: '--route-id', member: 'RouteId', type: 'string', required: true, description: 'The route id.' }],
    eitherKind('delete-route', (_world, request, api) => ws.deleteWebSocketRoute(api, text(request, 'RouteId')))),
  v2('get-api', 'GetApi', 'Describes an HTTP or WebSocket API.', [apiId], eitherKind('get-api', (world, _request, api) => ok(describeWsApi(api, world.region)))),
];

const connectionId: ParamSpec = { flag: '--connection-id', member: 'ConnectionId', type: 'string', required: true, description: 'The connection id (sim ws connect prints it).' };
const endpointUrl: ParamSpec = { flag: '--endpoint-url', member: 'EndpointUrl', type: 'string', required: true, description: "The stage's callback URL https://API_ID.execute-api.REGION.amazonaws.com/STAGE." };
const mgmt = (command: string, operation: string, summary: string, params: readonly ParamSpec[], run: OperationSpec['run']): OperationSpec => ({ service: 'apigatewaymanagementapi', command, operation, summary, params, run });

export const APIGATEWAYMANAGEMENTAPI_OPERATIONS: readonly OperationSpec[] = [
  mgmt('post-to-connection', 'PostToConnection', 'Sends data to a connected WebSocket client (410 GoneException once it is closed).', [
    connectionId, endpointUrl, { flag: '--data', member: 'Data', type: 'string', required: true, description: 'The message, as text (the sandbox takes it raw, no base64).' },
  ], (world, request) => postToConnection(world, text(request, 'EndpointUrl'), text(request, 'ConnectionId'), text(request, 'Data'))),
  mgmt('get-connection', 'GetConnection', 'Shows a connection: ConnectedAt, LastActiveAt, Identity.', [connectionId, endpointUrl],
    (world, request) => getConnection(world, text(request, 'EndpointUrl'), text(request, 'ConnectionId'))),
  mgmt('delete-connection', 'DeleteConnection', 'Closes a connection from the backend ($disconnect runs).', [connectionId, endpointUrl],
    (world, request) => deleteConnection(world, text(request, 'EndpointUrl'), text(request, 'ConnectionId'))),
];
