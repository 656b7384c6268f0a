// Capacity arithmetic (DDB-01, DDB-02, DDB-15): how many read and write units an operation consumes,
// from item sizes alone. Pure functions; the throughput module decides whether the units are there.
import { READ_UNIT_BYTES, TRANSACTION_COST_MULTIPLIER, WRITE_UNIT_BYTES } from './limits.js';

/** How a read is made: eventually consistent costs half, transactional double (DDB-01, DDB-15). */
export type ReadConsistency = 'eventual' | 'strong' | 'transactional';

/** Read units for `sizeBytes` read at once: round up to 4 KB (a missing or empty item still costs one unit). */
export function readUnits(sizeBytes: number, consistency: ReadConsistency): number {
  const blocks = Math.max(1, Math.ceil(sizeBytes / READ_UNIT_BYTES));
  if (consistency === 'eventual') return blocks / 2;
  if (consistency === 'transactional') return blocks * TRANSACTION_COST_MULTIPLIER;
  return blocks;
}

/** Write units for one item write of `sizeBytes`: round up to 1 KB, at least one (DDB-02); ×2 in a transaction (DDB-15). */
export function writeUnits(sizeBytes: number, isTransactional = false): number {
  const blocks = Math.max(1, Math.ceil(sizeBytes / WRITE_UNIT_BYTES));
  return isTransactional ? blocks * TRANSACTION_COST_MULTIPLIER : blocks;
}

/** PutItem / UpdateItem: the larger of the item before and after (DDB-02), even when the write fails its condition. */
export function itemWriteUnits(oldSizeBytes: number, newSizeBytes: number, isTransactional = false): number {
  return writeUnits(Math.max(oldSizeBytes, newSizeBytes), isTransactional);
}

/** BatchGetItem: each item rounded on its own, then added (DDB-01: 1.5 KB + 6.5 KB → 3 RCU strongly consistent). */
export function batchGetReadUnits(sizesBytes: readonly number[], consistency: ReadConsistency): number {
  let units = 0;
  for (const size of sizesBytes) units += readUnits(size, consistency);
  return units;
}

/** Query / Scan: the sizes of all items read (evaluated, not returned) are added, then rounded once (DDB-01). */
export function queryReadUnits(totalSizeBytes: number, consistency: ReadConsistency): number {
  return readUnits(totalSizeBytes, consistency);
}

/** BatchWriteItem: each put/delete rounded on its own, then added (DDB-02: 500 B + 3.5 KB → 5 WCU). */
export function batchWriteUnits(sizesBytes: readonly number[]): number {
  let units = 0;
  for (const size of sizesBytes) units += writeUnits(size);
  return units;
}
