// AWS::Serverless::Api and AWS::Serverless::HttpApi (and the implicit ServerlessRestApi /
// ServerlessHttpApi SAM declares for events that name no API): the routes come from the functions'
// Api / HttpApi events, then API Gateway's declarative `defineRestApi` / `defineHttpApi` build the API,
// its authorizers and stage; SAM's stage settings (caching, throttling) and usage plan are applied.
import * as apigateway from '../apigateway/index.js';
import { ok, type Result } from '../result.js';
import { checkAuth, checkEventAuthorizer, createUsagePlan, routeAuth, authorizersOf } from './api-auth.js';
import { apiOfEvent, eventsOf, type FunctionEvent } from './events.js';
import { resolve } from './intrinsics.js';
import { asList, asRecord, asString, type DeployContext, type Made, type ResourceKind } from './kind.js';
import type { Problems } from './problems.js';
import type { ResourceDecl } from './template.js';

interface RouteSource {
  readonly functionId: string;
  readonly event: FunctionEvent;
}

/** The Api / HttpApi events of every function that attach to API `apiId`. */
export function routeSources(apiId: string, all: readonly ResourceDecl[]): RouteSource[] {
  return all.filter((r) => r.type === 'AWS::Serverless::Function').flatMap((fn) => eventsOf(fn).filter((event) => apiOfEvent(event) === apiId).map((event) => ({ functionId: fn.logicalId, event })));
}

/** The function (with its alias, when SAM publishes one: events then invoke the alias) a route calls. */
function integrationTarget(context: DeployContext, functionId: string): string {
  const fn = context.resources.find((r) => r.logicalId === functionId);
  const alias = fn === undefined ? undefined : asString(resolve(fn.properties['AutoPublishAlias'], context.scope));
  const name = context.made.get(functionId)?.ref ?? functionId;
  return alias === undefined ? name : `${name}:${alias}`;
}

/** API Gateway's cache sizes in GB; the size does not change how the simulated cache behaves. */
const CACHE_SIZES = ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'];
const ENDPOINT_TYPES = ['EDGE', 'REGIONAL', 'PRIVATE'];

/** `EndpointConfiguration: REGIONAL` or `{Type: REGIONAL}`. */
const endpointTypeOf = (value: unknown): string | undefined => asString(value) ?? asString(asRecord(value)['Type']);

function checkRestApi(resource: ResourceDecl, all: readonly ResourceDecl[], problems: Problems): void {
  const path = ['Resources', resource.logicalId, 'Properties'];
  checkAuth(resource.properties['Auth'], [...path, 'Auth'], problems);
  const size = resource.properties['CacheClusterSize'];
  if (size !== undefined && !CACHE_SIZES.includes(String(size))) problems.add([...path, 'CacheClusterSize'], `CacheClusterSize must be one of ${CACHE_SIZES.join(', ')} (GB), got '${String(size)}'`);
  const endpoint = resource.properties['EndpointConfiguration'];
  if (endpoint !== undefined && !ENDPOINT_TYPES.includes(endpointTypeOf(endpoint) ?? '')) problems.add([...path, 'EndpointConfiguration'], `EndpointConfiguration must be EDGE, REGIONAL or PRIVATE (or {Type: ...}), got ${JSON.stringify(endpoint)}`);
  const sources = routeSources(resource.logicalId, all);
  if (sources.length === 0) problems.add(['Resources', resource.logicalId], `${resource.logicalId} has no routes: no function has an Api event with RestApiId: !Ref ${resource.logicalId}`);
  for (const { functionId, event } of sources) {
    const authorizer = asString(asRecord(event.properties['Auth'])['Authorizer']);
    checkEventAuthorizer(authorizer, resource.properties['Auth'], ['Resources', functionId, 'Properties', 'Events', event.name, 'Properties', 'Auth', 'Authorizer'], problems);
  }
}

/** MethodSettings → stage settings: `/*` + `*` applies to the stage, other paths to one method. */
function stageSettings(properties: Readonly<Record<string, unknown>>): apigateway.RestApiSpec['stages'] {
  const settings = asList(properties['MethodSettings']).map(asRecord);
  const caching = settings.filter((s) => s['CachingEnabled'] === true);
  const ttl = caching.map((s) => s['CacheTtlInSeconds']).find((t) => typeof t === 'number') as number | undefined;
  const stageThrottle = settings.find((s) => (s['ResourcePath'] ?? '/*') === '/*' && s['ThrottlingRateLimit'] !== undefined);
  const methodThrottles = Object.fromEntries(settings.filter((s) => s !== stageThrottle && s['ThrottlingRateLimit'] !== undefined)
    .map((s) => [`${String(s['ResourcePath'])}/${String(s['HttpMethod']).toUpperCase()}`, { rateLimit: Number(s['ThrottlingRateLimit']), burstLimit: Number(s['ThrottlingBurstLimit'] ?? s['ThrottlingRateLimit']) }]));
  return [{
    name: String(properties['StageName']),
    cacheClusterEnabled: properties['CacheClusterEnabled'] === true,
    // Only methods whose MethodSettings enable caching are cached; `*` means GET, the cacheable default.
    cachingMethods: caching.flatMap((s) => (String(s['HttpMethod'] ?? '*') === '*' ? ['GET'] : [String(s['HttpMethod']).toUpperCase()])),
    ...(ttl === undefined ? {} : { cacheTtlSeconds: ttl }),
    ...(stageThrottle === undefined ? {} : { throttle: { rateLimit: Number(stageThrottle['ThrottlingRateLimit']), burstLimit: Number(stageThrottle['ThrottlingBurstLimit'] ?? stageThrottle['ThrottlingRateLimit']) } }),
    methodThrottles,
    variables: Object.fromEntries(Object.entries(asRecord(properties['Variables'])).map(([k, v]) => [k, String(v)])),
  }];
}

