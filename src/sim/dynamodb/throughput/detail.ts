// The throughput module's private part of `ThroughputState`: one meter per direction, the partition
// count, on-demand settings and auto scaling. Plain data, so world snapshots copy it.
import type { BillingMode, ThroughputState } from '../model.js';
import { newMeter, type Direction, type Meter } from './meter.js';

export interface AutoScalingPolicy {
  /** DDB-09: target utilisation in percent (20–90). */
  readonly targetPercent: number;
  readonly minUnits: number;
  readonly maxUnits: number;
}

export interface ScalingActivity {
  readonly timeMs: number;
  readonly direction: Direction;
  readonly fromUnits: number;
  readonly toUnits: number;
}

export interface ThroughputDetail {
  read: Meter;
  write: Meter;
  partitionCount: number;
  /** DDB-05: the peak an on-demand table starts from (new table, or half its old provisioned capacity). */
  onDemandBaseReadUnits: number;
  onDemandBaseWriteUnits: number;
  /** DDB-05 (2024): optional maximum on-demand throughput per second; 0 = none. */
  maxReadRequestUnits: number;
  maxWriteRequestUnits: number;
  autoScaling: { read?: AutoScalingPolicy; write?: AutoScalingPolicy };
  /** Tables only: bytes stored, and per partition-key value for tables with an LSI (DDB-12). */
  sizeBytes: number;
  collectionSizesBytes: Record<string, number>;
  /** DDB-11: when the table class changed (ms), for the 2-per-30-days quota. */
  tableClassChangesMs: number[];
  scalingActivities: ScalingActivity[];
}

export function newThroughput(mode: BillingMode, rcu: number, wcu: number, nowMs: number, base?: { read: number; write: number }): ThroughputState {
  const detail: ThroughputDetail = {
    read: newMeter(nowMs, 'read'),
    write: newMeter(nowMs, 'write'),
    partitionCount: 1,
    onDemandBaseReadUnits: base?.read ?? newMeter(0, 'read').peakUnits,
    onDemandBaseWriteUnits: base?.write ?? newMeter(0, 'write').peakUnits,
    maxReadRequestUnits: 0,
    maxWriteRequestUnits: 0,
    autoScaling: {},
    sizeBytes: 0,
    collectionSizesBytes: {},
    tableClassChangesMs: [],
    scalingActivities: [],
  };
  if (base !== undefined) {
    detail.read.peakUnits = base.read;
    detail.write.peakUnits = base.write;
  }
  return { mode, readCapacityUnits: rcu, writeCapacityUnits: wcu, detail: detail as unknown as Record<string, unknown> };
}

/**
 * The throughput detail. A table built by other code (a test helper, a future service) may carry an empty
 * `detail`; it is filled in on first use, meters starting at time 0 (so such a table starts with full burst
 * credit, the cap of DDB-07).
 */
export function detailOf(throughput: ThroughputState): ThroughputDetail {
  const detail = throughput.detail as unknown as ThroughputDetail;
  if (detail.read === undefined) Object.assign(throughput.detail, newThroughput(throughput.mode, 0, 0, 0).detail);
  return detail;
}

export function capacityOf(throughput: ThroughputState, direction: Direction): number {
  return direction === 'read' ? throughput.readCapacityUnits : throughput.writeCapacityUnits;
}
