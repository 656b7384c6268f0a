// `sim show distribution DIST`: a distribution as a learner needs to see it: origin, TTLs, cache key,
// associations, the Lambda@Edge limits era, and per edge location the live cache entries (age, TTL,
// seconds left at the current virtual time) and how often each trigger's function ran there.
import type { World } from '../world.js';
import { ageSeconds, isFresh } from './cache.js';
import { EDGE_LOCATIONS } from './limits.js';
import { cloudFrontState, type CacheKeyPolicy, type DistributionState } from './model.js';

export interface LocationView {
  readonly location: string;
  readonly city: string;
  readonly cacheEntries: readonly { key: string; status: number; ageSeconds: number; ttlSeconds: number; secondsLeft: number }[];
  readonly invocations: Readonly<Record<string, number>>;
}

export interface DistributionView {
  readonly id: string;
  readonly domainName: string;
  readonly origin: string;
  readonly ttlSeconds: { readonly min: number; readonly default: number; readonly max: number };
  readonly cacheKey: CacheKeyPolicy;
  readonly associations: readonly { eventType: string; function: string }[];
  readonly edgeLimits: string;
  readonly locations: readonly LocationView[];
  readonly invalidations: readonly { id: string; paths: readonly string[]; entriesRemoved: number }[];
}

function locationView(world: World, distribution: DistributionState, code: string, city: string): LocationView {
  const entries = Object.values(distribution.caches[code] ?? {}).filter((entry) => isFresh(entry, world.nowMs)).sort((a, b) => a.key.localeCompare(b.key));
  const cacheEntries = entries.map((entry) => ({
    key: entry.key, status: entry.response.status, ageSeconds: ageSeconds(entry, world.nowMs), ttlSeconds: entry.ttlSeconds,
    secondsLeft: Math.ceil((entry.storedAtMs + entry.ttlSeconds * 1_000 - world.nowMs) / 1_000),
  }));
  const counts = distribution.invocations[code] ?? {};
  const invocations = Object.fromEntries(Object.keys(counts).sort().map((key) => [key, counts[key]!]));
  return { location: code, city, cacheEntries, invocations };
}

export function describeDistributionForShow(world: World, distribution: DistributionState): DistributionView {
  const { behavior, origin } = distribution.settings;
  const associations = [
    ...behavior.lambdaAssociations.map((a) => ({ eventType: a.eventType, function: a.lambdaFunctionArn })),
    ...behavior.functionAssociations.map((a) => ({ eventType: a.eventType, function: a.functionArn })),
  ];
  const locations = EDGE_LOCATIONS.map((location) => locationView(world, distribution, location.code, location.city))
    .filter((view) => view.cacheEntries.length > 0 || Object.keys(view.invocations).length > 0);
  return {
    id: distribution.id, domainName: distribution.domainName, origin: `${origin.id} (${origin.domainName}${origin.originPath})`,
    ttlSeconds: { min: behavior.minTtlSeconds, default: behavior.defaultTtlSeconds, max: behavior.maxTtlSeconds },
    cacheKey: behavior.cacheKey, associations, edgeLimits: cloudFrontState(world).edgeLimits, locations,
    invalidations: distribution.invalidations.map((i) => ({ id: i.id, paths: i.paths, entriesRemoved: i.entriesRemoved })),
  };
}

const listed = (value: 'none' | 'all' | readonly string[]): string => (typeof value === 'string' ? value : `[${value.join(', ')}]`);

/** The view as text: a header, then one block per edge location that has cache entries or runs. */
export function formatDistributionView(view: DistributionView): string {
  const lines = [
    `Distribution ${view.id} (${view.domainName}) → origin ${view.origin}`,
    `TTL min ${view.ttlSeconds.min} / default ${view.ttlSeconds.default} / max ${view.ttlSeconds.max} s · cache key: path, query ${listed(view.cacheKey.queryStrings)}, headers ${listed(view.cacheKey.headers)}, cookies ${listed(view.cacheKey.cookies)}`,
    `Triggers: ${view.associations.length === 0 ? 'none' : view.associations.map((a) => `${a.eventType} → ${a.function}`).join(' · ')}`,
    `Lambda@Edge limits: ${view.edgeLimits} (EDGE-05)`,
  ];
  if (view.locations.length === 0) lines.push('No edge location has served a request yet.');
  for (const location of view.locations) {
    lines.push(`${location.location} ${location.city}`);
    for (const entry of location.cacheEntries) lines.push(`  cache ${entry.key}  ${entry.status}  age ${entry.ageSeconds} s of ${entry.ttlSeconds} s (${entry.secondsLeft} s left)`);
    for (const [trigger, count] of Object.entries(location.invocations)) lines.push(`  ran   ${trigger} ×${count}`);
  }
  return `${lines.join('\n')}\n`;
}
