// Global tables, version 2019.11.21 (DDB-21): one replica per Region, same name and key schema, each
// replica a plain `TableState` in its Region's map. Replication is an `onItemChange` listener:
// - MREC (multi-Region eventual consistency, the default): every local change is sent to each other
//   replica after a delay drawn from the seeded stream `dynamodb.global-tables.replication` in
//   [REPLICATION_DELAY_MIN_MS, REPLICATION_DELAY_MAX_MS], queued on the Region pair's channel (one
//   world timer per channel, for the change at its head). Each change carries a
//   version (virtual time of the write + a world-wide write counter that breaks ties); a replica
//   applies an incoming change only when it is newer than what it holds for that item, so
//   concurrent writes converge on the last writer everywhere (DDB-21). Deletions keep their version
//   (a tombstone) so an older write cannot bring an item back. Changes between one pair of Regions
//   arrive in the order they were made (a FIFO channel).
// - MRSC (multi-Region strong consistency): a write applies to every replica synchronously, so a
//   strongly consistent read anywhere sees it; `checkMrscWrite` refuses a write that conflicts with
//   one in flight from another Region (`ReplicatedWriteConflictException`, retryable, DDB-21).
// Replicated writes (cause `replication`) never replicate again. A TTL deletion replicates as a plain
// delete, so its service REMOVE record appears only in the Region where the sweeper ran (DDB-19).
import { awsError, fail, ok, type Result } from '../result.js';
import { defineTimerHandler, type World } from '../world.js';
import { sameItem } from './feature-support.js';
import { lookUpTable } from './state.js';
import { applyItemWrite, onItemChange } from './item-changes.js';
import { itemKeyString, type Item, type ItemChange, type TableState } from './model.js';

/** MREC replication "usually < 1 s" (DDB-21): the simulator draws each delay in [500, 1,500] ms. */
export const REPLICATION_DELAY_MIN_MS = 500;
export const REPLICATION_DELAY_MAX_MS = 1_500;

/**
 * How long an MRSC write is in flight: a write to the same item from another Region within this
 * time conflicts. ASSUMPTION: AWS gives no figure (DDB-21 only names the error); 100 ms is the
 * simulator's stand-in for one cross-Region round trip.
 */
export const MRSC_WRITE_IN_FLIGHT_MS = 100;

export const GLOBAL_TABLE_VERSION = '2019.11.21';
export type ConsistencyMode = 'MREC' | 'MRSC';

export interface GlobalTableGroup {
  readonly tableName: string;
  readonly mode: ConsistencyMode;
  /** Regions holding a replica (with data), in the order they joined. */
  regions: string[];
  /** MRSC only: the Region of the witness (no data, votes only), if any. */
  witnessRegion?: string;
}

/** An item's last applied write: later time wins; the counter breaks ties and orders one instant. */
export interface ItemVersion {
  readonly timeMs: number;
  readonly counter: number;
}

export interface GlobalTablesState {
  /** Groups by id (`firstRegion/tableName`). */
  readonly groups: Map<string, GlobalTableGroup>;
  /** `region/tableName` → group id, for each replica and witness. */
  readonly memberOf: Map<string, string>;
  /** MREC: `region/tableName` → item key string → version of the image that replica holds. */
  readonly versions: Map<string, Map<string, ItemVersion>>;
  /** MREC FIFO channels, `from>to/tableName`: changes in flight, each channel with one timer at most. */
  readonly channels: Map<string, ReplicationChannel>;
  /** MRSC: `groupId|itemKey` → the last write's Region and time. */
  readonly lastMrscWrite: Map<string, { readonly region: string; readonly timeMs: number }>;
  nextWriteCounter: number;
}

export const GLOBAL_TABLES_SLOT = 'dynamodb.global-tables';
const REPLICATE_TIMER = 'dynamodb.global-replicate';

export function globalTablesState(world: World): GlobalTablesState {
  return world.service<GlobalTablesState>(GLOBAL_TABLES_SLOT, () => ({
    groups: new Map(),
    memberOf: new Map(),
    versions: new Map(),
    channels: new Map(),
    lastMrscWrite: new Map(),
    nextWriteCounter: 0,
  }));
}

