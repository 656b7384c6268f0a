// Declarative API definitions: `defineRestApi(world, spec)` / `defineHttpApi(world, spec)` create a whole
// API (routes, integrations, authorizers, stages) from plain data in one call. The sandbox's scenario
// setups and the SAM reader (a later issue: AWS::Serverless::Api / HttpApi events) build on these, so
// one API model serves the CLI rows, SAM and tests. A failed definition leaves nothing behind.
import { ok, type Result } from '../result.js';
import type { World } from '../world.js';
import type { AuthorizerConfig } from './auth/contract.js';
import { createHttpApi, createHttpIntegration, createHttpStage, createRoute } from './http-api.js';
import { HTTP_API_INTEGRATION_TIMEOUT_MS, REST_INTEGRATION_TIMEOUT_MS } from './limits.js';
import { apiGatewayState, newId, type AuthorizationType, type EndpointType, type HttpApi, type Integration, type IntegrationType, type RestApi, type ThrottleSettings } from './model.js';
import { createAuthorizer, createRestApi, deployToStage, ensureResourcePath, putIntegration, putMethod, type StageSettings } from './rest-api.js';

export interface IntegrationSpec {
  readonly type: IntegrationType;
  /** An integration URI, or give `functionName` for Lambda. */
  readonly uri?: string;
  readonly functionName?: string;
  readonly timeoutInMillis?: number;
  readonly mockStatusCode?: number;
  readonly mockBody?: string;
  readonly payloadFormatVersion?: '1.0' | '2.0';
  /** Non-proxy REST integrations: mapping templates, passthrough, parameters, integration responses (APIGW-10). */
  readonly mapping?: Pick<Integration, 'requestTemplates' | 'passthroughBehavior' | 'requestParameters' | 'integrationResponses'>;
}

export interface RestRouteSpec {
  readonly method: string;
  readonly path: string;
  readonly integration: IntegrationSpec;
  readonly authorizationType?: AuthorizationType;
  /** The `name` of one of the spec's authorizers (CUSTOM / COGNITO_USER_POOLS). */
  readonly authorizer?: string;
  readonly apiKeyRequired?: boolean;
  readonly cacheKeyParameters?: readonly string[];
  readonly requestParameters?: Readonly<Record<string, boolean>>;
}

export interface RestApiSpec {
  readonly name: string;
  readonly endpointType?: EndpointType;
  readonly resourcePolicy?: string;
  readonly apiKeySource?: 'HEADER' | 'AUTHORIZER';
  readonly authorizers?: readonly Exclude<AuthorizerConfig, { type: 'AWS_IAM' }>[];
  readonly routes: readonly RestRouteSpec[];
  /** Each stage gets a deployment of the routes above. */
  readonly stages?: readonly (StageSettings & { readonly name: string })[];
}

/** The invocation URI API Gateway uses for a Lambda function. */
export function lambdaIntegrationUri(world: World, functionName: string): string {
  return `arn:aws:apigateway:${world.region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${world.region}:${world.accountId}:function:${functionName}/invocations`;
}

export function integrationOf(world: World, spec: IntegrationSpec, defaultTimeoutMs: number): Integration {
  const uri = spec.uri ?? (spec.functionName === undefined ? '' : lambdaIntegrationUri(world, spec.functionName));
  return {
    type: spec.type, uri, timeoutInMillis: spec.timeoutInMillis ?? defaultTimeoutMs,
    ...(spec.mockStatusCode === undefined ? {} : { mockStatusCode: spec.mockStatusCode }),
    ...(spec.mockBody === undefined ? {} : { mockBody: spec.mockBody }),
    ...(spec.payloadFormatVersion === undefined ? {} : { payloadFormatVersion: spec.payloadFormatVersion }),
    ...(spec.mapping ?? {}),
  };
}

function authorizerIdsByName(world: World, api: RestApi | HttpApi, configs: RestApiSpec['authorizers']): Result<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const config of configs ?? []) {
    if (api.kind === 'HTTP') {
      const id = newId(world, 6);
      api.authorizers[id] = { ...config, id };
      ids[config.name] = id;
      continue;
    }
    const created = createAuthorizer(world, api, config);
    if (!created.ok) return created;
    ids[config.name] = created.value.id;
  }
  return ok(ids);
}

