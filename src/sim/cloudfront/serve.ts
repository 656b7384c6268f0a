// One viewer request through a distribution, at one edge location, with exactly the trigger rules of
// EDGE-02: viewer request always runs first and may answer itself (then nothing else runs, not even
// viewer response); on a cache hit no origin trigger runs; on a miss origin request runs, may answer
// itself (then origin response does not run), else the origin is fetched and origin response runs,
// error statuses included; viewer response runs on hits and misses, except when the origin answered
// ≥ 400, and cannot change the status.
import type { EdgeAnswer, EdgeEventType, EdgeHttpRequest, EdgeHttpResponse } from '../lambda/index.js';
import type { World } from '../world.js';
import { ageSeconds, cacheKeyOf, isCacheable, isFresh, ttlSecondsFor } from './cache.js';
import type { EdgeLocation } from './limits.js';
import type { DistributionState } from './model.js';
import { fetchFromOrigin } from './origin.js';
import { runTrigger, type TriggerContext } from './triggers.js';

export interface ServeStep {
  readonly step: string;
  readonly outcome: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** How the response came about, as CloudFront's `x-cache` header says it. */
export type CacheResult = 'Hit' | 'Miss' | 'LambdaGeneratedResponse' | 'FunctionGeneratedResponse' | 'Redirect' | 'Error';

export interface ServedResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly location: string;
  readonly cache: CacheResult;
  /** The trigger points whose function ran, in order. */
  readonly triggersRun: readonly EdgeEventType[];
  readonly steps: readonly ServeStep[];
}

interface Flow extends TriggerContext {
  readonly steps: ServeStep[];
  readonly triggersRun: EdgeEventType[];
}

type Ran = { readonly kind: 'go'; readonly answer: EdgeAnswer | undefined } | { readonly kind: 'stop'; readonly response: EdgeHttpResponse };

/** Runs one trigger point and notes it; `answer` is undefined when nothing is associated there. */
function trigger(flow: Flow, eventType: EdgeEventType, request: EdgeHttpRequest, response?: EdgeHttpResponse): Ran {
  const outcome = runTrigger(flow, { eventType, request, ...(response === undefined ? {} : { response }) });
  if (outcome.kind === 'none') return { kind: 'go', answer: undefined };
  flow.triggersRun.push(eventType);
  if (outcome.kind === 'failed') {
    flow.steps.push({ step: eventType, outcome: outcome.reason, detail: { function: outcome.label } });
    return { kind: 'stop', response: outcome.response };
  }
  const said = outcome.answer.kind === 'request' ? 'request' : `response ${outcome.answer.response.status}`;
  flow.steps.push({ step: eventType, outcome: said, detail: { function: outcome.label } });
  return { kind: 'go', answer: outcome.answer };
}

const isAssociated = (flow: Flow, eventType: EdgeEventType, kind?: 'lambda'): boolean => {
  const behavior = flow.distribution.settings.behavior;
  return behavior.lambdaAssociations.some((a) => a.eventType === eventType) || (kind === undefined && behavior.functionAssociations.some((a) => a.eventType === eventType));
};

const generatedBy = (flow: Flow, eventType: EdgeEventType): CacheResult => (isAssociated(flow, eventType, 'lambda') ? 'LambdaGeneratedResponse' : 'FunctionGeneratedResponse');

function finish(flow: Flow, response: EdgeHttpResponse, cache: CacheResult, extraHeaders: Record<string, string> = {}): ServedResponse {
  const { world, distribution, location } = flow;
  const headers = {
    ...response.headers, ...extraHeaders,
    'x-cache': `${cache} from cloudfront`, via: `1.1 ${distribution.domainName} (CloudFront)`, 'x-amz-cf-pop': `${location.code}50-C1`, 'x-amz-cf-id': flow.requestId,
  };
  world.record({
    service: 'cloudfront', operation: 'ViewerRequest', outcome: 'ok',
    detail: { distributionId: distribution.id, location: location.code, status: response.status, cache, triggers: [...flow.triggersRun] },
  });
  return { statusCode: response.status, headers, body: response.body, location: location.code, cache, triggersRun: flow.triggersRun, steps: flow.steps };
}

interface Fetched {
  readonly response: EdgeHttpResponse;
  /** The status the origin (or an origin-request function) answered: decides whether viewer response runs. */
  readonly originStatus: number;
  /** The origin-request function answered instead of the origin. */
  readonly isGenerated: boolean;
}

/** A cache miss: origin request, the origin, origin response; the result is stored when cacheable. */
function fetchOnMiss(flow: Flow, request: EdgeHttpRequest, key: string): Fetched | { stop: EdgeHttpResponse } {
  const settings = flow.distribution.settings;
  const originRequest = trigger(flow, 'origin-request', request);
  if (originRequest.kind === 'stop') return { stop: originRequest.response };
  if (originRequest.answer?.kind === 'response') {
    const generated = originRequest.answer.response;
    flow.steps.push({ step: 'origin-response', outcome: 'skipped: the origin-request function generated the response' });
    store(flow, request.uri, key, generated);
    return { response: generated, originStatus: generated.status, isGenerated: true };
  }
  const forwarded = originRequest.answer?.request ?? request;
  const fromOrigin = fetchFromOrigin(flow.world, settings.origin, forwarded);
  flow.steps.push({ step: 'origin', outcome: String(fromOrigin.status), detail: { origin: settings.origin.domainName, uri: `${settings.origin.originPath}${forwarded.uri}` } });
  const originResponse = trigger(flow, 'origin-response', forwarded, fromOrigin);
  if (originResponse.kind === 'stop') return { stop: originResponse.response };
  const response = originResponse.answer?.kind === 'response' ? originResponse.answer.response : fromOrigin;
  store(flow, request.uri, key, response);
  return { response, originStatus: fromOrigin.status, isGenerated: false };
}

