// CloudFront's state in a world (slot `cloudfront`), as plain data: distributions with their settings,
// one cache per edge location and trigger counts per location; CloudFront Functions with their
// DEVELOPMENT and LIVE stages; which Lambda@Edge limits apply (EDGE-05). CloudFront is global: one
// state for the account, whatever Region commands run in.
import type { ApiDocument } from '../cli/operation-spec.js';
import type { EdgeEventType, EdgeHttpResponse } from '../lambda/index.js';
import type { World } from '../world.js';
import type { EdgeLimitsEra } from './limits.js';

export const CLOUDFRONT_SLOT = 'cloudfront';

export type OriginTarget = { readonly kind: 's3'; readonly bucket: string } | { readonly kind: 'api'; readonly apiId: string };

export interface OriginSettings {
  readonly id: string;
  readonly domainName: string;
  /** Prefixed to every path sent to the origin, e.g. `/prod` for an API stage. */
  readonly originPath: string;
  readonly target: OriginTarget;
}

/** What goes into the cache key besides the path (legacy ForwardedValues). */
export interface CacheKeyPolicy {
  /** `none`, `all`, or only these query string parameters. */
  readonly queryStrings: 'none' | 'all' | readonly string[];
  /** Lowercase header names. */
  readonly headers: readonly string[];
  readonly cookies: 'none' | 'all' | readonly string[];
}

export interface LambdaAssociation {
  readonly eventType: EdgeEventType;
  readonly lambdaFunctionArn: string;
  readonly includeBody: boolean;
}

export interface FunctionAssociation {
  readonly eventType: EdgeEventType;
  readonly functionArn: string;
}

export interface CacheBehaviorSettings {
  readonly targetOriginId: string;
  readonly viewerProtocolPolicy: string;
  readonly minTtlSeconds: number;
  readonly defaultTtlSeconds: number;
  readonly maxTtlSeconds: number;
  readonly cacheKey: CacheKeyPolicy;
  readonly lambdaAssociations: readonly LambdaAssociation[];
  readonly functionAssociations: readonly FunctionAssociation[];
}

export interface DistributionSettings {
  readonly callerReference: string;
  readonly comment: string;
  readonly enabled: boolean;
  readonly origin: OriginSettings;
  readonly behavior: CacheBehaviorSettings;
}

export interface CacheEntry {
  readonly key: string;
  readonly uri: string;
  readonly storedAtMs: number;
  readonly ttlSeconds: number;
  readonly response: EdgeHttpResponse;
}

export interface InvalidationRecord {
  readonly id: string;
  readonly paths: readonly string[];
  readonly callerReference: string;
  readonly createdMs: number;
  readonly entriesRemoved: number;
}

export interface DistributionState {
  readonly id: string;
  readonly arn: string;
  readonly domainName: string;
  eTag: string;
  readonly createdMs: number;
  lastModifiedMs: number;
  settings: DistributionSettings;
  /** The DistributionConfig as given (echoed back by get-distribution). */
  config: ApiDocument;
  /** Edge location code → cache key → entry. */
  readonly caches: Record<string, Record<string, CacheEntry>>;
  /** Edge location code → `event-type function` → runs. */
  readonly invocations: Record<string, Record<string, number>>;
  readonly invalidations: InvalidationRecord[];
}

/** One stage of a CloudFront Function: the code (a catalogue behaviour in the sandbox) and its ETag. */
export interface FunctionStage {
  readonly code: string;
  readonly behaviour: string;
  readonly runtime: string;
  readonly comment: string;
  readonly eTag: string;
  readonly lastModifiedMs: number;
}

export interface CfFunctionState {
  readonly name: string;
  readonly arn: string;
  readonly createdMs: number;
  development: FunctionStage;
  live?: FunctionStage;
}

export interface CloudFrontState {
  readonly distributions: Record<string, DistributionState>;
  readonly functions: Record<string, CfFunctionState>;
  edgeLimits: EdgeLimitsEra;
}

export function cloudFrontState(world: World): CloudFrontState {
  return world.service<CloudFrontState>(CLOUDFRONT_SLOT, () => ({ distributions: {}, functions: {}, edgeLimits: 'classic' }));
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** An id like CloudFront's (`E2QWRUHAPOMQZL`, `I2J0I21PCUYOIK`), from the seeded stream `cloudfront.ids`. */
export function cloudFrontId(world: World, prefix: string): string {
  const stream = world.rng.stream('cloudfront.ids');
  let id = prefix;
  for (let i = 0; i < 13; i++) id += UPPER[stream.nextInt(UPPER.length)];
  return id;
}

/** A distribution by id, or by its domain name. */
export function findDistribution(world: World, idOrDomain: string): DistributionState | undefined {
  const state = cloudFrontState(world);
  return state.distributions[idOrDomain] ?? Object.values(state.distributions).find((d) => d.domainName === idOrDomain);
}

/** CloudFront's ISO-8601 timestamps (`2026-01-01T00:00:00.000Z`). */
export function cloudFrontTime(timeMs: number): string {
  return new Date(timeMs).toISOString();
}
