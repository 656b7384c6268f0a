// The one place every item write passes through once it is applied: PutItem, UpdateItem, DeleteItem,
// batch and transaction writes, TTL deletions and replicated writes all call `publishItemChange`.
// Features that follow writes (Streams records, global-table replication) subscribe here, so no write
// path can forget them. Listeners change the world (append stream records, schedule replication);
// they are part of the model, not UI observers.
import type { World } from '../world.js';
import type { ItemChange, TableState } from './model.js';

export type ItemChangeListener = (world: World, table: TableState, change: ItemChange) => void;

const listeners: { readonly name: string; readonly listener: ItemChangeListener }[] = [];

/** Registered once, at module load, by name (a second registration under one name is ignored). */
export function onItemChange(name: string, listener: ItemChangeListener): void {
  if (listeners.some((entry) => entry.name === name)) return;
  listeners.push({ name, listener });
  listeners.sort((a, b) => a.name.localeCompare(b.name)); // a fixed order, whatever the import order
}

/**
 * Tells every listener about a change that was just applied. A write that changed nothing (same old
 * and new image) is still published; listeners decide (Streams writes no record for it, DDB-18).
 */
export function publishItemChange(world: World, table: TableState, change: ItemChange): void {
  for (const { listener } of listeners) listener(world, table, change);
}
