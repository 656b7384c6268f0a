// GetMetricStatistics for the Lambda metrics derived from the trace: the statistics of one metric per
// period between two times, only the periods that have data (as CloudWatch answers), oldest first.
import type { ApiDocument } from '../cli/operation-spec.js';
import { formatTime } from '../cli/sim-text.js';
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { STATISTICS, datapoints, dimensionsOf, type Statistic } from './metrics.js';

/** At most 1,440 datapoints per call (API GetMetricStatistics). */
export const MAX_DATAPOINTS = 1_440;

function invalid(message: string) {
  return fail(awsError('InvalidParameterValue', 400, message));
}

/** An ISO 8601 time or epoch seconds, as the AWS CLI accepts them; `undefined` when unreadable. */
function readTimeMs(value: unknown): number | undefined {
  if (typeof value === 'number') return value * 1_000;
  if (typeof value !== 'string') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1_000;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

function unitOf(metricName: string): string {
  return metricName === 'Duration' ? 'Milliseconds' : 'Count';
}

export function getMetricStatistics(world: World, request: ApiDocument): Result<ApiDocument> {
  const startMs = readTimeMs(request['StartTime']);
  const endMs = readTimeMs(request['EndTime']);
  const periodSeconds = typeof request['Period'] === 'number' ? request['Period'] : 0;
  const statistics = (Array.isArray(request['Statistics']) ? request['Statistics'] : []) as string[];
  if (startMs === undefined || endMs === undefined) return invalid('StartTime and EndTime must be ISO 8601 times or epoch seconds.');
  if (startMs >= endMs) return invalid('The parameter StartTime must be less than the parameter EndTime.');
  if (periodSeconds < 1) return invalid('The parameter Period must be greater than 0.');
  const unknown = statistics.filter((name) => !(STATISTICS as readonly string[]).includes(name));
  if (statistics.length === 0 || unknown.length > 0) return invalid(`Statistics must be one or more of ${STATISTICS.join(', ')}.`);
  const periodMs = periodSeconds * 1_000;
  const count = Math.ceil((endMs - startMs) / periodMs);
  if (count > MAX_DATAPOINTS) {
    return invalid(`You have requested up to ${count.toLocaleString('en-US')} datapoints, which exceeds the limit of ${MAX_DATAPOINTS.toLocaleString('en-US')}. You may reduce the datapoints requested by increasing Period, or decreasing the time range.`);
  }
  const metricName = String(request['MetricName'] ?? '');
  const query = { namespace: String(request['Namespace'] ?? ''), metricName, dimensions: dimensionsOf(request) };
  const window = { startMs, periodMs, count };
  const columns = statistics.map((statistic) => [statistic, datapoints(world, query, statistic as Statistic, window)] as const);
  const points: ApiDocument[] = [];
  for (let i = 0; i < count; i++) {
    if (columns.every(([, values]) => values[i] === undefined)) continue;
    points.push({ Timestamp: formatTime(startMs + i * periodMs), ...Object.fromEntries(columns.map(([name, values]) => [name, values[i]])), Unit: unitOf(metricName) });
  }
  return ok({ Label: metricName, Datapoints: points });
}
