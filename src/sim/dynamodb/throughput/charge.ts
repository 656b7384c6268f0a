// The one place capacity is taken from a table or GSI. A charge is checked first (catching the meter
// up to now, without taking anything) and committed after: a base-table write checks the table and
// every GSI it touches before committing any of them, which is how GSI back-pressure works (DDB-13).
import { PARTITION_MAX_RCU, PARTITION_MAX_WCU } from '../limits.js';
import type { ThroughputState } from '../model.js';
import { replayAutoScaling } from './autoscaling.js';
import { capacityOf, detailOf } from './detail.js';
import {
  onDemandAllowedUnits,
  partitionUsed,
  provisionedAvailable,
  rollOnDemand,
  rollProvisioned,
  takePartition,
  takeProvisioned,
  type Direction,
} from './meter.js';
import { keyRangeOf, onDemandPartitionCount, provisionedPartitionCount } from './partitions.js';

/** DDB-10 limit types, as they appear at the end of a ThrottlingReasons reason. */
export type LimitType = 'ProvisionedThroughputExceeded' | 'KeyRangeThroughputExceeded' | 'MaxOnDemandThroughputExceeded';

/** Brings both meters of a table or GSI up to `nowMs` (burst credit, auto scaling, on-demand peaks). */
export function catchUp(throughput: ThroughputState, nowMs: number): void {
  catchUpDirection(throughput, 'read', Math.floor(nowMs / 1_000));
  catchUpDirection(throughput, 'write', Math.floor(nowMs / 1_000));
}

function catchUpDirection(throughput: ThroughputState, direction: Direction, second: number): void {
  const detail = detailOf(throughput);
  const meter = detail[direction];
  if (second <= meter.second) return;
  const isProvisioned = throughput.mode === 'PROVISIONED';
  const policy = detail.autoScaling[direction];
  if (isProvisioned && policy !== undefined) replayAutoScaling(throughput, direction, policy, second);
  if (isProvisioned) rollProvisioned(meter, second, capacityOf(throughput, direction));
  else rollOnDemand(meter, second);
  const minute = Math.floor(second / 60);
  if (minute !== meter.minute) {
    meter.minute = minute;
    meter.minuteUnits = 0;
  }
}

/** On-demand: what the table may serve per second right now (DDB-05). */
export function onDemandAllowed(throughput: ThroughputState, direction: Direction, second: number): number {
  const detail = detailOf(throughput);
  const base = direction === 'read' ? detail.onDemandBaseReadUnits : detail.onDemandBaseWriteUnits;
  return onDemandAllowedUnits(detail[direction], second, base);
}

/** DDB-08: the partition count now (it only grows). */
export function partitionCount(throughput: ThroughputState, sizeBytes: number, second: number): number {
  const detail = detailOf(throughput);
  const count =
    throughput.mode === 'PROVISIONED'
      ? provisionedPartitionCount(throughput.readCapacityUnits, throughput.writeCapacityUnits, sizeBytes)
      : onDemandPartitionCount(onDemandAllowed(throughput, 'read', second), onDemandAllowed(throughput, 'write', second), sizeBytes);
  if (count > detail.partitionCount) detail.partitionCount = count;
  return detail.partitionCount;
}

/**
 * Whether `units` fit now, or the limit they break. Adaptive capacity (DDB-08) is always on, so a
 * partition may use the table's spare capacity up to the partition cap; burst credit never lifts it.
 */
export function checkCharge(
  throughput: ThroughputState,
  direction: Direction,
  nowMs: number,
  keyText: string | null,
  sizeBytes: number,
  units: number,
): LimitType | undefined {
  catchUp(throughput, nowMs);
  const second = Math.floor(nowMs / 1_000);
  const detail = detailOf(throughput);
  const meter = detail[direction];
  if (throughput.mode === 'PROVISIONED') {
    if (units > provisionedAvailable(meter, capacityOf(throughput, direction))) return 'ProvisionedThroughputExceeded';
  } else {
    const max = direction === 'read' ? detail.maxReadRequestUnits : detail.maxWriteRequestUnits;
    if (max > 0 && meter.usedUnits + units > max) return 'MaxOnDemandThroughputExceeded';
    if (meter.usedUnits + units > onDemandAllowed(throughput, direction, second)) return 'KeyRangeThroughputExceeded';
  }
  const count = partitionCount(throughput, sizeBytes, second);
  if (keyText === null) return undefined; // a Scan spreads over every partition
  const partition = keyRangeOf(keyText, count);
  const capUnits = direction === 'read' ? PARTITION_MAX_RCU : PARTITION_MAX_WCU;
  if (partitionUsed(meter, partition, second) + units > capUnits) return 'KeyRangeThroughputExceeded';
  return undefined;
}

/** Takes `units` that `checkCharge` accepted at this same `nowMs`. */
export function commitCharge(throughput: ThroughputState, direction: Direction, nowMs: number, keyText: string | null, units: number): void {
  const second = Math.floor(nowMs / 1_000);
  const detail = detailOf(throughput);
  const meter = detail[direction];
  if (throughput.mode === 'PROVISIONED') takeProvisioned(meter, capacityOf(throughput, direction), units);
  else meter.usedUnits += units;
  if (keyText !== null) takePartition(meter, keyRangeOf(keyText, detail.partitionCount), second, units);
  meter.minuteUnits += units;
  meter.consumedUnitsTotal += units;
}

/** Counts a refused request for `sim show table`. */
export function noteThrottle(throughput: ThroughputState, direction: Direction, nowMs: number): void {
  const meter = detailOf(throughput)[direction];
  meter.throttledRequests++;
  meter.lastThrottleMs = nowMs;
}
