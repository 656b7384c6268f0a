// The stage cache of a REST API (APIGW-06): per stage, on when the cache cluster is enabled and the TTL
// is above 0; only GET by default; the key is the method, the resource path and the values of the
// method's cache key parameters, so `/orders/{id}` caches ONE entry for every id unless
// `method.request.path.id` is a cache key parameter. `Cache-Control: max-age=0` asks for a fresh answer;
// when the stage requires authorization, only callers allowed `execute-api:InvalidateCache` get one.
import type { IncomingRequest } from './auth/contract.js';
import { CACHE_MAX_ENTRY_BYTES } from './limits.js';
import type { CachedResponse, Method, Stage } from './model.js';
import type { HttpResponse } from './gateway-responses.js';
import type { PathParameters } from './routes.js';

export function isCaching(stage: Stage, httpMethod: string): boolean {
  return stage.cacheClusterEnabled && stage.cacheTtlSeconds > 0 && (stage.cachingMethods.includes(httpMethod) || stage.cachingMethods.includes('*'));
}

function parameterValue(name: string, request: IncomingRequest, pathParameters: PathParameters): string {
  const match = /^method\.request\.(path|querystring|header)\.(.+)$/.exec(name);
  if (match === null) return '';
  const [, where, key] = match as unknown as [string, string, string];
  if (where === 'path') return pathParameters[key] ?? '';
  if (where === 'querystring') return request.query[key] ?? '';
  return request.headers[key.toLowerCase()] ?? '';
}

/** The request method (an ANY method caches GET and HEAD apart), the resource path, then the key parameters. */
export function cacheKeyOf(method: Method, resourcePath: string, request: IncomingRequest, pathParameters: PathParameters): string {
  const parts = [...method.cacheKeyParameters].sort().map((name) => `${name}=${parameterValue(name, request, pathParameters)}`);
  return [`${request.method} ${resourcePath}`, ...parts].join(' ');
}

/** The live entry for `key` at `nowMs`, if any. */
export function cachedAt(stage: Stage, key: string, nowMs: number): CachedResponse | undefined {
  const entry = stage.cache[key];
  return entry !== undefined && entry.expiresAtMs > nowMs ? entry : undefined;
}

/** Stores a 2xx response no larger than 1 MB (APIGW-06) for the stage's TTL; answers whether it did. */
export function storeInCache(stage: Stage, key: string, response: HttpResponse, nowMs: number): boolean {
  if (response.statusCode < 200 || response.statusCode > 299) return false;
  if (Buffer.byteLength(response.body, 'utf8') > CACHE_MAX_ENTRY_BYTES) return false;
  stage.cache[key] = { expiresAtMs: nowMs + stage.cacheTtlSeconds * 1_000, statusCode: response.statusCode, headers: response.headers, body: response.body };
  return true;
}

/** `Cache-Control: max-age=0` (case and spacing as clients send it). */
export function asksForInvalidation(request: IncomingRequest): boolean {
  const value = request.headers['cache-control'];
  return value !== undefined && /(^|,)\s*max-age\s*=\s*0\s*(,|$)/i.test(value);
}
