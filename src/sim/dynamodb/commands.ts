// The AWS CLI rows of `aws dynamodb ...` for the sandbox language: real command and flag names, each
// mapped to its API member, with one sentence of help. The parser, help and docs are generated from them.
import type { ApiDocument, OperationSpec, ParamSpec, ParamType } from '../cli/operation-spec.js';
import type { Result } from '../result.js';
import type { World } from '../world.js';
import { batchGetItem, batchWriteItem } from './batch.js';
import { RETURN_CONSUMED_CAPACITY_CHOICES } from './consumed.js';
import { createTable } from './create-table.js';
import { deleteItem, getItem, putItem, updateItem } from './items.js';
import { query, scan } from './query-scan.js';
import { SELECT_CHOICES } from './read-page.js';
import { deleteTable, describeTable, listTables } from './tables.js';
import { transactGetItems, transactWriteItems } from './transactions.js';
import { updateTable } from './update-table.js';
import { UPDATE_TABLE_REPLICA_PARAMS } from './features-commands.js';

function param(flag: `--${string}`, member: string, type: ParamType, description: string, extra: { required?: boolean; choices?: readonly string[] } = {}): ParamSpec {
  return { flag, member, type, required: extra.required ?? false, description, ...(extra.choices === undefined ? {} : { choices: extra.choices }) };
}

const tableName = param('--table-name', 'TableName', 'string', 'The name of the table.', { required: true });
const key = param('--key', 'Key', 'json', 'The primary key of the item, as attribute values.', { required: true });
const names = param('--expression-attribute-names', 'ExpressionAttributeNames', 'json', 'Substitutes for attribute names in expressions (#name).');
const values = param('--expression-attribute-values', 'ExpressionAttributeValues', 'json', 'Substitutes for values in expressions (:value).');
const condition = param('--condition-expression', 'ConditionExpression', 'string', 'A condition the existing item must meet for the write to happen.');
const projection = param('--projection-expression', 'ProjectionExpression', 'string', 'The attributes to return.');
const consistentRead = param('--consistent-read', 'ConsistentRead', 'boolean', 'Read strongly consistent data (twice the cost of an eventually consistent read).');
const returnConsumed = param('--return-consumed-capacity', 'ReturnConsumedCapacity', 'string', 'Whether to report the capacity the call consumed, in total or per index.', {
  choices: RETURN_CONSUMED_CAPACITY_CHOICES,
});
const returnOnFailure = param('--return-values-on-condition-check-failure', 'ReturnValuesOnConditionCheckFailure', 'string', 'Return the existing item when the condition fails.', {
  choices: ['ALL_OLD', 'NONE'],
});
const billingMode = param('--billing-mode', 'BillingMode', 'string', 'PROVISIONED (fixed capacity) or PAY_PER_REQUEST (on-demand).', { choices: ['PROVISIONED', 'PAY_PER_REQUEST'] });
const provisioned = param('--provisioned-throughput', 'ProvisionedThroughput', 'json', 'ReadCapacityUnits and WriteCapacityUnits for a provisioned table.');
const streamSpec = param('--stream-specification', 'StreamSpecification', 'json', 'StreamEnabled and StreamViewType of the table stream.');
const tableClass = param('--table-class', 'TableClass', 'string', 'STANDARD or STANDARD_INFREQUENT_ACCESS.', { choices: ['STANDARD', 'STANDARD_INFREQUENT_ACCESS'] });
const onDemandThroughput = param('--on-demand-throughput', 'OnDemandThroughput', 'json', 'MaxReadRequestUnits and MaxWriteRequestUnits for an on-demand table.');
const indexName = param('--index-name', 'IndexName', 'string', 'Read a secondary index instead of the table.');
const limit = param('--limit', 'Limit', 'integer', 'The most items to evaluate in this page.');
const startKey = param('--exclusive-start-key', 'ExclusiveStartKey', 'json', 'The LastEvaluatedKey of the previous page, to continue from.');
const select = param('--select', 'Select', 'string', 'What to return: attributes, projected attributes, specific attributes or only a count.', { choices: SELECT_CHOICES });
const filter = param('--filter-expression', 'FilterExpression', 'string', 'Drops items after they are read (they are still paid for).');
const requestItems = param('--request-items', 'RequestItems', 'json', 'The items or keys per table.', { required: true });
const transactItems = param('--transact-items', 'TransactItems', 'json', 'The actions of the transaction, in order.', { required: true });

type Runner = (world: World, request: ApiDocument) => Result<Record<string, unknown>>;

function row(command: string, operation: string, summary: string, params: readonly ParamSpec[], run: Runner): OperationSpec {
  return { service: 'dynamodb', command, operation, summary, params, run };
}

