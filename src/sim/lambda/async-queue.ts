// The internal queue of asynchronous (Event) invocations. Each event is tried on a world timer; a
// function error or timeout is retried after ~1 min and ~2 min (MaximumRetryAttempts, default 2,
// LAM-15/16); a throttle sends it back with exponential backoff 1 s → 5 min (LAM-15); an event older
// than MaximumEventAgeInSeconds is discarded (LAM-16). Discarded events go to the dead-letter queue
// and/or the on-failure destination; successes to the on-success destination. Every event ends
// exactly once, with an `async-event-finished` trace entry.
import { defineTimerHandler, type World } from '../world.js';
import { executeInvocation, type Execution } from './execute.js';
import {
  ASYNC_RETRY_JITTER_MAX_MS,
  ASYNC_RETRY_WAITS_MS,
  ASYNC_THROTTLE_BACKOFF_FIRST_MS,
  ASYNC_THROTTLE_BACKOFF_MAX_MS,
} from './limits.js';
import { lambdaState, nextLambdaId, type AsyncEvent, type FunctionState } from './model.js';
import { lambdaPorts } from './ports.js';
import { resolveQualifier } from './target.js';

const ATTEMPT_TIMER = 'lambda.async-attempt';

export type AsyncEnding = 'success' | 'retries-exhausted' | 'event-age-exceeded' | 'function-deleted';

/** Puts an accepted Event invocation in the queue; its first attempt runs at this same instant. */
export function enqueueAsyncEvent(world: World, fn: FunctionState, qualifier: string, payload: string): AsyncEvent {
  const state = lambdaState(world);
  const event: AsyncEvent = { id: nextLambdaId(state, 'event'), functionName: fn.name, qualifier, payload, enqueuedAtMs: world.nowMs, attempts: 0, throttledTries: 0 };
  state.asyncEvents.set(event.id, event);
  world.record({ service: 'lambda', operation: 'async-event-queued', outcome: 'ok', detail: { eventId: event.id, functionName: fn.name, qualifier } });
  world.clock.schedule(0, ATTEMPT_TIMER, { eventId: event.id });
  return event;
}

function expiresAtMs(fn: FunctionState, event: AsyncEvent): number {
  return event.enqueuedAtMs + fn.eventInvokeConfig.maximumEventAgeSeconds * 1_000;
}

/** Schedules the next try `delayMs` from now, or the expiry if that comes first. */
function scheduleNext(world: World, fn: FunctionState, event: AsyncEvent, delayMs: number): void {
  const dueMs = Math.min(world.nowMs + delayMs, expiresAtMs(fn, event));
  world.clock.scheduleAt(Math.max(dueMs, world.nowMs), ATTEMPT_TIMER, { eventId: event.id });
}

/** Throttle backoff: 1 s, 2 s, 4 s ... capped at 5 min (LAM-15), minus up to 20 % seeded jitter. */
export function throttleBackoffMs(world: World, throttledTries: number): number {
  const baseMs = Math.min(ASYNC_THROTTLE_BACKOFF_FIRST_MS * 2 ** Math.min(throttledTries - 1, 30), ASYNC_THROTTLE_BACKOFF_MAX_MS);
  return baseMs - world.rng.stream('lambda.async-backoff').nextInt(Math.floor(baseMs / 5) + 1);
}

