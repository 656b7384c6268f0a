// `sim show execution ARN|NAME` (an execution as a timeline on the virtual clock, Express ones included)
// and `sim show state-machine NAME` (its states and where each goes: Next, Choice rules, Retry, Catch).
import type { SimCommandSpec } from '../cli/sim-command-spec.js';
import { defineShowCommand } from '../cli/sim-show.js';
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import type { AslState } from './asl.js';
import { executionDoesNotExist, stateMachineDoesNotExist } from './errors.js';
import { stepFunctionsState, type Execution, type HistoryEvent, type StateMachine } from './model.js';

/** By ARN, or the newest execution with that name. */
function executionNamed(world: World, key: string): Result<Execution> {
  const state = stepFunctionsState(world);
  const found = state.executions[key] ?? [...state.executionOrder].reverse().map((arn) => state.executions[arn]!).find((execution) => execution.name === key);
  return found === undefined ? fail(executionDoesNotExist(key)) : ok(found);
}

function machineNamed(world: World, key: string): Result<StateMachine> {
  const machines = stepFunctionsState(world).stateMachines;
  const found = machines[key] ?? Object.values(machines).find((machine) => machine.name === key && machine.arn.includes(`:${world.region}:`));
  return found === undefined ? fail(stateMachineDoesNotExist(key)) : ok(found);
}

const seconds = (ms: number): string => `+${(ms / 1_000).toFixed(3)} s`;

/** The one fact worth a line for an event: its state, error, or output. */
function eventNote(event: HistoryEvent): string {
  for (const [key, value] of Object.entries(event)) {
    if (!key.endsWith('EventDetails') || typeof value !== 'object' || value === null) continue;
    const details = value as Record<string, unknown>;
    if (typeof details['name'] === 'string') return event.type.endsWith('Entered') ? `${details['name']}  input ${String(details['input'])}` : `${details['name']}  output ${String(details['output'])}`;
    if (event.type.endsWith('Scheduled')) {
      const resource = String(details['resource']);
      return details['resourceType'] === undefined ? resource.slice(resource.indexOf('function:') + 'function:'.length) : `${String(details['resourceType'])}:${resource}`;
    }
    if (typeof details['error'] === 'string') return `${details['error']}${details['cause'] ? `: ${String(details['cause'])}` : ''}`;
    if (typeof details['output'] === 'string') return String(details['output']);
  }
  return '';
}

export function executionTimeline(execution: Execution): string {
  const lines = [`${execution.name} (${execution.type}) ${execution.status}${execution.error === undefined ? '' : ` ${execution.error}`}`];
  for (const event of execution.events) {
    const offsetMs = Date.parse(event.timestamp) - execution.startedAtMs;
    lines.push(`  ${seconds(offsetMs).padStart(11)}  #${String(event.id).padEnd(3)} ${event.type.padEnd(26)} ${eventNote(event)}`.trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

function stateLine(name: string, state: AslState, startAt: string): string {
  const parts = [`${name === startAt ? '▶' : ' '} ${name}`, `(${state.Type})`];
  if (state.Next !== undefined) parts.push(`→ ${state.Next}`);
  if (state.End === true || state.Type === 'Succeed') parts.push('→ end');
  if (state.Type === 'Fail') parts.push(`→ fail ${state.Error ?? ''}`.trimEnd());
  if (state.Type === 'Wait') parts.push(`wait ${state.Seconds ?? state.Timestamp ?? state.SecondsPath ?? state.TimestampPath} ${state.Seconds === undefined ? '' : 's'}`.trimEnd());
  for (const rule of state.Choices ?? []) parts.push(`| ${JSON.stringify({ ...rule, Next: undefined })} → ${rule.Next}`);
  if (state.Default !== undefined) parts.push(`| default → ${state.Default}`);
  for (const retrier of state.Retry ?? []) {
    parts.push(`retry ${retrier.ErrorEquals.join(',')} ×${retrier.MaxAttempts ?? 3} every ${retrier.IntervalSeconds ?? 1} s ×${retrier.BackoffRate ?? 2}`);
  }
  for (const catcher of state.Catch ?? []) parts.push(`catch ${catcher.ErrorEquals.join(',')} → ${catcher.Next}${catcher.ResultPath === undefined ? '' : ` at ${String(catcher.ResultPath)}`}`);
  return `  ${parts.join('  ')}`;
}

export function machineGraph(machine: StateMachine): string {
  const lines = [`${machine.name} (${machine.type})  StartAt ${machine.definition.StartAt}`];
  for (const [name, state] of Object.entries(machine.definition.States)) lines.push(stateLine(name, state, machine.definition.StartAt));
  return `${lines.join('\n')}\n`;
}

export const STEPFUNCTIONS_SIM_COMMANDS: readonly SimCommandSpec[] = [
  defineShowCommand({
    subject: 'execution',
    nameArg: 'EXECUTION',
    summary: 'Shows an execution (ARN or name, Express included) as a timeline: each history event at its offset from the start.',
    example: 'sim show execution order-1',
    output: 'The execution: executionArn, name, type, status, error, cause, output and its history events.',
    show: (session, key) => {
      const found = executionNamed(session.world, key);
      if (!found.ok) return found;
      const e = found.value;
      const json = { executionArn: e.arn, name: e.name, type: e.type, status: e.status, error: e.error ?? null, cause: e.cause ?? null, output: e.outputText ?? null, events: e.events };
      return ok({ json, text: executionTimeline(e) });
    },
  }),
  defineShowCommand({
    subject: 'state-machine',
    nameArg: 'STATE_MACHINE',
    summary: 'Shows a state machine (ARN or name) as a graph in text: each state, its type and where it goes (Next, Choice rules, Retry, Catch).',
    example: 'sim show state-machine OrderFlow',
    output: 'The state machine: stateMachineArn, name, type, and its definition.',
    show: (session, key) => {
      const found = machineNamed(session.world, key);
      if (!found.ok) return found;
      const m = found.value;
      return ok({ json: { stateMachineArn: m.arn, name: m.name, type: m.type, definition: m.definition }, text: machineGraph(m) });
    },
  }),
];
