// A read-only view of a table's capacity for `sim show table NAME` and the `sim load` per-second
// summary: units, burst credit, partitions, item count, throttle counts, auto-scaling activity.
// Reading catches the lazy meters up to now (deterministic: the same as if they had run every second).
import { fail, ok, type Result } from '../result.js';
import type { TraceEvent } from '../trace.js';
import type { World } from '../world.js';
import { describeTableNotFound } from './errors.js';
import { BURST_WINDOW_SECONDS } from './limits.js';
import { prepareDynamoDbLoad } from './load-fast-path.js';
import type { ThroughputState } from './model.js';
import { tablesIn } from './state.js';
import { catchUp, onDemandAllowed, partitionCount } from './throughput/charge.js';
import { capacityOf, detailOf, type AutoScalingPolicy, type ScalingActivity } from './throughput/detail.js';
import type { Direction } from './throughput/meter.js';

export interface DirectionCapacity {
  /** Provisioned units per second, or what on-demand may serve per second right now (DDB-05). */
  readonly unitsPerSecond: number;
  readonly usedThisSecond: number;
  readonly burstCreditUnits: number;
  readonly burstCreditMaxUnits: number;
  readonly consumedUnitsTotal: number;
  readonly throttledRequests: number;
  readonly autoScaling?: AutoScalingPolicy;
}

export interface ThroughputView {
  readonly billingMode: 'PROVISIONED' | 'PAY_PER_REQUEST';
  readonly partitionCount: number;
  readonly read: DirectionCapacity;
  readonly write: DirectionCapacity;
}

export interface TableCapacityView extends ThroughputView {
  readonly tableName: string;
  readonly itemCount: number;
  readonly sizeBytes: number;
  readonly indexes: readonly ({ readonly indexName: string } & ThroughputView)[];
  readonly scalingActivities: readonly ScalingActivity[];
}

function directionView(throughput: ThroughputState, direction: Direction, second: number): DirectionCapacity {
  const detail = detailOf(throughput);
  const meter = detail[direction];
  const isProvisioned = throughput.mode === 'PROVISIONED';
  const unitsPerSecond = isProvisioned ? capacityOf(throughput, direction) : onDemandAllowed(throughput, direction, second);
  const policy = detail.autoScaling[direction];
  return {
    unitsPerSecond,
    usedThisSecond: meter.second === second ? meter.usedUnits : 0,
    burstCreditUnits: isProvisioned ? meter.burstCreditUnits : 0,
    burstCreditMaxUnits: isProvisioned ? BURST_WINDOW_SECONDS * unitsPerSecond : 0,
    consumedUnitsTotal: meter.consumedUnitsTotal,
    throttledRequests: meter.throttledRequests,
    ...(policy === undefined ? {} : { autoScaling: policy }),
  };
}

function throughputView(throughput: ThroughputState, sizeBytes: number, nowMs: number): ThroughputView {
  catchUp(throughput, nowMs);
  const second = Math.floor(nowMs / 1_000);
  return {
    billingMode: throughput.mode,
    partitionCount: partitionCount(throughput, sizeBytes, second),
    read: directionView(throughput, 'read', second),
    write: directionView(throughput, 'write', second),
  };
}

export function describeTableCapacity(world: World, tableName: string, region: string = world.region): Result<TableCapacityView> {
  const table = tablesIn(world, region).get(tableName);
  if (table === undefined) return fail(describeTableNotFound(tableName));
  const detail = detailOf(table.throughput);
  const indexes = table.indexes.flatMap((index) =>
    index.throughput === undefined ? [] : [{ indexName: index.name, ...throughputView(index.throughput, detail.sizeBytes, world.nowMs) }],
  );
  return ok({
    tableName,
    itemCount: table.items.size,
    sizeBytes: detail.sizeBytes,
    ...throughputView(table.throughput, detail.sizeBytes, world.nowMs),
    indexes,
    scalingActivities: [...detail.scalingActivities],
  });
}

function directionLine(label: string, view: DirectionCapacity, mode: ThroughputView['billingMode']): string {
  const unitName = label === 'read' ? (mode === 'PROVISIONED' ? 'RCU' : 'RRU') : mode === 'PROVISIONED' ? 'WCU' : 'WRU';
  const burst = mode === 'PROVISIONED' ? `, burst credit ${view.burstCreditUnits}/${view.burstCreditMaxUnits}` : ' (on-demand limit now)';
  const scaling = view.autoScaling === undefined ? '' : `, auto scaling ${view.autoScaling.targetPercent} % [${view.autoScaling.minUnits}–${view.autoScaling.maxUnits}]`;
  return `  ${label.padEnd(5)} ${view.unitsPerSecond} ${unitName}/s${burst}, consumed ${view.consumedUnitsTotal}, throttled ${view.throttledRequests}${scaling}`;
}

/** The lines `sim show table NAME` prints (plain text; the sandbox adds no styling). */
export function formatTableCapacity(view: TableCapacityView): string[] {
  const lines = [
    `Table ${view.tableName} (${view.billingMode}): ${view.itemCount} items, ${view.sizeBytes} bytes, ${view.partitionCount} partition(s)`,
    directionLine('read', view.read, view.billingMode),
    directionLine('write', view.write, view.billingMode),
  ];
  for (const index of view.indexes) {
    lines.push(`Index ${index.indexName} (${index.billingMode}): ${index.partitionCount} partition(s)`);
    lines.push(directionLine('read', index.read, index.billingMode), directionLine('write', index.write, index.billingMode));
  }
  for (const activity of view.scalingActivities) {
    lines.push(`  auto scaling at ${new Date(activity.timeMs).toISOString()}: ${activity.direction} ${activity.fromUnits} → ${activity.toUnits}`);
  }
  return lines;
}

/** `sim show table NAME`, ready for the sandbox: the lines, or the AWS-style error for an unknown table. */
export function showTable(world: World, tableName: string): Result<string[]> {
  const view = describeTableCapacity(world, tableName);
  return view.ok ? ok(formatTableCapacity(view.value)) : view;
}

/**
 * For `sim load` (the sandbox's LoadMeterSpec shape, kept structural so this module does not depend on
 * the sandbox): capacity units per trace event, and per-second gauges of the load's table.
 */
export const DYNAMODB_LOAD_METER = {
  service: 'dynamodb',
  capacityUnitsOf: (event: TraceEvent): number => {
    const units = event.detail.consumedCapacityUnits;
    return typeof units === 'number' ? units : 0;
  },
  gaugesOf: (world: World, request: Readonly<Record<string, unknown>>): Readonly<Record<string, number>> => {
    const tableName = request.TableName;
    const view = typeof tableName === 'string' ? describeTableCapacity(world, tableName) : undefined;
    if (view === undefined || !view.ok) return {};
    const { read, write } = view.value;
    return {
      rcuPerSecond: read.unitsPerSecond,
      wcuPerSecond: write.unitsPerSecond,
      burstCreditRcu: read.burstCreditUnits,
      burstCreditWcu: write.burstCreditUnits,
      throttledReadsTotal: read.throttledRequests,
      throttledWritesTotal: write.throttledRequests,
    };
  },
  prepare: prepareDynamoDbLoad,
} as const;
