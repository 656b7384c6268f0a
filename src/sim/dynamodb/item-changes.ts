// The one place every item write passes through: PutItem, UpdateItem, DeleteItem, batch and transaction
// writes, TTL deletions and replicated writes all call `applyItemWrite`, which stores the new image (or
// deletes the item) and then tells every listener. Features that follow writes (Streams records,
// global-table replication) subscribe here, so no write path can forget them. Listeners change the
// world (append stream records, schedule replication); they are part of the model, not UI observers.
//
// Secondary indexes are not stored: a GSI or LSI is a view computed from `table.items` when it is read,
// so every write path, TTL deletions included, keeps them right without maintenance (DDB-19: TTL
// deletions propagate to indexes like normal deletes). Index *capacity* is charged by the write path.
import type { World } from '../world.js';
import { itemKeyString, keyOf, type ChangeCause, type Item, type ItemChange, type TableState } from './model.js';

export type ItemChangeListener = (world: World, table: TableState, change: ItemChange) => void;

/** Whether a listener would do anything at all for a change to `table` now (false: it returns at once). */
export type ItemChangeInterest = (world: World, table: TableState) => boolean;

const listeners: { readonly name: string; readonly listener: ItemChangeListener; readonly observes: ItemChangeInterest | undefined }[] = [];

/**
 * Registered once, at module load, by name (a second registration under one name is ignored).
 * `observes`, when given, must be false only when the listener ignores every change to the table
 * (`sim load` then skips the publication, see `listenersObserving`); without it the listener always counts.
 */
export function onItemChange(name: string, listener: ItemChangeListener, observes?: ItemChangeInterest): void {
  if (listeners.some((entry) => entry.name === name)) return;
  listeners.push({ name, listener, observes });
  listeners.sort((a, b) => a.name.localeCompare(b.name)); // a fixed order, whatever the import order
}

/**
 * The names of the listeners that would act on a change to `table` now. `sim load`'s batch of writes
 * (load-quiet-batch.ts) stores items without publishing them only when the storage listener is the
 * only one, doing its bookkeeping itself; nothing else can change the answer during the batch.
 */
export function listenersObserving(world: World, table: TableState): string[] {
  const names: string[] = [];
  for (const entry of listeners) if (entry.observes === undefined || entry.observes(world, table)) names.push(entry.name);
  return names;
}

/** How many writes `applyItemWrite` has made, in every world: a code-side count, never state. */
let itemWritesMade = 0;

/**
 * The count of item writes so far. Every change to a table's items passes through `applyItemWrite`,
 * so when the count has not moved, no table's items changed: `sim load`'s quiet batches, which store
 * items themselves, keep what they know of a table's items from one batch to the next only then.
 */
export const itemWritesSoFar = (): number => itemWritesMade;

/** Counts writes stored without `applyItemWrite` (`sim load`'s quiet batches), so other batches see them. */
export function countItemWrites(writes: number): void {
  itemWritesMade += writes;
}

/**
 * Stores `newImage` under its key (or deletes the item at `key` when `newImage` is undefined), then
 * publishes the change. Callers have already validated the write and charged its capacity. A write
 * that changes nothing is still published; listeners decide (Streams writes no record for it, DDB-18).
 * `keyString` is the item's key string when the caller already has it (it must equal
 * `itemKeyString(table.keySchema, key)`): the single-item write path looks the old item up with it.
 */
export function applyItemWrite(world: World, table: TableState, key: Item, newImage: Item | undefined, cause: ChangeCause, keyString = itemKeyString(table.keySchema, key)): ItemChange {
  itemWritesMade++;
  const oldImage = table.items.get(keyString);
  if (newImage === undefined) table.items.delete(keyString);
  else table.items.set(keyString, newImage);
  // Built member by member (no spreads): every write of `sim load` comes through here.
  const change: { -readonly [K in keyof ItemChange]: ItemChange[K] } = { tableName: table.name, region: table.region, key: keyOf(table.keySchema, key), keyString, cause };
  if (oldImage !== undefined) change.oldImage = oldImage;
  if (newImage !== undefined) change.newImage = newImage;
  for (let i = 0; i < listeners.length; i++) listeners[i]!.listener(world, table, change);
  return change;
}
