// A code-side index of a table's items by partition-key value, so a Query on the table or an LSI reads
// only its partition instead of every item. It is a cache, never state: built from `table.items` on the
// first Query (also after a snapshot is restored, since restored tables are new objects) and kept in step
// by listening to `applyItemWrite`, the only write path. GSI queries still walk the table (their key
// differs per index).
import { onItemChange } from './item-changes.js';
import { partitionKeyName } from './keys.js';
import { type AttributeValue, type Item, type TableState } from './model.js';

type Partitions = Map<string, Map<string, Item>>;

const indexes = new WeakMap<TableState, Partitions>();

function partitionText(value: AttributeValue | undefined): string {
  return JSON.stringify(value ?? null);
}

function build(table: TableState): Partitions {
  const partitions: Partitions = new Map();
  const hashName = partitionKeyName(table.keySchema);
  for (const [keyString, item] of table.items) {
    const text = partitionText(item[hashName]);
    let partition = partitions.get(text);
    if (partition === undefined) {
      partition = new Map();
      partitions.set(text, partition);
    }
    partition.set(keyString, item);
  }
  return partitions;
}

/** The items whose partition key equals `value` (in no particular order). */
export function itemsOfPartition(table: TableState, value: AttributeValue): Iterable<Item> {
  let partitions = indexes.get(table);
  if (partitions === undefined) {
    partitions = build(table);
    indexes.set(table, partitions);
  }
  return partitions.get(partitionText(value))?.values() ?? [];
}

onItemChange('dynamodb.core.partition-index', (_world, table, change) => {
  const partitions = indexes.get(table);
  if (partitions === undefined) return;
  const text = partitionText(change.key[partitionKeyName(table.keySchema)]);
  const keyString = change.keyString;
  let partition = partitions.get(text);
  if (change.newImage === undefined) {
    partition?.delete(keyString);
    if (partition?.size === 0) partitions.delete(text);
    return;
  }
  if (partition === undefined) {
    partition = new Map();
    partitions.set(text, partition);
  }
  partition.set(keyString, change.newImage);
}, (_world, table) => indexes.has(table));
