// A run of charges against one table's own meter, in time order, with nothing else touching the table
// between them: a batch of `sim load` requests (load-quiet-batch.ts). Each `take` is exactly
// `checkCharge` then `commitCharge` (or `noteThrottle` when refused), as `takeTableUnits` does, but what
// cannot change within one second is worked out once per second instead of once per request:
// the catch-up of both meters, the provisioned capacity or the on-demand allowance (DDB-05/07), and the
// partition count (DDB-08), which within a second can only grow with the stored bytes.
import { PARTITION_MAX_BYTES, PARTITION_MAX_RCU, PARTITION_MAX_WCU } from '../limits.js';
import type { ThroughputState } from '../model.js';
import { catchUp, noteThrottle, onDemandAllowed, partitionCount, type LimitType } from './charge.js';
import { capacityOf, detailOf, type ThroughputDetail } from './detail.js';
import { partitionUsed, takePartition, takeProvisioned, type Direction, type Meter } from './meter.js';
import { keyRangeOf } from './partitions.js';

/** A partition key's memo of its key range: valid while the partition count is `rangeCount`. */
export interface KeyRangeMemo {
  readonly text: string;
  rangeCount: number;
  range: number;
}

export class ChargeRun {
  private readonly detail: ThroughputDetail;
  private readonly meter: Meter;
  private readonly isProvisioned: boolean;
  private readonly capUnits: number;
  /** The second the values below belong to (-1: none yet). */
  private second = -1;
  private capacityUnits = 0;
  private allowedUnits = 0;
  private maxUnits = 0;
  /** Whether `partitionCount` has run in `second` (after that the count only changes when the bytes pass it). */
  private hasCounted = false;

  /** `throughput` is a table's own (partitions are sized from its stored bytes, as `checkCharge` is told). */
  constructor(
    private readonly throughput: ThroughputState,
    private readonly direction: Direction,
  ) {
    this.detail = detailOf(throughput);
    this.meter = this.detail[direction];
    this.isProvisioned = throughput.mode === 'PROVISIONED';
    this.capUnits = direction === 'read' ? PARTITION_MAX_RCU : PARTITION_MAX_WCU; // DDB-08
  }

  private enter(nowMs: number, second: number): void {
    catchUp(this.throughput, nowMs);
    this.second = second;
    this.hasCounted = false;
    this.capacityUnits = capacityOf(this.throughput, this.direction);
    if (this.isProvisioned) return;
    this.allowedUnits = onDemandAllowed(this.throughput, this.direction, second);
    this.maxUnits = this.direction === 'read' ? this.detail.maxReadRequestUnits : this.detail.maxWriteRequestUnits;
  }

  /**
   * The limit every charge breaks now whatever its units (all units are positive: DDB-01/02), when the
   * table-level check refuses them all with one limit: a provisioned second with no capacity or burst
   * left, an on-demand table at its maximum, or (without a maximum) at its allowance. Counts nothing.
   */
  refusesAll(nowMs: number): LimitType | undefined {
    const second = Math.floor(nowMs / 1_000);
    if (second !== this.second) this.enter(nowMs, second);
    const used = this.meter.usedUnits;
    if (this.isProvisioned) return Math.max(0, this.capacityUnits - used) + this.meter.burstCreditUnits <= 0 ? 'ProvisionedThroughputExceeded' : undefined;
    if (this.maxUnits > 0) return used >= this.maxUnits ? 'MaxOnDemandThroughputExceeded' : undefined;
    return used >= this.allowedUnits ? 'KeyRangeThroughputExceeded' : undefined;
  }

  /** Counts a request refused with the limit `refusesAll` gave, as `take` would have. */
  refuse(limit: LimitType, nowMs: number): LimitType {
    noteThrottle(this.throughput, this.direction, nowMs);
    return limit;
  }

  /** The limit `units` break now (the throttle counted, nothing taken), or undefined once they are taken. */
  take(nowMs: number, key: KeyRangeMemo, units: number): LimitType | undefined {
    const second = Math.floor(nowMs / 1_000);
    if (second !== this.second) this.enter(nowMs, second);
    const meter = this.meter;
    if (this.isProvisioned) {
      if (units > Math.max(0, this.capacityUnits - meter.usedUnits) + meter.burstCreditUnits) return this.refuse('ProvisionedThroughputExceeded', nowMs);
    } else {
      if (this.maxUnits > 0 && meter.usedUnits + units > this.maxUnits) return this.refuse('MaxOnDemandThroughputExceeded', nowMs);
      if (meter.usedUnits + units > this.allowedUnits) return this.refuse('KeyRangeThroughputExceeded', nowMs);
    }
    const count = this.partitionCount(second);
    if (key.rangeCount !== count) {
      key.range = keyRangeOf(key.text, count);
      key.rangeCount = count;
    }
    if (partitionUsed(meter, key.range, second) + units > this.capUnits) return this.refuse('KeyRangeThroughputExceeded', nowMs);
    this.commit(key.range, second, units);
    return undefined;
  }

  /** `partitionCount` as `checkCharge` calls it: within a second it can only change when the bytes outgrow it. */
  private partitionCount(second: number): number {
    const sizeBytes = this.detail.sizeBytes;
    if (!this.hasCounted || sizeBytes > this.detail.partitionCount * PARTITION_MAX_BYTES) {
      this.hasCounted = true;
      return partitionCount(this.throughput, sizeBytes, second);
    }
    return this.detail.partitionCount;
  }

  /** `commitCharge`: this second's capacity first, then burst credit (DDB-07); the key range; the totals. */
  private commit(range: number, second: number, units: number): void {
    const meter = this.meter;
    if (this.isProvisioned) takeProvisioned(meter, this.capacityUnits, units);
    else meter.usedUnits += units;
    takePartition(meter, range, second, units);
    meter.minuteUnits += units;
    meter.consumedUnitsTotal += units;
  }
}
