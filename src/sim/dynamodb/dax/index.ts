// DAX: the public surface of this folder (DDB-20).
export {
  DAX_DEFAULT_CACHE_ENTRIES,
  DAX_DEFAULT_ITEM_TTL_MS,
  DAX_DEFAULT_QUERY_TTL_MS,
  DAX_MAX_REPLICATION_FACTOR,
  DAX_SLOT,
  type DaxCluster,
  type DaxState,
  type DaxStats,
} from './model.js';
export { DYNAMODB_DAX_BACKEND } from './backend.js';
export { createDaxCluster, daxState, describeDaxCluster, findDaxCluster, type CreateDaxClusterOptions } from './cluster.js';
export {
  daxBatchGetItem,
  daxDeleteItem,
  daxGetItem,
  daxPutItem,
  daxQuery,
  daxScan,
  daxUpdateItem,
  type BackendOperation,
  type DaxBackend,
  type DaxLookup,
} from './operations.js';
