// `sim show api NAME`: one API as a learner needs to see it: routes with their integration and auth,
// stages with cache and throttle settings, the token buckets as they stand now (refilled to the current
// virtual time), live cache entries with seconds left, authorizers, usage plans.
import { describeCanary } from './canary.js';
import type { World } from '../world.js';
import { apiGatewayState, type HttpApi, type RestApi, type ThrottleSettings } from './model.js';
import { ACCOUNT_THROTTLE, tokensAt } from './throttle.js';
import { describeAuthorizerCache } from './auth/index.js';

function restRoutes(api: RestApi, deploymentId: string | undefined): Record<string, unknown>[] {
  const resources = deploymentId === undefined ? api.resources : api.deployments[deploymentId]?.resources ?? {};
  return Object.values(resources).sort((a, b) => a.path.localeCompare(b.path)).flatMap((resource) =>
    Object.values(resource.methods).sort((a, b) => a.httpMethod.localeCompare(b.httpMethod)).map((method) => ({
      route: `${method.httpMethod} ${resource.path}`, authorizationType: method.authorizationType, apiKeyRequired: method.apiKeyRequired,
      integration: method.integration === undefined ? null : `${method.integration.type} ${method.integration.uri}`.trim(), cacheKeyParameters: method.cacheKeyParameters,
    })));
}

function bucketsOf(world: World, belongs: (scope: string) => boolean, settingsOf: (scope: string) => ThrottleSettings | undefined): Record<string, unknown>[] {
  const buckets = apiGatewayState(world).buckets;
  return Object.keys(buckets).filter((scope) => scope === 'account' || belongs(scope)).sort().map((scope) => {
    const settings = scope === 'account' ? ACCOUNT_THROTTLE : settingsOf(scope);
    return { bucket: scope, tokens: settings === undefined ? null : Math.floor(tokensAt(buckets[scope], settings, world.nowMs)), rateLimit: settings?.rateLimit ?? null, burstLimit: settings?.burstLimit ?? null };
  });
}

function restStages(world: World, api: RestApi): Record<string, unknown>[] {
  return Object.values(api.stages).sort((a, b) => a.stageName.localeCompare(b.stageName)).map((stage) => ({
    stage: stage.stageName, deploymentId: stage.deploymentId, variables: stage.variables,
    ...(stage.canarySettings === undefined ? {} : { canary: describeCanary(stage.canarySettings) }),
    cache: { enabled: stage.cacheClusterEnabled, ttlSeconds: stage.cacheTtlSeconds, methods: stage.cachingMethods, requireAuthorizationForCacheControl: stage.requireAuthorizationForCacheControl, unauthorizedStrategy: stage.unauthorizedCacheControlHeaderStrategy },
    throttle: stage.throttle ?? null, methodThrottles: stage.methodThrottles,
    cacheEntries: Object.entries(stage.cache).filter(([, e]) => e.expiresAtMs > world.nowMs).sort(([a], [b]) => a.localeCompare(b))
      .map(([key, e]) => ({ key, statusCode: e.statusCode, secondsLeft: Math.ceil((e.expiresAtMs - world.nowMs) / 1_000) })),
    routes: restRoutes(api, stage.deploymentId),
  }));
}

function restSettingsOf(world: World, api: RestApi, scope: string): ThrottleSettings | undefined {
  const state = apiGatewayState(world);
  const key = /^key:([^/]+)\//.exec(scope);
  if (key !== null) return state.usagePlans[key[1]!]?.throttle;
  const method = new RegExp(`^method:${api.id}/([^/]+)(/.*)$`).exec(scope);
  const stage = method === null ? undefined : api.stages[method[1]!];
  return stage === undefined ? undefined : stage.methodThrottles[method![2]!] ?? stage.throttle;
}

export function showRestApi(world: World, api: RestApi): Record<string, unknown> {
  const plans = Object.values(apiGatewayState(world).usagePlans).filter((p) => p.apiStages.some((s) => s.apiId === api.id));
  return {
    api: api.name, id: api.id, type: 'REST', endpointType: api.endpointType, resourcePolicy: api.resourcePolicy ?? null, apiKeySource: api.apiKeySource,
    routes: restRoutes(api, undefined), stages: restStages(world, api),
    authorizers: Object.values(api.authorizers).sort((a, b) => a.id.localeCompare(b.id)),
    usagePlans: plans.map((p) => ({ id: p.id, name: p.name, throttle: p.throttle ?? null, quota: p.quota ?? null, keys: p.keyIds.length })),
    throttleBuckets: bucketsOf(world, (scope) => scope.includes(api.id) || plans.some((p) => scope.startsWith(`key:${p.id}/`)), (scope) => restSettingsOf(world, api, scope)),
    // Live authorizer results (APIGW-12): identity values, the cached policy's principal, seconds left.
    authorizerCache: describeAuthorizerCache(world, api.id),
  };
}

export function showHttpApi(world: World, api: HttpApi): Record<string, unknown> {
  return {
    api: api.name, id: api.id, type: 'HTTP', endpointType: 'REGIONAL',
    routes: Object.values(api.routes).sort((a, b) => a.routeKey.localeCompare(b.routeKey)).map((route) => {
      const integration = route.target === undefined ? undefined : api.integrations[route.target.replace(/^integrations\//, '')];
      return { route: route.routeKey, authorizationType: route.authorizationType, integration: integration === undefined ? null : `${integration.type} ${integration.uri}`.trim() };
    }),
    stages: Object.values(api.stages).sort((a, b) => a.stageName.localeCompare(b.stageName)).map((s) => ({ stage: s.stageName, autoDeploy: s.autoDeploy, variables: s.variables, throttle: s.throttle ?? null })),
    authorizers: Object.values(api.authorizers).sort((a, b) => a.id.localeCompare(b.id)),
    throttleBuckets: bucketsOf(world, (scope) => scope.includes(api.id), (scope) => api.stages[scope.split('/')[1] ?? '']?.throttle),
  };
}
