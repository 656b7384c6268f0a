// An execution's history: events numbered from 1, each naming the one before it, stamped with the
// virtual clock, with the details member GetExecutionHistory uses for its type
// (https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html). Each event is
// also a trace entry, so panels and quiz answers can read executions from the trace.
import type { World } from '../world.js';
import { cliDate, type Execution } from './model.js';

/** The `...EventDetails` member name for an event type; undefined for types without details. */
function detailsMember(type: string): string | undefined {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  if (type === 'LambdaFunctionStarted') return undefined;
  return `${type[0]!.toLowerCase()}${type.slice(1)}EventDetails`;
}

export function addEvent(world: World, execution: Execution, type: string, details?: Readonly<Record<string, unknown>>): number {
  const id = execution.events.length + 1;
  const member = detailsMember(type);
  execution.events.push({
    timestamp: cliDate(world.nowMs),
    type,
    id,
    previousEventId: id - 1,
    ...(member === undefined || details === undefined ? {} : { [member]: details }),
  });
  const stateName = details?.['name'];
  world.record({
    service: 'stepfunctions',
    operation: type,
    outcome: 'ok',
    detail: { execution: execution.name, executionArn: execution.arn, eventId: id, ...(typeof stateName === 'string' ? { state: stateName } : {}) },
  });
  return id;
}

/** Input or output text with the `...Details` member AWS adds beside it. */
export function withData(key: 'input' | 'output', value: unknown): Record<string, unknown> {
  return { [key]: JSON.stringify(value), [`${key}Details`]: { truncated: false } };
}