function deployRestApi(context: DeployContext, resource: ResourceDecl, properties: Readonly<Record<string, unknown>>): Result<Made> {
  const auth = properties['Auth'];
  const routes = routeSources(resource.logicalId, context.resources).map(({ functionId, event }): apigateway.RestRouteSpec => {
    const resolved = resolve(event.properties, context.scope) as Record<string, unknown>;
    return { method: String(resolved['Method']).toUpperCase(), path: String(resolved['Path']), integration: { type: 'AWS_PROXY', functionName: integrationTarget(context, functionId) }, ...routeAuth(auth, resolved['Auth']) };
  });
  const stage = String(properties['StageName']);
  const endpointType = endpointTypeOf(properties['EndpointConfiguration']) as apigateway.RestApiSpec['endpointType'];
  const spec: apigateway.RestApiSpec = { name: asString(properties['Name']) ?? context.stackName, authorizers: authorizersOf(auth), routes, stages: stageSettings(properties) ?? [], ...(endpointType === undefined ? {} : { endpointType }) };
  const api = apigateway.defineRestApi(context.world, spec);
  if (!api.ok) return api;
  const plan = createUsagePlan(context.world, resource.logicalId, api.value.id, stage, auth);
  if (!plan.ok) return plan;
  if (plan.value.keyValue !== undefined) context.notes.push(`API key of ${resource.logicalId}: ${plan.value.keyValue} (sim http ... --api-key ${plan.value.keyValue})`);
  const generated = [
    { logicalId: `${resource.logicalId}Deployment`, type: 'AWS::ApiGateway::Deployment', physicalId: api.value.stages[stage]?.deploymentId ?? '' },
    { logicalId: `${resource.logicalId}${stage}Stage`, type: 'AWS::ApiGateway::Stage', physicalId: stage },
    ...plan.value.generated,
  ];
  return ok({ physicalId: api.value.id, ref: api.value.id, attributes: { RootResourceId: api.value.rootResourceId }, generated, memory: { stage, ...(plan.value.keyValue === undefined ? {} : { apiKey: plan.value.keyValue }) } });
}

export const serverlessApi: ResourceKind = {
  type: 'AWS::Serverless::Api',
  properties: ['Name', 'StageName', 'Auth', 'CacheClusterEnabled', 'CacheClusterSize', 'MethodSettings', 'Variables', 'EndpointConfiguration', 'Description'],
  required: ['StageName'],
  attributes: ['RootResourceId'],
  check: checkRestApi,
  builtAfter: (resource, all) => routeSources(resource.logicalId, all).map((source) => source.functionId),
  deploy: deployRestApi,
};

function deployHttpApi(context: DeployContext, resource: ResourceDecl, properties: Readonly<Record<string, unknown>>): Result<Made> {
  const routes = routeSources(resource.logicalId, context.resources).map(({ functionId, event }): apigateway.HttpRouteSpec => {
    const resolved = resolve(event.properties, context.scope) as Record<string, unknown>;
    const method = asString(resolved['Method']);
    const path = asString(resolved['Path']);
    // An HttpApi event without Path and Method catches every request ($default route).
    const routeKey = method === undefined && path === undefined ? '$default' : `${(method ?? 'ANY').toUpperCase()} ${path ?? '/'}`;
    const version = resolved['PayloadFormatVersion'] === '1.0' ? '1.0' : '2.0';
    return { routeKey, integration: { type: 'AWS_PROXY', functionName: integrationTarget(context, functionId), payloadFormatVersion: version } };
  });
  const stage = asString(properties['StageName']) ?? '$default';
  const api = apigateway.defineHttpApi(context.world, { name: asString(properties['Name']) ?? context.stackName, routes, stages: [{ name: stage }] });
  if (!api.ok) return api;
  return ok({ physicalId: api.value.id, ref: api.value.id, attributes: { ApiEndpoint: `https://${api.value.id}.execute-api.${context.world.region}.amazonaws.com` }, generated: [{ logicalId: `${resource.logicalId}ApiGatewayDefaultStage`, type: 'AWS::ApiGatewayV2::Stage', physicalId: stage }], memory: { stage } });
}

export const serverlessHttpApi: ResourceKind = {
  type: 'AWS::Serverless::HttpApi',
  properties: ['Name', 'StageName', 'Description'],
  required: [],
  attributes: ['ApiEndpoint'],
  check: (resource, all, problems) => {
    if (routeSources(resource.logicalId, all).length === 0) problems.add(['Resources', resource.logicalId], `${resource.logicalId} has no routes: no function has an HttpApi event with ApiId: !Ref ${resource.logicalId}`);
  },
  builtAfter: (resource, all) => routeSources(resource.logicalId, all).map((source) => source.functionId),
  deploy: deployHttpApi,
};
