// Time to Live (DDB-19): UpdateTimeToLive / DescribeTimeToLive, the pure `isExpired` check, and the
// background sweeper that deletes expired items some time after they expire.
//
// Sweeping: one periodic timer per table with TTL on (every TTL_SWEEP_INTERVAL_MS of virtual time).
// A tick walks the table's items once; the first time it sees an item expired it draws that item's
// deletion time (expiry + a delay in [0, sweep window]) from the seeded stream `dynamodb.ttl-sweep`
// and keeps it; it deletes every item whose drawn time has passed. So an item is deleted at the first
// tick at or after its drawn time: deterministic for a seed, and at most one timer per table, whatever
// the item count. Until then expired items stay readable (DDB-19).
import { fail, ok, validationError, type Result } from '../result.js';
import { defineTimerHandler, type World } from '../world.js';
import { describeTableNotFound } from './errors.js';
import { lookUpTable } from './state.js';
import { otherReplicaTables } from './global-tables.js';
import { applyItemWrite } from './item-changes.js';
import type { Item, TableState } from './model.js';

/**
 * How long after expiry the sweeper may take to delete an item. DDB-19: the API reference says
 * "typically within two days" (the developer guide now says "within a few days"); the simulator draws
 * uniformly in [0, 48 h]. Scenarios shorten it with `configureTtlSweeper` (`sim ttl sweep-window`).
 * @default 172_800_000 (48 h)
 */
export const TTL_SWEEP_WINDOW_MS = 48 * 60 * 60 * 1_000;

/** How often the simulated sweeper walks a table. A simulator choice, not an AWS figure. @default 1 h */
export const TTL_SWEEP_INTERVAL_MS = 60 * 60 * 1_000;

/** A second UpdateTimeToLive within one hour of the last is refused. DDB-19. */
export const TTL_CHANGE_COOLDOWN_MS = 60 * 60 * 1_000;

const SWEEP_TIMER = 'dynamodb.ttl-sweep';

interface DrawnDeletion {
  /** The TTL value (as ms) the draw was made for: a changed value gets a new draw. */
  readonly expiryMs: number;
  readonly deleteAtMs: number;
}

interface TtlSweeperState {
  sweepWindowMs: number;
  sweepIntervalMs: number;
  /** Tables with a live sweeper timer, by `region/table`. */
  readonly sweepers: Map<string, { readonly timerId: number }>;
  /** Deletion times drawn so far, by `region/table`, then item key string. */
  readonly drawn: Map<string, Map<string, DrawnDeletion>>;
}

export const TTL_SLOT = 'dynamodb.ttl';

function ttlState(world: World): TtlSweeperState {
  return world.service<TtlSweeperState>(TTL_SLOT, () => ({ sweepWindowMs: TTL_SWEEP_WINDOW_MS, sweepIntervalMs: TTL_SWEEP_INTERVAL_MS, sweepers: new Map(), drawn: new Map() }));
}

const tableId = (region: string, tableName: string): string => `${region}/${tableName}`;

/** The TTL value of an item in ms, when it is a Number of epoch seconds (DDB-19); otherwise undefined. */
export function expiryTimeMs(item: Item, ttlAttribute: string): number | undefined {
  const value = item[ttlAttribute];
  if (value === undefined || !('N' in value)) return undefined; // only Numbers expire (DDB-19)
  const epochSeconds = Number(value.N);
  return Number.isFinite(epochSeconds) ? epochSeconds * 1_000 : undefined;
}

/**
 * Whether the item's TTL has passed at `nowMs`. Pure; for labelling only: expired items are still
 * returned by reads until the sweeper deletes them (DDB-19). A value in ms lies ~50,000 years ahead
 * as seconds, so it never expires, as in AWS.
 */
export function isExpired(item: Item, ttlAttribute: string, nowMs: number): boolean {
  const timeMs = expiryTimeMs(item, ttlAttribute);
  return timeMs !== undefined && timeMs <= nowMs;
}

export interface TimeToLiveSpecification {
  readonly Enabled: boolean;
  readonly AttributeName: string;
}

export interface UpdateTimeToLiveRequest {
  readonly TableName: string;
  readonly TimeToLiveSpecification: TimeToLiveSpecification;
}

