// The state of `sim load` runs, kept in the world's `sim` slot as plain data so a world snapshot
// carries running background loads exactly (restore, retry step, "same seed, same lines" all hold).
import type { LoadMetricsHolder } from '../cloudwatch/index.js';
import type { ApiDocument } from './operation-spec.js';
import type { World } from '../world.js';

/** Counts for one table (or, for requests without a TableName, one service) in one virtual second. */
export interface ResourceCounts {
  requests: number;
  succeeded: number;
  throttled: number;
  failed: number;
  consumedCapacityUnits: number;
}

/** One virtual second of one load, as `sim load` prints it and the trace records it. */
export interface LoadSecond extends ResourceCounts, LoadMetricsHolder {
  loadId: number;
  /** 1 for the load's first second. */
  second: number;
  /** Virtual time the second started (epoch ms). */
  timeMs: number;
  /** Retries made in this second (only with --retries). */
  retried: number;
  /** Per table (`TableName` of the requests), or per service for requests without one. */
  resources: Record<string, ResourceCounts>;
  /** Service gauges at the end of the second (e.g. DynamoDB burst credit), names with units. */
  gauges: Record<string, number>;
}

export interface PendingRetry {
  readonly atMs: number;
  readonly n: number;
  readonly attempt: number;
  readonly request: ApiDocument;
}

export interface LoadState {
  readonly id: number;
  /** The aws command as typed (parsed again after a restore). */
  readonly commandText: string;
  readonly ratePerSecond: number;
  readonly startMs: number;
  /** Requests are issued before this time; the load's seconds close up to `startMs + seconds × 1000`. */
  readonly requestsEndMs: number;
  readonly totalRequests: number;
  readonly retries: number;
  readonly isBackground: boolean;
  /** Requests issued so far (the next one gets n = issued + 1). */
  issued: number;
  /** Sorted by (atMs, n). */
  pendingRetries: PendingRetry[];
  /** 0-based index of the second being counted. */
  secondIndex: number;
  current: LoadSecond;
}

export interface SimSlot {
  nextLoadId: number;
  loads: LoadState[];
}

export const SIM_SLOT = 'sim';

export function simSlot(world: World): SimSlot {
  return world.service<SimSlot>(SIM_SLOT, () => ({ nextLoadId: 1, loads: [] }));
}

export function emptyCounts(): ResourceCounts {
  return { requests: 0, succeeded: 0, throttled: 0, failed: 0, consumedCapacityUnits: 0 };
}

export function newSecond(loadId: number, secondIndex: number, timeMs: number): LoadSecond {
  return { loadId, second: secondIndex + 1, timeMs, ...emptyCounts(), retried: 0, resources: {}, gauges: {} };
}

export interface LoadPlan {
  readonly commandText: string;
  readonly ratePerSecond: number;
  readonly durationMs: number;
  readonly retries: number;
  readonly isBackground: boolean;
}

/** Adds a load that starts now. Request i (from 0) is issued at startMs + floor(i × 1000 / rate). */
export function addLoad(world: World, plan: LoadPlan): LoadState {
  const slot = simSlot(world);
  const id = slot.nextLoadId++;
  const startMs = world.nowMs;
  const load: LoadState = {
    id,
    commandText: plan.commandText,
    ratePerSecond: plan.ratePerSecond,
    startMs,
    requestsEndMs: startMs + plan.durationMs,
    totalRequests: Math.ceil((plan.durationMs * plan.ratePerSecond) / 1000 - 1e-9),
    retries: plan.retries,
    isBackground: plan.isBackground,
    issued: 0,
    pendingRetries: [],
    secondIndex: 0,
    current: newSecond(id, 0, startMs),
  };
  slot.loads.push(load);
  return load;
}

export function nextRequestMs(load: LoadState): number {
  if (load.issued >= load.totalRequests) return Infinity;
  return load.startMs + Math.floor((load.issued * 1000) / load.ratePerSecond);
}

export function secondEndMs(load: LoadState): number {
  return load.startMs + (load.secondIndex + 1) * 1000;
}

/** True once every request (and retry) is done and the seconds they fell in are closed. */
export function isLoadFinished(load: LoadState): boolean {
  const isDrained = load.issued >= load.totalRequests && load.pendingRetries.length === 0;
  // A second with late retries in it still has to close before the load is done.
  return isDrained && load.current.requests === 0 && load.startMs + load.secondIndex * 1000 >= load.requestsEndMs;
}

/** When a load started now would close its last second. */
export function loadEndMs(load: LoadState): number {
  return load.startMs + Math.ceil((load.requestsEndMs - load.startMs) / 1000) * 1000;
}
