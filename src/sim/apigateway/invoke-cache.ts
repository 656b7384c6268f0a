// The last steps of a REST request: the stage cache (APIGW-06), then the integration. A hit answers
// from the cache without calling the backend; `Cache-Control: max-age=0` from a caller allowed
// `execute-api:InvalidateCache` (or from anyone when the stage does not require authorization)
// skips the lookup and refreshes the entry; an unauthorized one gets what the stage's strategy says.
import type { World } from '../world.js';
import type { AuthOutcome } from './auth/contract.js';
import { callerArnOf, mayInvalidateCache } from './access.js';
import { asksForInvalidation, cachedAt, cacheKeyOf, isCaching, storeInCache } from './cache.js';
import type { HttpResponse } from './gateway-responses.js';
import { isLambdaCustom, runIntegration } from './integrations.js';
import { mapIntegrationParameters, mapRequest, mapResponse, templateInputOf } from './mapping.js';
import type { RestContext } from './invoke-rest.js';
import { answer, finish, settleIntegration, step, type ApiResponse, type Flow, type Settled } from './pipeline.js';
import { proxyEventV1, type ProxyRequestFacts } from './proxy-event.js';

type Allow = Extract<AuthOutcome, { kind: 'allow' }> | undefined;

export function proxyFactsOf(flow: Flow, facts: Omit<ProxyRequestFacts, 'request' | 'accountId' | 'apiId' | 'stage' | 'requestId' | 'nowMs' | 'region'>, allow: Allow): ProxyRequestFacts {
  const apiKey = flow.request.headers['x-api-key'];
  return {
    ...facts, request: flow.request, accountId: flow.world.accountId, apiId: flow.apiId, stage: flow.stage, requestId: flow.requestId, nowMs: flow.world.nowMs,
    region: flow.world.region, ...(apiKey === undefined ? {} : { apiKey }), ...(flow.customDomain === undefined ? {} : { customDomain: flow.customDomain }),
    ...(allow === undefined ? {} : { authorizer: { context: allow.context, ...(allow.principalId === undefined ? {} : { principalId: allow.principalId }) } }),
  };
}

const isNonProxy = (type: string): boolean => type === 'AWS' || type === 'HTTP' || type === 'MOCK';
const MAPPED_BODY_SHOWN_CHARS = 2_000;

function callIntegration(world: World, ctx: RestContext, allow: Allow): Settled {
  const { flow, match, release } = ctx;
  const integration = match.method.integration;
  if (integration === undefined) {
    step(flow, 'integration', 'missing');
    return { ok: false, answered: answer(flow, 'API_CONFIGURATION_ERROR') };
  }
  const input = isNonProxy(integration.type) ? templateInputOf(ctx, allow, flow.request.body) : undefined;
  const mapped = input === undefined ? undefined : mapRequest(integration, input, flow.request.headers);
  if (mapped !== undefined && !mapped.ok) {
    step(flow, 'integration-request', mapped.type, { reason: mapped.reason });
    return { ok: false, answered: answer(flow, mapped.type) };
  }
  if (mapped !== undefined) {
    step(flow, 'integration-request', mapped.how, { contentType: mapped.contentType, body: mapped.body.slice(0, MAPPED_BODY_SHOWN_CHARS), ...(mapped.warnings.length === 0 ? {} : { warnings: mapped.warnings }) });
  }
  const outcome = runIntegration(world, integration, {
    event: () => proxyEventV1(proxyFactsOf(flow, {
      resourceId: match.resource.id, resourcePath: match.resource.path, routeKey: flow.route, pathParameters: match.pathParameters, stageVariables: release.variables,
      endpointType: ctx.api.endpointType,
    }, allow)),
    method: flow.request.method, path: flow.request.path, headers: flow.request.headers, body: mapped?.body ?? flow.request.body, stageVariables: release.variables,
    sourceArn: ctx.methodContext.methodArn,
    isTemplated: mapped?.how === 'template', ...(input === undefined ? {} : { integrationParameters: mapIntegrationParameters(integration, input) }),
  });
  const settled = settleIntegration(flow, integration.type, outcome);
  if (!settled.ok || input === undefined || outcome.kind !== 'response') return settled;
  const backend = {
    response: outcome.response, isLambda: isLambdaCustom(integration, release.variables), backendStatusCode: outcome.backendStatusCode ?? outcome.response.statusCode,
    ...(outcome.lambdaErrorMessage === undefined ? {} : { lambdaErrorMessage: outcome.lambdaErrorMessage }),
  };
  const response = mapResponse(integration, backend, input, flow.request.headers['accept'] ?? flow.request.headers['Accept']);
  if (!response.ok) {
    step(flow, 'integration-response', 'no-match', { reason: response.reason });
    return { ok: false, answered: answer(flow, 'API_CONFIGURATION_ERROR') };
  }
  step(flow, 'integration-response', 'mapped', response.detail);
  return { ok: true, response: response.response };
}

