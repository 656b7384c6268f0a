// The sandbox rows for `aws apigateway ...` (REST APIs): real AWS CLI command and flag names, the API
// members they fill (camelCase, as API Gateway's API names them), and the function that runs each.
import type { ApiDocument, OperationSpec, ParamSpec } from '../cli/operation-spec.js';
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { MAPPING_OPERATIONS } from './commands-mapping.js';
import { GATEWAY_RESPONSE_TYPES, createAuthorizerCommand, createUsagePlanCommand, putGatewayResponseCommand, putIntegrationCommand, putMethodCommand } from './commands-methods.js';
import { describeApiKey, describeResource, describeRestApi, describeStage, isoDate } from './describe.js';
import { attachCanary, readCanaryInput } from './canary.js';
import { apiGatewayState, type EndpointType, type RestApi, type Stage } from './model.js';
import { badMember, readBoolean, readList, readRecord, readString } from './request.js';
import { applyStageSettings, createDeployment, createResource, createRestApi, createStage, notFound, withRestApi } from './rest-api.js';
import { readVariables, stageVariablesProblem } from './stage-variables.js';
import { updateRestApiCommand } from './rest-api-patch.js';
import { patchStage, readPatchOperations } from './stage-patch.js';
import { createApiKey, createUsagePlanKey } from './usage-plans.js';

export const restApiId: ParamSpec = { flag: '--rest-api-id', member: 'restApiId', type: 'string', required: true, description: 'The REST API id (from create-rest-api or get-rest-apis).' };
export const resourceId: ParamSpec = { flag: '--resource-id', member: 'resourceId', type: 'string', required: true, description: 'The resource id (from get-resources or create-resource).' };
export const httpMethod: ParamSpec = { flag: '--http-method', member: 'httpMethod', type: 'string', required: true, description: 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY.' };
const stageName: ParamSpec = { flag: '--stage-name', member: 'stageName', type: 'string', required: true, description: 'The stage name, e.g. prod.' };

function createRestApiCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  const name = readString(request, 'name');
  if (name === undefined) return fail(badMember('name'));
  const types = readList(readRecord(request, 'endpointConfiguration') ?? {}, 'types');
  const endpointType = types[0] as EndpointType | undefined;
  if (endpointType !== undefined && !['EDGE', 'REGIONAL', 'PRIVATE'].includes(endpointType)) return fail(badMember('endpointConfiguration.types', 'must be EDGE, REGIONAL or PRIVATE'));
  const policy = request['policy'];
  const created = createRestApi(world, {
    name, ...(endpointType === undefined ? {} : { endpointType }),
    ...(policy === undefined ? {} : { resourcePolicy: typeof policy === 'string' ? policy : JSON.stringify(policy) }),
    ...(readString(request, 'apiKeySource') === 'AUTHORIZER' ? { apiKeySource: 'AUTHORIZER' as const } : {}),
  });
  return created.ok ? ok(describeRestApi(created.value)) : created;
}

function createResourceCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  return withRestApi(world, request, (api) => {
    const created = createResource(world, api, readString(request, 'parentId') ?? '', readString(request, 'pathPart') ?? '');
    return created.ok ? ok(describeResource(created.value)) : created;
  });
}

/** create-deployment --stage-name S: points the stage (made when missing) at the new deployment and sets its variables. */
function deployStage(api: RestApi, stageName: string, deploymentId: string, variables: Record<string, string> | undefined): Result<unknown> {
  const existing = api.stages[stageName];
  if (existing === undefined) return createStage(api, stageName, deploymentId, variables === undefined ? {} : { variables });
  const applied = variables === undefined ? ok(existing) : applyStageSettings(existing, { variables });
  if (applied.ok) existing.deploymentId = deploymentId;
  return applied;
}

/**
 * With --canary-settings the stage must exist already (AWS refuses a canary on a new stage; the error
 * wording is the simulator's) and keeps serving its deployment: the new one becomes the canary.
 */
function createDeploymentCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  return withRestApi(world, request, (api) => {
    const stage = readString(request, 'stageName');
    const canary = readCanaryInput(request, 'canarySettings');
    if (!canary.ok) return canary;
    const canaryStage = stage === undefined ? undefined : api.stages[stage];
    if (canary.value !== undefined && canaryStage === undefined) return fail(notFound('Invalid Stage identifier specified'));
    const variables = readVariables(request['variables']);
    const problem = variables === undefined ? undefined : stageVariablesProblem(variables);
    if (problem !== undefined) return fail(problem);
    const deployment = createDeployment(world, api, readString(request, 'description') ?? '');
    if (!deployment.ok) return deployment;
    if (canaryStage !== undefined && canary.value !== undefined) attachCanary(canaryStage, deployment.value, canary.value);
    else if (stage !== undefined) {
      const deployed = deployStage(api, stage, deployment.value, variables);
      if (!deployed.ok) return deployed;
    }
    return ok({ id: deployment.value, createdDate: isoDate(world.nowMs) });
  });
}

function createStageCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  return withRestApi(world, request, (api) => {
    const variables = readVariables(request['variables']);
    const cache = readBoolean(request['cacheClusterEnabled']);
    const created = createStage(api, readString(request, 'stageName') ?? '', readString(request, 'deploymentId') ?? '', {
      ...(variables === undefined ? {} : { variables }), ...(cache === undefined ? {} : { cacheClusterEnabled: cache }),
    });
    return created.ok ? ok(describeStage(created.value)) : created;
  });
}

function withStage(world: World, request: ApiDocument, body: (api: RestApi, stage: Stage) => Result<ApiDocument>): Result<ApiDocument> {
  return withRestApi(world, request, (api) => {
    const stage = api.stages[readString(request, 'stageName') ?? ''];
    return stage === undefined ? fail(notFound('Invalid Stage identifier specified')) : body(api, stage);
  });
}

function updateStageCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  return withStage(world, request, (api, stage) => {
    const patched = patchStage(api, stage, readPatchOperations(request));
    return patched.ok ? ok(describeStage(patched.value)) : patched;
  });
}

function createApiKeyCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  const value = readString(request, 'value');
  const enabled = readBoolean(request['enabled']);
  const created = createApiKey(world, { name: readString(request, 'name') ?? '', ...(value === undefined ? {} : { value }), ...(enabled === undefined ? {} : { enabled }) });
  return created.ok ? ok({ ...describeApiKey(created.value), createdDate: isoDate(world.nowMs) }) : created;
}

function createUsagePlanKeyCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  const added = createUsagePlanKey(world, readString(request, 'usagePlanId') ?? '', readString(request, 'keyId') ?? '');
  return added.ok ? ok({ id: added.value.id, type: 'API_KEY', value: added.value.value, name: added.value.name }) : added;
}

const row = (command: string, operation: string, summary: string, params: readonly ParamSpec[], run: OperationSpec['run']): OperationSpec => ({ service: 'apigateway', command, operation, summary, params, run });