function store(flow: Flow, uri: string, key: string, response: EdgeHttpResponse): void {
  const ttlSeconds = ttlSecondsFor(flow.distribution.settings.behavior, response);
  const cache = (flow.distribution.caches[flow.location.code] ??= {});
  if (!isCacheable(response.status) || ttlSeconds === 0) {
    flow.steps.push({ step: 'cache-store', outcome: 'not stored', detail: { status: response.status, ttlSeconds } });
    return;
  }
  cache[key] = { key, uri, storedAtMs: flow.world.nowMs, ttlSeconds, response };
  flow.steps.push({ step: 'cache-store', outcome: 'stored', detail: { key, ttlSeconds } });
}

/** Viewer response: skipped when the origin answered ≥ 400; its status change is ignored (EDGE-02). */
function viewerResponse(flow: Flow, request: EdgeHttpRequest, fetched: Fetched): EdgeHttpResponse | { stop: EdgeHttpResponse } {
  if (fetched.originStatus >= 400) {
    if (isAssociated(flow, 'viewer-response')) flow.steps.push({ step: 'viewer-response', outcome: `skipped: the origin answered ${fetched.originStatus}` });
    return fetched.response;
  }
  const ran = trigger(flow, 'viewer-response', request, fetched.response);
  if (ran.kind === 'stop') return { stop: ran.response };
  if (ran.answer?.kind !== 'response') return fetched.response;
  const changed = ran.answer.response;
  if (changed.status === fetched.response.status) return changed;
  flow.steps.push({ step: 'viewer-response', outcome: `status ${changed.status} ignored: a viewer-response function cannot change the status` });
  return { ...changed, status: fetched.response.status, statusDescription: fetched.response.statusDescription };
}

/**
 * A plain-HTTP request under `redirect-to-https` gets CloudFront's 301 and `https-only` its 403, before
 * any trigger: viewer request does not run on the automatic redirect (EDGE-02).
 */
function refuseHttp(flow: Flow, request: EdgeHttpRequest): ServedResponse | undefined {
  const policy = flow.distribution.settings.behavior.viewerProtocolPolicy;
  if (policy === 'redirect-to-https') {
    const query = request.querystring === '' ? '' : `?${request.querystring}`;
    flow.steps.push({ step: 'viewer-protocol', outcome: 'redirect-to-https' });
    return finish(flow, { status: 301, statusDescription: 'Moved Permanently', headers: { location: `https://${flow.distribution.domainName}${request.uri}${query}` }, body: '' }, 'Redirect');
  }
  if (policy === 'https-only') {
    flow.steps.push({ step: 'viewer-protocol', outcome: 'https-only' });
    return finish(flow, { status: 403, statusDescription: 'Forbidden', headers: { 'content-type': 'text/html' }, body: '<h1>403 ERROR</h1><p>This distribution accepts HTTPS only.</p>' }, 'Error');
  }
  return undefined;
}

export function serveRequest(world: World, distribution: DistributionState, location: EdgeLocation, request: EdgeHttpRequest, requestId: string, scheme: 'http' | 'https' = 'https'): ServedResponse {
  const flow: Flow = { world, distribution, location, requestId, steps: [], triggersRun: [] };
  const refused = scheme === 'http' ? refuseHttp(flow, request) : undefined;
  if (refused !== undefined) return refused;
  const viewerRequest = trigger(flow, 'viewer-request', request);
  if (viewerRequest.kind === 'stop') return finish(flow, viewerRequest.response, 'Error');
  if (viewerRequest.answer?.kind === 'response') return finish(flow, viewerRequest.answer.response, generatedBy(flow, 'viewer-request'));
  const forwarded = viewerRequest.answer?.request ?? request;
  const key = cacheKeyOf(distribution.settings.behavior.cacheKey, forwarded);
  const entry = distribution.caches[location.code]?.[key];
  const isHit = entry !== undefined && isFresh(entry, world.nowMs);
  flow.steps.push({ step: 'cache', outcome: isHit ? 'hit' : entry === undefined ? 'miss' : 'miss (expired)', detail: { key } });
  const fetched = isHit ? { response: entry.response, originStatus: entry.response.status, isGenerated: false } : fetchOnMiss(flow, forwarded, key);
  if ('stop' in fetched) return finish(flow, fetched.stop, 'Error');
  const final = viewerResponse(flow, forwarded, fetched);
  if ('stop' in final) return finish(flow, final.stop, 'Error');
  const cache: CacheResult = isHit ? 'Hit' : fetched.isGenerated ? generatedBy(flow, 'origin-request') : 'Miss';
  return finish(flow, final, cache, isHit ? { age: String(ageSeconds(entry, world.nowMs)) } : {});
}
