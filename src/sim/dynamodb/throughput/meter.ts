// The capacity meter of one direction (reads or writes) of one table or GSI, as plain data kept in
// `ThroughputState.detail`. Time is counted in whole seconds of virtual time; nothing runs per second:
// every function catches the meter up from the last second it saw (lazy refill), so an hour of idle
// time costs one subtraction.
import {
  BURST_WINDOW_SECONDS,
  ON_DEMAND_INITIAL_READ_PEAK,
  ON_DEMAND_INITIAL_WRITE_PEAK,
  ON_DEMAND_PEAK_MULTIPLIER,
  ON_DEMAND_PEAK_WINDOW_MS,
} from '../limits.js';

export type Direction = 'read' | 'write';

export interface Meter {
  /** The second `usedUnits` belongs to (floor of virtual ms / 1000). */
  second: number;
  /** Units consumed in that second, across all partitions. */
  usedUnits: number;
  /** DDB-07: unused provisioned units banked, at most 300 s worth. */
  burstCreditUnits: number;
  /** Per key range (partitions.ts): the second its counter belongs to, and the units it served then. */
  partitionSeconds: number[];
  partitionUnits: number[];
  /** DDB-05 (on-demand): the highest per-second consumption seen, and when it rose: [second, peak, ...]. */
  peakUnits: number;
  peakSteps: number[];
  /** DDB-09 bookkeeping: the minute being counted, its units, and the run lengths above/below target. */
  minute: number;
  minuteUnits: number;
  minutesAbove: number;
  minutesBelow: number;
  /** Totals for `sim show table`. */
  consumedUnitsTotal: number;
  throttledRequests: number;
  lastThrottleMs: number;
}

export function newMeter(nowMs: number, direction: Direction): Meter {
  const second = Math.floor(nowMs / 1_000);
  return {
    second,
    usedUnits: 0,
    burstCreditUnits: 0,
    partitionSeconds: [],
    partitionUnits: [],
    peakUnits: direction === 'read' ? ON_DEMAND_INITIAL_READ_PEAK : ON_DEMAND_INITIAL_WRITE_PEAK,
    peakSteps: [],
    minute: Math.floor(second / 60),
    minuteUnits: 0,
    minutesAbove: 0,
    minutesBelow: 0,
    consumedUnitsTotal: 0,
    throttledRequests: 0,
    lastThrottleMs: -1,
  };
}

/**
 * Moves a provisioned meter to `second`: the unused part of the second it was in, and every whole idle
 * second since, become burst credit, capped at 300 s of `capacityUnits` (DDB-07).
 */
export function rollProvisioned(meter: Meter, second: number, capacityUnits: number): void {
  if (second <= meter.second) return;
  const unusedUnits = Math.max(0, capacityUnits - meter.usedUnits) + (second - meter.second - 1) * capacityUnits;
  meter.burstCreditUnits = Math.min(BURST_WINDOW_SECONDS * capacityUnits, meter.burstCreditUnits + unusedUnits);
  meter.second = second;
  meter.usedUnits = 0;
}

/** Moves an on-demand meter to `second`, remembering a new per-second peak (DDB-05). */
export function rollOnDemand(meter: Meter, second: number): void {
  if (second <= meter.second) return;
  if (meter.usedUnits > meter.peakUnits) {
    meter.peakUnits = meter.usedUnits;
    meter.peakSteps.push(meter.second, meter.usedUnits);
  }
  meter.second = second;
  meter.usedUnits = 0;
}

/** Units a provisioned meter can still give this second: the rest of the second's capacity plus burst credit. */
export function provisionedAvailable(meter: Meter, capacityUnits: number): number {
  return Math.max(0, capacityUnits - meter.usedUnits) + meter.burstCreditUnits;
}

/** Takes units from a provisioned meter: this second's capacity first, then burst credit (DDB-07). */
export function takeProvisioned(meter: Meter, capacityUnits: number, units: number): void {
  const fromSecond = Math.min(units, Math.max(0, capacityUnits - meter.usedUnits));
  meter.burstCreditUnits -= units - fromSecond;
  meter.usedUnits += units;
}

/**
 * DDB-05: an on-demand table serves up to 2× the highest per-second peak it reached at least 30
 * minutes ago (the new-table values count as a peak from the start), so traffic can double every 30 min.
 */
export function onDemandAllowedUnits(meter: Meter, second: number, initialPeakUnits: number): number {
  const cutoffSecond = second - ON_DEMAND_PEAK_WINDOW_MS / 1_000;
  let peak = initialPeakUnits;
  for (let i = meter.peakSteps.length - 2; i >= 0; i -= 2) {
    if ((meter.peakSteps[i] as number) <= cutoffSecond) {
      peak = Math.max(peak, meter.peakSteps[i + 1] as number);
      break;
    }
  }
  return ON_DEMAND_PEAK_MULTIPLIER * peak;
}

/** The units a partition has served in `second` (0 when its counter is from an earlier second). */
export function partitionUsed(meter: Meter, partition: number, second: number): number {
  return meter.partitionSeconds[partition] === second ? (meter.partitionUnits[partition] as number) : 0;
}

export function takePartition(meter: Meter, partition: number, second: number, units: number): void {
  if (meter.partitionSeconds[partition] !== second) {
    meter.partitionSeconds[partition] = second;
    meter.partitionUnits[partition] = 0;
  }
  meter.partitionUnits[partition] = (meter.partitionUnits[partition] as number) + units;
}
