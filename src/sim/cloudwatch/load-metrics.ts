// Lambda metrics of `sim load` traffic. A load's requests are not in the trace one by one: its recorder
// folds them into the second's `load-second` aggregate. For CloudWatch to see them, the recorder also
// folds each Lambda Invoke event into `lambdaMetrics`: per epoch second, FunctionName, Resource and
// ExecutedVersion, a statistic set per metric. `datapoints` reads these aggregates from the trace and
// from the seconds still open in running loads (a boundary's alarm evaluation sees the second that
// ends there before the load closes it).
import type { TraceEvent } from '../trace.js';
import { addSample, summaryOf, type MetricSummary } from './metric-summary.js';

/** One (second, FunctionName, Resource, ExecutedVersion) cell of a load's Lambda traffic. */
export interface LoadMetricCell {
  /** Start of the epoch-aligned whole second the requests ran in (ms). */
  readonly secondMs: number;
  readonly dimensions: Readonly<Record<string, string>>;
  /** Statistic sets by metric name (Invocations, Errors, Throttles, Duration); absent: no sample. */
  readonly metrics: Record<string, MetricSummary>;
}

/** What a load second carries for CloudWatch (a field of `LoadSecond`, present once Lambda ran). */
export interface LoadMetricsHolder {
  lambdaMetrics?: Record<string, LoadMetricCell>;
}

/** The sample an event gives for a metric (see metrics.ts). */
export type SampleOf = (event: TraceEvent, metricName: string) => number | undefined;
/** The dimensions an event's samples carry (see metrics.ts). */
export type DimensionsOf = (event: TraceEvent) => Readonly<Record<string, string>>;

/** Folds one Lambda Invoke event into the holder's cell for its second and dimensions. */
export function foldLoadMetricEvent(holder: LoadMetricsHolder, event: TraceEvent, metricNames: readonly string[], sampleOf: SampleOf, dimensionsOf: DimensionsOf): void {
  const dimensions = dimensionsOf(event);
  const secondMs = Math.floor(event.timeMs / 1_000) * 1_000;
  const key = `${secondMs}|${dimensions['FunctionName']}|${dimensions['Resource']}|${dimensions['ExecutedVersion']}`;
  const cells = (holder.lambdaMetrics ??= {});
  let cell = cells[key];
  for (const metricName of metricNames) {
    const sample = sampleOf(event, metricName);
    if (sample === undefined) continue;
    cell ??= cells[key] = { secondMs, dimensions, metrics: {} };
    const summary = cell.metrics[metricName];
    if (summary === undefined) cell.metrics[metricName] = summaryOf(sample);
    else addSample(summary, sample);
  }
}
