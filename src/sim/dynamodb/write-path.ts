// The apply place for capacity of item writes: checks the table and every GSI the write touches, and
// takes their units only if all have them (GSI back-pressure, DDB-13). LSI writes draw on the table's
// own capacity (DDB-12). Callers store the item with `applyItemWrite` afterwards.
import { fail, ok, type AwsError, type Result } from '../result.js';
import { itemWriteUnits } from './capacity.js';
import type { ConsumedUnits } from './consumed.js';
import { itemCollectionTooLarge, throttled } from './errors.js';
import { indexWriteUnits } from './index-writes.js';
import { sizeOrZero } from './item-size.js';
import { partitionKeyName, scalarText } from './keys.js';
import { MAX_ITEM_COLLECTION_BYTES } from './limits.js';
import type { IndexState, Item, TableState, ThroughputState } from './model.js';
import { collectionSizeBytes, hasLsi } from './storage.js';
import { checkCharge, commitCharge, noteThrottle, type LimitType } from './throughput/charge.js';
import { detailOf } from './throughput/detail.js';
import type { Direction } from './throughput/meter.js';

/** DDB-10: `<Table|Index><Read|Write><LimitType>` with the table or index ARN; counts the throttle. */
export function throttleError(
  nowMs: number,
  throughput: ThroughputState,
  direction: Direction,
  limit: LimitType,
  table: TableState,
  index?: IndexState,
): AwsError {
  noteThrottle(throughput, direction, nowMs);
  return throttleAnswer(throughput, direction, limit, table, index);
}

/** The error `throttleError` answers, without counting the throttle (the caller has counted it). */
export function throttleAnswer(throughput: ThroughputState, direction: Direction, limit: LimitType, table: TableState, index?: IndexState): AwsError {
  const scope = index === undefined ? 'Table' : 'Index';
  const verb = direction === 'read' ? 'Read' : 'Write';
  const resource = index === undefined ? table.arn : `${table.arn}/index/${index.name}`;
  return throttled({ reason: `${scope}${verb}${limit}`, resource }, throughput.mode === 'PAY_PER_REQUEST');
}

interface GsiCharge {
  readonly index: IndexState;
  readonly throughput: ThroughputState;
  readonly keyText: string;
  readonly units: number;
}

function planIndexUnits(table: TableState, oldImage: Item | undefined, newImage: Item | undefined, consumed: ConsumedUnits, isTransactional: boolean): GsiCharge[] {
  const charges: GsiCharge[] = [];
  for (const index of table.indexes) {
    const units = indexWriteUnits(table, index, oldImage, newImage, isTransactional);
    if (units === 0) continue;
    if (index.kind === 'LSI' || index.throughput === undefined) {
      (consumed.lsiUnits ??= {})[index.name] = units;
      continue;
    }
    (consumed.gsiUnits ??= {})[index.name] = units;
    const source = (newImage ?? oldImage) as Item;
    charges.push({ index, throughput: index.throughput, keyText: scalarText(source[partitionKeyName(index.keySchema)]), units });
  }
  return charges;
}

function lsiTotal(consumed: ConsumedUnits): number {
  let units = 0;
  for (const name in consumed.lsiUnits) units += consumed.lsiUnits[name] as number;
  return units;
}

/**
 * Charges a write from `oldImage` to `newImage` whose condition passed: the larger of the two sizes on
 * the table (DDB-02), index units on each index. Nothing is taken when any part is throttled.
 */
export function chargeItemWrite(nowMs: number, table: TableState, key: Item, oldImage: Item | undefined, newImage: Item | undefined, isTransactional: boolean): Result<ConsumedUnits> {
  const oldBytes = sizeOrZero(oldImage);
  const newBytes = sizeOrZero(newImage);
  if (newBytes > oldBytes && hasLsi(table) && collectionSizeBytes(table, key) + newBytes - oldBytes > MAX_ITEM_COLLECTION_BYTES) {
    return fail(itemCollectionTooLarge());
  }
  const consumed: ConsumedUnits = { tableName: table.name, tableUnits: itemWriteUnits(oldBytes, newBytes, isTransactional) };
  const gsiCharges = table.indexes.length === 0 ? undefined : planIndexUnits(table, oldImage, newImage, consumed, isTransactional);
  const tableUnits = consumed.tableUnits + lsiTotal(consumed);
  const keyText = scalarText(key[partitionKeyName(table.keySchema)]);
  const sizeBytes = detailOf(table.throughput).sizeBytes;
  const limit = checkCharge(table.throughput, 'write', nowMs, keyText, sizeBytes, tableUnits);
  if (limit !== undefined) return fail(throttleError(nowMs, table.throughput, 'write', limit, table));
  if (gsiCharges !== undefined) {
    for (const charge of gsiCharges) {
      const indexLimit = checkCharge(charge.throughput, 'write', nowMs, charge.keyText, sizeBytes, charge.units);
      if (indexLimit !== undefined) return fail(throttleError(nowMs, charge.throughput, 'write', indexLimit, table, charge.index));
    }
    for (const charge of gsiCharges) commitCharge(charge.throughput, 'write', nowMs, charge.keyText, charge.units);
  }
  commitCharge(table.throughput, 'write', nowMs, keyText, tableUnits);
  return ok(consumed);
}

/** DDB-02: a write whose condition fails still consumes the table's write units (no index writes happen). */
export function chargeFailedWrite(nowMs: number, table: TableState, key: Item, units: number): Result<ConsumedUnits> {
  const limit = takeTableUnits(nowMs, table, 'write', scalarText(key[partitionKeyName(table.keySchema)]), units);
  if (limit !== undefined) return fail(throttleAnswer(table.throughput, 'write', limit, table));
  return ok({ tableName: table.name, tableUnits: units });
}

/**
 * Takes `units` from the table's own capacity for one partition key, as a charge touching no index
 * does (`chargeFailedWrite`; `chargeItemWrite` and `chargeRead` on a table without indexes), without
 * building an answer: the limit broken (the throttle counted, nothing taken), or undefined once taken.
 */
export function takeTableUnits(nowMs: number, table: TableState, direction: Direction, keyText: string | null, units: number): LimitType | undefined {
  const throughput = table.throughput;
  const limit = checkCharge(throughput, direction, nowMs, keyText, detailOf(throughput).sizeBytes, units);
  if (limit === undefined) commitCharge(throughput, direction, nowMs, keyText, units);
  else noteThrottle(throughput, direction, nowMs);
  return limit;
}

/** Read units on a table or GSI for one partition key (null: spread over all partitions, as a Scan is). */
export function chargeRead(nowMs: number, table: TableState, index: IndexState | undefined, keyText: string | null, units: number): Result<ConsumedUnits> {
  if (index === undefined) {
    const limit = takeTableUnits(nowMs, table, 'read', keyText, units);
    return limit === undefined ? ok({ tableName: table.name, tableUnits: units }) : fail(throttleAnswer(table.throughput, 'read', limit, table));
  }
  const throughput = index.throughput ?? table.throughput;
  const limit = checkCharge(throughput, 'read', nowMs, keyText, detailOf(table.throughput).sizeBytes, units);
  if (limit !== undefined) return fail(throttleError(nowMs, throughput, 'read', limit, table, index.throughput === undefined ? undefined : index));
  commitCharge(throughput, 'read', nowMs, keyText, units);
  return ok(index.kind === 'GSI' ? { tableName: table.name, tableUnits: 0, gsiUnits: { [index.name]: units } } : { tableName: table.name, tableUnits: 0, lsiUnits: { [index.name]: units } });
}
