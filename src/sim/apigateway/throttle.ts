// Token buckets for API Gateway throttling (APIGW-04, APIGW-05): a bucket holds at most `burstLimit`
// tokens and refills at `rateLimit` per second; each request takes one token or is throttled (429).
// Buckets are refilled lazily from virtual time when a request reads them, so no timers run.
import { ACCOUNT_BURST, ACCOUNT_RATE_PER_SECOND } from './limits.js';
import type { ThrottleSettings, TokenBucket } from './model.js';

export const ACCOUNT_THROTTLE: ThrottleSettings = { rateLimit: ACCOUNT_RATE_PER_SECOND, burstLimit: ACCOUNT_BURST };

/** The bucket's tokens at `nowMs` (pure). A new bucket starts full. */
export function tokensAt(bucket: TokenBucket | undefined, settings: ThrottleSettings, nowMs: number): number {
  if (bucket === undefined) return settings.burstLimit;
  const refilled = bucket.tokens + ((nowMs - bucket.lastRefillMs) * settings.rateLimit) / 1_000;
  return Math.min(settings.burstLimit, refilled);
}

export interface BucketCheck {
  readonly scope: string;
  readonly settings: ThrottleSettings;
}

/**
 * Takes one token from every bucket in `checks`, or none if any is empty: the request is throttled by
 * the first empty one (its scope is returned). Applies the change in one place.
 */
export function takeTokens(buckets: Record<string, TokenBucket>, checks: readonly BucketCheck[], nowMs: number): string | undefined {
  const levels: number[] = [];
  for (const check of checks) {
    const level = tokensAt(buckets[check.scope], check.settings, nowMs);
    if (level < 1) {
      // Keep the refill so far; the bucket stays below one token.
      buckets[check.scope] = { tokens: level, lastRefillMs: nowMs };
      return check.scope;
    }
    levels.push(level);
  }
  checks.forEach((check, i) => {
    buckets[check.scope] = { tokens: levels[i]! - 1, lastRefillMs: nowMs };
  });
  return undefined;
}
