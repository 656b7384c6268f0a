// Reads and writes through a DAX cluster (DDB-20). DAX calls DynamoDB through a `DaxBackend` (the
// core's GetItem/Query/... operations, wired by the lead at merge; tests pass a fake). Every call
// appends one `dax` trace event saying whether the cache answered (hit), DynamoDB answered and the
// answer was cached (miss), or DynamoDB answered uncached (pass-through).
import type { ApiDocument } from '../../cli/operation-spec.js';
import type { Result } from '../../result.js';
import type { World } from '../../world.js';
import { canonicalJson } from '../feature-support.js';
import { lookUpTable } from '../state.js';
import { itemKeyString, keyOf, type Item } from '../model.js';
import { findDaxCluster } from './cluster.js';
import { lookUp, store, type DaxCluster } from './model.js';

/** A DynamoDB operation as DAX calls it: runs in `region` (the cluster's) and answers like the API. */
export type BackendOperation = (world: World, request: ApiDocument, region: string) => Result<ApiDocument>;

export interface DaxBackend {
  readonly getItem: BackendOperation;
  readonly query: BackendOperation;
  readonly scan: BackendOperation;
  readonly putItem: BackendOperation;
  readonly updateItem: BackendOperation;
  readonly deleteItem: BackendOperation;
}

export type DaxLookup = 'hit' | 'miss' | 'pass-through';

function trace(world: World, cluster: DaxCluster, operation: string, outcome: string, detail: Record<string, unknown>): void {
  world.record({ service: 'dax', operation, outcome, region: cluster.region, detail: { clusterName: cluster.name, ...detail } });
}

function itemCacheKey(request: ApiDocument): string {
  return canonicalJson({ t: request.TableName, k: request.Key, p: request.ProjectionExpression ?? null, n: request.ExpressionAttributeNames ?? null });
}

/** GetItem through DAX: eventually consistent reads use the item cache, strongly consistent ones pass through. */
export function daxGetItem(world: World, backend: DaxBackend, region: string, clusterName: string, request: ApiDocument): Result<ApiDocument> {
  const found = findDaxCluster(world, region, clusterName);
  if (!found.ok) return found;
  const cluster = found.value;
  const detail = { tableName: request.TableName, key: request.Key, cache: 'item' };
  if (request.ConsistentRead === true) return passThrough(world, cluster, 'GetItem', backend.getItem(world, request, region), detail);
  const key = itemCacheKey(request);
  const cached = lookUp(cluster.itemCache, key, world.nowMs);
  if (cached.kind === 'hit') {
    cluster.stats.itemHits++;
    trace(world, cluster, 'GetItem', 'ok', { ...detail, lookup: 'hit', isNegative: cached.entry.item === null });
    return { ok: true, value: cached.entry.item === null ? {} : { Item: cached.entry.item } };
  }
  cluster.stats.itemMisses++;
  const result = backend.getItem(world, request, region);
  if (result.ok) {
    const item = (result.value.Item as Item | undefined) ?? null; // "not found" is cached too (DDB-20)
    cluster.stats.evictions += store(cluster.itemCache, key, { item, expiresAtMs: world.nowMs + cluster.itemTtlMs }, cluster.capacityEntries);
  }
  trace(world, cluster, 'GetItem', result.ok ? 'ok' : result.error.name, { ...detail, lookup: 'miss', wasExpired: cached.wasExpired });
  return result;
}

/** BatchGetItem through DAX: each key through the item cache (misses are fetched key by key). */
export function daxBatchGetItem(world: World, backend: DaxBackend, region: string, clusterName: string, request: ApiDocument): Result<ApiDocument> {
  const found = findDaxCluster(world, region, clusterName);
  if (!found.ok) return found;
  const responses: Record<string, Item[]> = {};
  const requestItems = (request.RequestItems ?? {}) as Record<string, { readonly Keys: readonly Item[] } & ApiDocument>;
  for (const [tableName, { Keys: keys, ...perKey }] of Object.entries(requestItems)) {
    const items: Item[] = [];
    for (const key of keys) {
      const one = daxGetItem(world, backend, region, clusterName, { ...perKey, TableName: tableName, Key: key });
      if (!one.ok) return one;
      if (one.value.Item !== undefined) items.push(one.value.Item as Item);
    }
    responses[tableName] = items;
  }
  return { ok: true, value: { Responses: responses, UnprocessedKeys: {} } };
}

