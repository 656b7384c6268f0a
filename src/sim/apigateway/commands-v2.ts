// The sandbox rows for `aws apigatewayv2 ...` (HTTP APIs): create-api, create-route, create-integration,
// create-stage, get-routes. Members are PascalCase as in the v2 API. A request naming a WebSocket API
// (or `--protocol-type WEBSOCKET`) goes to websocket/commands.ts.
import type { ApiDocument, OperationSpec, ParamSpec } from '../cli/operation-spec.js';
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { describeHttpApi, describeHttpIntegration, describeHttpStage, describeRoute } from './describe.js';
import { integrationOf } from './define.js';
import { createHttpApi, createHttpIntegration, createHttpStage, createRoute, findHttpApi } from './http-api.js';
import { HTTP_API_INTEGRATION_TIMEOUT_MS } from './limits.js';
import type { AuthorizationType, HttpApi, IntegrationType } from './model.js';
import { badMember, readBoolean, readNumber, readString } from './request.js';
import { readVariables, stageVariablesProblem } from './stage-variables.js';
import { isWebSocketRequest, webSocketV2Runs } from './websocket/commands.js';

const apiId: ParamSpec = { flag: '--api-id', member: 'ApiId', type: 'string', required: true, description: 'The HTTP API id.' };

function withHttpApi(world: World, request: ApiDocument, body: (api: HttpApi) => Result<ApiDocument>): Result<ApiDocument> {
  const api = findHttpApi(world, readString(request, 'ApiId') ?? '');
  return api.ok ? body(api.value) : api;
}

function createApiCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  if (readString(request, 'ProtocolType') === 'WEBSOCKET') return webSocketV2Runs['create-api']!(world, request);
  if (readString(request, 'ProtocolType') !== 'HTTP') return fail(badMember('ProtocolType', 'must be HTTP or WEBSOCKET'));
  const created = createHttpApi(world, readString(request, 'Name') ?? '');
  return created.ok ? ok(describeHttpApi(created.value, world.region)) : created;
}

function createIntegrationCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  return withHttpApi(world, request, (api) => {
    const timeoutInMillis = readNumber(request['TimeoutInMillis']) ?? HTTP_API_INTEGRATION_TIMEOUT_MS;
    if (timeoutInMillis < 50 || timeoutInMillis > HTTP_API_INTEGRATION_TIMEOUT_MS) return fail(badMember('TimeoutInMillis', 'must be between 50 and 30000')); // APIGW-01
    const version = readString(request, 'PayloadFormatVersion');
    const spec = integrationOf(world, {
      type: (readString(request, 'IntegrationType') ?? 'AWS_PROXY') as IntegrationType, uri: readString(request, 'IntegrationUri') ?? '', timeoutInMillis,
      ...(version === '1.0' || version === '2.0' ? { payloadFormatVersion: version } : {}),
    }, HTTP_API_INTEGRATION_TIMEOUT_MS);
    const created = createHttpIntegration(world, api, spec);
    return created.ok ? ok(describeHttpIntegration(created.value)) : created;
  });
}

function createRouteCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  return withHttpApi(world, request, (api) => {
    const target = readString(request, 'Target');
    const authorizerId = readString(request, 'AuthorizerId');
    const created = createRoute(world, api, {
      routeKey: readString(request, 'RouteKey') ?? '', authorizationType: (readString(request, 'AuthorizationType') ?? 'NONE') as AuthorizationType,
      ...(target === undefined ? {} : { target }), ...(authorizerId === undefined ? {} : { authorizerId }),
    });
    return created.ok ? ok(describeRoute(created.value)) : created;
  });
}

function createStageCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  return withHttpApi(world, request, (api) => {
    const variables = readVariables(request['StageVariables']);
    const problem = variables === undefined ? undefined : stageVariablesProblem(variables); // APIGW-03, as for REST stages
    if (problem !== undefined) return fail(problem);
    const created = createHttpStage(api, readString(request, 'StageName') ?? '', { autoDeploy: readBoolean(request['AutoDeploy']) ?? false, ...(variables === undefined ? {} : { variables }) });
    return created.ok ? ok(describeHttpStage(created.value)) : created;
  });
}

