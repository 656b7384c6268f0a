// Proves the request log's rows from trace events: HTTP status where the trace has one, the error
// name when a request failed, a load second as one row of counts, simulator bookkeeping left out,
// and only the latest rows kept.
import { describe, expect, it } from 'vitest';
import { toRequestLog } from '../../../src/repl/panels/request-log.js';
import type { TraceEvent } from '../../../src/sim/index.js';

const T0 = Date.UTC(2026, 0, 1);
let seq = 0;
const event = (service: string, operation: string, outcome: string, detail: Record<string, unknown> = {}, timeMs = T0): TraceEvent => ({ seq: seq++, timeMs, service, operation, outcome, region: 'us-east-1', detail });

describe('the request log', () => {
  it('shows status and error name per request, and a load second as counts', () => {
    const log = toRequestLog([
      event('dynamodb', 'PutItem', 'ok', { tableName: 'Orders' }),
      event('sim', 'clock-advanced', 'ok'),
      event('apigateway', 'authorizer-decided', 'ok'),
      event('apigateway', 'Request', 'THROTTLED', { method: 'GET', path: '/orders', statusCode: 429 }, T0 + 1_000),
      event('dynamodb', 'PutItem', 'ProvisionedThroughputExceededException'),
      event('sim', 'load-second', 'throttled', { timeMs: T0 + 2_000, requests: 20, succeeded: 10, throttled: 10, failed: 0 }, T0 + 3_000),
    ]);
    expect(log.total).toBe(4);
    expect(log.rows).toEqual([
      { time: '00:00:00', service: 'dynamodb', request: 'PutItem', status: 'ok', outcome: 'ok', isError: false },
      { time: '00:00:01', service: '', request: 'GET /orders', status: '429', outcome: 'THROTTLED', isError: true },
      { time: '00:00:00', service: 'dynamodb', request: 'PutItem', status: 'error', outcome: 'ProvisionedThroughputExceededException', isError: true },
      { time: '00:00:02', service: 'load', request: '20 req', status: '', outcome: '10 throttled', isError: true },
    ]);
  });

  it('keeps the latest rows only', () => {
    const events = Array.from({ length: 12 }, (_, i) => event('s3', 'GetObject', 'ok', {}, T0 + i * 1_000));
    const log = toRequestLog(events, 3);
    expect(log.total).toBe(12);
    expect(log.rows.map((row) => row.time)).toEqual(['00:00:09', '00:00:10', '00:00:11']);
  });
});