export const DYNAMODB_OPERATIONS: readonly OperationSpec[] = [
  row('create-table', 'CreateTable', 'Creates a table (active at once in the simulator).', [
    tableName,
    param('--key-schema', 'KeySchema', 'json', 'The partition key (HASH) and optional sort key (RANGE).', { required: true }),
    param('--attribute-definitions', 'AttributeDefinitions', 'json', 'Name and type (S, N or B) of every key attribute of the table and its indexes.', { required: true }),
    billingMode,
    provisioned,
    param('--global-secondary-indexes', 'GlobalSecondaryIndexes', 'json', 'Global secondary indexes to create with the table.'),
    param('--local-secondary-indexes', 'LocalSecondaryIndexes', 'json', 'Local secondary indexes (at most 5, only at creation).'),
    streamSpec,
    tableClass,
    onDemandThroughput,
  ], createTable),
  row('update-table', 'UpdateTable', 'Changes capacity, billing mode, indexes, stream or table class.', [
    tableName,
    param('--attribute-definitions', 'AttributeDefinitions', 'json', 'Definitions for the key attributes of new indexes.'),
    billingMode,
    provisioned,
    param('--global-secondary-index-updates', 'GlobalSecondaryIndexUpdates', 'json', 'Create, Update or Delete global secondary indexes.'),
    streamSpec,
    tableClass,
    onDemandThroughput,
    ...UPDATE_TABLE_REPLICA_PARAMS,
  ], updateTable),
  row('describe-table', 'DescribeTable', 'Shows a table: status, keys, capacity, indexes, item count and size.', [tableName], describeTable),
  row('delete-table', 'DeleteTable', 'Deletes a table and all its items.', [tableName], deleteTable),
  row('list-tables', 'ListTables', 'Lists the tables of the Region.', [
    param('--exclusive-start-table-name', 'ExclusiveStartTableName', 'string', 'Start listing after this table name.'),
    param('--limit', 'Limit', 'integer', 'The most table names to return (1–100).'),
  ], listTables),
  row('put-item', 'PutItem', 'Creates an item or replaces it entirely.', [
    tableName,
    param('--item', 'Item', 'json', 'The whole item, as attribute values.', { required: true }),
    condition, names, values,
    param('--return-values', 'ReturnValues', 'string', 'Return the item as it was before (ALL_OLD).', { choices: ['NONE', 'ALL_OLD'] }),
    returnConsumed, returnOnFailure,
  ], putItem),
  row('get-item', 'GetItem', 'Reads one item by its primary key.', [tableName, key, consistentRead, projection, names, returnConsumed], getItem),
  row('update-item', 'UpdateItem', 'Changes attributes of an item, creating it if needed.', [
    tableName, key,
    param('--update-expression', 'UpdateExpression', 'string', 'SET, REMOVE, ADD and DELETE actions to apply.'),
    condition, names, values,
    param('--return-values', 'ReturnValues', 'string', 'Which attributes to return, before or after the update.', { choices: ['NONE', 'ALL_OLD', 'UPDATED_OLD', 'ALL_NEW', 'UPDATED_NEW'] }),
    returnConsumed, returnOnFailure,
  ], updateItem),
  row('delete-item', 'DeleteItem', 'Deletes one item by its primary key.', [
    tableName, key, condition, names, values,
    param('--return-values', 'ReturnValues', 'string', 'Return the deleted item (ALL_OLD).', { choices: ['NONE', 'ALL_OLD'] }),
    returnConsumed, returnOnFailure,
  ], deleteItem),
  row('query', 'Query', 'Reads the items of one partition key, in sort-key order, a page at a time.', [
    tableName, indexName,
    param('--key-condition-expression', 'KeyConditionExpression', 'string', 'The partition key value and an optional sort-key condition.'),
    filter, projection, names, values, select, limit, startKey, consistentRead,
    param('--scan-index-forward', 'ScanIndexForward', 'boolean', 'Ascending sort-key order (--no-scan-index-forward for descending).'),
    returnConsumed,
  ], query),
  row('scan', 'Scan', 'Reads every item of a table or index, a page at a time.', [
    tableName, indexName, filter, projection, names, values, select, limit, startKey, consistentRead, returnConsumed,
  ], scan),
  row('batch-write-item', 'BatchWriteItem', 'Puts or deletes up to 25 items across tables.', [requestItems, returnConsumed], batchWriteItem),
  row('batch-get-item', 'BatchGetItem', 'Reads up to 100 items by key across tables.', [requestItems, returnConsumed], batchGetItem),
  row('transact-write-items', 'TransactWriteItems', 'Applies up to 100 writes and condition checks all together or not at all.', [
    transactItems,
    param('--client-request-token', 'ClientRequestToken', 'string', 'Makes a retry within 10 minutes safe: it is not applied twice.'),
    returnConsumed,
  ], transactWriteItems),
  row('transact-get-items', 'TransactGetItems', 'Reads up to 100 items as one consistent snapshot.', [transactItems, returnConsumed], transactGetItems),
];
