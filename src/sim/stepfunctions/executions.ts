// Execution operations: StartExecution (name idempotency), StartSyncExecution (Express only: the
// call waits, in virtual time, until the execution closes), DescribeExecution, GetExecutionHistory,
// ListExecutions and StopExecution (https://docs.aws.amazon.com/step-functions/latest/apireference/).
import { fail, ok, type Result } from '../result.js';
import type { ApiDocument } from '../cli/operation-spec.js';
import type { World } from '../world.js';
import { beginExecution, closeExecution } from './engine.js';
import { executionAlreadyExists, invalidExecutionInput, tooLong, typeNotSupported } from './errors.js';
import { EXECUTION_NAME_REUSE_MS, HISTORY_MAX_EVENTS, PAYLOAD_MAX_BYTES } from './limits.js';
import { checkName, findExecution, findStateMachine } from './machines.js';
import { cliDate, executionArn, stepFunctionsState, utf8SizeBytes, uuidFrom, type Execution, type StateMachine } from './model.js';

/** The CLI parses `--input '{...}'` as JSON; the API (and API Gateway) sends it as JSON text. */
function inputTextOf(request: ApiDocument): Result<string> {
  const given = request['input'];
  const text = given === undefined ? '{}' : typeof given === 'string' ? given : JSON.stringify(given);
  if (utf8SizeBytes(text) > PAYLOAD_MAX_BYTES) return fail(tooLong('input', PAYLOAD_MAX_BYTES));
  try {
    JSON.parse(text);
  } catch (error) {
    return fail(invalidExecutionInput((error as Error).message));
  }
  return ok(text);
}

/**
 * Names are unique per state machine for 90 days. Starting again with the name of a RUNNING execution
 * and the same input answers that execution; a different input, or a closed execution, is
 * ExecutionAlreadyExists (StartExecution API reference). Express executions have no such check.
 */
function reuse(world: World, machine: StateMachine, arn: string, inputText: string): Result<Execution | undefined> {
  const existing = stepFunctionsState(world).executions[arn];
  if (existing === undefined || machine.type === 'EXPRESS' || world.nowMs - existing.startedAtMs > EXECUTION_NAME_REUSE_MS) return ok(undefined);
  if (existing.status === 'RUNNING' && existing.inputText === inputText) return ok(existing);
  return fail(executionAlreadyExists(arn));
}

function start(world: World, request: ApiDocument): Result<Execution> {
  const machine = findStateMachine(world, request['stateMachineArn']);
  if (!machine.ok) return machine;
  const inputText = inputTextOf(request);
  if (!inputText.ok) return inputText;
  const runId = uuidFrom(world);
  const name = checkName(request['name'] === undefined ? runId : String(request['name']));
  if (!name.ok) return name;
  const arn = executionArn(world, machine.value, name.value, runId);
  const reused = reuse(world, machine.value, arn, inputText.value);
  if (!reused.ok || reused.value !== undefined) return reused as Result<Execution>;
  const state = stepFunctionsState(world);
  const execution: Execution = {
    arn, name: name.value, stateMachineArn: machine.value.arn, type: machine.value.type, inputText: inputText.value,
    startedAtMs: world.nowMs, status: 'RUNNING', events: [], transitions: 0,
  };
  // A name older than 90 days may be used again: the new execution takes the ARN over.
  if (state.executions[arn] !== undefined) state.executionOrder.splice(state.executionOrder.indexOf(arn), 1);
  state.executions[arn] = execution;
  state.executionOrder.push(arn);
  beginExecution(world, execution, machine.value, JSON.parse(inputText.value) as unknown);
  return ok(execution);
}

export function startExecution(world: World, request: ApiDocument): Result<ApiDocument> {
  const started = start(world, request);
  if (!started.ok) return started;
  return ok({ executionArn: started.value.arn, startDate: cliDate(started.value.startedAtMs) });
}

/**
 * Express billing: duration rounded up to the next 100 ms, memory in 64-MB units (at least 64 MB)
 * (https://aws.amazon.com/step-functions/pricing/); the simulator bills the 64-MB minimum.
 */