export function updateTimeToLive(world: World, region: string, request: UpdateTimeToLiveRequest): Result<{ TimeToLiveSpecification: TimeToLiveSpecification }> {
  const table = lookUpTable(world, region, request.TableName);
  const result = table === undefined ? fail(describeTableNotFound(request.TableName)) : changeTtl(world, table, request.TimeToLiveSpecification);
  world.record({ service: 'dynamodb', operation: 'UpdateTimeToLive', outcome: result.ok ? 'ok' : result.error.name, region, detail: { tableName: request.TableName, ...request.TimeToLiveSpecification } });
  return result;
}

function changeTtl(world: World, table: TableState, spec: TimeToLiveSpecification): Result<{ TimeToLiveSpecification: TimeToLiveSpecification }> {
  const problem = ttlChangeProblem(table, spec, world.nowMs);
  if (problem !== undefined) return fail(validationError(problem));
  // Simplification: the change takes effect at once (AWS may take up to an hour, DDB-19); the
  // one-hour lock on further changes is kept.
  for (const target of [table, ...otherReplicaTables(world, table.region, table.name)]) {
    target.ttl = { attributeName: spec.AttributeName, status: spec.Enabled ? 'ENABLED' : 'DISABLED', changedAtMs: world.nowMs };
  }
  if (spec.Enabled) startSweeper(world, table);
  return ok({ TimeToLiveSpecification: { Enabled: spec.Enabled, AttributeName: spec.AttributeName } });
}

function ttlChangeProblem(table: TableState, spec: TimeToLiveSpecification, nowMs: number): string | undefined {
  if (spec.AttributeName.length === 0) return 'TimeToLiveSpecification.AttributeName must not be empty';
  const current = table.ttl;
  if (current !== undefined && nowMs - current.changedAtMs < TTL_CHANGE_COOLDOWN_MS) {
    return 'Time to live has been modified multiple times within a fixed interval: wait one hour after the last change'; // DDB-19
  }
  const isEnabled = current?.status === 'ENABLED';
  if (spec.Enabled && isEnabled) return 'TimeToLive is already enabled';
  if (!spec.Enabled && !isEnabled) return 'TimeToLive is already disabled';
  if (!spec.Enabled && current?.attributeName !== spec.AttributeName) {
    return `TimeToLive is enabled on attribute ${current?.attributeName ?? ''}, not ${spec.AttributeName}`;
  }
  return undefined;
}

export function describeTimeToLive(world: World, region: string, request: { readonly TableName: string }): Result<{ TimeToLiveDescription: { TimeToLiveStatus: string; AttributeName?: string } }> {
  const table = lookUpTable(world, region, request.TableName);
  world.record({ service: 'dynamodb', operation: 'DescribeTimeToLive', outcome: table === undefined ? 'ResourceNotFoundException' : 'ok', region, detail: { tableName: request.TableName } });
  if (table === undefined) return fail(describeTableNotFound(request.TableName));
  const ttl = table.ttl;
  if (ttl === undefined) return ok({ TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } });
  return ok({ TimeToLiveDescription: { TimeToLiveStatus: ttl.status, AttributeName: ttl.attributeName } });
}

export interface TtlSweeperOptions {
  /** Upper bound of the drawn delay after expiry, ≥ 0 ms. @default TTL_SWEEP_WINDOW_MS */
  readonly sweepWindowMs?: number;
  /** Time between sweeps of one table, ≥ 1 s. Applies from the next tick. @default TTL_SWEEP_INTERVAL_MS */
  readonly sweepIntervalMs?: number;
}

/** For scenarios (`sim ttl sweep-window 10m`): shortens the simulated sweeper's delays. */
export function configureTtlSweeper(world: World, options: TtlSweeperOptions): Result<TtlSweeperOptions> {
  const { sweepWindowMs, sweepIntervalMs } = options;
  if (sweepWindowMs !== undefined && !(Number.isInteger(sweepWindowMs) && sweepWindowMs >= 0)) return fail(validationError(`sweep window must be a whole number of ms ≥ 0, got ${sweepWindowMs}`));
  if (sweepIntervalMs !== undefined && !(Number.isInteger(sweepIntervalMs) && sweepIntervalMs >= 1_000)) return fail(validationError(`sweep interval must be a whole number of ms ≥ 1000, got ${sweepIntervalMs}`));
  const state = ttlState(world);
  if (sweepWindowMs !== undefined) state.sweepWindowMs = sweepWindowMs;
  if (sweepIntervalMs !== undefined) state.sweepIntervalMs = sweepIntervalMs;
  return ok({ sweepWindowMs: state.sweepWindowMs, sweepIntervalMs: state.sweepIntervalMs });
}

