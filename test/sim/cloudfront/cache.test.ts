// Proves the edge cache's pure rules: what goes into the cache key, how long a response stays
// (Cache-Control within MinTTL..MaxTTL, else DefaultTTL; CloudFront's defaults 0 / 86,400 / 31,536,000 s),
// and which URIs an invalidation path matches. A fast-check property: the TTL never leaves [MinTTL, MaxTTL].
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cacheKeyOf, invalidationMatches, ttlSecondsFor } from '../../../src/sim/cloudfront/cache.js';
import { readDistributionConfig } from '../../../src/sim/cloudfront/distribution-config.js';
import { DEFAULT_TTL_DEFAULT_SECONDS, MAX_TTL_DEFAULT_SECONDS, MIN_TTL_DEFAULT_SECONDS } from '../../../src/sim/cloudfront/limits.js';
import type { CacheBehaviorSettings } from '../../../src/sim/cloudfront/model.js';
import type { EdgeHttpRequest, EdgeHttpResponse } from '../../../src/sim/lambda/edge-event.js';
import { distributionConfig, expectOk } from './fixtures.js';

const request = (uri: string, querystring = '', headers: Record<string, string> = {}): EdgeHttpRequest => ({ method: 'GET', uri, querystring, headers, clientIp: '203.0.113.10' });
const response = (cacheControl?: string): EdgeHttpResponse => ({ status: 200, statusDescription: 'OK', headers: cacheControl === undefined ? {} : { 'cache-control': cacheControl }, body: '' });

function behaviorWith(extra: Record<string, unknown>): CacheBehaviorSettings {
  return expectOk(readDistributionConfig(distributionConfig({ behavior: extra }))).behavior;
}

describe('the cache key', () => {
  it('is the path alone by default: query strings, headers and cookies do not split the cache', () => {
    const { cacheKey } = behaviorWith({});
    expect(cacheKeyOf(cacheKey, request('/index.html', 'lang=de', { cookie: 'variant=a', 'accept-language': 'de' }))).toBe('/index.html');
  });

  it('adds the forwarded query strings (sorted), named headers and whitelisted cookies', () => {
    const { cacheKey } = behaviorWith({
      ForwardedValues: {
        QueryString: true, QueryStringCacheKeys: { Quantity: 1, Items: ['lang'] },
        Headers: { Quantity: 1, Items: ['Accept-Language'] }, Cookies: { Forward: 'whitelist', WhitelistedNames: { Quantity: 1, Items: ['variant'] } },
      },
    });
    const key = cacheKeyOf(cacheKey, request('/index.html', 'utm=x&lang=de', { cookie: 'session=1; variant=b', 'accept-language': 'de' }));
    expect(key).toBe('/index.html?lang=de|accept-language=de|variant=b');
  });

  it('keeps every query string, sorted, when QueryString is true without cache keys', () => {
    const { cacheKey } = behaviorWith({ ForwardedValues: { QueryString: true, Cookies: { Forward: 'none' } } });
    expect(cacheKeyOf(cacheKey, request('/a', 'b=2&a=1'))).toBe('/a?a=1&b=2');
  });
});

describe('the TTL of a cached response', () => {
  const behavior = behaviorWith({ MinTTL: 10, DefaultTTL: 60, MaxTTL: 300 });

  it('honours max-age within MinTTL..MaxTTL and uses DefaultTTL without a directive', () => {
    expect(ttlSecondsFor(behavior, response('max-age=120'))).toBe(120);
    expect(ttlSecondsFor(behavior, response('max-age=7200'))).toBe(300);
    expect(ttlSecondsFor(behavior, response('max-age=2'))).toBe(10);
    expect(ttlSecondsFor(behavior, response())).toBe(60);
  });

  it('prefers s-maxage, and takes MinTTL for no-store, no-cache and private', () => {
    expect(ttlSecondsFor(behavior, response('max-age=30, s-maxage=200'))).toBe(200);
    expect(ttlSecondsFor(behavior, response('no-store'))).toBe(10);
    expect(ttlSecondsFor(behavior, response('private, max-age=100'))).toBe(10);
  });

  it("uses CloudFront's defaults when the behavior names no TTL: 0 / 86,400 / 31,536,000 s", () => {
    const defaults = expectOk(readDistributionConfig({ ...distributionConfig(), DefaultCacheBehavior: { TargetOriginId: 'site' } })).behavior;
    expect([defaults.minTtlSeconds, defaults.defaultTtlSeconds, defaults.maxTtlSeconds]).toEqual([MIN_TTL_DEFAULT_SECONDS, DEFAULT_TTL_DEFAULT_SECONDS, MAX_TTL_DEFAULT_SECONDS]);
    expect([MIN_TTL_DEFAULT_SECONDS, DEFAULT_TTL_DEFAULT_SECONDS, MAX_TTL_DEFAULT_SECONDS]).toEqual([0, 86_400, 31_536_000]);
  });

  it('never leaves [MinTTL, MaxTTL] whatever the origin says', () => {
    fc.assert(fc.property(fc.nat(1_000), fc.nat(1_000), fc.nat(100_000), fc.constantFrom('max-age', 's-maxage'), (min, span, asked, directive) => {
      const settings = { ...behavior, minTtlSeconds: min, defaultTtlSeconds: min, maxTtlSeconds: min + span };
      const ttl = ttlSecondsFor(settings, response(`${directive}=${asked}`));
      return ttl >= min && ttl <= min + span;
    }));
  });
});

describe('invalidation paths', () => {
  it('match exactly, or as a prefix with a trailing *', () => {
    expect(invalidationMatches('/index.html', '/index.html')).toBe(true);
    expect(invalidationMatches('/index.html', '/a/index.html')).toBe(false);
    expect(invalidationMatches('/a/*', '/a/index.html')).toBe(true);
    expect(invalidationMatches('/*', '/app.js')).toBe(true);
  });
});