/** Requests naming a WebSocket API run the WebSocket side of the row (create-api decides by --protocol-type). */
const row = (command: string, operation: string, summary: string, params: readonly ParamSpec[], run: OperationSpec['run']): OperationSpec => ({
  service: 'apigatewayv2', command, operation, summary, params,
  run: (world, request) => (command !== 'create-api' && isWebSocketRequest(world, request) ? webSocketV2Runs[command]!(world, request) : run(world, request)),
});

export const APIGATEWAYV2_OPERATIONS: readonly OperationSpec[] = [
  row('create-api', 'CreateApi', 'Creates an HTTP API (Regional, no cache, no usage plans) or a WebSocket API (APIGW-01).', [
    { flag: '--name', member: 'Name', type: 'string', required: true, description: 'The API name.' },
    { flag: '--protocol-type', member: 'ProtocolType', type: 'string', required: true, description: 'HTTP or WEBSOCKET.', choices: ['HTTP', 'WEBSOCKET'] },
    { flag: '--route-selection-expression', member: 'RouteSelectionExpression', type: 'string', required: false, description: 'WEBSOCKET: where the route key is in a message, e.g. $request.body.action.' },
  ], createApiCommand),
  row('create-integration', 'CreateIntegration', 'Creates an integration: AWS_PROXY (Lambda, payload format 2.0 by default), HTTP_PROXY.', [
    apiId,
    { flag: '--integration-type', member: 'IntegrationType', type: 'string', required: true, description: 'AWS_PROXY, HTTP_PROXY or MOCK.', choices: ['AWS_PROXY', 'HTTP_PROXY', 'MOCK'] },
    { flag: '--integration-uri', member: 'IntegrationUri', type: 'string', required: false, description: 'The Lambda function ARN or name, or a URL.' },
    { flag: '--payload-format-version', member: 'PayloadFormatVersion', type: 'string', required: false, description: '1.0 or 2.0 (Lambda proxy event shape).', choices: ['1.0', '2.0'] },
    { flag: '--timeout-in-millis', member: 'TimeoutInMillis', type: 'integer', required: false, description: '50–30,000 ms, default 30,000 (APIGW-01).' },
  ], createIntegrationCommand),
  row('create-route', 'CreateRoute', 'Creates a route such as `GET /orders/{id}`, `ANY /{proxy+}` or `$default`.', [
    apiId,
    { flag: '--route-key', member: 'RouteKey', type: 'string', required: true, description: 'METHOD /path or $default; WebSocket: $connect, $disconnect, $default or a custom key.' },
    { flag: '--target', member: 'Target', type: 'string', required: false, description: 'integrations/INTEGRATION_ID.' },
    { flag: '--authorization-type', member: 'AuthorizationType', type: 'string', required: false, description: 'NONE, AWS_IAM, CUSTOM or JWT.', choices: ['NONE', 'AWS_IAM', 'CUSTOM', 'JWT'] },
    { flag: '--authorizer-id', member: 'AuthorizerId', type: 'string', required: false, description: 'The authorizer for CUSTOM or JWT.' },
  ], createRouteCommand),
  row('create-stage', 'CreateStage', 'Creates a stage (`$default` serves URLs without a stage prefix).', [
    apiId,
    { flag: '--stage-name', member: 'StageName', type: 'string', required: true, description: 'The stage name, or $default.' },
    { flag: '--auto-deploy', member: 'AutoDeploy', type: 'boolean', required: false, description: 'Deploy every change (the simulator serves current routes on every stage).' },
    { flag: '--stage-variables', member: 'StageVariables', type: 'json', required: false, description: 'name=value,...' },
    { flag: '--deployment-id', member: 'DeploymentId', type: 'string', required: false, description: 'WebSocket: the deployment the stage serves (without --auto-deploy).' },
  ], createStageCommand),
  row('get-routes', 'GetRoutes', "Lists an HTTP API's routes.", [apiId], (world, request) =>
    withHttpApi(world, request, (api) => ok({ Items: Object.values(api.routes).sort((a, b) => a.routeKey.localeCompare(b.routeKey)).map(describeRoute) }))),
];
