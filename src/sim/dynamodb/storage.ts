// Keeps a table's stored bytes (TableSizeBytes, the partition count of DDB-08) and, for tables with an
// LSI, each item collection's bytes (DDB-12) up to date. It listens to `applyItemWrite`, so every write
// path (TTL deletions and replication included) is counted without the writer knowing.
import { onItemChange } from './item-changes.js';
import { sizeOrZero } from './item-size.js';
import type { Item, TableState } from './model.js';
import { partitionKeyName } from './keys.js';
import { detailOf } from './throughput/detail.js';

export function hasLsi(table: TableState): boolean {
  for (const index of table.indexes) if (index.kind === 'LSI') return true;
  return false;
}

/** The key an item collection is counted under: the partition key value as JSON. */
export function collectionKey(table: TableState, item: Item): string {
  return JSON.stringify(item[partitionKeyName(table.keySchema)] ?? null);
}

export function collectionSizeBytes(table: TableState, item: Item): number {
  return detailOf(table.throughput).collectionSizesBytes[collectionKey(table, item)] ?? 0;
}

/** The storage listener's name: `sim load`'s batch of writes does its bookkeeping itself (load-quiet-batch.ts). */
export const STORAGE_LISTENER = 'dynamodb.core.storage';

onItemChange(STORAGE_LISTENER, (_world, table, change) => {
  const deltaBytes = sizeOrZero(change.newImage) - sizeOrZero(change.oldImage);
  if (deltaBytes === 0) return;
  const detail = detailOf(table.throughput);
  detail.sizeBytes += deltaBytes;
  if (!hasLsi(table)) return;
  const key = collectionKey(table, change.key);
  const bytes = (detail.collectionSizesBytes[key] ?? 0) + deltaBytes;
  if (bytes === 0) delete detail.collectionSizesBytes[key];
  else detail.collectionSizesBytes[key] = bytes;
});
