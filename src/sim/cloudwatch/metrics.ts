// Lambda's CloudWatch metrics (namespace AWS/Lambda), derived from the Lambda entries of the world's
// trace rather than from counters of their own: Invocations, Errors, Throttles and Duration, with the
// dimensions Lambda publishes (Lambda DG "Working with Lambda function metrics"): FunctionName,
// Resource (`name` unqualified, `name:alias` or `name:version` when invoked through a qualifier) and
// ExecutedVersion (the version that ran, e.g. through a weighted alias).
// Samples per run, as the simulator's model: Invocations 1 per run (errors included, throttles not);
// Errors 1 for a function error or timeout and 0 otherwise (so its Average is the error rate);
// Throttles 1 per throttled call; Duration the run's duration in ms.
// Invocations under `sim load` fold into per-second aggregates and are not in the trace: not counted.
import type { TraceEvent } from '../trace.js';
import type { World } from '../world.js';

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

function matches(event: TraceEvent, dimensions: readonly Dimension[]): boolean {
  const functionName = String(event.detail['functionName']);
  const values: Readonly<Record<string, string>> = {
    FunctionName: functionName,
    Resource: resourceOf(functionName, String(event.detail['qualifier'] ?? '$LATEST')),
    ExecutedVersion: String(event.detail['version']),
  };
  return dimensions.every((dimension) => values[dimension.Name] === dimension.Value);
}

export function computeStatistic(samples: readonly number[], statistic: Statistic): number | undefined {
  if (samples.length === 0) return undefined;
  const sum = samples.reduce((total, value) => total + value, 0);
  switch (statistic) {
    case 'SampleCount':
      return samples.length;
    case 'Sum':
      return sum;
    case 'Average':
      return sum / samples.length;
    case 'Minimum':
      return Math.min(...samples);
    case 'Maximum':
      return Math.max(...samples);
    default: {
      const unknown: never = statistic;
      return unknown;
    }
  }
}

/**
 * The statistic for `count` consecutive periods from `startMs` (each `[start + i·P, start + (i+1)·P)`),
 * `undefined` where a period has no data. Reads the trace backwards from its end (entries are in time
 * order), so the cost is the number of entries in the window, not the trace's length.
 */
export function datapoints(world: World, query: MetricQuery, statistic: Statistic, window: { startMs: number; periodMs: number; count: number }): (number | undefined)[] {
  const samples: number[][] = Array.from({ length: window.count }, () => []);
  if (query.namespace !== LAMBDA_NAMESPACE) return samples.map(() => undefined);
  const endMs = window.startMs + window.periodMs * window.count;
  const events = world.trace.all();
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.timeMs < window.startMs) break;
    if (event.timeMs >= endMs) continue;
    const sample = sampleOf(event, query.metricName);
    if (sample === undefined || !matches(event, query.dimensions)) continue;
    samples[Math.floor((event.timeMs - window.startMs) / window.periodMs)]!.push(sample);
  }
  return samples.map((periodSamples) => computeStatistic(periodSamples, statistic));
}
