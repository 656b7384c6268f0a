// Query and Scan on a table or a secondary index (DDB-01, DDB-03, DDB-12, DDB-13). Index entries are
// computed from the table's items (item-changes.ts); GSIs are eventually consistent only.
import { ok, validationError, type Result } from '../result.js';
import type { World } from '../world.js';
import { queryReadUnits } from './capacity.js';
import { prepareCondition, prepareKeyCondition, prepareProjection } from './expression-adapter.js';
import { findIndex, isInIndex, projectForIndex } from './index-view.js';
import { itemsOfPartition } from './partition-index.js';
import { partitionKeyName, scalarText, sortKeyName } from './keys.js';
import { itemKeyString, type IndexState, type Item, type TableState } from './model.js';
import { checkExpressions, expressionInputs, failed, optionalExpression, recordItemOperation, returnConsumedCapacityOf, withConsumed } from './operation-helpers.js';
import { compareText, compareValues, pageKey, pageResponse, readPage, SELECT_CHOICES, type PageOptions, type Select } from './read-page.js';
import { optionalBoolean, optionalChoice, optionalItem, optionalPositiveInteger } from './request.js';
import { findTable } from './state.js';
import { chargeRead } from './write-path.js';

type Request = Readonly<Record<string, unknown>>;

interface Source {
  readonly table: TableState;
  readonly index: IndexState | undefined;
  readonly consistency: 'strong' | 'eventual';
  readonly options: PageOptions;
  readonly exclusiveStartKey: Item | undefined;
}

function resolveSource(world: World, operation: string, request: Request): Result<Source> {
  const table = findTable(world, request.TableName);
  if (!table.ok) return failed(world, operation, request.TableName, table.error);
  const indexName = request.IndexName;
  const index = typeof indexName === 'string' ? findIndex(table.value, indexName) : undefined;
  if (typeof indexName === 'string' && index === undefined) {
    return failed(world, operation, table.value.name, validationError(`The table does not have the specified index: ${indexName}`));
  }
  const isConsistent = optionalBoolean(request, 'ConsistentRead', false);
  if (isConsistent && index?.kind === 'GSI') {
    return failed(world, operation, table.value.name, validationError('Consistent reads are not supported on global secondary indexes'));
  }
  const limit = optionalPositiveInteger(request, 'Limit');
  if (!limit.ok) return failed(world, operation, table.value.name, limit.error);
  const select = optionalChoice<Select>(request, 'Select', SELECT_CHOICES, index === undefined ? 'ALL_ATTRIBUTES' : 'ALL_PROJECTED_ATTRIBUTES');
  if (!select.ok) return failed(world, operation, table.value.name, select.error);
  const exclusiveStartKey = optionalItem(request, 'ExclusiveStartKey');
  if (!exclusiveStartKey.ok) return failed(world, operation, table.value.name, exclusiveStartKey.error);
  const usage = checkExpressions(request, ['KeyConditionExpression', 'FilterExpression', 'ProjectionExpression']);
  if (!usage.ok) return failed(world, operation, table.value.name, usage.error);
  const filter = prepareCondition(optionalExpression(request, 'FilterExpression'), expressionInputs(request), 'FilterExpression');
  if (!filter.ok) return failed(world, operation, table.value.name, filter.error);
  const projection = prepareProjection(optionalExpression(request, 'ProjectionExpression'), expressionInputs(request));
  if (!projection.ok) return failed(world, operation, table.value.name, projection.error);
  const options: PageOptions = { limit: limit.value, filter: filter.value, projection: projection.value, select: select.value };
  return ok({ table: table.value, index, consistency: isConsistent ? 'strong' : 'eventual', options, exclusiveStartKey: exclusiveStartKey.value });
}

function entriesOf(source: Source, keep: (item: Item) => boolean, candidates: Iterable<Item> = source.table.items.values()): Item[] {
  const entries: Item[] = [];
  const { table, index } = source;
  for (const item of candidates) {
    if (index !== undefined && !isInIndex(index, item)) continue;
    if (!keep(item)) continue;
    entries.push(index === undefined ? item : projectForIndex(table, index, item));
  }
  return entries;
}

