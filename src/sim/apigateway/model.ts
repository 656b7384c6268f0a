// API Gateway's state: REST APIs (v1) with a resource tree, methods, integrations, deployments and
// stages; HTTP APIs (v2) with routes, integrations and stages; usage plans and API keys; the token
// buckets and stage caches the request pipeline reads and writes. Plain data only (world slots are
// structured-cloned by snapshots). Authorizers are stored as the auth contract's AuthorizerConfig.
import type { World } from '../world.js';
import type { AuthorizerConfig } from './auth/contract.js';
import type { CustomGatewayResponse } from './gateway-responses.js';

export type EndpointType = 'EDGE' | 'REGIONAL' | 'PRIVATE';
export type AuthorizationType = 'NONE' | 'AWS_IAM' | 'CUSTOM' | 'COGNITO_USER_POOLS' | 'JWT';
export type IntegrationType = 'AWS_PROXY' | 'AWS' | 'HTTP' | 'HTTP_PROXY' | 'MOCK';

export interface Integration {
  readonly type: IntegrationType;
  /** Lambda: the function's invocation URI or ARN or name; HTTP: the URL (may hold `${stageVariables.x}`). */
  readonly uri: string;
  readonly timeoutInMillis: number;
  /** MOCK: the status and body it answers. */
  readonly mockStatusCode?: number;
  readonly mockBody?: string;
  /** HTTP API payload format for Lambda proxy: `1.0` or `2.0` (default). */
  readonly payloadFormatVersion?: '1.0' | '2.0';
  /** Non-proxy (AWS, HTTP, MOCK): VTL request templates by content type. */
  readonly requestTemplates?: Readonly<Record<string, string>>;
  /** What happens to a body whose content type has no template. */
  readonly passthroughBehavior?: 'WHEN_NO_MATCH' | 'WHEN_NO_TEMPLATES' | 'NEVER';
  /** Non-proxy: `integration.request.header.X` → `method.request.querystring.q` and the like. */
  readonly requestParameters?: Readonly<Record<string, string>>;
  /** Non-proxy: integration responses by status code (put-integration-response). */
  readonly integrationResponses?: Readonly<Record<string, IntegrationResponse>>;
}

/** How a backend answer becomes the method's answer for non-proxy integrations. */
export interface IntegrationResponse {
  readonly statusCode: string;
  /** Regex matched against the Lambda error message or the HTTP status; absent = the default response. */
  readonly selectionPattern?: string;
  readonly responseTemplates?: Readonly<Record<string, string>>;
  /** `method.response.header.X` → `integration.response.header.Y` or a quoted literal. */
  readonly responseParameters?: Readonly<Record<string, string>>;
}

/** put-method-response: a status the method may return, its headers and models. */
export interface MethodResponse {
  readonly statusCode: string;
  readonly responseParameters?: Readonly<Record<string, boolean>>;
  readonly responseModels?: Readonly<Record<string, string>>;
}

/** A model: a JSON Schema (draft 4) named on the API and used by request validation. */
export interface ApiModel {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  /** The schema as the learner typed it (a JSON string). */
  readonly schema: string;
  readonly description?: string;
}

export interface RequestValidator {
  readonly id: string;
  readonly name: string;
  readonly validateRequestBody: boolean;
  readonly validateRequestParameters: boolean;
}

export interface Method {
  readonly httpMethod: string;
  readonly authorizationType: AuthorizationType;
  readonly authorizerId?: string;
  readonly apiKeyRequired: boolean;
  /** e.g. `{"method.request.querystring.q": true}`; those named in cacheKeyParameters key the cache. */
  readonly requestParameters: Readonly<Record<string, boolean>>;
  readonly cacheKeyParameters: readonly string[];
  readonly integration?: Integration;
  readonly requestValidatorId?: string;
  /** Content type → model name, checked when the validator validates the body. */
  readonly requestModels?: Readonly<Record<string, string>>;
  readonly methodResponses?: Readonly<Record<string, MethodResponse>>;
}

export interface Resource {
  readonly id: string;
  readonly parentId?: string;
  readonly pathPart: string;
  readonly path: string;
  methods: Record<string, Method>;
}

export type StoredAuthorizer = AuthorizerConfig & { readonly id: string };

/** What a deployment froze: the stage serves this, not the live tree (APIGW-03). */
export interface Deployment {
  readonly id: string;
  readonly createdDateMs: number;
  readonly description: string;
  readonly resources: Readonly<Record<string, Resource>>;
  readonly authorizers: Readonly<Record<string, StoredAuthorizer>>;
  /** The models and request validators as they were at deployment time (validation reads these). */
  readonly models?: Readonly<Record<string, ApiModel>>;
  readonly requestValidators?: Readonly<Record<string, RequestValidator>>;
}

export type UnauthorizedCacheControlHeaderStrategy = 'FAIL_WITH_403' | 'SUCCEED_WITH_RESPONSE_HEADER' | 'SUCCEED_WITHOUT_RESPONSE_HEADER';

