// Retry and Catch on a Task (https://states-language.net/spec.html#errors): the first retrier whose
// ErrorEquals names the error decides; it waits IntervalSeconds × BackoffRate^(retries so far), capped
// by MaxDelaySeconds, until MaxAttempts retries are used (each retrier counts its own). Then the first
// matching catcher sends the state's input, with {Error, Cause} placed at its ResultPath, to its Next.
// `States.ALL` matches everything but the terminal States.DataLimitExceeded and States.Runtime;
// `States.TaskFailed` matches everything but States.Timeout
// (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html).
import type { World } from '../world.js';
import type { AslState } from './asl.js';
import { closeExecution, exitState, park, type Step } from './engine.js';
import { PAYLOAD_MAX_BYTES, RETRY_DEFAULT_BACKOFF_RATE, RETRY_DEFAULT_INTERVAL_SECONDS, RETRY_DEFAULT_MAX_ATTEMPTS } from './limits.js';
import { utf8SizeBytes, type Execution } from './model.js';
import { placeResult, type StateFailure } from './paths.js';

const TERMINAL_ERRORS = ['States.DataLimitExceeded', 'States.Runtime'];

export function errorMatches(errorEquals: readonly string[], error: string): boolean {
  if (TERMINAL_ERRORS.includes(error)) return false;
  return errorEquals.includes(error) || errorEquals.includes('States.ALL') || (errorEquals.includes('States.TaskFailed') && error !== 'States.Timeout');
}

/**
 * The wait before retry number `retriesSoFar + 1`, in ms. With the defaults (1 s, ×2.0) the three
 * retries wait 1,000, 2,000 and 4,000 ms.
 */
export function retryDelayMs(interval: { readonly IntervalSeconds?: number; readonly BackoffRate?: number; readonly MaxDelaySeconds?: number }, retriesSoFar: number): number {
  const seconds = (interval.IntervalSeconds ?? RETRY_DEFAULT_INTERVAL_SECONDS) * (interval.BackoffRate ?? RETRY_DEFAULT_BACKOFF_RATE) ** retriesSoFar;
  const capped = interval.MaxDelaySeconds === undefined ? seconds : Math.min(seconds, interval.MaxDelaySeconds);
  return Math.round(capped * 1_000);
}

export function handleTaskFailure(world: World, execution: Execution, state: AslState, failure: StateFailure): Step {
  const position = execution.position!;
  const retrierIndex = (state.Retry ?? []).findIndex((retrier) => errorMatches(retrier.ErrorEquals, failure.error));
  const retrier = state.Retry?.[retrierIndex];
  if (retrier !== undefined) {
    const used = position.retriesByRetrier[retrierIndex]!;
    if (used < (retrier.MaxAttempts ?? RETRY_DEFAULT_MAX_ATTEMPTS)) {
      position.retriesByRetrier[retrierIndex] = used + 1;
      return park(world, execution, retryDelayMs(retrier, used), 'retry');
    }
  }
  const catcher = (state.Catch ?? []).find((candidate) => errorMatches(candidate.ErrorEquals, failure.error));
  if (catcher !== undefined) {
    const caught = placeResult(position.input, catcher.ResultPath, { Error: failure.error, Cause: failure.cause });
    if (caught.ok) return exitState(world, execution, state, caught, catcher.Next);
    failure = caught.failure;
  }
  closeExecution(world, execution, 'FAILED', failure);
  return { kind: 'parked' };
}

/** States.DataLimitExceeded for a state's input or output past 256 KiB (SVC-11). */
export function oversized(execution: Execution, value: unknown): StateFailure | undefined {
  if (utf8SizeBytes(JSON.stringify(value) ?? '') <= PAYLOAD_MAX_BYTES) return undefined;
  return { error: 'States.DataLimitExceeded', cause: `The state/task '${execution.position!.stateName}' returned a result with a size exceeding the maximum number of bytes service limit.` };
}