function destinationRecord(world: World, fn: FunctionState, event: AsyncEvent, condition: string): Record<string, unknown> {
  return {
    version: '1.0',
    timestamp: new Date(world.nowMs).toISOString(),
    requestContext: { requestId: event.id, functionArn: `${fn.arn}:${event.qualifier}`, condition, approximateInvokeCount: event.attempts },
    requestPayload: safeParse(event.payload),
    responseContext: { statusCode: 200, executedVersion: event.lastExecutedVersion ?? event.qualifier, ...(event.lastFunctionError === undefined ? {} : { functionError: event.lastFunctionError }) },
    responsePayload: event.lastResponse ?? null,
  };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function deliver(world: World, kind: 'dead-letter-queue' | 'on-failure' | 'on-success', targetArn: string | undefined, record: unknown): void {
  if (targetArn === undefined) return;
  lambdaState(world).deliveries.push({ timeMs: world.nowMs, kind, targetArn, record });
  const sent = lambdaPorts().deliverToDestination(world, { kind, targetArn, record });
  world.record({ service: 'lambda', operation: 'destination-delivered', outcome: sent.ok ? 'ok' : sent.error.name, detail: { kind, targetArn } });
}

/** Ends an event exactly once: destinations, DLQ, the trace entry, and removal from the queue. */
function finish(world: World, fn: FunctionState | undefined, event: AsyncEvent, ending: AsyncEnding): void {
  if (fn !== undefined && ending === 'success') {
    deliver(world, 'on-success', fn.eventInvokeConfig.onSuccessArn, destinationRecord(world, fn, event, 'Success'));
  } else if (fn !== undefined) {
    // LAM-16: requestContext.condition RetriesExhausted / EventAgeExceeded.
    const condition = ending === 'retries-exhausted' ? 'RetriesExhausted' : 'EventAgeExceeded';
    deliver(world, 'on-failure', fn.eventInvokeConfig.onFailureArn, destinationRecord(world, fn, event, condition));
    // A DLQ gets the event itself, with the request id and the last error as message attributes.
    const errorMessage = (event.lastResponse as { errorMessage?: unknown } | undefined)?.errorMessage;
    deliver(world, 'dead-letter-queue', fn.latest.deadLetterTargetArn, { payload: safeParse(event.payload), requestId: event.id, errorCode: 200, errorMessage: errorMessage ?? null });
  }
  lambdaState(world).asyncEvents.delete(event.id);
  world.record({
    service: 'lambda',
    operation: 'async-event-finished',
    outcome: ending,
    detail: { eventId: event.id, functionName: event.functionName, attempts: event.attempts, ageMs: world.nowMs - event.enqueuedAtMs },
  });
}

function afterAttempt(world: World, fn: FunctionState, event: AsyncEvent, execution: Execution): void {
  event.attempts++;
  event.lastResponse = safeParse(execution.payload);
  if (execution.outcome === 'success') {
    finish(world, fn, event, 'success');
    return;
  }
  event.lastFunctionError = execution.functionError ?? 'Unhandled';
  const retriesDone = event.attempts - 1;
  if (retriesDone >= fn.eventInvokeConfig.maximumRetryAttempts) {
    finish(world, fn, event, 'retries-exhausted');
    return;
  }
  // The wait starts when the failed attempt ends (its INIT and duration pass first).
  const waitMs = (ASYNC_RETRY_WAITS_MS[retriesDone] ?? 120_000) + world.rng.stream('lambda.async-retry').nextInt(ASYNC_RETRY_JITTER_MAX_MS + 1);
  scheduleNext(world, fn, event, execution.initMs + execution.durationMs + waitMs);
}

function attempt(world: World, eventId: string): void {
  const state = lambdaState(world);
  const event = state.asyncEvents.get(eventId);
  if (event === undefined) return;
  const fn = state.functions.get(event.functionName);
  if (fn === undefined) return finish(world, undefined, event, 'function-deleted');
  if (world.nowMs >= expiresAtMs(fn, event)) return finish(world, fn, event, 'event-age-exceeded');
  const target = resolveQualifier(fn, event.qualifier);
  if (!target.ok) return finish(world, fn, event, 'function-deleted');
  const executed = executeInvocation(world, target.value, safeParse(event.payload), 'async');
  event.lastExecutedVersion = executed.ok ? executed.value.version : target.value.version;
  if (executed.ok) return afterAttempt(world, fn, event, executed.value);
  event.throttledTries++;
  scheduleNext(world, fn, event, throttleBackoffMs(world, event.throttledTries));
}

defineTimerHandler(ATTEMPT_TIMER, (world, payload) => {
  attempt(world, (payload as { eventId: string }).eventId);
});
