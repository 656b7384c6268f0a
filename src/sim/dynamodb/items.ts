// PutItem, GetItem, UpdateItem and DeleteItem (DDB-01/02/03): key and size checks, conditions,
// ReturnValues, capacity and the single write path.
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { readUnits } from './capacity.js';
import type { ConsumedUnits, ReturnConsumedCapacity } from './consumed.js';
import { itemTooLarge, invalidParameter } from './errors.js';
import { applyUpdate, prepareProjection } from './expression-adapter.js';
import { itemSizeBytes, sizeOrZero } from './item-size.js';
import { checkItemKeys, checkKey, partitionKeyName, scalarText } from './keys.js';
import { MAX_ITEM_SIZE_BYTES } from './limits.js';
import { itemKeyString, type AttributeValue, type Item, type TableState } from './model.js';
import {
  checkExpressions,
  conditionalWrite,
  expressionInputs,
  failed,
  optionalExpression,
  recordItemOperation,
  returnConsumedCapacityOf,
  withConsumed,
} from './operation-helpers.js';
import { optionalBoolean, optionalChoice, requireItem } from './request.js';
import { findTable } from './state.js';
import { chargeRead } from './write-path.js';

type Request = Readonly<Record<string, unknown>>;
export type ItemResponse = Record<string, unknown>;

const RETURN_VALUES_SIMPLE = ['NONE', 'ALL_OLD'] as const;
const RETURN_VALUES_UPDATE = ['NONE', 'ALL_OLD', 'UPDATED_OLD', 'ALL_NEW', 'UPDATED_NEW'] as const;

interface Target {
  readonly table: TableState;
  readonly key: Item;
  readonly keyString: string;
  readonly oldImage: Item | undefined;
}

/** Table, key (checked against the schema) and the item stored under it. */
function resolveTarget(world: World, operation: string, request: Request, member: 'Key' | 'Item'): Result<Target> {
  const table = findTable(world, request.TableName);
  if (!table.ok) return failed(world, operation, request.TableName, table.error);
  const value = requireItem(request, member);
  if (!value.ok) return failed(world, operation, table.value.name, value.error);
  const key = member === 'Key' ? checkKey(table.value, value.value) : checkItemKeys(table.value, value.value);
  if (!key.ok) return failed(world, operation, table.value.name, key.error);
  const keyString = itemKeyString(table.value.keySchema, key.value);
  return ok({ table: table.value, key: key.value, keyString, oldImage: table.value.items.get(keyString) });
}

/** The 400 KB limit (DDB-03): the failure to answer, or undefined when the item fits. */
function sizeFailure(world: World, operation: string, table: TableState, item: Item): Result<never> | undefined {
  return itemSizeBytes(item) > MAX_ITEM_SIZE_BYTES ? failed(world, operation, table.name, itemTooLarge()) : undefined;
}

interface Options<T extends string> {
  readonly returnValues: T;
  readonly mode: ReturnConsumedCapacity;
}

/** The answer for a request that sets none of the options (the common case under `sim load`): no allocation. */
const DEFAULT_OPTIONS: Result<Options<'NONE'>> = ok({ returnValues: 'NONE', mode: 'NONE' });

function readOptions<T extends string>(world: World, operation: string, request: Request, choices: readonly T[], expressions: readonly string[]): Result<Options<T>> {
  if (request.ReturnValues === undefined && request.ReturnConsumedCapacity === undefined && request.ExpressionAttributeNames === undefined && request.ExpressionAttributeValues === undefined) {
    return DEFAULT_OPTIONS as Result<Options<T>>; // nothing to check: checkExpressions passes without placeholders
  }
  const usage = checkExpressions(request, expressions);
  if (!usage.ok) return failed(world, operation, request.TableName, usage.error);
  const returnValues = optionalChoice<T>(request, 'ReturnValues', choices, 'NONE' as T);
  if (!returnValues.ok) return failed(world, operation, request.TableName, returnValues.error);
  const mode = returnConsumedCapacityOf(request);
  if (!mode.ok) return failed(world, operation, request.TableName, mode.error);
  return ok({ returnValues: returnValues.value, mode: mode.value });
}

export function putItem(world: World, request: Request): Result<ItemResponse> {
  const options = readOptions(world, 'PutItem', request, RETURN_VALUES_SIMPLE, ['ConditionExpression']);
  if (!options.ok) return options;
  const { returnValues, mode } = options.value;
  const target = resolveTarget(world, 'PutItem', request, 'Item');
  if (!target.ok) return target;
  const { table, key: item, keyString, oldImage } = target.value;
  const tooLarge = sizeFailure(world, 'PutItem', table, item);
  if (tooLarge !== undefined) return tooLarge;
  const written = conditionalWrite(world, 'PutItem', { table, key: item, keyString, oldImage, newImage: item }, request);
  if (!written.ok) return written;
  const response: ItemResponse = returnValues === 'ALL_OLD' && oldImage !== undefined ? { Attributes: oldImage } : {};
  return ok(withConsumed(response, written.value, mode));
}

