// Runs one invocation in an execution environment: admission (throttles), cold or warm start, the
// catalogue handler, the timeout, billing and the trace entry. Sync invokes, the async queue and event
// source mappings all come through `executeInvocation`, so every run is recorded the same way.
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { billedDurationMs, gbSecondsOf, isInitBilled } from './billing.js';
import { pickAliasVersion } from './aliases.js';
import { admitInvocation, type Admission } from './concurrency.js';
import { findHandler, type HandlerOutcome, type HandlerRun } from './handlers.js';
import { SYNC_PAYLOAD_MAX_BYTES, initDurationRangeMs } from './limits.js';
import {
  accountConcurrencyInUse,
  configOfVersion,
  lambdaState,
  nextLambdaId,
  utf8SizeBytes,
  type FunctionConfig,
  type FunctionState,
} from './model.js';
import { lambdaPorts } from './ports.js';

/** A resolved invocation target: the function, the version that runs, and the qualifier used. */
export interface InvokeTarget {
  readonly fn: FunctionState;
  readonly version: string;
  readonly qualifier: string;
}

export type InvocationSource = 'sync' | 'async' | 'event-source-mapping';
export type StartKind = 'cold' | 'warm' | 'provisioned';

export interface Execution {
  readonly requestId: string;
  readonly start: StartKind;
  readonly initMs: number;
  readonly durationMs: number;
  readonly billedDurationMs: number;
  readonly outcome: 'success' | 'function-error' | 'timeout';
  /** `Handled` / `Unhandled` for errors (LAM-08). */
  readonly functionError?: 'Handled' | 'Unhandled';
  /** The response payload as JSON text (the error JSON for errors, LAM-08). */
  readonly payload: string;
  readonly version: string;
  readonly memorySizeMb: number;
  readonly timeoutSeconds: number;
  /** When the run started (virtual ms), for log timestamps. */
  readonly startedAtMs: number;
}

