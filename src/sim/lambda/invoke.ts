// The Invoke operation: RequestResponse (run now, HTTP 200), Event (queue, HTTP 202) and DryRun
// (check only, HTTP 204) (LAM-08), with the payload limits of LAM-07.
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { enqueueAsyncEvent } from './async-queue.js';
import { executeInvocation } from './execute.js';
import { ASYNC_PAYLOAD_MAX_BYTES, SYNC_PAYLOAD_MAX_BYTES } from './limits.js';
import { formatLogTail } from './logs.js';
import { notActiveError } from './images.js';
import { configOfVersion, utf8SizeBytes } from './model.js';
import { resolveTarget } from './target.js';

export type InvocationType = 'RequestResponse' | 'Event' | 'DryRun';
export const INVOCATION_TYPES: readonly InvocationType[] = ['RequestResponse', 'Event', 'DryRun'];

export interface InvokeRequest {
  readonly functionName: string;
  readonly qualifier?: string;
  readonly invocationType: InvocationType;
  /** The event as JSON text; empty means `{}`. */
  readonly payload: string;
}

export interface InvokeResponse {
  readonly statusCode: 200 | 202 | 204;
  readonly executedVersion?: string;
  readonly functionError?: 'Handled' | 'Unhandled';
  /** The response payload (JSON text); empty for Event and DryRun. */
  readonly payload: string;
  /** RequestResponse only: the run's log tail (START / END / REPORT lines). */
  readonly logTail?: string;
}

function checkPayload(request: InvokeRequest): Result<unknown> {
  // Sync requests up to 6 MB, async up to 1 MB (LAM-07); too large → 413 (LAM-08).
  const limitBytes = request.invocationType === 'Event' ? ASYNC_PAYLOAD_MAX_BYTES : SYNC_PAYLOAD_MAX_BYTES;
  if (utf8SizeBytes(request.payload) > limitBytes) {
    return fail(awsError('RequestTooLargeException', 413, `Request must be smaller than ${limitBytes} bytes for the InvokeFunction operation`));
  }
  if (request.payload.trim() === '') return ok({});
  try {
    return ok(JSON.parse(request.payload) as unknown);
  } catch {
    return fail(awsError('InvalidRequestContentException', 400, 'Could not parse request body into json: Could not parse payload into json'));
  }
}

export function invoke(world: World, request: InvokeRequest): Result<InvokeResponse> {
  const target = resolveTarget(world, request.functionName, request.qualifier);
  if (!target.ok) return target;
  if (configOfVersion(target.value.fn, target.value.version)?.failure !== undefined) {
    world.record({ service: 'lambda', operation: 'Invoke', outcome: 'ResourceConflictException', detail: { functionName: target.value.fn.name, state: 'Failed' } });
    return fail(notActiveError('Failed'));
  }
  const event = checkPayload(request);
  if (!event.ok) {
    world.record({ service: 'lambda', operation: 'Invoke', outcome: event.error.name, detail: { functionName: target.value.fn.name, invocationType: request.invocationType } });
    return event;
  }
  if (request.invocationType === 'DryRun') {
    world.record({ service: 'lambda', operation: 'Invoke', outcome: 'ok', detail: { functionName: target.value.fn.name, invocationType: 'DryRun' } });
    return ok({ statusCode: 204, payload: '' });
  }
  if (request.invocationType === 'Event') {
    enqueueAsyncEvent(world, target.value.fn, target.value.qualifier, request.payload.trim() === '' ? '{}' : request.payload);
    return ok({ statusCode: 202, payload: '' });
  }
  const executed = executeInvocation(world, target.value, event.value, 'sync');
  if (!executed.ok) return executed;
  const { functionError, payload } = executed.value;
  const logTail = formatLogTail(executed.value);
  return ok({ statusCode: 200, executedVersion: executed.value.version, payload, logTail, ...(functionError === undefined ? {} : { functionError }) });
}
