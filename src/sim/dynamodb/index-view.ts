// Secondary indexes are views over `table.items` (item-changes.ts): an item is in an index when it
// has every key attribute of the index (sparse indexes, DDB-13), and the entry holds the projected
// attributes only (KEYS_ONLY: table and index keys; INCLUDE: those plus the listed attributes; ALL).
import type { IndexState, Item, TableState, AttributeValue } from './model.js';

export function isInIndex(index: IndexState, item: Item): boolean {
  for (const element of index.keySchema) if (item[element.AttributeName] === undefined) return false;
  return true;
}

/** The index entry of an item (the item itself for ALL projections, so sizes stay cached). */
export function projectForIndex(table: TableState, index: IndexState, item: Item): Item {
  if (index.projection.ProjectionType === 'ALL') return item;
  const entry: Record<string, AttributeValue> = {};
  const keep = (name: string): void => {
    const value = item[name];
    if (value !== undefined) entry[name] = value;
  };
  for (const element of table.keySchema) keep(element.AttributeName);
  for (const element of index.keySchema) keep(element.AttributeName);
  for (const name of index.projection.NonKeyAttributes ?? []) keep(name);
  return entry;
}

/** Every entry of an index, in table order (callers sort). */
export function indexView(table: TableState, index: IndexState): Item[] {
  const entries: Item[] = [];
  for (const item of table.items.values()) if (isInIndex(index, item)) entries.push(projectForIndex(table, index, item));
  return entries;
}

export function findIndex(table: TableState, indexName: string): IndexState | undefined {
  return table.indexes.find((index) => index.name === indexName);
}
