// The tight loops of `sim load`'s batch form for a quiet table (docs/dynamodb.md, "Speed"): PutItem
// and GetItem on a table without indexes whose writes no listener but the storage bookkeeping would
// see (no enabled stream, not part of a global table, no partition index built for a Query), with no
// world timer due before the batch's last request. Nothing but the batch's own requests can then touch
// the table, its meters or the clock, so each request does exactly what the fast path's step does
// (load-fast-path.ts, itself held equal to `putItem` / `getItem`) with less work:
//   - values are drawn in template order; a `{{rand N}}` value is shared, with its size, key string,
//     key range and the item last stored under it (load-item-template.ts, `CachedValue`);
//   - capacity goes through a `ChargeRun` (checkCharge + commitCharge with per-second values kept);
//   - a throttled put builds no item: only its size is needed for its units (DDB-02);
//   - a stored item goes straight into `table.items` with the storage listener's TableSizeBytes
//     update done here (the only listener acting, see `listenersObserving`), so no change object;
//   - the clock is moved once, to the last request's time, at the end (no timer is due before it).
// The property tests in test/sim/dynamodb/load-fast-path-batch.test.ts hold this equal to the slow path.
import { ok, type Result } from '../result.js';
import type { LoadBatch } from '../load-request.js';
import type { World } from '../world.js';
import { itemWriteUnits, readUnits, type ReadConsistency } from './capacity.js';
import { countItemWrites, itemWritesSoFar, listenersObserving } from './item-changes.js';
import { sizeOrZero } from './item-size.js';
import { assembleItem, cachedValue, freshValue, freshValueBytes, withKeyString, type CachedValue, type CompiledItem } from './load-item-template.js';
import { partitionKeyName, scalarText } from './keys.js';
import { itemKeyString, type AttributeValue, type Item, type TableState } from './model.js';
import { STORAGE_LISTENER } from './storage.js';
import { ChargeRun, type KeyRangeMemo } from './throughput/charge-run.js';
import type { LimitType } from './throughput/charge.js';
import { detailOf, type ThroughputDetail } from './throughput/detail.js';

/** One answer for every request that succeeds: the load engine reads only `ok`. */
export const SUCCEEDED: Result<unknown> = ok(undefined);

/** The shared answer to a refused request (load-fast-path.ts, `throttleAnswers`). */
export type ThrottleAnswer = (limit: LimitType) => Result<unknown>;

/** Whether a batch of puts on `table` may take the quiet loop now: only the storage listener acts on its writes. */
export function isQuietTable(world: World, table: TableState): boolean {
  const observing = listenersObserving(world, table);
  return table.indexes.length === 0 && observing.length === 1 && observing[0] === STORAGE_LISTENER;
}

/** How many of the batch's requests may run before a world timer is due (it then runs first, in the engine). */
function requestsBeforeTimer(world: World, batch: LoadBatch): number {
  const dueMs = world.clock.nextDueMs();
  if (dueMs === Infinity) return batch.count;
  let count = 0;
  while (count < batch.count && batch.timeMsOf(batch.firstN + count) < dueMs) count++;
  return count;
}

/** Consecutive requests with the same answer, handed to `settle` as one (their units summed: exact, whole or half units). */
class Outcomes {
  private result: Result<unknown> = SUCCEEDED;
  private units = 0;
  private count = 0;

  constructor(private readonly batch: LoadBatch) {}

  add(result: Result<unknown>, units: number): void {
    if (result !== this.result) this.flush();
    this.result = result;
    this.units += units;
    this.count++;
  }

  flush(): void {
    if (this.count > 0) this.batch.settle(this.result, this.units, this.count);
    this.units = 0;
    this.count = 0;
  }
}