export interface ThrottleSettings {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

export interface CachedResponse {
  readonly expiresAtMs: number;
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A canary release on a stage: a share of requests served by another deployment (canary.ts). */
export interface CanarySettings {
  deploymentId: string;
  /** 0.0–100.0: the percentage of the stage's requests the canary serves. */
  percentTraffic: number;
  /** Variables the canary sees instead of (or besides) the stage's own. */
  stageVariableOverrides: Record<string, string>;
  /** Whether canary requests read and fill the stage cache. */
  useStageCache: boolean;
}

export interface Stage {
  readonly stageName: string;
  deploymentId: string;
  variables: Record<string, string>;
  canarySettings?: CanarySettings;
  cacheClusterEnabled: boolean;
  /** 0 = responses are not cached (APIGW-06). */
  cacheTtlSeconds: number;
  /** Which methods cache: `GET` by default (APIGW-06); `*` for every method. */
  cachingMethods: string[];
  requireAuthorizationForCacheControl: boolean;
  unauthorizedCacheControlHeaderStrategy: UnauthorizedCacheControlHeaderStrategy;
  /** Stage-wide default throttle (the method settings path of every method); undefined = only the account limit. */
  throttle?: ThrottleSettings;
  /** Per method, keyed `/orders/{id}/GET` as in method settings paths. */
  methodThrottles: Record<string, ThrottleSettings>;
  cache: Record<string, CachedResponse>;
}

export interface RestApi {
  readonly kind: 'REST';
  readonly id: string;
  readonly name: string;
  readonly createdDateMs: number;
  readonly endpointType: EndpointType;
  readonly rootResourceId: string;
  resourcePolicy?: string;
  /** Where a request's API key comes from: the `x-api-key` header or the authorizer (APIGW-12). */
  apiKeySource: 'HEADER' | 'AUTHORIZER';
  resources: Record<string, Resource>;
  authorizers: Record<string, StoredAuthorizer>;
  deployments: Record<string, Deployment>;
  stages: Record<string, Stage>;
  /** Customised gateway responses by type (`DEFAULT_4XX`, `THROTTLED` ...); live without a redeployment here. */
  gatewayResponses?: Record<string, CustomGatewayResponse>;
  /** Models by name and request validators by id (create-model, create-request-validator). */
  models?: Record<string, ApiModel>;
  requestValidators?: Record<string, RequestValidator>;
}

export interface HttpRoute {
  readonly routeId: string;
  /** `GET /orders/{id}`, `ANY /{proxy+}` or `$default`. */
  readonly routeKey: string;
  /** `integrations/<id>`. */
  readonly target?: string;
  readonly authorizationType: AuthorizationType;
  readonly authorizerId?: string;
}

export interface HttpStage {
  readonly stageName: string;
  readonly autoDeploy: boolean;
  variables: Record<string, string>;
  throttle?: ThrottleSettings;
}

export interface HttpApi {
  readonly kind: 'HTTP';
  readonly id: string;
  readonly name: string;
  readonly createdDateMs: number;
  routes: Record<string, HttpRoute>;
  integrations: Record<string, Integration & { readonly integrationId: string }>;
  authorizers: Record<string, StoredAuthorizer>;
  stages: Record<string, HttpStage>;
}

export interface UsagePlan {
  readonly id: string;
  readonly name: string;
  readonly apiStages: readonly { readonly apiId: string; readonly stage: string }[];
  readonly throttle?: ThrottleSettings;
  readonly quota?: { readonly limit: number; readonly period: 'DAY' | 'WEEK' | 'MONTH' };
  keyIds: string[];
}

export interface ApiKey {
  readonly id: string;
  readonly name: string;
  readonly value: string;
  readonly enabled: boolean;
}

export interface TokenBucket {
  tokens: number;
  lastRefillMs: number;
}

export interface QuotaUsage {
  periodStartMs: number;
  used: number;
}

export interface FakeHttpEndpoint {
  readonly url: string;
  readonly statusCode: number;
  readonly body: string;
  readonly latencyMs: number;
}

export interface ApiGatewayState {
  restApis: Record<string, RestApi>;
  httpApis: Record<string, HttpApi>;
  usagePlans: Record<string, UsagePlan>;
  apiKeys: Record<string, ApiKey>;
  /** Token buckets by scope: `account`, `stage:<api>/<stage>`, `method:<api>/<stage>/<path>/<METHOD>`, `key:<plan>/<key>`. */
  buckets: Record<string, TokenBucket>;
  /** Quota usage by `<plan>/<key>`. */
  quotas: Record<string, QuotaUsage>;
  httpEndpoints: Record<string, FakeHttpEndpoint>;
}

export const APIGATEWAY_SLOT = 'apigateway';

export function apiGatewayState(world: World): ApiGatewayState {
  return world.service<ApiGatewayState>(APIGATEWAY_SLOT, () => ({
    restApis: {},
    httpApis: {},
    usagePlans: {},
    apiKeys: {},
    buckets: {},
    quotas: {},
    httpEndpoints: {},
  }));
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** An id like API Gateway's (`a1b2c3d4e5` for APIs, 6 characters for resources), from the seeded RNG. */
export function newId(world: World, length = 10): string {
  const stream = world.rng.stream('apigateway.ids');
  let id = '';
  for (let i = 0; i < length; i++) id += ID_ALPHABET[stream.nextInt(ID_ALPHABET.length)];
  return id;
}

/** A REST or HTTP API by id, else by name (first by id order when names repeat). */
export function findApi(world: World, nameOrId: string): RestApi | HttpApi | undefined {
  const state = apiGatewayState(world);
  const byId = state.restApis[nameOrId] ?? state.httpApis[nameOrId];
  if (byId !== undefined) return byId;
  const all = [...Object.values(state.restApis), ...Object.values(state.httpApis)].sort((a, b) => a.id.localeCompare(b.id));
  return all.find((api) => api.name === nameOrId);
}
