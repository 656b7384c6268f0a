// BatchWriteItem (≤ 25 puts/deletes, no conditions) and BatchGetItem (≤ 100 keys) (DDB-01/02/03/10).
// Each element is charged on its own, its size rounded on its own. Throttled elements come back as
// UnprocessedItems / UnprocessedKeys; only when every element is throttled does the call fail.
import { fail, ok, validationError, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import { readUnits } from './capacity.js';
import { totalUnits, type ConsumedUnits } from './consumed.js';
import { itemTooLarge } from './errors.js';
import { prepareProjection, type ItemProjection } from './expression-adapter.js';
import { applyItemWrite } from './item-changes.js';
import { itemSizeBytes, sizeOrZero } from './item-size.js';
import { checkItemKeys, checkKey, partitionKeyName, scalarText } from './keys.js';
import { MAX_BATCH_GET_KEYS, MAX_BATCH_WRITE_ITEMS, MAX_ITEM_SIZE_BYTES } from './limits.js';
import { itemKeyString, type Item, type TableState } from './model.js';
import { addToTotals, consumedList, expressionInputs, failed, recordItemOperation, returnConsumedCapacityOf } from './operation-helpers.js';
import { constraintError, isRecord, requireItem } from './request.js';
import { findTable } from './state.js';
import { chargeItemWrite, chargeRead } from './write-path.js';

type Request = Readonly<Record<string, unknown>>;

interface WriteElement {
  readonly table: TableState;
  readonly key: Item;
  readonly newImage: Item | undefined;
  readonly original: Request;
}

function parseWriteElement(table: TableState, element: unknown): Result<WriteElement> {
  if (isRecord(element) && isRecord(element.PutRequest)) {
    const item = requireItem(element.PutRequest, 'Item');
    if (!item.ok) return item;
    const checked = checkItemKeys(table, item.value);
    if (!checked.ok) return checked;
    if (itemSizeBytes(item.value) > MAX_ITEM_SIZE_BYTES) return fail(itemTooLarge());
    return ok({ table, key: item.value, newImage: item.value, original: element });
  }
  if (isRecord(element) && isRecord(element.DeleteRequest)) {
    const key = requireItem(element.DeleteRequest, 'Key');
    if (!key.ok) return key;
    const checked = checkKey(table, key.value);
    return checked.ok ? ok({ table, key: key.value, newImage: undefined, original: element }) : checked;
  }
  return fail(validationError('Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes'));
}

/** All elements, validated up front: one bad element refuses the whole batch. */
function parseWrites(world: World, requestItems: unknown): Result<WriteElement[]> {
  if (!isRecord(requestItems)) return fail(constraintError('RequestItems', undefined, 'Member must not be null'));
  const elements: WriteElement[] = [];
  const seen = new Set<string>();
  for (const tableName of Object.keys(requestItems)) {
    const table = findTable(world, tableName);
    if (!table.ok) return table;
    const list = requestItems[tableName];
    if (!Array.isArray(list)) return fail(constraintError('RequestItems', list, 'Member must not be null'));
    for (const entry of list) {
      const element = parseWriteElement(table.value, entry);
      if (!element.ok) return element;
      const identity = `${tableName}\u0000${itemKeyString(table.value.keySchema, element.value.key)}`;
      if (seen.has(identity)) return fail(validationError('Provided list of item keys contains duplicates'));
      seen.add(identity);
      elements.push(element.value);
    }
  }
  const count = elements.length;
  if (count < 1 || count > MAX_BATCH_WRITE_ITEMS) {
    return fail(
      constraintError('RequestItems', requestItems, `Map value must satisfy constraint: [Member must have length less than or equal to ${MAX_BATCH_WRITE_ITEMS}, Member must have length greater than or equal to 1]`),
    );
  }
  return ok(elements);
}

function pushUnprocessed(unprocessed: Record<string, unknown[]>, tableName: string, value: unknown): void {
  (unprocessed[tableName] ??= []).push(value);
}

export function batchWriteItem(world: World, request: Request): Result<Record<string, unknown>> {
  const mode = returnConsumedCapacityOf(request);
  if (!mode.ok) return failed(world, 'BatchWriteItem', null, mode.error);
  const elements = parseWrites(world, request.RequestItems);
  if (!elements.ok) return failed(world, 'BatchWriteItem', null, elements.error);
  const totals = new Map<string, ConsumedUnits>();
  const unprocessed: Record<string, unknown[]> = {};
  let lastThrottle: AwsError | undefined;
  for (const element of elements.value) {
    const { table, key, newImage } = element;
    const oldImage = table.items.get(itemKeyString(table.keySchema, key));
    const charged = chargeItemWrite(world.nowMs, table, key, oldImage, newImage, false);
    if (!charged.ok) {
      if (charged.error.name !== 'ProvisionedThroughputExceededException' && charged.error.name !== 'ThrottlingException') return failed(world, 'BatchWriteItem', table.name, charged.error);
      lastThrottle = charged.error;
      pushUnprocessed(unprocessed, table.name, element.original);
      continue;
    }
    applyItemWrite(world, table, key, newImage, 'user');
    addToTotals(totals, charged.value);
  }
  return finishBatch(world, 'BatchWriteItem', totals, lastThrottle, elements.value.length, Object.values(unprocessed).flat().length, mode.value, { UnprocessedItems: unprocessed });
}

function finishBatch(
  world: World,
  operation: string,
  totals: Map<string, ConsumedUnits>,
  lastThrottle: AwsError | undefined,
  elementCount: number,
  unprocessedCount: number,
  mode: 'TOTAL' | 'INDEXES' | 'NONE',
  response: Record<string, unknown>,
): Result<Record<string, unknown>> {
  if (lastThrottle !== undefined && unprocessedCount === elementCount) return failed(world, operation, null, lastThrottle);
  let units = 0;
  for (const consumed of totals.values()) units += totalUnits(consumed);
  recordItemOperation(world, operation, [...totals.keys()].join(',') || null, undefined, { tableName: '', tableUnits: units });
  const consumed = consumedList(totals, mode);
  return ok(consumed === undefined ? response : { ...response, ConsumedCapacity: consumed });
}

interface GetGroup {
  readonly table: TableState;
  readonly keys: Item[];
  readonly consistency: 'strong' | 'eventual';
  readonly projection: ItemProjection;
  readonly original: Request;
}

function parseGets(world: World, requestItems: unknown): Result<GetGroup[]> {
  if (!isRecord(requestItems)) return fail(constraintError('RequestItems', undefined, 'Member must not be null'));
  const groups: GetGroup[] = [];
  let count = 0;
  for (const tableName of Object.keys(requestItems)) {
    const table = findTable(world, tableName);
    if (!table.ok) return table;
    const spec = requestItems[tableName];
    if (!isRecord(spec) || !Array.isArray(spec.Keys)) return fail(constraintError('RequestItems.keys', undefined, 'Member must not be null'));
    const keys: Item[] = [];
    for (const value of spec.Keys) {
      const key = requireItem({ Key: value }, 'Key');
      if (!key.ok) return key;
      const checked = checkKey(table.value, key.value);
      if (!checked.ok) return checked;
      keys.push(key.value);
    }
    count += keys.length;
    const projection = prepareProjection(typeof spec.ProjectionExpression === 'string' ? spec.ProjectionExpression : undefined, expressionInputs(spec));
    if (!projection.ok) return projection;
    groups.push({ table: table.value, keys, consistency: spec.ConsistentRead === true ? 'strong' : 'eventual', projection: projection.value, original: spec });
  }
  if (count > MAX_BATCH_GET_KEYS) return fail(validationError('Too many items requested for the BatchGetItem call'));
  return ok(groups);
}

/** DDB-01: each item rounded up to 4 KB on its own, then added (1.5 KB + 6.5 KB → 3 RCU strongly consistent). */
export function batchGetItem(world: World, request: Request): Result<Record<string, unknown>> {
  const mode = returnConsumedCapacityOf(request);
  if (!mode.ok) return failed(world, 'BatchGetItem', null, mode.error);
  const groups = parseGets(world, request.RequestItems);
  if (!groups.ok) return failed(world, 'BatchGetItem', null, groups.error);
  const totals = new Map<string, ConsumedUnits>();
  const responses: Record<string, Item[]> = {};
  const unprocessed: Record<string, { Keys: Item[] } & Request> = {};
  let lastThrottle: AwsError | undefined;
  let elementCount = 0;
  let unprocessedCount = 0;
  for (const group of groups.value) {
    const { table } = group;
    const found = (responses[table.name] ??= []);
    for (const key of group.keys) {
      elementCount++;
      const item = table.items.get(itemKeyString(table.keySchema, key));
      const charged = chargeRead(world.nowMs, table, undefined, scalarText(key[partitionKeyName(table.keySchema)]), readUnits(sizeOrZero(item), group.consistency));
      if (!charged.ok) {
        lastThrottle = charged.error;
        unprocessedCount++;
        (unprocessed[table.name] ??= { ...group.original, Keys: [] }).Keys.push(key);
        continue;
      }
      addToTotals(totals, charged.value);
      if (item === undefined) continue;
      found.push(group.projection(item));
    }
  }
  return finishBatch(world, 'BatchGetItem', totals, lastThrottle, elementCount, unprocessedCount, mode.value, { Responses: responses, UnprocessedKeys: unprocessed });
}