/** A request's filled values, its size, and the cached partition key value when there is one. */
class Filler {
  readonly values: AttributeValue[] = [];
  bytes = 0;
  partition: CachedValue | undefined;
  /** The partition key text and range memo for a key that is not cached (reused: no allocation). */
  private readonly scratch: { text: string; rangeCount: number; range: number } = { text: '', rangeCount: -1, range: 0 };

  constructor(private readonly compiled: CompiledItem) {}

  /** Draws request n's values in template order, as the slow path's template builder does. */
  fill(n: number, random: LoadBatch['random']): void {
    const { plans, nameBytes, partitionPlan } = this.compiled;
    let bytes = this.compiled.fixedBytes;
    this.partition = undefined;
    for (let i = 0; i < plans.length; i++) {
      const plan = plans[i]!;
      if (plan.cache === undefined) {
        this.values[i] = freshValue(plan, n, random);
        bytes += nameBytes[i]! + freshValueBytes();
      } else {
        const cached = cachedValue(plan, random.nextInt(plan.slot));
        if (i === partitionPlan) this.partition = cached;
        this.values[i] = cached.value;
        bytes += nameBytes[i]! + cached.bytes;
      }
    }
    this.bytes = bytes;
  }

  /** Draws what `fill` would draw, building nothing (a request refused whatever its values). */
  skip(random: LoadBatch['random']): void {
    const plans = this.compiled.plans;
    for (let i = 0; i < plans.length; i++) {
      const plan = plans[i]!;
      if (plan.cache !== undefined) random.nextInt(plan.slot);
      else for (const slot of plan.text.slots) if (slot !== 0) random.nextInt(slot);
    }
  }

  /** The key-range memo of this request's partition key (`built`: the assembled item, when the key is not cached). */
  rangeMemo(built: Item | undefined, partitionKey: string): KeyRangeMemo {
    if (this.partition !== undefined) return this.partition;
    this.scratch.text = scalarText((built as Item)[partitionKey]);
    this.scratch.rangeCount = -1;
    return this.scratch;
  }
}

/**
 * What the table holds under a cached whole key now, with its size: remembered from this or an earlier
 * batch while no write reached any table since (`TableKnowledge`), else read from `table.items`.
 */
function storedUnder(entry: CachedValue, items: Map<string, Item>, epoch: number): number {
  if (entry.knownEpoch !== epoch) {
    const stored = items.get(entry.keyString as string);
    entry.itemBytes = stored !== undefined && stored === entry.item ? entry.itemBytes : sizeOrZero(stored);
    entry.item = stored;
    entry.knownEpoch = epoch;
  }
  return entry.itemBytes;
}

/** The epoch of what the batches of `compiled` may trust of its table (a new one when any item was written since its last batch). */
function knowledgeEpoch(compiled: CompiledItem): number {
  const knowledge = compiled.knowledge;
  if (knowledge.writesSeen !== itemWritesSoFar()) knowledge.epoch++;
  return knowledge.epoch;
}

/** One quiet batch of PutItem or GetItem requests; `run` returns how many ran (the engine carries on with the rest). */
class QuietBatch {
  private readonly filler: Filler;
  private readonly outcomes: Outcomes;
  private readonly charges: ChargeRun;
  private readonly epoch: number;
  private readonly partitionKey: string;
  private readonly tableDetail: ThroughputDetail;
  /** Whether the key is one attribute filled from a cache (`CachedValue` then stands for the key). */
  private readonly byCache: boolean;
  private writes = 0;

  constructor(
    private readonly batch: LoadBatch,
    private readonly table: TableState,
    private readonly compiled: CompiledItem,
    private readonly throttled: ThrottleAnswer,
    private readonly reads: ReadConsistency | undefined,
  ) {
    this.filler = new Filler(compiled);
    this.outcomes = new Outcomes(batch);
    this.charges = new ChargeRun(table.throughput, reads === undefined ? 'write' : 'read');
    this.epoch = knowledgeEpoch(compiled);
    this.partitionKey = partitionKeyName(table.keySchema);
    this.tableDetail = detailOf(table.throughput);
    this.byCache = compiled.isWholeKey && compiled.partitionPlan >= 0;
  }