type CacheDecision = { readonly lookup: boolean; readonly warn: boolean } | { readonly denied: ApiResponse };

function invalidationDecision(world: World, ctx: RestContext, allow: Allow): CacheDecision {
  const { flow, stage } = ctx;
  if (!asksForInvalidation(flow.request)) return { lookup: true, warn: false };
  const allowed = !stage.requireAuthorizationForCacheControl || mayInvalidateCache(world, callerArnOf(allow?.identity), ctx.methodContext.methodArn);
  if (allowed) {
    step(flow, 'cache', 'invalidated');
    return { lookup: false, warn: false };
  }
  const strategy = stage.unauthorizedCacheControlHeaderStrategy;
  step(flow, 'cache-invalidation', 'not-authorized', { strategy });
  if (strategy === 'FAIL_WITH_403') return { denied: answer(flow, 'CACHE_INVALIDATION_DENIED') };
  return { lookup: true, warn: strategy === 'SUCCEED_WITH_RESPONSE_HEADER' };
}

const withWarning = (response: HttpResponse, warn: boolean): HttpResponse =>
  warn ? { ...response, headers: { ...response.headers, warning: '199 - "Cache-Control: max-age=0 ignored: the caller may not invalidate the cache"' } } : response;

export function runCachedIntegration(world: World, ctx: RestContext, allow: Allow): ApiResponse {
  const { flow, stage, match } = ctx;
  // A canary request skips the stage cache unless the canary uses it (APIGW-06, canary.ts).
  if (!isCaching(stage, flow.request.method) || !ctx.release.usesStageCache) {
    flow.cache = 'off';
    const called = callIntegration(world, ctx, allow);
    return called.ok ? finish(flow, called.response) : called.answered;
  }
  const decision = invalidationDecision(world, ctx, allow);
  if ('denied' in decision) return decision.denied;
  const key = cacheKeyOf(match.method, match.resource.path, flow.request, match.pathParameters);
  const hit = decision.lookup ? cachedAt(stage, key, world.nowMs) : undefined;
  if (hit !== undefined) {
    flow.cache = 'hit';
    step(flow, 'cache', 'hit', { key, expiresAtMs: hit.expiresAtMs });
    return finish(flow, withWarning({ statusCode: hit.statusCode, headers: hit.headers, body: hit.body }, decision.warn));
  }
  flow.cache = decision.lookup ? 'miss' : 'invalidated';
  if (decision.lookup) step(flow, 'cache', 'miss', { key });
  const called = callIntegration(world, ctx, allow);
  if (!called.ok) return called.answered;
  const stored = storeInCache(stage, key, called.response, world.nowMs);
  step(flow, 'cache-store', stored ? 'stored' : 'not-stored', { key, ttlSeconds: stage.cacheTtlSeconds });
  return finish(flow, withWarning(called.response, decision.warn));
}
