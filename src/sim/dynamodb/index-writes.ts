// DDB-12/13: what a table write costs its secondary indexes. An index entry is written when it appears,
// disappears or changes; when the index key itself changes, the old entry is deleted and the new one
// put: two index writes. A write that leaves the projected entry as it was costs the index nothing.
import { writeUnits } from './capacity.js';
import { itemSizeBytes } from './item-size.js';
import { isInIndex, projectForIndex } from './index-view.js';
import type { IndexState, Item, TableState } from './model.js';

function sameValues(a: Item, b: Item): boolean {
  if (a === b) return true;
  const aNames = Object.keys(a);
  if (aNames.length !== Object.keys(b).length) return false;
  for (const name of aNames) if (JSON.stringify(a[name]) !== JSON.stringify(b[name])) return false;
  return true;
}

function indexKeyChanged(index: IndexState, oldImage: Item, newImage: Item): boolean {
  for (const element of index.keySchema) {
    if (JSON.stringify(oldImage[element.AttributeName]) !== JSON.stringify(newImage[element.AttributeName])) return true;
  }
  return false;
}

/** Write units one index consumes for a table write from `oldImage` to `newImage` (undefined = absent). */
export function indexWriteUnits(table: TableState, index: IndexState, oldImage: Item | undefined, newImage: Item | undefined, isTransactional: boolean): number {
  const oldEntry = oldImage !== undefined && isInIndex(index, oldImage) ? projectForIndex(table, index, oldImage) : undefined;
  const newEntry = newImage !== undefined && isInIndex(index, newImage) ? projectForIndex(table, index, newImage) : undefined;
  if (oldEntry === undefined && newEntry === undefined) return 0;
  if (oldEntry === undefined) return writeUnits(itemSizeBytes(newEntry as Item), isTransactional);
  if (newEntry === undefined) return writeUnits(itemSizeBytes(oldEntry), isTransactional);
  if (indexKeyChanged(index, oldEntry, newEntry)) {
    return writeUnits(itemSizeBytes(oldEntry), isTransactional) + writeUnits(itemSizeBytes(newEntry), isTransactional);
  }
  if (sameValues(oldEntry, newEntry)) return 0;
  return writeUnits(Math.max(itemSizeBytes(oldEntry), itemSizeBytes(newEntry)), isTransactional);
}