export function billedDurationMs(durationMs: number): number {
  return Math.max(100, Math.ceil(durationMs / 100) * 100);
}

/** Moves the clock to the execution's next wake-up until it closes (at most its 5-minute limit). */
function runToEnd(world: World, execution: Execution): void {
  for (let guard = 0; execution.status === 'RUNNING' && guard < HISTORY_MAX_EVENTS; guard++) {
    const timerIds = new Set([execution.position?.timerId, execution.timeoutTimerId]);
    const due = world.clock.pendingTimers().filter((timer) => timerIds.has(timer.id)).map((timer) => timer.dueMs);
    if (due.length === 0) return;
    world.advanceTo(Math.min(...due));
  }
}

export function startSyncExecution(world: World, request: ApiDocument): Result<ApiDocument> {
  const machine = findStateMachine(world, request['stateMachineArn']);
  if (!machine.ok) return machine;
  if (machine.value.type !== 'EXPRESS') return fail(typeNotSupported('StartSyncExecution'));
  const started = start(world, request);
  if (!started.ok) return started;
  const execution = started.value;
  runToEnd(world, execution);
  const durationMs = (execution.stoppedAtMs ?? world.nowMs) - execution.startedAtMs;
  return ok({
    ...executionView(execution),
    billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: billedDurationMs(durationMs) },
  });
}

/** The members ListExecutions answers per execution; DescribeExecution adds input, output, error. */
function executionSummary(execution: Execution): ApiDocument {
  return {
    executionArn: execution.arn,
    stateMachineArn: execution.stateMachineArn,
    name: execution.name,
    status: execution.status,
    startDate: cliDate(execution.startedAtMs),
    ...(execution.stoppedAtMs === undefined ? {} : { stopDate: cliDate(execution.stoppedAtMs) }),
  };
}

function executionView(execution: Execution): ApiDocument {
  return {
    ...executionSummary(execution),
    input: execution.inputText,
    inputDetails: { included: true },
    ...(execution.outputText === undefined ? {} : { output: execution.outputText, outputDetails: { included: true } }),
    ...(execution.error === undefined ? {} : { error: execution.error }),
    ...(execution.cause === undefined ? {} : { cause: execution.cause }),
  };
}

export function describeExecution(world: World, request: ApiDocument): Result<ApiDocument> {
  const execution = findExecution(world, request['executionArn']);
  return execution.ok ? ok(executionView(execution.value)) : execution;
}

export function getExecutionHistory(world: World, request: ApiDocument): Result<ApiDocument> {
  const execution = findExecution(world, request['executionArn']);
  if (!execution.ok) return execution;
  const events = [...execution.value.events];
  if (request['reverseOrder'] === true) events.reverse();
  const max = typeof request['maxResults'] === 'number' && request['maxResults'] > 0 ? request['maxResults'] : events.length;
  return ok({ events: events.slice(0, max) });
}

export function listExecutions(world: World, request: ApiDocument): Result<ApiDocument> {
  const machine = findStateMachine(world, request['stateMachineArn']);
  if (!machine.ok) return machine;
  if (machine.value.type === 'EXPRESS') return fail(typeNotSupported('ListExecutions'));
  const state = stepFunctionsState(world);
  const filter = request['statusFilter'];
  const executions = [...state.executionOrder]
    .reverse()
    .map((arn) => state.executions[arn]!)
    .filter((execution) => execution.stateMachineArn === machine.value.arn && (filter === undefined || execution.status === filter))
    .map(executionSummary);
  return ok({ executions });
}

/** Stops a running execution (ExecutionAborted); a closed one keeps its status and stop time. */
export function stopExecution(world: World, request: ApiDocument): Result<ApiDocument> {
  const execution = findExecution(world, request['executionArn']);
  if (!execution.ok) return execution;
  if (execution.value.status === 'RUNNING') {
    const end = { ...(request['error'] === undefined ? {} : { error: String(request['error']) }), ...(request['cause'] === undefined ? {} : { cause: String(request['cause']) }) };
    closeExecution(world, execution.value, 'ABORTED', end);
  }
  return ok({ stopDate: cliDate(execution.value.stoppedAtMs!) });
}
