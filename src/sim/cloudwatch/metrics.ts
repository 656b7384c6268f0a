// Lambda's CloudWatch metrics (namespace AWS/Lambda), derived from the Lambda entries of the world's
// trace rather than from counters of their own: Invocations, Errors, Throttles and Duration, with the
// dimensions Lambda publishes (Lambda DG "Working with Lambda function metrics"): FunctionName,
// Resource (`name` unqualified, `name:alias` or `name:version` when invoked through a qualifier) and
// ExecutedVersion (the version that ran, e.g. through a weighted alias).
// Samples per run, as the simulator's model: Invocations 1 per run (errors included, throttles not);
// Errors 1 for a function error or timeout and 0 otherwise (so its Average is the error rate);
// Throttles 1 per throttled call; Duration the run's duration in ms.
// Invocations under `sim load` are not in the trace one by one: the load's recorder folds them into
// per-second statistic sets in its `load-second` aggregate (load-metrics.ts), read here together with the
// trace's own Invoke entries and the seconds still open in running loads, so every statistic stays exact.
import { SIM_SLOT, type SimSlot } from '../cli/load-state.js';
import type { TraceEvent } from '../trace.js';
import type { World } from '../world.js';
import { foldLoadMetricEvent, type LoadMetricCell, type LoadMetricsHolder } from './load-metrics.js';
import { mergeSummary, summaryOf, type MetricSummary } from './metric-summary.js';

export const LAMBDA_NAMESPACE = 'AWS/Lambda';
export const LAMBDA_METRIC_NAMES = ['Invocations', 'Errors', 'Throttles', 'Duration'] as const;
export const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;
export type Statistic = (typeof STATISTICS)[number];

export interface Dimension {
  readonly Name: string;
  readonly Value: string;
}

export interface MetricQuery {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: readonly Dimension[];
}

/** The `Dimensions` member of a request (a list of `{Name, Value}`; one structure counts as a list of one). */
export function dimensionsOf(request: Readonly<Record<string, unknown>>): Dimension[] {
  const raw = request['Dimensions'];
  const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.map((entry) => {
    const dimension = entry as Record<string, unknown>;
    return { Name: String(dimension['Name'] ?? ''), Value: String(dimension['Value'] ?? '') };
  });
}

function sampleOf(event: TraceEvent, metricName: string): number | undefined {
  if (event.service !== 'lambda' || event.operation !== 'Invoke') return undefined;
  const isRun = event.outcome === 'ok' && event.detail['start'] !== undefined;
  if (metricName === 'Throttles') return event.outcome === 'TooManyRequestsException' ? 1 : undefined;
  if (!isRun) return undefined;
  if (metricName === 'Invocations') return 1;
  if (metricName === 'Errors') return event.detail['result'] === 'success' ? 0 : 1;
  if (metricName === 'Duration') return Number(event.detail['durationMs'] ?? 0);
  return undefined;
}

/** The Resource dimension of a run: the function name, or `name:qualifier` when invoked through one. */
export function resourceOf(functionName: string, qualifier: string): string {
  return qualifier === '$LATEST' ? functionName : `${functionName}:${qualifier}`;
}

function dimensionValuesOf(event: TraceEvent): Readonly<Record<string, string>> {
  const functionName = String(event.detail['functionName']);
  return {
    FunctionName: functionName,
    Resource: resourceOf(functionName, String(event.detail['qualifier'] ?? '$LATEST')),
    ExecutedVersion: String(event.detail['version']),
  };
}

function matches(values: Readonly<Record<string, string>>, dimensions: readonly Dimension[]): boolean {
  return dimensions.every((dimension) => values[dimension.Name] === dimension.Value);
}

/** The recorder's side of `sim load`: folds a Lambda Invoke event into the load second's metric cells. */
export function foldLoadMetrics(holder: LoadMetricsHolder, event: TraceEvent): void {
  if (event.service === 'lambda' && event.operation === 'Invoke') foldLoadMetricEvent(holder, event, LAMBDA_METRIC_NAMES, sampleOf, dimensionValuesOf);
}

export function computeStatistic(samples: readonly number[], statistic: Statistic): number | undefined {
  if (samples.length === 0) return undefined;
  const summary = summaryOf(samples[0]!);
  for (let i = 1; i < samples.length; i++) mergeSummary(summary, summaryOf(samples[i]!));
  return statisticOf(summary, statistic);
}

export function statisticOf(summary: MetricSummary | undefined, statistic: Statistic): number | undefined {
  if (summary === undefined || summary.count === 0) return undefined;
  switch (statistic) {
    case 'SampleCount':
      return summary.count;
    case 'Sum':
      return summary.sum;
    case 'Average':
      return summary.sum / summary.count;
    case 'Minimum':
      return summary.min;
    case 'Maximum':
      return summary.max;
    default: {
      const unknown: never = statistic;
      return unknown;
    }
  }
}

interface PeriodWindow {
  readonly startMs: number;
  readonly periodMs: number;
  readonly count: number;
}

/** Adds a summary to its period when `timeMs` falls in the window. */
function addToPeriod(periods: (MetricSummary | undefined)[], window: PeriodWindow, timeMs: number, summary: MetricSummary): void {
  const index = Math.floor((timeMs - window.startMs) / window.periodMs);
  if (index < 0 || index >= window.count) return;
  const period = periods[index];
  if (period === undefined) periods[index] = { ...summary };
  else mergeSummary(period, summary);
}

/** Adds a load second's matching Lambda cells (from the trace or a running load). */
function addLoadCells(periods: (MetricSummary | undefined)[], window: PeriodWindow, query: MetricQuery, holder: LoadMetricsHolder): void {
  const cells = holder.lambdaMetrics;
  if (cells === undefined) return;
  for (const cell of Object.values(cells) as LoadMetricCell[]) {
    const summary = cell.metrics[query.metricName];
    if (summary !== undefined && matches(cell.dimensions, query.dimensions)) addToPeriod(periods, window, cell.secondMs, summary);
  }
}

/**
 * The statistic for `count` consecutive periods from `startMs` (each `[start + i·P, start + (i+1)·P)`),
 * `undefined` where a period has no data. Reads the trace backwards from its end (entries are in time
 * order; a `load-second` entry, recorded when its second ends, holds only samples before its own time),
 * so the cost is the number of entries in the window, not the trace's length; then the open seconds
 * of running loads.
 */
export function datapoints(world: World, query: MetricQuery, statistic: Statistic, window: PeriodWindow): (number | undefined)[] {
  const periods: (MetricSummary | undefined)[] = Array.from({ length: window.count }, () => undefined);
  if (query.namespace !== LAMBDA_NAMESPACE) return periods.map(() => undefined);
  const endMs = window.startMs + window.periodMs * window.count;
  const events = world.trace.all();
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.timeMs < window.startMs) break;
    if (event.service === 'sim' && event.operation === 'load-second') {
      addLoadCells(periods, window, query, event.detail as LoadMetricsHolder);
      continue;
    }
    if (event.timeMs >= endMs) continue;
    const sample = sampleOf(event, query.metricName);
    if (sample !== undefined && matches(dimensionValuesOf(event), query.dimensions)) addToPeriod(periods, window, event.timeMs, summaryOf(sample));
  }
  for (const load of world.peekService<SimSlot>(SIM_SLOT)?.loads ?? []) addLoadCells(periods, window, query, load.current);
  return periods.map((summary) => statisticOf(summary, statistic));
}
