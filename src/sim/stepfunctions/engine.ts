// Runs executions. States that take no time (Pass, Choice, Succeed, Fail, the input/output processing)
// run at once, one after another, inside the call that reached them; a Wait state, a Retry interval and
// a Task's run time are world timers, so `sim clock advance` moves an execution forward. One timer kind
// wakes an execution for each of those reasons; the execution's `position` says what it waits for.
import { InvariantError } from '../result.js';
import { defineTimerHandler, type World } from '../world.js';
import type { AslState } from './asl.js';
import { chooseNext } from './choice.js';
import { addEvent, withData } from './history.js';
import { EXPRESS_MAX_DURATION_MS, HISTORY_MAX_EVENTS, STANDARD_MAX_DURATION_MS } from './limits.js';
import { stepFunctionsState, type Execution, type StateMachine } from './model.js';
import { applyTemplate, placeResult, selectPath, type Processed, type StateFailure } from './paths.js';
import { handleTaskFailure, oversized } from './recovery.js';
import { recordTaskEnd, runTaskResource } from './tasks.js';

export const WAKE_TIMER = 'stepfunctions.wake';

type WakeReason = 'wait' | 'task' | 'retry' | 'timeout';

/** What to do next: enter a state, or stop because a timer will continue (or the execution closed). */
export type Step = { readonly kind: 'enter'; readonly stateName: string; readonly input: unknown } | { readonly kind: 'parked' };

const PARKED: Step = { kind: 'parked' };

export function machineOf(world: World, execution: Execution): StateMachine {
  const machine = stepFunctionsState(world).stateMachines[execution.stateMachineArn];
  if (machine === undefined) throw new InvariantError(`execution ${execution.arn} has no state machine`);
  return machine;
}

/** Records ExecutionStarted, arms the execution timeout and runs from StartAt. */
export function beginExecution(world: World, execution: Execution, machine: StateMachine, input: unknown): void {
  addEvent(world, execution, 'ExecutionStarted', { ...withData('input', input), roleArn: machine.roleArn });
  const limitMs = machine.type === 'EXPRESS' ? EXPRESS_MAX_DURATION_MS : STANDARD_MAX_DURATION_MS;
  const definedMs = machine.definition.TimeoutSeconds === undefined ? limitMs : machine.definition.TimeoutSeconds * 1_000;
  execution.timeoutTimerId = world.clock.schedule(Math.min(limitMs, definedMs), WAKE_TIMER, { executionArn: execution.arn, reason: 'timeout' }).id;
  drive(world, execution, { kind: 'enter', stateName: machine.definition.StartAt, input });
}

/** Runs states until the execution parks on a timer or closes; the history cap bounds the loop. */
function drive(world: World, execution: Execution, first: Step): void {
  let step = first;
  while (step.kind === 'enter' && execution.status === 'RUNNING') {
    if (execution.events.length >= HISTORY_MAX_EVENTS) {
      closeExecution(world, execution, 'FAILED', { error: 'States.Runtime', cause: `The execution reached the maximum number of history events (${HISTORY_MAX_EVENTS}).` });
      return;
    }
    step = enterState(world, execution, step.stateName, step.input);
  }
}

/** The context object `$$` (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html). */
export function contextObject(world: World, execution: Execution): unknown {
  const machine = machineOf(world, execution);
  const position = execution.position;
  return {
    Execution: { Id: execution.arn, Name: execution.name, StartTime: new Date(execution.startedAtMs).toISOString(), Input: JSON.parse(execution.inputText) as unknown, RoleArn: machine.roleArn },
    StateMachine: { Id: machine.arn, Name: machine.name },
    State: position === undefined ? {} : { Name: position.stateName, EnteredTime: new Date(position.enteredAtMs).toISOString(), RetryCount: position.retriesByRetrier.reduce((sum, n) => sum + n, 0) },
  };
}

export function whereOf(execution: Execution): string {
  const position = execution.position!;
  return `An error occurred while executing the state '${position.stateName}' (entered at the event id #${position.enteredEventId}). `;
}