/** The entries after ExclusiveStartKey in the given order (`compare` ≤ 0 means "not after"). */
function afterStartKey(entries: Item[], startKey: Item | undefined, compare: (a: Item, b: Item) => number): Item[] {
  if (startKey === undefined) return entries;
  return entries.filter((entry) => compare(entry, startKey) > 0);
}

function runPage(world: World, operation: string, source: Source, entries: Item[], keyText: string | null, request: Request): Result<Record<string, unknown>> {
  const { table, index, options } = source;
  const mode = returnConsumedCapacityOf(request);
  if (!mode.ok) return failed(world, operation, table.name, mode.error);
  const page = readPage(entries, options, (item) => pageKey(table, index, item));
  if (!page.ok) return failed(world, operation, table.name, page.error);
  const charged = chargeRead(world.nowMs, table, index, keyText, queryReadUnits(page.value.bytesRead, source.consistency));
  if (!charged.ok) return failed(world, operation, table.name, charged.error);
  recordItemOperation(world, operation, table.name, undefined, charged.value);
  return ok(withConsumed(pageResponse(page.value, options.select), charged.value, mode.value));
}

/** Query: one partition key value, sort-key order (ScanIndexForward=false reverses), paged. */
export function query(world: World, request: Request): Result<Record<string, unknown>> {
  const source = resolveSource(world, 'Query', request);
  if (!source.ok) return source;
  const { table, index } = source.value;
  const expression = optionalExpression(request, 'KeyConditionExpression');
  if (expression === undefined) {
    return failed(world, 'Query', table.name, validationError('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.'));
  }
  const keySchema = index?.keySchema ?? table.keySchema;
  const condition = prepareKeyCondition(expression, expressionInputs(request), keySchema, table.attributeDefinitions);
  if (!condition.ok) return failed(world, 'Query', table.name, condition.error);
  const hashName = partitionKeyName(keySchema);
  const rangeName = sortKeyName(keySchema);
  const wanted = JSON.stringify(condition.value.partitionValue);
  // A table or LSI query reads one partition of the table; a GSI query walks the table.
  const candidates = index?.kind === 'GSI' ? table.items.values() : itemsOfPartition(table, condition.value.partitionValue);
  const keep = (item: Item): boolean => JSON.stringify(item[hashName]) === wanted && condition.value.matchesSortKey(rangeName === undefined ? undefined : item[rangeName]);
  const entries = entriesOf(source.value, keep, candidates);
  const direction = optionalBoolean(request, 'ScanIndexForward', true) ? 1 : -1;
  const compare = (a: Item, b: Item): number => {
    const bySortKey = rangeName === undefined ? 0 : compareValues(a[rangeName], b[rangeName]);
    const byTableKey = compareText(itemKeyString(table.keySchema, a), itemKeyString(table.keySchema, b));
    return direction * (bySortKey !== 0 ? bySortKey : byTableKey);
  };
  entries.sort(compare);
  const ordered = afterStartKey(entries, source.value.exclusiveStartKey, compare);
  return runPage(world, 'Query', source.value, ordered, scalarText(condition.value.partitionValue), request);
}

/** Scan: every item (or index entry) in a fixed order (by table key), paged; a filter never lowers the cost. */
export function scan(world: World, request: Request): Result<Record<string, unknown>> {
  const source = resolveSource(world, 'Scan', request);
  if (!source.ok) return source;
  const { table } = source.value;
  if (request.Segment !== undefined || request.TotalSegments !== undefined) {
    return failed(world, 'Scan', table.name, validationError('Parallel scans (Segment, TotalSegments) are not modelled by this simulator'));
  }
  const keyString = (item: Item): string => itemKeyString(table.keySchema, item);
  const entries = entriesOf(source.value, () => true).sort((a, b) => compareText(keyString(a), keyString(b)));
  const compare = (a: Item, b: Item): number => compareText(keyString(a), keyString(b));
  return runPage(world, 'Scan', source.value, afterStartKey(entries, source.value.exclusiveStartKey, compare), null, request);
}