export const memberId = (region: string, tableName: string): string => `${region}/${tableName}`;

export function groupOf(world: World, region: string, tableName: string): GlobalTableGroup | undefined {
  const state = globalTablesState(world);
  if (state.memberOf.size === 0) return undefined; // no global tables: skip building the member id on every write
  const id = state.memberOf.get(memberId(region, tableName));
  return id === undefined ? undefined : state.groups.get(id);
}

/** The other replicas (with data) of a global table; empty for a single-Region table. */
export function otherReplicaTables(world: World, region: string, tableName: string): TableState[] {
  const group = groupOf(world, region, tableName);
  if (group === undefined) return [];
  return group.regions.filter((r) => r !== region).flatMap((r) => lookUpTable(world, r, tableName) ?? []);
}

export function isNewer(a: ItemVersion, b: ItemVersion | undefined): boolean {
  return b === undefined || a.timeMs > b.timeMs || (a.timeMs === b.timeMs && a.counter > b.counter);
}

function versionsOf(state: GlobalTablesState, region: string, tableName: string): Map<string, ItemVersion> {
  const id = memberId(region, tableName);
  let versions = state.versions.get(id);
  if (versions === undefined) {
    versions = new Map();
    state.versions.set(id, versions);
  }
  return versions;
}

interface ReplicationPayload {
  readonly tableName: string;
  readonly fromRegion: string;
  readonly toRegion: string;
  readonly key: Item;
  readonly newImage: Item | null;
  readonly version: ItemVersion;
  readonly sentAtMs: number;
  readonly dueMs: number;
}

/**
 * Changes in flight between two Regions for one table, in send order with non-decreasing due times.
 * One timer per channel (for its head) keeps the clock's timer list short under heavy write load.
 */
export interface ReplicationChannel {
  readonly queue: ReplicationPayload[];
  lastDueMs: number;
  isTimerPending: boolean;
}

function onLocalChange(world: World, table: TableState, change: ItemChange): void {
  if (change.cause === 'replication') return;
  const group = groupOf(world, table.region, table.name);
  if (group === undefined || sameItem(change.oldImage, change.newImage)) return; // single-Region table, or nothing changed
  if (group.mode === 'MRSC') {
    applyEverywhereNow(world, table, group, change);
    return;
  }
  const state = globalTablesState(world);
  const version: ItemVersion = { timeMs: world.nowMs, counter: state.nextWriteCounter++ };
  versionsOf(state, table.region, table.name).set(change.keyString, version);
  for (const toRegion of group.regions) {
    if (toRegion === table.region) continue;
    sendChange(world, state, { tableName: table.name, fromRegion: table.region, toRegion, key: change.key, newImage: change.newImage ?? null, version, sentAtMs: world.nowMs, dueMs: 0 });
  }
}

function sendChange(world: World, state: GlobalTablesState, payload: ReplicationPayload): void {
  const channelId = `${payload.fromRegion}>${payload.toRegion}/${payload.tableName}`;
  let channel = state.channels.get(channelId);
  if (channel === undefined) {
    channel = { queue: [], lastDueMs: 0, isTimerPending: false };
    state.channels.set(channelId, channel);
  }
  const delayMs = world.rng.stream('dynamodb.global-tables.replication').nextIntBetween(REPLICATION_DELAY_MIN_MS, REPLICATION_DELAY_MAX_MS);
  channel.lastDueMs = Math.max(world.nowMs + delayMs, channel.lastDueMs); // FIFO: never before an earlier change
  channel.queue.push({ ...payload, dueMs: channel.lastDueMs });
  if (!channel.isTimerPending) {
    world.clock.scheduleAt(channel.lastDueMs, REPLICATE_TIMER, channelId);
    channel.isTimerPending = true;
  }
}