function enterState(world: World, execution: Execution, stateName: string, input: unknown): Step {
  const state = machineOf(world, execution).definition.States[stateName]!;
  const enteredEventId = addEvent(world, execution, `${state.Type}StateEntered`, { name: stateName, ...withData('input', input) });
  execution.position = { stateName, input, enteredAtMs: world.nowMs, enteredEventId, retriesByRetrier: (state.Retry ?? []).map(() => 0) };
  execution.transitions++;
  const where = whereOf(execution);
  const effective = selectPath(input, state.InputPath, where);
  if (!effective.ok) return failState(world, execution, state, effective.failure);
  switch (state.Type) {
    case 'Pass':
      return finishPass(world, execution, state, effective.value);
    case 'Succeed':
      return exitState(world, execution, state, selectPath(effective.value, state.OutputPath, where));
    case 'Fail':
      closeExecution(world, execution, 'FAILED', { error: state.Error ?? '', cause: state.Cause ?? '' });
      return PARKED;
    case 'Choice': {
      const chosen = chooseNext(state, effective.value, where);
      if (!chosen.ok) return failState(world, execution, state, chosen.failure);
      return exitState(world, execution, state, selectPath(effective.value, state.OutputPath, where), chosen.next);
    }
    case 'Wait':
      return startWait(world, execution, state, effective.value);
    case 'Task':
      return startTask(world, execution, state, effective.value);
  }
}

function finishPass(world: World, execution: Execution, state: AslState, effective: unknown): Step {
  const where = whereOf(execution);
  const result: Processed = state.Result !== undefined ? { ok: true, value: state.Result } : state.Parameters !== undefined ? applyTemplate(state.Parameters, effective, contextObject(world, execution), where) : { ok: true, value: effective };
  if (!result.ok) return failState(world, execution, state, result.failure);
  return finishWithResult(world, execution, state, result.value);
}

/** ResultPath into the raw input, then OutputPath, then the exit event and the transition. */
function finishWithResult(world: World, execution: Execution, state: AslState, result: unknown): Step {
  const placed = placeResult(execution.position!.input, state.ResultPath, result);
  if (!placed.ok) return failState(world, execution, state, placed.failure);
  return exitState(world, execution, state, selectPath(placed.value, state.OutputPath, whereOf(execution)));
}

/** Records `<Type>StateExited` and moves on: to `next` (Choice, Catch), `Next`, or the end. */
export function exitState(world: World, execution: Execution, state: AslState, output: Processed, next?: string): Step {
  if (!output.ok) return failState(world, execution, state, output.failure);
  const tooBig = oversized(execution, output.value);
  if (tooBig !== undefined) return failState(world, execution, state, tooBig);
  addEvent(world, execution, `${state.Type}StateExited`, { name: execution.position!.stateName, ...withData('output', output.value) });
  const target = next ?? state.Next;
  if (target !== undefined && state.Type !== 'Succeed') return { kind: 'enter', stateName: target, input: output.value };
  closeExecution(world, execution, 'SUCCEEDED', { output: output.value });
  return PARKED;
}

/** A failure outside Retry/Catch's reach (or in a state without them) fails the execution. */
export function failState(world: World, execution: Execution, state: AslState, failure: StateFailure): Step {
  if (state.Type === 'Task') return handleTaskFailure(world, execution, state, failure);
  closeExecution(world, execution, 'FAILED', failure);
  return PARKED;
}

function startWait(world: World, execution: Execution, state: AslState, effective: unknown): Step {
  const where = whereOf(execution);
  let dueMs: number;
  if (state.Seconds !== undefined) dueMs = world.nowMs + state.Seconds * 1_000;
  else if (state.Timestamp !== undefined) dueMs = Date.parse(state.Timestamp);
  else {
    const read = selectPath(effective, state.SecondsPath ?? state.TimestampPath, where);
    if (!read.ok) return failState(world, execution, state, read.failure);
    const value = read.value;
    const isSeconds = state.SecondsPath !== undefined;
    dueMs = isSeconds && typeof value === 'number' && value >= 0 ? world.nowMs + value * 1_000 : !isSeconds && typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(dueMs)) return failState(world, execution, state, { error: 'States.Runtime', cause: `${where}The value at ${isSeconds ? 'SecondsPath' : 'TimestampPath'} is not a ${isSeconds ? 'non-negative number' : 'timestamp'}: ${JSON.stringify(value)}` });
  }
  return park(world, execution, Math.max(0, dueMs - world.nowMs), 'wait');
}

/** Waits `delayMs` of virtual time for `reason`; a zero wait continues at once. */
export function park(world: World, execution: Execution, delayMs: number, reason: WakeReason): Step {
  if (delayMs <= 0) return wake(world, execution, reason);
  execution.position!.timerId = world.clock.schedule(delayMs, WAKE_TIMER, { executionArn: execution.arn, reason }).id;
  return PARKED;
}