export function deleteItem(world: World, request: Request): Result<ItemResponse> {
  const options = readOptions(world, 'DeleteItem', request, RETURN_VALUES_SIMPLE, ['ConditionExpression']);
  if (!options.ok) return options;
  const { returnValues, mode } = options.value;
  const target = resolveTarget(world, 'DeleteItem', request, 'Key');
  if (!target.ok) return target;
  const { table, key, keyString, oldImage } = target.value;
  const written = conditionalWrite(world, 'DeleteItem', { table, key, keyString, oldImage, newImage: undefined }, request);
  if (!written.ok) return written;
  const response: ItemResponse = returnValues === 'ALL_OLD' && oldImage !== undefined ? { Attributes: oldImage } : {};
  return ok(withConsumed(response, written.value, mode));
}

/** DDB-01: the item's size rounded up to 4 KB, halved for eventually consistent reads; a missing item still costs. */
export function getItem(world: World, request: Request): Result<ItemResponse> {
  const usage = checkExpressions(request, ['ProjectionExpression']);
  if (!usage.ok) return failed(world, 'GetItem', request.TableName, usage.error);
  const mode = returnConsumedCapacityOf(request);
  if (!mode.ok) return failed(world, 'GetItem', request.TableName, mode.error);
  const target = resolveTarget(world, 'GetItem', request, 'Key');
  if (!target.ok) return target;
  const { table, key, oldImage: item } = target.value;
  const consistency = optionalBoolean(request, 'ConsistentRead', false) ? 'strong' : 'eventual';
  const projection = prepareProjection(optionalExpression(request, 'ProjectionExpression'), expressionInputs(request));
  if (!projection.ok) return failed(world, 'GetItem', table.name, projection.error);
  const keyText = scalarText(key[partitionKeyName(table.keySchema)]);
  const charged = chargeRead(world.nowMs, table, undefined, keyText, readUnits(sizeOrZero(item), consistency));
  if (!charged.ok) return failed(world, 'GetItem', table.name, charged.error);
  recordItemOperation(world, 'GetItem', table.name, undefined, charged.value);
  const response: ItemResponse = item === undefined ? {} : { Item: projection.value(item) };
  return ok(withConsumed(response, charged.value, mode.value));
}

/** Attributes whose value differs between two images (UPDATED_OLD / UPDATED_NEW), taken from `from`. */
function changedAttributes(table: TableState, from: Item | undefined, other: Item | undefined): Item {
  const changed: Record<string, AttributeValue> = {};
  if (from === undefined) return changed;
  for (const name in from) {
    if (table.keySchema.some((element) => element.AttributeName === name)) continue; // keys are never "updated"
    if (other === undefined || JSON.stringify(from[name]) !== JSON.stringify(other[name])) changed[name] = from[name] as AttributeValue;
  }
  return changed;
}

function updateReturnValues(table: TableState, choice: (typeof RETURN_VALUES_UPDATE)[number], oldImage: Item | undefined, newImage: Item): ItemResponse {
  const attributes =
    choice === 'ALL_OLD' ? oldImage : choice === 'ALL_NEW' ? newImage : choice === 'UPDATED_OLD' ? changedAttributes(table, oldImage, newImage) : choice === 'UPDATED_NEW' ? changedAttributes(table, newImage, oldImage) : undefined;
  return attributes === undefined || Object.keys(attributes).length === 0 ? {} : { Attributes: attributes };
}

/** The item an UpdateExpression produces (no expression: the item as it is, or a new item of just the key). */
function updatedImage(table: TableState, request: Request, key: Item, oldImage: Item | undefined): Result<Item> {
  const expression = optionalExpression(request, 'UpdateExpression');
  const image = expression === undefined ? ok(oldImage ?? key) : applyUpdate(expression, expressionInputs(request), oldImage, key);
  if (!image.ok) return image;
  for (const element of table.keySchema) {
    if (JSON.stringify(image.value[element.AttributeName]) !== JSON.stringify(key[element.AttributeName])) {
      return fail(invalidParameter(`Cannot update attribute ${element.AttributeName}. This attribute is part of the key`));
    }
  }
  const checked = checkItemKeys(table, image.value);
  if (!checked.ok) return checked;
  return itemSizeBytes(image.value) > MAX_ITEM_SIZE_BYTES ? fail(itemTooLarge()) : image;
}

/** DDB-02: the larger of the whole item before and after, however small the change. */
export function updateItem(world: World, request: Request): Result<ItemResponse> {
  const options = readOptions(world, 'UpdateItem', request, RETURN_VALUES_UPDATE, ['UpdateExpression', 'ConditionExpression']);
  if (!options.ok) return options;
  const { returnValues, mode } = options.value;
  const target = resolveTarget(world, 'UpdateItem', request, 'Key');
  if (!target.ok) return target;
  const { table, key, keyString, oldImage } = target.value;
  const newImage = updatedImage(table, request, key, oldImage);
  if (!newImage.ok) return failed(world, 'UpdateItem', table.name, newImage.error);
  const written: Result<ConsumedUnits> = conditionalWrite(world, 'UpdateItem', { table, key, keyString, oldImage, newImage: newImage.value }, request);
  if (!written.ok) return written;
  return ok(withConsumed(updateReturnValues(table, returnValues, oldImage, newImage.value), written.value, mode));
}