export function daxQuery(world: World, backend: DaxBackend, region: string, clusterName: string, request: ApiDocument): Result<ApiDocument> {
  return cachedRequest(world, backend.query, region, clusterName, 'Query', request);
}

export function daxScan(world: World, backend: DaxBackend, region: string, clusterName: string, request: ApiDocument): Result<ApiDocument> {
  return cachedRequest(world, backend.scan, region, clusterName, 'Scan', request);
}

/** Query/Scan through the query cache, keyed by every request parameter (DDB-20). */
function cachedRequest(world: World, operation: BackendOperation, region: string, clusterName: string, name: string, request: ApiDocument): Result<ApiDocument> {
  const found = findDaxCluster(world, region, clusterName);
  if (!found.ok) return found;
  const cluster = found.value;
  const detail = { tableName: request.TableName, cache: 'query' };
  if (request.ConsistentRead === true) return passThrough(world, cluster, name, operation(world, request, region), detail);
  const key = canonicalJson(request);
  const cached = lookUp(cluster.queryCache, key, world.nowMs);
  if (cached.kind === 'hit') {
    cluster.stats.queryHits++;
    trace(world, cluster, name, 'ok', { ...detail, lookup: 'hit' });
    return { ok: true, value: cached.entry.response };
  }
  cluster.stats.queryMisses++;
  const result = operation(world, request, region);
  if (result.ok) cluster.stats.evictions += store(cluster.queryCache, key, { response: result.value, expiresAtMs: world.nowMs + cluster.queryTtlMs }, cluster.capacityEntries);
  trace(world, cluster, name, result.ok ? 'ok' : result.error.name, { ...detail, lookup: 'miss', wasExpired: cached.wasExpired });
  return result;
}

/** Strongly consistent reads go to DynamoDB and are never cached (DDB-20). */
function passThrough(world: World, cluster: DaxCluster, name: string, result: Result<ApiDocument>, detail: Record<string, unknown>): Result<ApiDocument> {
  cluster.stats.passThroughs++;
  trace(world, cluster, name, result.ok ? 'ok' : result.error.name, { ...detail, lookup: 'pass-through' });
  return result;
}

export function daxPutItem(world: World, backend: DaxBackend, region: string, clusterName: string, request: ApiDocument): Result<ApiDocument> {
  return writeThrough(world, backend.putItem, region, clusterName, 'PutItem', request, request.Item as Item | undefined);
}

export function daxUpdateItem(world: World, backend: DaxBackend, region: string, clusterName: string, request: ApiDocument): Result<ApiDocument> {
  return writeThrough(world, backend.updateItem, region, clusterName, 'UpdateItem', request, request.Key as Item | undefined);
}

export function daxDeleteItem(world: World, backend: DaxBackend, region: string, clusterName: string, request: ApiDocument): Result<ApiDocument> {
  return writeThrough(world, backend.deleteItem, region, clusterName, 'DeleteItem', request, request.Key as Item | undefined);
}

/**
 * Write-through (DDB-20): DynamoDB first; only when it succeeds does DAX refresh its item-cache entry
 * for the item (with what the table now holds, or "not found" after a delete). A failed or throttled
 * write leaves the cache as it was; the query cache is never touched by writes.
 */
function writeThrough(world: World, operation: BackendOperation, region: string, clusterName: string, name: string, request: ApiDocument, keySource: Item | undefined): Result<ApiDocument> {
  const found = findDaxCluster(world, region, clusterName);
  if (!found.ok) return found;
  const cluster = found.value;
  const result = operation(world, request, region);
  const table = lookUpTable(world, region, String(request.TableName));
  const isCached = result.ok && table !== undefined && keySource !== undefined;
  if (isCached) {
    const key = keyOf(table.keySchema, keySource);
    const stored = table.items.get(itemKeyString(table.keySchema, key)) ?? null;
    const cacheKey = itemCacheKey({ TableName: table.name, Key: key });
    cluster.stats.evictions += store(cluster.itemCache, cacheKey, { item: stored, expiresAtMs: world.nowMs + cluster.itemTtlMs }, cluster.capacityEntries);
  }
  trace(world, cluster, name, result.ok ? 'ok' : result.error.name, { tableName: request.TableName, cache: 'item', isCached });
  return result;
}
