// DAX state (DDB-20): clusters, each with an item cache (GetItem/BatchGetItem, keyed by table + key
// + projection) and a query cache (Query/Scan, keyed by the whole request), both with a TTL and LRU
// eviction. Plain data in the `dynamodb.dax` slot; the LRU order is the Map's insertion order (a hit
// moves its entry to the end), which structuredClone keeps.
//
// Simplification: a cluster is modelled as one shared cache, not one per node; AWS replicates between
// nodes eventually (< 1 s, DDB-20), which the simulator does not show.
import type { ApiDocument } from '../../cli/operation-spec.js';
import type { Item } from '../model.js';

/** Item-cache TTL: 5 minutes by default (DAX parameter `record-ttl-millis`). DDB-20. */
export const DAX_DEFAULT_ITEM_TTL_MS = 5 * 60 * 1_000;
/** Query-cache TTL: 5 minutes by default (DAX parameter `query-ttl-millis`). DDB-20. */
export const DAX_DEFAULT_QUERY_TTL_MS = 5 * 60 * 1_000;
/**
 * Entries each cache holds before LRU eviction. AWS sizes the caches by node memory; the simulator
 * counts entries instead. ASSUMPTION: a simulator choice, not an AWS figure.
 */
export const DAX_DEFAULT_CACHE_ENTRIES = 10_000;
/** CreateCluster's ReplicationFactor: 1 primary + up to 9 read replicas. DDB-20. */
export const DAX_MAX_REPLICATION_FACTOR = 10;

export interface ItemCacheEntry {
  /** The cached item, or null for a cached "not found" (negative caching, DDB-20). */
  readonly item: Item | null;
  readonly expiresAtMs: number;
}

export interface QueryCacheEntry {
  readonly response: ApiDocument;
  readonly expiresAtMs: number;
}

export interface DaxStats {
  itemHits: number;
  itemMisses: number;
  queryHits: number;
  queryMisses: number;
  passThroughs: number;
  evictions: number;
}

export interface DaxCluster {
  readonly name: string;
  readonly region: string;
  readonly arn: string;
  /** The table the learner put the cluster in front of (`sim dax create --table-name`); shown, not enforced. */
  readonly tableName?: string;
  readonly replicationFactor: number;
  readonly itemTtlMs: number;
  readonly queryTtlMs: number;
  readonly capacityEntries: number;
  readonly itemCache: Map<string, ItemCacheEntry>;
  readonly queryCache: Map<string, QueryCacheEntry>;
  readonly stats: DaxStats;
}

export interface DaxState {
  /** Clusters by `region/name`. */
  readonly clusters: Map<string, DaxCluster>;
}

export const DAX_SLOT = 'dynamodb.dax';

export function emptyDaxState(): DaxState {
  return { clusters: new Map() };
}

export type CacheLookup<Entry> = { readonly kind: 'hit'; readonly entry: Entry } | { readonly kind: 'miss'; readonly wasExpired: boolean };

/** Looks an entry up; an expired one is dropped and reported as a miss; a hit becomes most recent. */
export function lookUp<Entry extends { readonly expiresAtMs: number }>(cache: Map<string, Entry>, key: string, nowMs: number): CacheLookup<Entry> {
  const entry = cache.get(key);
  if (entry === undefined) return { kind: 'miss', wasExpired: false };
  cache.delete(key);
  if (entry.expiresAtMs <= nowMs) return { kind: 'miss', wasExpired: true };
  cache.set(key, entry);
  return { kind: 'hit', entry };
}

/** Stores an entry as most recent, evicting the least recently used ones beyond capacity; returns evictions. */
export function store<Entry>(cache: Map<string, Entry>, key: string, entry: Entry, capacityEntries: number): number {
  cache.delete(key);
  cache.set(key, entry);
  let evicted = 0;
  for (const oldest of cache.keys()) {
    if (cache.size <= capacityEntries) break;
    cache.delete(oldest);
    evicted++;
  }
  return evicted;
}
