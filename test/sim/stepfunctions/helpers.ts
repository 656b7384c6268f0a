// Shared helpers for the Step Functions tests: a sandbox with Lambda functions from the handler
// catalogue, state machines created from definition objects, and readers for executions.
import { expect } from 'vitest';
import { runSandboxLine, type SandboxSession } from '../../../src/sim/index.js';
import { run } from '../sqs/helpers.js';

// The SQS tests' helpers: a seeded sandbox whose setup lines must succeed, and `run` for one line's output.
export { run, sandbox } from '../sqs/helpers.js';

export const ROLE = 'arn:aws:iam::123456789012:role/sfn';
export const MACHINE_PREFIX = 'arn:aws:states:us-east-1:123456789012:stateMachine:';
export const EXECUTION_PREFIX = 'arn:aws:states:us-east-1:123456789012:execution:';
export const FUNCTION_PREFIX = 'arn:aws:lambda:us-east-1:123456789012:function:';

/** The error text the AWS CLI would print for a line that fails. */
export function errorOf(session: SandboxSession, line: string): string {
  const report = runSandboxLine(session, line);
  expect(report.ok, line).toBe(false);
  return report.text.trim();
}

export const functionLine = (name: string, handler: string, extra = ''): string =>
  `aws lambda create-function --function-name ${name} --runtime nodejs22.x --role arn:aws:iam::123456789012:role/r --handler ${handler} ${extra}`.trimEnd();

/** Creates a state machine from a definition object; answers its ARN. */
export function machine(session: SandboxSession, name: string, definition: unknown, type: 'STANDARD' | 'EXPRESS' = 'STANDARD'): string {
  const output = run(session, `aws stepfunctions create-state-machine --name ${name} --definition '${JSON.stringify(definition)}' --role-arn ${ROLE} --type ${type}`);
  return output['stateMachineArn'] as string;
}

export function start(session: SandboxSession, name: string, input: unknown = {}, executionName = 'run-1'): string {
  const output = run(session, `aws stepfunctions start-execution --state-machine-arn ${MACHINE_PREFIX}${name} --name ${executionName} --input '${JSON.stringify(input)}'`);
  return output['executionArn'] as string;
}

export function describe(session: SandboxSession, executionArn: string): Record<string, unknown> {
  return run(session, `aws stepfunctions describe-execution --execution-arn ${executionArn}`);
}

export interface Event {
  readonly id: number;
  readonly type: string;
  readonly timestamp: string;
  readonly previousEventId: number;
  readonly [key: string]: unknown;
}

export function history(session: SandboxSession, executionArn: string): Event[] {
  return run(session, `aws stepfunctions get-execution-history --execution-arn ${executionArn}`)['events'] as Event[];
}

/** `+offset ms TYPE` per event: compact enough for an inline snapshot, exact on the virtual clock. */
export function timeline(session: SandboxSession, executionArn: string): string[] {
  const events = history(session, executionArn);
  const startMs = Date.parse(events[0]!.timestamp);
  return events.map((event) => `+${Date.parse(event.timestamp) - startMs} ${event.type}`);
}

export const advance = (session: SandboxSession, duration: string): void => {
  run(session, `sim clock advance ${duration}`);
};