  run(world: World): number {
    const { batch, charges, filler } = this;
    const count = requestsBeforeTimer(world, batch);
    for (let i = 0; i < count; i++) {
      const n = batch.firstN + i;
      const timeMs = batch.timeMsOf(n);
      const refused = charges.refusesAll(timeMs);
      if (refused !== undefined) {
        // Refused whatever its size or key: only its draws (in order) and the throttle count remain.
        filler.skip(batch.random);
        this.outcomes.add(this.throttled(charges.refuse(refused, timeMs)), 0);
        continue;
      }
      filler.fill(n, batch.random);
      if (this.reads === undefined) this.put(timeMs);
      else this.get(timeMs, this.reads);
    }
    this.outcomes.flush();
    countItemWrites(this.writes); // every other load's batches must see them; this load's need not
    this.compiled.knowledge.writesSeen = itemWritesSoFar();
    if (count > 0) world.advanceTo(batch.timeMsOf(batch.firstN + count - 1));
    return count;
  }

  /** The rest of a PutItem: `putItem` after its checks on a table without indexes (load-fast-path.ts). */
  private put(timeMs: number): void {
    const { compiled, filler, table } = this;
    const items = table.items;
    const entry = this.byCache ? withKeyString(filler.partition as CachedValue, table) : undefined;
    let item = entry === undefined ? assembleItem(compiled, filler.values) : undefined;
    const keyString = entry === undefined ? itemKeyString(table.keySchema, item as Item) : (entry.keyString as string);
    const oldBytes = entry === undefined ? sizeOrZero(items.get(keyString)) : storedUnder(entry, items, this.epoch);
    const newBytes = filler.bytes;
    const units = itemWriteUnits(oldBytes, newBytes); // DDB-02
    const limit = this.charges.take(timeMs, filler.rangeMemo(item, this.partitionKey), units);
    if (limit !== undefined) return this.outcomes.add(this.throttled(limit), 0);
    item ??= assembleItem(compiled, filler.values);
    items.set(keyString, item);
    this.writes++;
    this.tableDetail.sizeBytes += newBytes - oldBytes; // the storage listener's TableSizeBytes (no LSI here)
    if (entry !== undefined) {
      entry.item = item;
      entry.itemBytes = newBytes;
    }
    this.outcomes.add(SUCCEEDED, units);
  }

  /** The rest of a GetItem: `getItem` after its checks, without a projection or a response. */
  private get(timeMs: number, consistency: ReadConsistency): void {
    const { filler, table } = this;
    const key = this.byCache ? undefined : assembleItem(this.compiled, filler.values);
    const storedBytes =
      key === undefined ? storedUnder(withKeyString(filler.partition as CachedValue, table), table.items, this.epoch) : sizeOrZero(table.items.get(itemKeyString(table.keySchema, key)));
    const units = readUnits(storedBytes, consistency); // DDB-01
    const limit = this.charges.take(timeMs, filler.rangeMemo(key, this.partitionKey), units);
    this.outcomes.add(limit === undefined ? SUCCEEDED : this.throttled(limit), limit === undefined ? units : 0);
  }
}

/** Runs the batch's puts on a quiet table (`isQuietTable`); returns how many ran. */
export function quietPuts(world: World, batch: LoadBatch, table: TableState, compiled: CompiledItem, throttled: ThrottleAnswer): number {
  return new QuietBatch(batch, table, compiled, throttled, undefined).run(world);
}

/** Runs the batch's gets (reads publish nothing, so on any table without indexes); returns how many ran. */
export function quietGets(world: World, batch: LoadBatch, table: TableState, compiled: CompiledItem, consistency: ReadConsistency, throttled: ThrottleAnswer): number {
  return new QuietBatch(batch, table, compiled, throttled, consistency).run(world);
}
