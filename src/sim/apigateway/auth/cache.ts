// The Lambda authorizer result cache (APIGW-12), in the world slot `apigateway.authorizer-cache`.
// Entries are keyed by API, authorizer and identity-source value(s) and live `resultTtlSeconds` on the
// virtual clock. What is cached is the *policy*: every request that hits the entry is judged again
// against its own method ARN, which is how a policy naming only the first method denies the next one.
import type { World } from '../../world.js';
import { AUTHORIZER_CACHE_SLOT } from './limits.js';
import type { AuthorizerResult } from './lambda-output.js';

export interface CacheEntry {
  readonly apiId: string;
  readonly authorizerName: string;
  readonly identityValues: readonly string[];
  readonly result: AuthorizerResult;
  readonly storedAtMs: number;
  readonly expiresAtMs: number;
}

export interface AuthorizerCacheState {
  /** By cache key (see `cacheKeyOf`). Plain data, so world snapshots copy it. */
  readonly entries: Record<string, CacheEntry>;
}

export function authorizerCacheState(world: World): AuthorizerCacheState {
  return world.service<AuthorizerCacheState>(AUTHORIZER_CACHE_SLOT, () => ({ entries: {} }));
}

export function cacheKeyOf(apiId: string, authorizerName: string, identityValues: readonly string[]): string {
  return JSON.stringify([apiId, authorizerName, ...identityValues]);
}

/** The live entry for the key, if any; an expired one is removed (an entry is never served at or past its expiry). */
export function lookupCacheEntry(world: World, key: string): CacheEntry | undefined {
  const state = authorizerCacheState(world);
  const entry = state.entries[key];
  if (entry === undefined) return undefined;
  if (world.nowMs < entry.expiresAtMs) return entry;
  delete state.entries[key];
  return undefined;
}

/** Stores a result for `ttlSeconds`, dropping expired entries so the slot stays bounded by live keys. */
export function storeCacheEntry(world: World, key: string, entry: Omit<CacheEntry, 'storedAtMs' | 'expiresAtMs'>, ttlSeconds: number): CacheEntry {
  const state = authorizerCacheState(world);
  for (const [otherKey, other] of Object.entries(state.entries)) if (world.nowMs >= other.expiresAtMs) delete state.entries[otherKey];
  const stored: CacheEntry = { ...entry, storedAtMs: world.nowMs, expiresAtMs: world.nowMs + ttlSeconds * 1_000 };
  state.entries[key] = stored;
  return stored;
}

/** One row of `sim show api`: what is cached for an authorizer and for how much longer. */
export interface AuthorizerCacheRow {
  readonly authorizer: string;
  readonly identity: string;
  readonly principalId: string;
  /** The Allow/Deny statements of the cached policy, e.g. `Allow execute-api:Invoke on arn:...`. */
  readonly statements: readonly string[];
  readonly storedAtMs: number;
  readonly expiresAtMs: number;
  readonly remainingSeconds: number;
}

function summariseStatements(policyDocument: unknown): string[] {
  const statements = (policyDocument as { Statement?: unknown } | null)?.Statement;
  const list = Array.isArray(statements) ? statements : statements === undefined ? [] : [statements];
  return list.map((statement: unknown) => {
    const { Effect, Action, Resource } = (statement ?? {}) as Record<string, unknown>;
    return `${String(Effect)} ${JSON.stringify(Action)} on ${JSON.stringify(Resource)}`;
  });
}

/** Live cache entries of an API, sorted by authorizer then identity. Reads only; expired entries are not shown. */
export function describeAuthorizerCache(world: World, apiId: string): AuthorizerCacheRow[] {
  return Object.values(authorizerCacheState(world).entries)
    .filter((entry) => entry.apiId === apiId && world.nowMs < entry.expiresAtMs)
    .map((entry) => ({
      authorizer: entry.authorizerName,
      identity: entry.identityValues.join(', '),
      principalId: entry.result.principalId,
      statements: summariseStatements(entry.result.policyDocument),
      storedAtMs: entry.storedAtMs,
      expiresAtMs: entry.expiresAtMs,
      remainingSeconds: Math.ceil((entry.expiresAtMs - world.nowMs) / 1_000),
    }))
    .sort((a, b) => a.authorizer.localeCompare(b.authorizer) || a.identity.localeCompare(b.identity));
}
