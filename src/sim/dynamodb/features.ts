// The public surface of the DynamoDB features built on the core contract: Streams (DDB-18), TTL
// (DDB-19), DAX (DDB-20) and global tables (DDB-21). The lead merges it into src/sim/dynamodb/index.ts.
// Importing this module registers the features' item-change listeners and timer handlers.
export * from './streams/index.js';
export * from './dax/index.js';
export {
  TTL_CHANGE_COOLDOWN_MS,
  TTL_SLOT,
  TTL_SWEEP_INTERVAL_MS,
  TTL_SWEEP_WINDOW_MS,
  configureTtlSweeper,
  describeTimeToLive,
  expiryTimeMs,
  isExpired,
  pendingTtlDeletions,
  updateTimeToLive,
  type TimeToLiveSpecification,
  type TtlSweeperOptions,
  type UpdateTimeToLiveRequest,
} from './ttl.js';
export {
  GLOBAL_TABLES_SLOT,
  GLOBAL_TABLE_VERSION,
  MRSC_WRITE_IN_FLIGHT_MS,
  REPLICATION_DELAY_MAX_MS,
  REPLICATION_DELAY_MIN_MS,
  checkMrscWrite,
  globalTablesState,
  groupOf,
  otherReplicaTables,
  type ConsistencyMode,
  type GlobalTableGroup,
  type ItemVersion,
} from './global-tables.js';
export {
  MRSC_REGION_COUNT,
  MRSC_REGION_SETS,
  describeGlobalTable,
  updateTableReplicas,
  type ReplicaUpdate,
  type UpdateTableReplicasRequest,
} from './global-tables-replicas.js';
export { DYNAMODB_FEATURE_OPERATIONS, UPDATE_TABLE_REPLICA_PARAMS, hasReplicaMembers, runUpdateTableReplicas } from './features-commands.js';