function startSweeper(world: World, table: TableState): void {
  const state = ttlState(world);
  const id = tableId(table.region, table.name);
  if (state.sweepers.has(id)) return;
  const timer = world.clock.schedule(state.sweepIntervalMs, SWEEP_TIMER, { region: table.region, tableName: table.name });
  state.sweepers.set(id, { timerId: timer.id });
}

/** Pending deletions the sweeper has drawn for a table, soonest first (for `sim show ttl` and tests). */
export function pendingTtlDeletions(world: World, region: string, tableName: string): { readonly keyString: string; readonly deleteAtMs: number }[] {
  const drawn = ttlState(world).drawn.get(tableId(region, tableName)) ?? new Map<string, DrawnDeletion>();
  return [...drawn].map(([keyString, d]) => ({ keyString, deleteAtMs: d.deleteAtMs })).sort((a, b) => a.deleteAtMs - b.deleteAtMs);
}

function sweepTable(world: World, payload: { readonly region: string; readonly tableName: string }): void {
  const state = ttlState(world);
  const id = tableId(payload.region, payload.tableName);
  state.sweepers.delete(id);
  const table = lookUpTable(world, payload.region, payload.tableName);
  if (table === undefined || table.ttl?.status !== 'ENABLED') {
    state.drawn.delete(id);
    return; // TTL off or table gone: the sweeper stops
  }
  const drawn = state.drawn.get(id) ?? new Map<string, DrawnDeletion>();
  state.drawn.set(id, drawn);
  for (const [keyString, item] of collectDue(world, table, drawn, state.sweepWindowMs)) deleteExpired(world, table, keyString, item, drawn);
  startSweeper(world, table);
}

/** Walks the items once: draws new deletion times, forgets stale draws, returns the items now due. */
function collectDue(world: World, table: TableState, drawn: Map<string, DrawnDeletion>, sweepWindowMs: number): [string, Item][] {
  const attribute = table.ttl!.attributeName;
  const stream = world.rng.stream('dynamodb.ttl-sweep');
  const due: [string, Item][] = [];
  for (const [keyString, item] of table.items) {
    const timeMs = expiryTimeMs(item, attribute);
    if (timeMs === undefined || timeMs > world.nowMs) {
      drawn.delete(keyString); // not expired (any more): a later expiry gets a fresh draw
      continue;
    }
    let entry = drawn.get(keyString);
    if (entry === undefined || entry.expiryMs !== timeMs) {
      entry = { expiryMs: timeMs, deleteAtMs: timeMs + stream.nextInt(sweepWindowMs + 1) };
      drawn.set(keyString, entry);
    }
    if (entry.deleteAtMs <= world.nowMs) due.push([keyString, item]);
  }
  for (const keyString of drawn.keys()) if (!table.items.has(keyString)) drawn.delete(keyString);
  return due;
}

/** A TTL deletion: the service's, at no write cost (DDB-19), seen by Streams as cause `ttl`. */
function deleteExpired(world: World, table: TableState, keyString: string, item: Item, drawn: Map<string, DrawnDeletion>): void {
  const expiryMs = drawn.get(keyString)?.expiryMs ?? 0;
  drawn.delete(keyString);
  const change = applyItemWrite(world, table, item, undefined, 'ttl');
  world.record({
    service: 'dynamodb',
    operation: 'ttl-item-deleted',
    outcome: 'ok',
    region: table.region,
    detail: { tableName: table.name, key: change.key, expiryEpochSeconds: expiryMs / 1_000, wcuConsumed: 0 },
  });
}

defineTimerHandler(SWEEP_TIMER, (world, payload) => sweepTable(world, payload as { region: string; tableName: string }));
