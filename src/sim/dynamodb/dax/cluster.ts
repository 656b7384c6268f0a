// Creating, finding and describing DAX clusters (DDB-20). A cluster serves every table of its Region,
// as in AWS: the learner points reads and writes at it by name (`sim dax ...`, docs/dynamodb-features.md).
import { awsError, fail, ok, validationError, type AwsError, type Result } from '../../result.js';
import type { World } from '../../world.js';
import {
  DAX_DEFAULT_CACHE_ENTRIES,
  DAX_DEFAULT_ITEM_TTL_MS,
  DAX_DEFAULT_QUERY_TTL_MS,
  DAX_MAX_REPLICATION_FACTOR,
  DAX_SLOT,
  emptyDaxState,
  type DaxCluster,
  type DaxState,
} from './model.js';

export function daxState(world: World): DaxState {
  return world.service<DaxState>(DAX_SLOT, emptyDaxState);
}

export interface CreateDaxClusterOptions {
  readonly clusterName: string;
  /** The table it fronts, for `sim show dax` (a cluster still serves every table of its Region, as in AWS). */
  readonly tableName?: string;
  /** 1 primary + read replicas, 1–10. DDB-20. @default 3 (≥ 3 nodes in different AZs recommended, DDB-20) */
  readonly replicationFactor?: number;
  /** Item-cache TTL in ms, ≥ 0 (0 = no caching). @default DAX_DEFAULT_ITEM_TTL_MS (5 min) */
  readonly itemTtlMs?: number;
  /** Query-cache TTL in ms, ≥ 0. @default DAX_DEFAULT_QUERY_TTL_MS (5 min) */
  readonly queryTtlMs?: number;
  /** Entries per cache before LRU eviction, ≥ 1. @default DAX_DEFAULT_CACHE_ENTRIES */
  readonly capacityEntries?: number;
}

/** DAX cluster names: a letter, then letters, digits or hyphens, at most 20. ASSUMPTION: from memory. */
const CLUSTER_NAME = /^[A-Za-z][A-Za-z0-9-]{0,19}$/;

export function createDaxCluster(world: World, region: string, options: CreateDaxClusterOptions): Result<DaxCluster> {
  const result = buildCluster(world, region, options);
  if (result.ok) daxState(world).clusters.set(`${region}/${options.clusterName}`, result.value);
  world.record({ service: 'dax', operation: 'CreateCluster', outcome: result.ok ? 'ok' : result.error.name, region, detail: { clusterName: options.clusterName } });
  return result;
}

function buildCluster(world: World, region: string, options: CreateDaxClusterOptions): Result<DaxCluster> {
  const { clusterName, replicationFactor = 3, itemTtlMs = DAX_DEFAULT_ITEM_TTL_MS, queryTtlMs = DAX_DEFAULT_QUERY_TTL_MS, capacityEntries = DAX_DEFAULT_CACHE_ENTRIES } = options;
  if (!CLUSTER_NAME.test(clusterName)) return fail(invalidParameter(`Cluster name ${clusterName} is invalid: use a letter, then up to 19 letters, digits or hyphens`));
  if (daxState(world).clusters.has(`${region}/${clusterName}`)) return fail(awsError('ClusterAlreadyExistsFault', 400, `Cluster ${clusterName} already exists`));
  if (!Number.isInteger(replicationFactor) || replicationFactor < 1 || replicationFactor > DAX_MAX_REPLICATION_FACTOR) {
    return fail(invalidParameter(`ReplicationFactor must be between 1 and ${DAX_MAX_REPLICATION_FACTOR}, got ${replicationFactor}`));
  }
  if (![itemTtlMs, queryTtlMs].every((ms) => Number.isInteger(ms) && ms >= 0)) return fail(validationError('Cache TTLs must be whole numbers of ms ≥ 0'));
  if (!Number.isInteger(capacityEntries) || capacityEntries < 1) return fail(validationError(`Cache capacity must be a whole number ≥ 1, got ${capacityEntries}`));
  return ok({
    name: clusterName,
    region,
    arn: `arn:aws:dax:${region}:${world.accountId}:cache/${clusterName}`,
    ...(options.tableName === undefined ? {} : { tableName: options.tableName }),
    replicationFactor,
    itemTtlMs,
    queryTtlMs,
    capacityEntries,
    itemCache: new Map(),
    queryCache: new Map(),
    stats: { itemHits: 0, itemMisses: 0, queryHits: 0, queryMisses: 0, passThroughs: 0, evictions: 0 },
  });
}

function invalidParameter(message: string): AwsError {
  return awsError('InvalidParameterValueException', 400, message);
}

export function findDaxCluster(world: World, region: string, clusterName: string): Result<DaxCluster> {
  const cluster = daxState(world).clusters.get(`${region}/${clusterName}`);
  return cluster === undefined ? fail(awsError('ClusterNotFoundFault', 400, `Cluster ${clusterName} not found in ${region}`)) : ok(cluster);
}

/** What `sim show dax NAME` prints: settings, counters and the live cache entries. */
export function describeDaxCluster(world: World, region: string, clusterName: string): Result<Record<string, unknown>> {
  const found = findDaxCluster(world, region, clusterName);
  if (!found.ok) return found;
  const c = found.value;
  const live = <E extends { readonly expiresAtMs: number }>(cache: Map<string, E>) =>
    [...cache].filter(([, e]) => e.expiresAtMs > world.nowMs).map(([key, e]) => ({ key, expiresInMs: e.expiresAtMs - world.nowMs }));
  return ok({
    ClusterName: c.name,
    ClusterArn: c.arn,
    Region: c.region,
    ...(c.tableName === undefined ? {} : { TableName: c.tableName }),
    Status: 'available',
    TotalNodes: c.replicationFactor,
    ItemCache: { ttlMs: c.itemTtlMs, capacityEntries: c.capacityEntries, entries: live(c.itemCache) },
    QueryCache: { ttlMs: c.queryTtlMs, capacityEntries: c.capacityEntries, entries: live(c.queryCache) },
    Stats: { ...c.stats },
  });
}
