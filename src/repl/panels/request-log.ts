// The request log: the latest requests the world served, with their HTTP status where the trace
// knows it and the error name when one failed. A `sim load` second is one row (its counts), so a load
// of thousands of requests stays readable. Pure: trace events in, rows out.
import type { TraceEvent } from '../../sim/index.js';
import { clockText } from './draw.js';

export interface RequestRow {
  readonly time: string;
  /** The AWS CLI's service name; empty for API Gateway requests and load seconds (the request says it). */
  readonly service: string;
  /** `PutItem`, `GET /orders`, `load 20 req` ... */
  readonly request: string;
  /** `200`, `429`, `ok` when the trace records no status, empty for a load second. */
  readonly status: string;
  /** `ok`, or the error name (`ProvisionedThroughputExceededException`, `THROTTLED` ...). */
  readonly outcome: string;
  readonly isError: boolean;
}

export interface RequestLog {
  readonly kind: 'request-log';
  readonly rows: readonly RequestRow[];
  /** Requests in the trace, of which rows shows the latest. */
  readonly total: number;
}

/** Simulator bookkeeping and sub-steps shown elsewhere (the API flow shows the authorizer). */
const SKIPPED = new Set(['clock-advanced', 'load-started', 'load-finished', 'authorizer-decided', 'policy-simulated']);

function loadRow(event: TraceEvent): RequestRow {
  const count = (key: string): number => (typeof event.detail[key] === 'number' ? (event.detail[key] as number) : 0);
  const throttled = count('throttled');
  const failed = count('failed');
  // A load second is stamped when it ends; the row shows when it began, as the capacity gauge does.
  const startMs = typeof event.detail['timeMs'] === 'number' ? event.detail['timeMs'] : event.timeMs;
  return {
    time: clockText(startMs),
    service: 'load',
    request: `${count('requests')} req`,
    status: '',
    outcome: throttled > 0 ? `${throttled} throttled` : failed > 0 ? `${failed} failed` : 'ok',
    isError: throttled + failed > 0,
  };
}

function requestRow(event: TraceEvent): RequestRow {
  const { detail } = event;
  const statusCode = typeof detail['statusCode'] === 'number' ? String(detail['statusCode']) : undefined;
  const isApi = event.service === 'apigateway' && event.operation === 'Request';
  return {
    time: clockText(event.timeMs),
    // An API request reads as `GET /orders`; the service name would only push the outcome off the line.
    service: isApi ? '' : event.service,
    request: isApi ? `${String(detail['method'])} ${String(detail['path'])}` : event.operation,
    status: statusCode ?? (event.outcome === 'ok' ? 'ok' : 'error'),
    outcome: event.outcome,
    isError: event.outcome !== 'ok',
  };
}

export function isRequest(event: TraceEvent): boolean {
  if (event.service === 'sim') return event.operation === 'load-second';
  return !SKIPPED.has(event.operation);
}

/** The latest `limit` requests of the trace, oldest first. */
export function toRequestLog(events: readonly TraceEvent[], limit = 8): RequestLog {
  const requests = events.filter(isRequest);
  const rows = requests.slice(-Math.max(0, limit)).map((event) => (event.service === 'sim' ? loadRow(event) : requestRow(event)));
  return { kind: 'request-log', rows, total: requests.length };
}