function addRestRoute(world: World, api: RestApi, route: RestRouteSpec, authorizerIds: Readonly<Record<string, string>>): Result<unknown> {
  const resource = ensureResourcePath(world, api, route.path);
  if (!resource.ok) return resource;
  const authorizerId = route.authorizer === undefined ? undefined : authorizerIds[route.authorizer];
  const method = putMethod(api, resource.value.id, {
    httpMethod: route.method, authorizationType: route.authorizationType ?? (route.authorizer === undefined ? 'NONE' : 'CUSTOM'), apiKeyRequired: route.apiKeyRequired ?? false,
    ...(authorizerId === undefined ? {} : { authorizerId }), ...(route.requestParameters === undefined ? {} : { requestParameters: route.requestParameters }),
  });
  if (!method.ok) return method;
  return putIntegration(api, resource.value.id, route.method, integrationOf(world, route.integration, REST_INTEGRATION_TIMEOUT_MS), route.cacheKeyParameters); // APIGW-07
}

/** Fills a just-created API with `build`; if that fails, removes the API again (nothing is left behind). */
function atomically<T extends RestApi | HttpApi>(world: World, created: Result<T>, build: (api: T) => Result<unknown>): Result<T> {
  if (!created.ok) return created;
  const built = build(created.value);
  if (built.ok) return ok(created.value);
  const state = apiGatewayState(world);
  delete (created.value.kind === 'REST' ? state.restApis : state.httpApis)[created.value.id];
  return built;
}

export function defineRestApi(world: World, spec: RestApiSpec): Result<RestApi> {
  const created = createRestApi(world, {
    name: spec.name, ...(spec.endpointType === undefined ? {} : { endpointType: spec.endpointType }),
    ...(spec.resourcePolicy === undefined ? {} : { resourcePolicy: spec.resourcePolicy }), ...(spec.apiKeySource === undefined ? {} : { apiKeySource: spec.apiKeySource }),
  });
  return atomically(world, created, (api) => buildRest(world, api, spec));
}

function buildRest(world: World, api: RestApi, spec: RestApiSpec): Result<unknown> {
  const ids = authorizerIdsByName(world, api, spec.authorizers);
  if (!ids.ok) return ids;
  for (const route of spec.routes) {
    const added = addRestRoute(world, api, route, ids.value);
    if (!added.ok) return added;
  }
  for (const { name, ...settings } of spec.stages ?? []) {
    const deployed = deployToStage(world, api, name, settings);
    if (!deployed.ok) return deployed;
  }
  return ok(undefined);
}

export interface HttpRouteSpec {
  /** `GET /orders/{id}`, `ANY /{proxy+}` or `$default`. */
  readonly routeKey: string;
  readonly integration?: IntegrationSpec;
  readonly authorizationType?: AuthorizationType;
  readonly authorizer?: string;
}

export interface HttpApiSpec {
  readonly name: string;
  readonly authorizers?: readonly Exclude<AuthorizerConfig, { type: 'AWS_IAM' }>[];
  readonly routes: readonly HttpRouteSpec[];
  /** Default: one `$default` stage with auto-deploy. */
  readonly stages?: readonly { readonly name: string; readonly variables?: Record<string, string>; readonly throttle?: ThrottleSettings }[];
}

export function defineHttpApi(world: World, spec: HttpApiSpec): Result<HttpApi> {
  return atomically(world, createHttpApi(world, spec.name), (api) => buildHttp(world, api, spec));
}

function buildHttp(world: World, api: HttpApi, spec: HttpApiSpec): Result<unknown> {
  const ids = authorizerIdsByName(world, api, spec.authorizers);
  if (!ids.ok) return ids;
  for (const route of spec.routes) {
    const integration = route.integration === undefined ? undefined : createHttpIntegration(world, api, integrationOf(world, route.integration, HTTP_API_INTEGRATION_TIMEOUT_MS));
    if (integration !== undefined && !integration.ok) return integration;
    const authorizerId = route.authorizer === undefined ? undefined : ids.value[route.authorizer];
    const created = createRoute(world, api, {
      routeKey: route.routeKey, authorizationType: route.authorizationType ?? (route.authorizer === undefined ? 'NONE' : 'CUSTOM'),
      ...(integration === undefined ? {} : { target: `integrations/${integration.value.integrationId}` }), ...(authorizerId === undefined ? {} : { authorizerId }),
    });
    if (!created.ok) return created;
  }
  for (const stage of spec.stages ?? [{ name: '$default' }]) {
    const made = createHttpStage(api, stage.name, { autoDeploy: true, ...(stage.variables === undefined ? {} : { variables: stage.variables }), ...(stage.throttle === undefined ? {} : { throttle: stage.throttle }) });
    if (!made.ok) return made;
  }
  return ok(undefined);
}