export const APIGATEWAY_OPERATIONS: readonly OperationSpec[] = [
  row('create-rest-api', 'CreateRestApi', 'Creates a REST API with its root resource `/` (endpoint type EDGE unless told, APIGW-02).', [
    { flag: '--name', member: 'name', type: 'string', required: true, description: 'The API name.' },
    { flag: '--description', member: 'description', type: 'string', required: false, description: 'A description.' },
    { flag: '--endpoint-configuration', member: 'endpointConfiguration', type: 'json', required: false, description: 'types=EDGE|REGIONAL|PRIVATE (APIGW-02).' },
    { flag: '--policy', member: 'policy', type: 'string', required: false, description: 'The resource policy (JSON text); PRIVATE APIs need one (APIGW-14).' },
    { flag: '--api-key-source', member: 'apiKeySource', type: 'string', required: false, description: 'HEADER (x-api-key) or AUTHORIZER (usageIdentifierKey).', choices: ['HEADER', 'AUTHORIZER'] },
  ], createRestApiCommand),
  row('update-rest-api', 'UpdateRestApi', 'Changes a REST API with patch operations: the endpoint type (EDGE, REGIONAL, PRIVATE; APIGW-02).', [
    restApiId,
    { flag: '--patch-operations', member: 'patchOperations', type: 'json', required: true, isList: true, description: 'op=replace,path=/endpointConfiguration/types/EDGE,value=REGIONAL (the path names the current type).' },
  ], updateRestApiCommand),
  row('get-rest-apis', 'GetRestApis', 'Lists the REST APIs.', [], (world) =>
    ok({ items: Object.values(apiGatewayState(world).restApis).sort((a, b) => a.id.localeCompare(b.id)).map(describeRestApi) })),
  row('get-resources', 'GetResources', "Lists an API's resources with their methods.", [restApiId], (world, request) =>
    withRestApi(world, request, (api) => ok({ items: Object.values(api.resources).sort((a, b) => a.path.localeCompare(b.path)).map(describeResource) }))),
  row('create-resource', 'CreateResource', 'Adds a path part under a parent resource, e.g. `orders` or `{id}`.', [
    restApiId,
    { flag: '--parent-id', member: 'parentId', type: 'string', required: true, description: 'The parent resource id (the root id for /orders).' },
    { flag: '--path-part', member: 'pathPart', type: 'string', required: true, description: 'The path part: a name, {param} or {proxy+}.' },
  ], createResourceCommand),
  row('put-method', 'PutMethod', 'Adds a method to a resource with its authorization.', [
    restApiId, resourceId, httpMethod,
    { flag: '--authorization-type', member: 'authorizationType', type: 'string', required: true, description: 'NONE, AWS_IAM, CUSTOM or COGNITO_USER_POOLS.', choices: ['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'] },
    { flag: '--authorizer-id', member: 'authorizerId', type: 'string', required: false, description: 'The authorizer for CUSTOM or COGNITO_USER_POOLS.' },
    { flag: '--api-key-required', member: 'apiKeyRequired', type: 'boolean', required: false, description: 'Callers must send an API key in a usage plan (APIGW-05).' },
    { flag: '--request-parameters', member: 'requestParameters', type: 'json', required: false, description: 'method.request.querystring.q=true,...: true = required (checked by a validator); usable as cache keys.' },
    { flag: '--request-validator-id', member: 'requestValidatorId', type: 'string', required: false, description: 'The request validator (its id, or in the sandbox its name) that checks this method (400 on failure, APIGW-09).' },
    { flag: '--request-models', member: 'requestModels', type: 'json', required: false, description: '{"application/json":"OrderModel"}: the model per content type ($default for any).' },
  ], putMethodCommand),
  row('put-integration', 'PutIntegration', "Sets a method's integration: AWS_PROXY (Lambda), HTTP, HTTP_PROXY, MOCK, or AWS (Lambda custom or a service action); non-proxy ones map the request with VTL templates (APIGW-10).", [
    restApiId, resourceId, httpMethod,
    { flag: '--type', member: 'type', type: 'string', required: true, description: 'The integration type.', choices: ['AWS_PROXY', 'AWS', 'HTTP', 'HTTP_PROXY', 'MOCK'] },
    { flag: '--integration-http-method', member: 'integrationHttpMethod', type: 'string', required: false, description: 'The method toward the backend (POST for Lambda).' },
    { flag: '--uri', member: 'uri', type: 'string', required: false, description: 'Lambda invocation URI or function ARN, or an http(s) URL; may use ${stageVariables.x}.' },
    { flag: '--timeout-in-millis', member: 'timeoutInMillis', type: 'integer', required: false, description: '50–29,000 ms, default 29,000 (APIGW-07).' },
    { flag: '--cache-key-parameters', member: 'cacheKeyParameters', type: 'string-list', required: false, description: 'Request parameters that key the stage cache, e.g. method.request.path.id.' },
    { flag: '--request-templates', member: 'requestTemplates', type: 'json', required: false, description: '{"application/json": "VTL template"} per content type; MOCK reads its status from {"statusCode": 200}.' },
    { flag: '--passthrough-behavior', member: 'passthroughBehavior', type: 'string', required: false, description: 'A body with no template for its content type: WHEN_NO_MATCH passes it, WHEN_NO_TEMPLATES only if there are no templates, NEVER refuses (415).', choices: ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'] },
    { flag: '--request-parameters', member: 'requestParameters', type: 'json', required: false, description: `{"integration.request.header.X": "method.request.querystring.q"} or a quoted 'literal'.` },
  ], putIntegrationCommand),
  row('create-authorizer', 'CreateAuthorizer', 'Creates a Lambda (TOKEN/REQUEST) or Cognito user pool authorizer (APIGW-12, APIGW-13).', [
    restApiId,
    { flag: '--name', member: 'name', type: 'string', required: true, description: 'The authorizer name.' },
    { flag: '--type', member: 'type', type: 'string', required: true, description: 'TOKEN, REQUEST or COGNITO_USER_POOLS.', choices: ['TOKEN', 'REQUEST', 'COGNITO_USER_POOLS'] },
    { flag: '--authorizer-uri', member: 'authorizerUri', type: 'string', required: false, description: "The Lambda function's invocation URI, ARN or name." },
    { flag: '--identity-source', member: 'identitySource', type: 'string', required: false, description: 'e.g. method.request.header.Authorization (comma-separated for REQUEST).' },
    { flag: '--authorizer-result-ttl-in-seconds', member: 'authorizerResultTtlInSeconds', type: 'integer', required: false, description: '0–3,600, default 300; 0 turns the result cache off (APIGW-12).' },
    { flag: '--identity-validation-expression', member: 'identityValidationExpression', type: 'string', required: false, description: 'TOKEN: a regular expression the token must match, else 401.' },
    { flag: '--provider-arns', member: 'providerARNs', type: 'string-list', required: false, description: 'COGNITO_USER_POOLS: the user pool ARNs.' },
  ], createAuthorizerCommand),
  row('create-deployment', 'CreateDeployment', 'Freezes the API as it is now; with --stage-name, points that stage at it (APIGW-03).', [
    restApiId, { ...stageName, required: false }, { flag: '--description', member: 'description', type: 'string', required: false, description: 'A description.' },
    { flag: '--variables', member: 'variables', type: 'json', required: false, description: 'Stage variables for --stage-name: name=value,... (≤ 100, APIGW-03).' },
    { flag: '--canary-settings', member: 'canarySettings', type: 'json', required: false, description: 'percentTraffic=10,stageVariableOverrides={alias=v2},useStageCache=false: the new deployment becomes the canary of an existing --stage-name (APIGW-03).' },
  ], createDeploymentCommand),
  row('get-stage', 'GetStage', 'Shows a stage: its deployment, variables, cache and throttle settings, canarySettings.', [restApiId, stageName], (world, request) =>
    withStage(world, request, (_api, stage) => ok(describeStage(stage)))),
  row('get-stages', 'GetStages', "Lists an API's stages.", [restApiId], (world, request) =>
    withRestApi(world, request, (api) => ok({ item: Object.values(api.stages).sort((a, b) => a.stageName.localeCompare(b.stageName)).map(describeStage) }))),
  row('create-stage', 'CreateStage', 'Creates a stage serving a deployment (≤ 10 per API, APIGW-03).', [
    restApiId, stageName,
    { flag: '--deployment-id', member: 'deploymentId', type: 'string', required: true, description: 'The deployment to serve.' },
    { flag: '--variables', member: 'variables', type: 'json', required: false, description: 'Stage variables: name=value,... (≤ 100, APIGW-03).' },
    { flag: '--cache-cluster-enabled', member: 'cacheClusterEnabled', type: 'boolean', required: false, description: 'Turns the stage cache on (APIGW-06).' },
    { flag: '--cache-cluster-size', member: 'cacheClusterSize', type: 'string', required: false, description: 'Cache size in GB (accepted; the simulator does not limit entries by size).', choices: ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'] },
  ], createStageCommand),
  row('update-stage', 'UpdateStage', 'Changes a stage with patch operations: cache, TTL, throttling, variables, canary settings and their promotion.', [
    restApiId, stageName,
    { flag: '--patch-operations', member: 'patchOperations', type: 'json', required: true, isList: true, description: 'op=replace,path=/*/*/caching/ttlInSeconds,value=60, op=replace,path=/variables/NAME,value=V, op=replace,path=/canarySettings/percentTraffic,value=25, op=copy,from=/canarySettings/deploymentId,path=/deploymentId ... (see docs/apigateway.md).' },
  ], updateStageCommand),
  row('put-gateway-response', 'PutGatewayResponse', "Customises API Gateway's own answers (status, headers such as CORS, body) for a type or DEFAULT_4XX / DEFAULT_5XX.", [
    restApiId,
    { flag: '--response-type', member: 'responseType', type: 'string', required: true, description: 'The gateway response type.', choices: GATEWAY_RESPONSE_TYPES },
    { flag: '--status-code', member: 'statusCode', type: 'string', required: false, description: 'The status to send instead.' },
    { flag: '--response-parameters', member: 'responseParameters', type: 'json', required: false, description: `{"gatewayresponse.header.Access-Control-Allow-Origin": "'*'"}: headers with literal values.` },
    { flag: '--response-templates', member: 'responseTemplates', type: 'json', required: false, description: '{"application/json": "{\\"error\\": $context.error.messageString}"}' },
  ], putGatewayResponseCommand),
  row('create-api-key', 'CreateApiKey', 'Creates an API key (identifies callers; not authorization, APIGW-05).', [
    { flag: '--name', member: 'name', type: 'string', required: true, description: 'The key name.' },
    { flag: '--value', member: 'value', type: 'string', required: false, description: 'The key value (≥ 20 characters); generated when omitted.' },
    { flag: '--enabled', member: 'enabled', type: 'boolean', required: false, description: 'Whether the key works (--no-enabled to create it disabled).' },
  ], createApiKeyCommand),
  row('create-usage-plan', 'CreateUsagePlan', 'Creates a usage plan: API stages, per-key throttle and quota (APIGW-05).', [
    { flag: '--name', member: 'name', type: 'string', required: true, description: 'The plan name.' },
    { flag: '--api-stages', member: 'apiStages', type: 'json', required: false, isList: true, description: 'apiId=ID,stage=prod ...' },
    { flag: '--throttle', member: 'throttle', type: 'json', required: false, description: 'burstLimit=N,rateLimit=N per key.' },
    { flag: '--quota', member: 'quota', type: 'json', required: false, description: 'limit=N,period=DAY|WEEK|MONTH per key.' },
  ], createUsagePlanCommand),
  row('create-usage-plan-key', 'CreateUsagePlanKey', 'Adds an API key to a usage plan.', [
    { flag: '--usage-plan-id', member: 'usagePlanId', type: 'string', required: true, description: 'The usage plan id.' },
    { flag: '--key-id', member: 'keyId', type: 'string', required: true, description: 'The API key id.' },
    { flag: '--key-type', member: 'keyType', type: 'string', required: true, description: 'API_KEY.', choices: ['API_KEY'] },
  ], createUsagePlanKeyCommand),
  ...MAPPING_OPERATIONS,
];