function requestIdOf(world: World): string {
  const stream = world.rng.stream('lambda.request-id');
  const hex = [0, 1, 2, 3].map(() => stream.nextUint32().toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The 429 of LAM-14, with its Reason. */
export function throttleError(reason: string) {
  return awsError('TooManyRequestsException', 429, 'Rate Exceeded.', { retryable: true, details: { Reason: reason, Type: 'User' } });
}

function runHandler(world: World, fn: FunctionState, config: FunctionConfig, event: unknown): HandlerRun {
  const handler = findHandler(config.handler);
  if (handler === undefined) {
    const message = `Cannot find handler '${config.handler}' in the simulator's catalogue`;
    return { outcome: { kind: 'error', errorType: 'Runtime.HandlerNotFound', errorMessage: message, handled: false }, durationMs: 1 };
  }
  return handler.run(event, {
    functionName: fn.name,
    memoryMb: config.memorySizeMb,
    remainingTimeMs: config.timeoutSeconds * 1_000,
    environment: config.environment,
    rng: world.rng.stream(`lambda.handler.${fn.name}`),
    putItem: (request) => lambdaPorts().putItem(world, request),
    callAws: (service, action, request) => lambdaPorts().callAws(world, service, action, request),
  });
}

interface Settled {
  readonly outcome: Execution['outcome'];
  readonly durationMs: number;
  readonly payload: string;
  readonly functionError?: 'Handled' | 'Unhandled';
}

/** Applies the timeout (LAM-03, LAM-08) and the 6-MB response limit (LAM-07) to a handler's run. */
function settle(run: HandlerRun, timeoutSeconds: number, requestId: string): Settled {
  const timeoutMs = timeoutSeconds * 1_000;
  const outcome: HandlerOutcome = run.durationMs > timeoutMs ? { kind: 'timeout' } : run.outcome;
  if (outcome.kind === 'timeout') {
    // "Task timed out after N.00 seconds", HTTP 200 with FunctionError Unhandled. LAM-08
    const errorMessage = `RequestId: ${requestId} Error: Task timed out after ${timeoutSeconds.toFixed(2)} seconds`;
    return { outcome: 'timeout', durationMs: timeoutMs, payload: JSON.stringify({ errorType: 'Sandbox.Timedout', errorMessage }), functionError: 'Unhandled' };
  }
  if (outcome.kind === 'error') {
    const payload = JSON.stringify({ errorType: outcome.errorType, errorMessage: outcome.errorMessage });
    return { outcome: 'function-error', durationMs: run.durationMs, payload, functionError: outcome.handled ? 'Handled' : 'Unhandled' };
  }
  const payload = JSON.stringify(outcome.payload) ?? 'null';
  if (utf8SizeBytes(payload) > SYNC_PAYLOAD_MAX_BYTES) {
    const errorMessage = `Response payload size exceeded maximum allowed payload size (${SYNC_PAYLOAD_MAX_BYTES} bytes).`;
    return { outcome: 'function-error', durationMs: run.durationMs, payload: JSON.stringify({ errorType: 'Function.ResponseSizeTooLarge', errorMessage }), functionError: 'Unhandled' };
  }
  return { outcome: 'success', durationMs: run.durationMs, payload };
}

function initDurationMs(world: World, config: FunctionConfig): number {
  const [minMs, maxMs] = initDurationRangeMs(config.runtime);
  return world.rng.stream('lambda.init').nextIntBetween(minMs, maxMs);
}

function recordThrottle(world: World, target: InvokeTarget, source: InvocationSource, reason: string): void {
  target.fn.usage.throttles++;
  world.record({
    service: 'lambda',
    operation: 'Invoke',
    outcome: 'TooManyRequestsException',
    detail: {
      functionName: target.fn.name, version: target.version, qualifier: target.qualifier, source, reason,
      concurrencyInUse: accountConcurrencyInUse(lambdaState(world), world.nowMs),
    },
  });
}

/** Places the run in its environment: an existing one, or a new (cold) one created here. */
function placeRun(world: World, target: InvokeTarget, admission: Exclude<Admission, { kind: 'throttled' }>, busyForMs: number): string {
  if (admission.kind !== 'cold') {
    admission.environment.busyUntilMs = world.nowMs + busyForMs;
    return admission.environment.id;
  }
  const id = nextLambdaId(lambdaState(world), 'env');
  target.fn.environments.push({ id, version: target.version, busyUntilMs: world.nowMs + busyForMs, createdAtMs: world.nowMs });
  return id;
}

/** Adds a run to the function's usage (for `sim cost`) and to the trace (for panels and quizzes). */
function recordRun(world: World, target: InvokeTarget, config: FunctionConfig, run: Execution, where: { environmentId: string; source: InvocationSource }): void {
  const usage = target.fn.usage;
  usage.requests++;
  usage.billedMs += run.billedDurationMs;
  usage.gbSeconds += gbSecondsOf(config.memorySizeMb, run.billedDurationMs);
  if (run.start === 'cold') usage.coldStarts++;
  world.record({
    service: 'lambda',
    operation: 'Invoke',
    outcome: 'ok',
    detail: {
      functionName: target.fn.name, version: target.version, qualifier: target.qualifier, source: where.source, requestId: run.requestId, start: run.start, initMs: run.initMs,
      durationMs: run.durationMs, billedDurationMs: run.billedDurationMs, memorySizeMb: config.memorySizeMb, result: run.outcome,
      environmentId: where.environmentId, concurrencyInUse: accountConcurrencyInUse(lambdaState(world), world.nowMs),
    },
  });
}

/**
 * Runs the target once with `event`, or refuses with the 429 of LAM-14. The environment stays busy
 * for INIT + duration of virtual time; the caller sees the result at once (the simulator answers a
 * synchronous call immediately and accounts for its duration through environment occupancy).
 */
export function executeInvocation(world: World, resolved: InvokeTarget, event: unknown, source: InvocationSource): Result<Execution> {
  const state = lambdaState(world);
  // A weighted alias picks its version per invocation (aliases.ts); ExecutedVersion reports the pick.
  const target = { ...resolved, version: pickAliasVersion(world, resolved.fn, resolved.qualifier, resolved.version) };
  const config = configOfVersion(target.fn, target.version);
  if (config === undefined) return fail(awsError('ResourceNotFoundException', 404, `Function not found: ${target.fn.arn}:${target.version}`));
  const admission = admitInvocation(state, target.fn, target.version, target.qualifier, world.nowMs);
  if (admission.kind === 'throttled') {
    recordThrottle(world, target, source, admission.reason);
    return fail(throttleError(admission.reason));
  }
  const requestId = requestIdOf(world);
  const initMs = admission.kind === 'cold' ? initDurationMs(world, config) : 0;
  const settled = settle(runHandler(world, target.fn, config, event), config.timeoutSeconds, requestId);
  const initBilled = initMs > 0 && isInitBilled({ nowMs: world.nowMs, runtime: config.runtime, packageType: config.packageType });
  // A timeout bills exactly the timeout (LAM-08); otherwise the duration rounded up to 1 ms (LAM-18).
  const billedMs = billedDurationMs(settled.durationMs) + (initBilled ? billedDurationMs(initMs) : 0);
  const environmentId = placeRun(world, target, admission, initMs + settled.durationMs);
  const execution: Execution = {
    requestId, start: admission.kind, initMs, durationMs: settled.durationMs, billedDurationMs: billedMs, outcome: settled.outcome, payload: settled.payload,
    version: target.version, memorySizeMb: config.memorySizeMb, timeoutSeconds: config.timeoutSeconds, startedAtMs: world.nowMs,
    ...(settled.functionError === undefined ? {} : { functionError: settled.functionError }),
  };
  recordRun(world, target, config, execution, { environmentId, source });
  return ok(execution);
}
