// The edge cache's pure rules: the cache key (path plus the query strings, headers and cookies the
// behavior names), how long a response stays (Cache-Control from the origin within MinTTL..MaxTTL,
// else DefaultTTL), freshness at a virtual time, and which entries an invalidation path removes.
import { cookiesOf, type EdgeHttpRequest, type EdgeHttpResponse } from '../lambda/index.js';
import type { CacheBehaviorSettings, CacheEntry, CacheKeyPolicy } from './model.js';

function selectedQuery(policy: CacheKeyPolicy, querystring: string): string {
  if (policy.queryStrings === 'none' || querystring === '') return '';
  const pairs = querystring.split('&').filter((pair) => pair !== '');
  const allowed = policy.queryStrings;
  const kept = allowed === 'all' ? pairs : pairs.filter((pair) => allowed.includes(pair.split('=')[0] ?? ''));
  return kept.sort().join('&');
}

function selectedCookies(policy: CacheKeyPolicy, request: EdgeHttpRequest): string {
  if (policy.cookies === 'none') return '';
  const cookies = cookiesOf(request);
  const allowed = policy.cookies;
  const names = Object.keys(cookies).filter((name) => allowed === 'all' || allowed.includes(name)).sort();
  return names.map((name) => `${name}=${cookies[name]}`).join(';');
}

/**
 * The cache key: `uri`, then `?query` when the behavior forwards query strings, then each named
 * header and cookie. Example: `/index.html?lang=de|accept-language=de|variant=b`.
 */
export function cacheKeyOf(policy: CacheKeyPolicy, request: EdgeHttpRequest): string {
  const query = selectedQuery(policy, request.querystring);
  const headers = [...policy.headers].sort().map((name) => `${name}=${request.headers[name] ?? ''}`);
  const cookies = selectedCookies(policy, request);
  return [`${request.uri}${query === '' ? '' : `?${query}`}`, ...headers, ...(cookies === '' ? [] : [cookies])].join('|');
}

/** `max-age=60, s-maxage=300` → {max-age: 60, s-maxage: 300}; flags such as no-store map to 0. */
function cacheControlOf(response: EdgeHttpResponse): Record<string, number> {
  const directives: Record<string, number> = {};
  for (const part of (response.headers['cache-control'] ?? '').split(',')) {
    const [name = '', value] = part.trim().toLowerCase().split('=');
    if (name !== '') directives[name] = value === undefined ? 0 : Number.parseInt(value, 10);
  }
  return directives;
}

/**
 * How long CloudFront keeps a response: the origin's `s-maxage`, else `max-age`, clamped to
 * [MinTTL, MaxTTL]; `no-cache`, `no-store` and `private` mean MinTTL; no directive means DefaultTTL.
 * Example: MinTTL 0, DefaultTTL 86,400, MaxTTL 3,600 and `max-age=7200` → 3,600 s.
 */
export function ttlSecondsFor(behavior: CacheBehaviorSettings, response: EdgeHttpResponse): number {
  const directives = cacheControlOf(response);
  if ('no-store' in directives || 'no-cache' in directives || 'private' in directives) return behavior.minTtlSeconds;
  const asked = directives['s-maxage'] ?? directives['max-age'];
  if (asked === undefined || Number.isNaN(asked)) return behavior.defaultTtlSeconds;
  return Math.min(behavior.maxTtlSeconds, Math.max(behavior.minTtlSeconds, asked));
}

/** Simulator assumption: only responses below 400 are cached (CloudFront's error caching is not modelled). */
export const isCacheable = (status: number): boolean => status < 400;

export function isFresh(entry: CacheEntry, nowMs: number): boolean {
  return nowMs < entry.storedAtMs + entry.ttlSeconds * 1_000;
}

export function ageSeconds(entry: CacheEntry, nowMs: number): number {
  return Math.floor((nowMs - entry.storedAtMs) / 1_000);
}

/** An invalidation path matches a URI exactly, or as a prefix when it ends with `*` (`/images/*`, `/*`). */
export function invalidationMatches(path: string, uri: string): boolean {
  return path.endsWith('*') ? uri.startsWith(path.slice(0, -1)) : uri === path;
}
