// The REST API (v1) model's transitions: APIs, the resource tree, methods, integrations, authorizers,
// deployments and stages. Each answers a Result with API Gateway's error names (NotFoundException,
// ConflictException, BadRequestException, LimitExceededException). Used by the `aws apigateway` rows
// and by defineRestApi (and through it, later, by SAM).
import { awsError, fail, ok, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import type { AuthorizerConfig } from './auth/contract.js';
import { expandExecuteApiShorthand } from './access.js';
import {
  AUTHORIZERS_PER_API_MAX,
  CACHE_TTL_DEFAULT_SECONDS,
  CACHE_TTL_MAX_SECONDS,
  RESOURCES_PER_API_MAX,
  STAGES_PER_API_MAX,
} from './limits.js';
import { stageVariablesProblem } from './stage-variables.js';
import { apiGatewayState, newId, type EndpointType, type Integration, type Method, type Resource, type RestApi, type Stage, type StoredAuthorizer, type ThrottleSettings, type UnauthorizedCacheControlHeaderStrategy } from './model.js';

export const notFound = (message: string): AwsError => awsError('NotFoundException', 404, message);
export const badRequest = (message: string): AwsError => awsError('BadRequestException', 400, message);
export const conflict = (message: string): AwsError => awsError('ConflictException', 409, message);

/** By id; the sandbox also accepts the API's name so scripts need not copy generated ids. */
export function findRestApi(world: World, apiId: string): Result<RestApi> {
  const apis = apiGatewayState(world).restApis;
  const api = apis[apiId] ?? Object.values(apis).sort((a, b) => a.id.localeCompare(b.id)).find((a) => a.name === apiId);
  return api === undefined ? fail(notFound(`Invalid API identifier specified ${world.accountId}:${apiId}`)) : ok(api);
}

/** A resource by id; the sandbox also accepts its path (`/orders/{id}`). */
export function resolveResourceId(api: RestApi, idOrPath: string): string {
  if (!idOrPath.startsWith('/')) return idOrPath;
  return Object.values(api.resources).find((r) => r.path === idOrPath)?.id ?? idOrPath;
}

/** Runs `body` with the REST API named by the request member `restApiId` (the CLI rows). */
export function withRestApi<T>(world: World, request: Readonly<Record<string, unknown>>, body: (api: RestApi) => Result<T>): Result<T> {
  const id = request['restApiId'];
  if (typeof id !== 'string') return fail(badRequest('restApiId is required'));
  const api = findRestApi(world, id);
  return api.ok ? body(api.value) : api;
}

export interface CreateRestApiInput {
  readonly name: string;
  /** EDGE is the default (APIGW-02). */
  readonly endpointType?: EndpointType;
  readonly resourcePolicy?: string;
  readonly apiKeySource?: 'HEADER' | 'AUTHORIZER';
}

export function createRestApi(world: World, input: CreateRestApiInput): Result<RestApi> {
  // A PRIVATE API without a resource policy is accepted (as AWS does); requests to it get 403 until a
  // policy allows them (APIGW-02).
  const id = newId(world);
  const rootResourceId = newId(world, 10);
  const root: Resource = { id: rootResourceId, pathPart: '', path: '/', methods: {} };
  const api: RestApi = {
    kind: 'REST', id, name: input.name, createdDateMs: world.nowMs, endpointType: input.endpointType ?? 'EDGE', rootResourceId,
    apiKeySource: input.apiKeySource ?? 'HEADER', resources: { [rootResourceId]: root }, authorizers: {}, deployments: {}, stages: {},
    // The shorthand `execute-api:/*` is stored expanded, as API Gateway saves it.
    ...(input.resourcePolicy === undefined ? {} : { resourcePolicy: expandExecuteApiShorthand(input.resourcePolicy, `arn:aws:execute-api:${world.region}:${world.accountId}:${id}`) }),
  };
  apiGatewayState(world).restApis[id] = api;
  return ok(api);
}

/** What a resource path part may be: a name, `{param}` or `{proxy+}` (create-resource and OpenAPI import). */
export const PATH_PART = /^(\{[A-Za-z0-9._-]+\+?\}|[A-Za-z0-9._~:@!$&'()*+,;=-]+)$/;

export function createResource(world: World, api: RestApi, parentId: string, pathPart: string): Result<Resource> {
  const parent = api.resources[resolveResourceId(api, parentId)];
  if (parent === undefined) return fail(notFound('Invalid Resource identifier specified'));
  if (!PATH_PART.test(pathPart)) return fail(badRequest(`Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.`));
  const siblings = Object.values(api.resources).filter((r) => r.parentId === parent.id);
  if (siblings.some((r) => r.pathPart === pathPart)) return fail(conflict(`Another resource with the same parent already has this name: ${pathPart}`));
  if (Object.keys(api.resources).length >= RESOURCES_PER_API_MAX) return fail(awsError('LimitExceededException', 429, 'Maximum number of Resources for this API has been reached')); // APIGW-08
  const resource: Resource = { id: newId(world, 6), parentId: parent.id, pathPart, path: parent.path === '/' ? `/${pathPart}` : `${parent.path}/${pathPart}`, methods: {} };
  api.resources[resource.id] = resource;
  return ok(resource);
}

/** The resource at `path`, creating the missing parts (declarative specs name paths, not ids). */
export function ensureResourcePath(world: World, api: RestApi, path: string): Result<Resource> {
  let current = api.resources[api.rootResourceId]!;
  for (const part of path.split('/').filter((p) => p !== '')) {
    const existing = Object.values(api.resources).find((r) => r.parentId === current.id && r.pathPart === part);
    if (existing !== undefined) {
      current = existing;
      continue;
    }
    const created = createResource(world, api, current.id, part);
    if (!created.ok) return created;
    current = created.value;
  }
  return ok(current);
}

export interface PutMethodInput {
  readonly httpMethod: string;
  readonly authorizationType?: Method['authorizationType'];
  readonly authorizerId?: string;
  readonly apiKeyRequired?: boolean;
  readonly requestParameters?: Readonly<Record<string, boolean>>;
  readonly requestValidatorId?: string;
  readonly requestModels?: Readonly<Record<string, string>>;
}

export function putMethod(api: RestApi, resourceId: string, input: PutMethodInput): Result<Method> {
  const resource = api.resources[resolveResourceId(api, resourceId)];
  if (resource === undefined) return fail(notFound('Invalid Resource identifier specified'));
  const httpMethod = input.httpMethod.toUpperCase();
  if (resource.methods[httpMethod] !== undefined) return fail(conflict('Method already exists for this resource'));
  const authorizationType = input.authorizationType ?? 'NONE';
  if ((authorizationType === 'CUSTOM' || authorizationType === 'COGNITO_USER_POOLS') && (input.authorizerId === undefined || api.authorizers[input.authorizerId] === undefined)) {
    return fail(badRequest('Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.'));
  }
  const method: Method = {
    httpMethod, authorizationType, apiKeyRequired: input.apiKeyRequired ?? false, requestParameters: input.requestParameters ?? {}, cacheKeyParameters: [],
    ...(input.authorizerId === undefined ? {} : { authorizerId: input.authorizerId }),
    ...(input.requestValidatorId === undefined ? {} : { requestValidatorId: input.requestValidatorId }),
    ...(input.requestModels === undefined ? {} : { requestModels: input.requestModels }),
  };
  resource.methods[httpMethod] = method;
  return ok(method);
}

export function putIntegration(api: RestApi, resourceId: string, httpMethod: string, integration: Integration, cacheKeyParameters: readonly string[] = []): Result<Integration> {
  const resource = api.resources[resolveResourceId(api, resourceId)];
  if (resource === undefined) return fail(notFound('Invalid Resource identifier specified'));
  const method = resource.methods[httpMethod.toUpperCase()];
  if (method === undefined) return fail(notFound('Invalid Method identifier specified'));
  // The integration responses already put stay (put-integration-response is a separate call).
  const responses = integration.integrationResponses ?? method.integration?.integrationResponses;
  const stored: Integration = responses === undefined ? integration : { ...integration, integrationResponses: responses };
  resource.methods[method.httpMethod] = { ...method, integration: stored, cacheKeyParameters: [...cacheKeyParameters] };
  return ok(stored);
}

export function createAuthorizer(world: World, api: RestApi, config: AuthorizerConfig): Result<StoredAuthorizer> {
  if (Object.keys(api.authorizers).length >= AUTHORIZERS_PER_API_MAX) return fail(awsError('LimitExceededException', 429, 'Maximum number of Authorizers for this API has been reached')); // APIGW-08
  const stored: StoredAuthorizer = { ...config, id: newId(world, 6) };
  api.authorizers[stored.id] = stored;
  return ok(stored);
}

export function createDeployment(world: World, api: RestApi, description = ''): Result<string> {
  const hasMethod = Object.values(api.resources).some((r) => Object.keys(r.methods).length > 0);
  if (!hasMethod) return fail(badRequest('The REST API doesn\'t contain any methods'));
  const missing = Object.values(api.resources).flatMap((r) => Object.values(r.methods).filter((m) => m.integration === undefined).map(() => r.path));
  if (missing.length > 0) return fail(badRequest('No integration defined for method'));
  const id = newId(world, 6);
  api.deployments[id] = {
    id, createdDateMs: world.nowMs, description, resources: structuredClone(api.resources), authorizers: structuredClone(api.authorizers),
    ...(api.models === undefined ? {} : { models: structuredClone(api.models) }), ...(api.requestValidators === undefined ? {} : { requestValidators: structuredClone(api.requestValidators) }),
  };
  return ok(id);
}

export interface StageSettings {
  readonly variables?: Readonly<Record<string, string>>;
  readonly cacheClusterEnabled?: boolean;
  readonly cacheTtlSeconds?: number;
  readonly cachingMethods?: readonly string[];
  readonly requireAuthorizationForCacheControl?: boolean;
  readonly unauthorizedCacheControlHeaderStrategy?: UnauthorizedCacheControlHeaderStrategy;
  readonly throttle?: ThrottleSettings;
  readonly methodThrottles?: Readonly<Record<string, ThrottleSettings>>;
}

function checkStageSettings(stage: Stage, settings: StageSettings): AwsError | undefined {
  if (settings.variables !== undefined) {
    const problem = stageVariablesProblem({ ...stage.variables, ...settings.variables });
    if (problem !== undefined) return problem;
  }
  const ttl = settings.cacheTtlSeconds;
  if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < 0 || ttl > CACHE_TTL_MAX_SECONDS)) return badRequest(`Cache ttl must be between 0 and ${CACHE_TTL_MAX_SECONDS} seconds`); // APIGW-06
  return undefined;
}

/** Applies stage settings (create-stage, update-stage patch operations, declarative specs). */
export function applyStageSettings(stage: Stage, settings: StageSettings): Result<Stage> {
  const problem = checkStageSettings(stage, settings);
  if (problem !== undefined) return fail(problem);
  if (settings.variables !== undefined) stage.variables = { ...stage.variables, ...settings.variables };
  if (settings.cacheClusterEnabled !== undefined) stage.cacheClusterEnabled = settings.cacheClusterEnabled;
  if (settings.cacheTtlSeconds !== undefined) stage.cacheTtlSeconds = settings.cacheTtlSeconds;
  if (settings.cachingMethods !== undefined) stage.cachingMethods = [...settings.cachingMethods];
  if (settings.requireAuthorizationForCacheControl !== undefined) stage.requireAuthorizationForCacheControl = settings.requireAuthorizationForCacheControl;
  if (settings.unauthorizedCacheControlHeaderStrategy !== undefined) stage.unauthorizedCacheControlHeaderStrategy = settings.unauthorizedCacheControlHeaderStrategy;
  if (settings.throttle !== undefined) stage.throttle = settings.throttle;
  if (settings.methodThrottles !== undefined) stage.methodThrottles = { ...stage.methodThrottles, ...settings.methodThrottles };
  return ok(stage);
}

export function createStage(api: RestApi, stageName: string, deploymentId: string, settings: StageSettings = {}): Result<Stage> {
  if (api.deployments[deploymentId] === undefined) return fail(notFound('Invalid Deployment identifier specified'));
  if (api.stages[stageName] !== undefined) return fail(conflict('Stage already exists'));
  if (Object.keys(api.stages).length >= STAGES_PER_API_MAX) return fail(awsError('LimitExceededException', 429, 'Maximum number of Stages for this API has been reached')); // APIGW-03
  const stage: Stage = {
    stageName, deploymentId, variables: {}, cacheClusterEnabled: false, cacheTtlSeconds: CACHE_TTL_DEFAULT_SECONDS, cachingMethods: ['GET'],
    requireAuthorizationForCacheControl: true, unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER', methodThrottles: {}, cache: {},
  };
  const applied = applyStageSettings(stage, settings);
  if (!applied.ok) return applied;
  api.stages[stageName] = stage;
  return ok(stage);
}

/** create-deployment with a stage name: deploys and points the stage (new or existing) at it. */
export function deployToStage(world: World, api: RestApi, stageName: string, settings: StageSettings = {}): Result<Stage> {
  const deployment = createDeployment(world, api);
  if (!deployment.ok) return deployment;
  const existing = api.stages[stageName];
  if (existing === undefined) return createStage(api, stageName, deployment.value, settings);
  existing.deploymentId = deployment.value;
  return applyStageSettings(existing, settings);
}