/** The channel's timer: delivers every change now due, then waits for the next one. */
function deliverDue(world: World, channelId: string): void {
  const channel = globalTablesState(world).channels.get(channelId);
  if (channel === undefined) return;
  let delivered = 0;
  while (delivered < channel.queue.length && channel.queue[delivered]!.dueMs <= world.nowMs) receiveChange(world, channel.queue[delivered++]!);
  channel.queue.splice(0, delivered);
  const next = channel.queue[0];
  channel.isTimerPending = next !== undefined;
  if (next !== undefined) world.clock.scheduleAt(next.dueMs, REPLICATE_TIMER, channelId);
}

function receiveChange(world: World, payload: ReplicationPayload): void {
  const target = lookUpTable(world, payload.toRegion, payload.tableName);
  const detail = { tableName: payload.tableName, fromRegion: payload.fromRegion, key: payload.key, lagMs: world.nowMs - payload.sentAtMs };
  if (target === undefined || groupOf(world, payload.toRegion, payload.tableName) === undefined) {
    world.record({ service: 'dynamodb', operation: 'replication-dropped', outcome: 'ok', region: payload.toRegion, detail });
    return;
  }
  const versions = versionsOf(globalTablesState(world), payload.toRegion, payload.tableName);
  const keyString = itemKeyString(target.keySchema, payload.key);
  if (!isNewer(payload.version, versions.get(keyString))) {
    // Last writer wins (DDB-21): the replica already holds a later write of this item.
    world.record({ service: 'dynamodb', operation: 'replication-superseded', outcome: 'ok', region: payload.toRegion, detail });
    return;
  }
  versions.set(keyString, payload.version);
  applyItemWrite(world, target, payload.key, payload.newImage ?? undefined, 'replication');
  world.record({ service: 'dynamodb', operation: 'replication-applied', outcome: 'ok', region: payload.toRegion, detail });
}

function applyEverywhereNow(world: World, table: TableState, group: GlobalTableGroup, change: ItemChange): void {
  const state = globalTablesState(world);
  const groupId = state.memberOf.get(memberId(table.region, table.name))!;
  state.lastMrscWrite.set(`${groupId}|${itemKeyString(table.keySchema, change.key)}`, { region: table.region, timeMs: world.nowMs });
  for (const replica of otherReplicaTables(world, table.region, table.name)) {
    applyItemWrite(world, replica, change.key, change.newImage, 'replication');
  }
  world.record({ service: 'dynamodb', operation: 'replication-applied', outcome: 'ok', region: table.region, detail: { tableName: table.name, key: change.key, mode: 'MRSC', regions: group.regions } });
}

const NO_CONFLICT: Result<void> = { ok: true, value: undefined };

/**
 * For the core's write path, before `applyItemWrite` on an MRSC replica: refuses a write to an item
 * that another Region wrote less than MRSC_WRITE_IN_FLIGHT_MS ago. DDB-21.
 */
export function checkMrscWrite(world: World, region: string, tableName: string, key: Item, operation = 'PutItem'): Result<void> {
  const group = groupOf(world, region, tableName);
  if (group?.mode !== 'MRSC') return NO_CONFLICT;
  const table = lookUpTable(world, region, tableName);
  if (table === undefined) return NO_CONFLICT;
  const state = globalTablesState(world);
  const last = state.lastMrscWrite.get(`${state.memberOf.get(memberId(region, tableName))}|${itemKeyString(table.keySchema, key)}`);
  if (last === undefined || last.region === region || world.nowMs - last.timeMs >= MRSC_WRITE_IN_FLIGHT_MS) return ok(undefined);
  world.record({ service: 'dynamodb', operation, outcome: 'ReplicatedWriteConflictException', region, detail: { tableName, key, conflictingRegion: last.region } });
  return fail(
    awsError('ReplicatedWriteConflictException', 400, `The write conflicts with a concurrent write to the same item from ${last.region}; retry the request`, { retryable: true }),
  );
}

onItemChange('dynamodb.global-tables', onLocalChange, (world, table) => groupOf(world, table.region, table.name) !== undefined);
defineTimerHandler(REPLICATE_TIMER, (world, payload) => deliverDue(world, payload as string));
