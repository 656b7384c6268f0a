// The public surface of the simulated DynamoDB core: operations, CLI rows, capacity helpers and the
// state types. Importing this module also registers the storage listener (TableSizeBytes, DDB-12).
import './storage.js';

// TTL, Streams, DAX and global tables (importing them registers their listeners and timers).
export * from './features.js';

export { batchGetItem, batchWriteItem } from './batch.js';
export { batchGetReadUnits, batchWriteUnits, itemWriteUnits, queryReadUnits, readUnits, writeUnits, type ReadConsistency } from './capacity.js';
export { DYNAMODB_OPERATIONS } from './commands.js';
export { enableAutoScaling, type EnableAutoScalingRequest } from './autoscaling-command.js';
export { DYNAMODB_SIM_COMMANDS, type DynamoDbSimRow } from './sim-commands.js';
export { consumedCapacity, type ConsumedUnits, type ReturnConsumedCapacity } from './consumed.js';
export { createTable } from './create-table.js';
export {
  describeTableCapacity,
  formatTableCapacity,
  showTable,
  DYNAMODB_LOAD_METER,
  type DirectionCapacity,
  type TableCapacityView,
  type ThroughputView,
} from './describe-capacity.js';
export { applyItemWrite, onItemChange, type ItemChangeListener } from './item-changes.js';
export { attributeValueBytes, itemSizeBytes, numberBytes, utf8Bytes } from './item-size.js';
export { deleteItem, getItem, putItem, updateItem } from './items.js';
export * as limits from './limits.js';
export * from './model.js';
export { query, scan } from './query-scan.js';
export { dynamoDbState, findTable, tablesIn } from './state.js';
export { deleteTable, describeTable, listTables } from './tables.js';
export { transactGetItems, transactWriteItems } from './transactions.js';
export { updateTable } from './update-table.js';
