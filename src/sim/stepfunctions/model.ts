// Step Functions state: state machines and their executions, kept as plain data in the world's
// `stepfunctions` slot. An execution's position (the state it is in, its retry counts, what it waits
// for) is data too, and every wait (Wait states, Retry intervals, a Lambda task's run time) is a world
// timer, so `world.snapshot()` captures a running execution exactly.
import type { World } from '../world.js';
import type { AslDefinition } from './asl.js';

export const STEPFUNCTIONS_SLOT = 'stepfunctions';

export type StateMachineType = 'STANDARD' | 'EXPRESS';
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface StateMachine {
  readonly name: string;
  readonly arn: string;
  readonly type: StateMachineType;
  readonly roleArn: string;
  /** The definition as given (JSON text), as DescribeStateMachine answers it. */
  readonly definitionText: string;
  readonly definition: AslDefinition;
  readonly createdAtMs: number;
}

/** One entry of an execution's history, as GetExecutionHistory answers it (details member by event type). */
export interface HistoryEvent {
  readonly timestamp: string;
  readonly type: string;
  readonly id: number;
  readonly previousEventId: number;
  readonly [details: string]: unknown;
}

/** What a running Task waits for: the outcome is computed when the task starts and applied when its timer fires. */
export type TaskOutcome =
  | { readonly kind: 'succeeded'; readonly result: unknown }
  | { readonly kind: 'failed'; readonly error: string; readonly cause: string }
  | { readonly kind: 'timed-out' };

export interface Position {
  readonly stateName: string;
  /** The state's raw input (ResultPath writes into it). */
  readonly input: unknown;
  readonly enteredAtMs: number;
  /** The event id of the state's *StateEntered event (AWS names it in States.Runtime causes). */
  readonly enteredEventId: number;
  /** Retries used so far, by retrier index (each retrier counts on its own). */
  readonly retriesByRetrier: number[];
  /** The task's effective input for the current attempt (after InputPath and Parameters). */
  taskInput?: unknown;
  pendingOutcome?: TaskOutcome;
  /** The timer the execution waits on, cancelled by StopExecution. */
  timerId?: number;
}

export interface Execution {
  readonly arn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  readonly type: StateMachineType;
  /** The input as given (JSON text): a second StartExecution with the same name compares it. */
  readonly inputText: string;
  readonly startedAtMs: number;
  status: ExecutionStatus;
  stoppedAtMs?: number;
  outputText?: string;
  error?: string;
  cause?: string;
  position?: Position;
  /** The execution-timeout timer (one year Standard, five minutes Express, or the definition's TimeoutSeconds). */
  timeoutTimerId?: number;
  readonly events: HistoryEvent[];
  /** How many state transitions ran: the `sim show execution` view and the determinism tests read it. */
  transitions: number;
}

export interface StepFunctionsState {
  /** By ARN; ARNs carry the Region, so one map serves every Region. */
  readonly stateMachines: Record<string, StateMachine>;
  readonly executions: Record<string, Execution>;
  /** Execution ARNs in start order (ListExecutions answers newest first). */
  readonly executionOrder: string[];
  nextExecutionNumber: number;
}

export function stepFunctionsState(world: World): StepFunctionsState {
  return world.service<StepFunctionsState>(STEPFUNCTIONS_SLOT, () => ({ stateMachines: {}, executions: {}, executionOrder: [], nextExecutionNumber: 1 }));
}

export function stateMachineArn(world: World, name: string): string {
  return `arn:aws:states:${world.region}:${world.accountId}:stateMachine:${name}`;
}

/** Standard executions are `execution:MACHINE:NAME`; Express ones `express:MACHINE:NAME:UUID` (AWS's forms). */
export function executionArn(world: World, machine: StateMachine, name: string, runId: string): string {
  const prefix = `arn:aws:states:${world.region}:${world.accountId}`;
  return machine.type === 'STANDARD' ? `${prefix}:execution:${machine.name}:${name}` : `${prefix}:express:${machine.name}:${name}:${runId}`;
}

/** The AWS CLI prints Step Functions dates with microseconds and an offset: 2026-01-01T00:00:00.000000+00:00. */
export function cliDate(timeMs: number): string {
  return new Date(timeMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
}

/** A version-4-shaped UUID from the world's `stepfunctions.ids` stream (default execution names). */
export function uuidFrom(world: World): string {
  const stream = world.rng.stream('stepfunctions.ids');
  let hex = '';
  for (let i = 0; i < 32; i++) hex += '0123456789abcdef'[stream.nextInt(16)];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export function utf8SizeBytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