function startTask(world: World, execution: Execution, state: AslState, effective: unknown): Step {
  const where = whereOf(execution);
  const parameters = state.Parameters === undefined ? { ok: true as const, value: effective } : applyTemplate(state.Parameters, effective, contextObject(world, execution), where);
  if (!parameters.ok) return failState(world, execution, state, parameters.failure);
  const tooBig = oversized(execution, parameters.value);
  if (tooBig !== undefined) return failState(world, execution, state, tooBig);
  execution.position!.taskInput = parameters.value;
  return attemptTask(world, execution, state);
}

/** One attempt: the resource runs now; its outcome is applied after its duration (or TimeoutSeconds). */
export function attemptTask(world: World, execution: Execution, state: AslState): Step {
  const run = runTaskResource(world, execution, state, execution.position!.taskInput);
  const timeoutMs = state.TimeoutSeconds === undefined ? Number.POSITIVE_INFINITY : state.TimeoutSeconds * 1_000;
  const isTimedOut = run.durationMs > timeoutMs;
  execution.position!.pendingOutcome = isTimedOut ? { kind: 'timed-out' } : run.outcome;
  return park(world, execution, isTimedOut ? timeoutMs : run.durationMs, 'task');
}

function finishTask(world: World, execution: Execution, state: AslState): Step {
  const position = execution.position!;
  const outcome = position.pendingOutcome!;
  delete position.pendingOutcome;
  recordTaskEnd(world, execution, state, outcome);
  if (outcome.kind === 'timed-out') return failState(world, execution, state, { error: 'States.Timeout', cause: '' });
  if (outcome.kind === 'failed') return failState(world, execution, state, outcome);
  const tooBig = oversized(execution, outcome.result);
  if (tooBig !== undefined) return failState(world, execution, state, tooBig);
  const selected = state.ResultSelector === undefined ? { ok: true as const, value: outcome.result } : applyTemplate(state.ResultSelector, outcome.result, contextObject(world, execution), whereOf(execution));
  if (!selected.ok) return failState(world, execution, state, selected.failure);
  return finishWithResult(world, execution, state, selected.value);
}

function wake(world: World, execution: Execution, reason: WakeReason): Step {
  const position = execution.position!;
  delete position.timerId;
  const state = machineOf(world, execution).definition.States[position.stateName]!;
  switch (reason) {
    case 'wait': {
      const effective = selectPath(position.input, state.InputPath, whereOf(execution));
      return exitState(world, execution, state, effective.ok ? selectPath(effective.value, state.OutputPath, whereOf(execution)) : effective);
    }
    case 'task':
      return finishTask(world, execution, state);
    case 'retry':
      return attemptTask(world, execution, state);
    case 'timeout':
      throw new InvariantError('the execution timeout is not a state wake-up');
  }
}

export type CloseStatus = 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** Ends the execution with its closing history event; cancels whatever it still waited for. */
export function closeExecution(world: World, execution: Execution, status: CloseStatus, end: { readonly output?: unknown; readonly error?: string; readonly cause?: string }): void {
  execution.status = status;
  execution.stoppedAtMs = world.nowMs;
  if (execution.position?.timerId !== undefined) world.clock.cancel(execution.position.timerId);
  if (execution.timeoutTimerId !== undefined) world.clock.cancel(execution.timeoutTimerId);
  delete execution.timeoutTimerId;
  if (status === 'SUCCEEDED') {
    execution.outputText = JSON.stringify(end.output);
    addEvent(world, execution, 'ExecutionSucceeded', withData('output', end.output));
    return;
  }
  // An empty Error or Cause (a Fail state without them, a task timeout) is left out, as AWS leaves it out.
  const details: Record<string, string> = {};
  if (end.error !== undefined && end.error !== '') details['error'] = execution.error = end.error;
  if (end.cause !== undefined && end.cause !== '') details['cause'] = execution.cause = end.cause;
  const type = { FAILED: 'ExecutionFailed', TIMED_OUT: 'ExecutionTimedOut', ABORTED: 'ExecutionAborted' }[status];
  addEvent(world, execution, type, details);
}

defineTimerHandler(WAKE_TIMER, (world, payload) => {
  const { executionArn, reason } = payload as { executionArn: string; reason: WakeReason };
  const execution = stepFunctionsState(world).executions[executionArn];
  if (execution === undefined || execution.status !== 'RUNNING') return;
  if (reason === 'timeout') {
    delete execution.timeoutTimerId;
    closeExecution(world, execution, 'TIMED_OUT', { error: 'States.Timeout', cause: 'The execution ran longer than its time limit.' });
    return;
  }
  drive(world, execution, wake(world, execution, reason));
});
