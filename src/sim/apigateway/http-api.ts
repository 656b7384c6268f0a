// The HTTP API (v2) model's transitions: APIs, routes (`GET /orders/{id}`, `$default`), integrations
// and stages. HTTP APIs have no cache, no usage plans and are Regional only (APIGW-01). Stages serve the
// API's current routes: the simulator treats every stage as auto-deployed (docs/apigateway.md).
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { HTTP_API_INTEGRATION_TIMEOUT_MS } from './limits.js';
import { apiGatewayState, newId, type AuthorizationType, type HttpApi, type HttpRoute, type HttpStage, type Integration, type ThrottleSettings } from './model.js';
import { badRequest, conflict, notFound } from './rest-api.js';

export function findHttpApi(world: World, apiId: string): Result<HttpApi> {
  const apis = apiGatewayState(world).httpApis;
  // By id; the sandbox also accepts the name (see findRestApi).
  const api = apis[apiId] ?? Object.values(apis).sort((a, b) => a.id.localeCompare(b.id)).find((a) => a.name === apiId);
  return api === undefined ? fail(notFound(`Invalid API identifier specified ${world.accountId}:${apiId}`)) : ok(api);
}

export function createHttpApi(world: World, name: string): Result<HttpApi> {
  const api: HttpApi = { kind: 'HTTP', id: newId(world), name, createdDateMs: world.nowMs, routes: {}, integrations: {}, authorizers: {}, stages: {} };
  apiGatewayState(world).httpApis[api.id] = api;
  return ok(api);
}

const ROUTE_KEY = /^(\$default|(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY) \/[^\s]*)$/;

export interface CreateRouteInput {
  readonly routeKey: string;
  readonly target?: string;
  readonly authorizationType?: AuthorizationType;
  readonly authorizerId?: string;
}

export function createRoute(world: World, api: HttpApi, input: CreateRouteInput): Result<HttpRoute> {
  if (!ROUTE_KEY.test(input.routeKey)) return fail(badRequest(`Unable to create route ${input.routeKey}: the route key must be $default or METHOD /path`));
  if (Object.values(api.routes).some((r) => r.routeKey === input.routeKey)) return fail(conflict(`Unable to create route ${input.routeKey}. A route with that key already exists`));
  if (input.target !== undefined && api.integrations[input.target.replace(/^integrations\//, '')] === undefined) {
    return fail(notFound(`Unable to find Integration with id ${input.target.replace(/^integrations\//, '')}`));
  }
  const route: HttpRoute = {
    routeId: newId(world, 7), routeKey: input.routeKey, authorizationType: input.authorizationType ?? 'NONE',
    ...(input.target === undefined ? {} : { target: input.target.startsWith('integrations/') ? input.target : `integrations/${input.target}` }),
    ...(input.authorizerId === undefined ? {} : { authorizerId: input.authorizerId }),
  };
  api.routes[route.routeId] = route;
  return ok(route);
}

export type HttpIntegrationInput = Omit<Integration, 'timeoutInMillis'> & { readonly timeoutInMillis?: number };

export function createHttpIntegration(world: World, api: HttpApi, input: HttpIntegrationInput): Result<Integration & { integrationId: string }> {
  const integration = {
    ...input, integrationId: newId(world, 7), timeoutInMillis: input.timeoutInMillis ?? HTTP_API_INTEGRATION_TIMEOUT_MS, // APIGW-01
    ...(input.type === 'AWS_PROXY' ? { payloadFormatVersion: input.payloadFormatVersion ?? '2.0' } : {}),
  };
  api.integrations[integration.integrationId] = integration;
  return ok(integration);
}

export function createHttpStage(api: HttpApi, stageName: string, options: { autoDeploy?: boolean; variables?: Record<string, string>; throttle?: ThrottleSettings } = {}): Result<HttpStage> {
  if (api.stages[stageName] !== undefined) return fail(conflict(`Stage ${stageName} already exists`));
  const stage: HttpStage = {
    stageName, autoDeploy: options.autoDeploy ?? false, variables: { ...(options.variables ?? {}) },
    ...(options.throttle === undefined ? {} : { throttle: options.throttle }),
  };
  api.stages[stageName] = stage;
  return ok(stage);
}
