// Proves the execution API: StartExecution name idempotency (same name + same input while running →
// the same execution; a different input, or a closed execution → ExecutionAlreadyExists), Standard vs
// Express (SVC-11: 5-minute limit, no describe/history for Express, start-sync-execution for Express
// only), the 256 KiB input limit, StopExecution, ListExecutions and the errors' exact texts.
import { describe, expect, it } from 'vitest';
import { runSandboxLine } from '../../../src/sim/index.js';
import { MACHINE_PREFIX, advance, describe as describeExecution, errorOf, machine, run, sandbox, start, timeline } from './helpers.js';

const WAIT_10 = { StartAt: 'Hold', States: { Hold: { Type: 'Wait', Seconds: 10, End: true } } };
const startLine = (name: string, input: string, executionName = 'order-1'): string =>
  `aws stepfunctions start-execution --state-machine-arn ${MACHINE_PREFIX}${name} --name ${executionName} --input '${input}'`;

describe('name idempotency (StartExecution API reference)', () => {
  it('answers the running execution again for the same name and input, and refuses a different input', () => {
    const session = sandbox([]);
    machine(session, 'Hold', WAIT_10);
    const first = run(session, startLine('Hold', '{"a":1}'));
    advance(session, '2s');
    expect(run(session, startLine('Hold', '{"a":1}'))).toEqual(first);
    expect(errorOf(session, startLine('Hold', '{"a":2}'))).toMatchInlineSnapshot(
      `"An error occurred (ExecutionAlreadyExists) when calling the StartExecution operation: Execution Already Exists: 'arn:aws:states:us-east-1:123456789012:execution:Hold:order-1'"`,
    );
  });

  it('refuses the name of a closed execution even with the same input, until 90 days have passed', () => {
    const session = sandbox([]);
    machine(session, 'Hold', WAIT_10);
    run(session, startLine('Hold', '{"a":1}'));
    advance(session, '11s');
    expect(errorOf(session, startLine('Hold', '{"a":1}'))).toContain('(ExecutionAlreadyExists)');
    advance(session, '90d');
    expect(run(session, startLine('Hold', '{"a":1}'))['startDate']).toBe('2026-04-01T00:00:11.000000+00:00');
  });

  it('names executions with a UUID from the seeded stream when --name is absent', () => {
    const session = sandbox([]);
    machine(session, 'Hold', WAIT_10);
    const arn = run(session, `aws stepfunctions start-execution --state-machine-arn ${MACHINE_PREFIX}Hold`)['executionArn'] as string;
    expect(arn).toMatch(/:execution:Hold:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('Standard and Express (SVC-11)', () => {
  it('times an Express execution out after 5 minutes', () => {
    const session = sandbox([]);
    const definition = { StartAt: 'Hold', States: { Hold: { Type: 'Wait', Seconds: 600, End: true } } };
    machine(session, 'Quick', definition, 'EXPRESS');
    const answer = run(session, `aws stepfunctions start-sync-execution --state-machine-arn ${MACHINE_PREFIX}Quick`);
    expect(answer).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout', stopDate: '2026-01-01T00:05:00.000000+00:00' });
    expect(answer['billingDetails']).toEqual({ billedMemoryUsedInMB: 64, billedDurationInMilliseconds: 300_000 });
  });

  it('runs start-sync-execution to the end on the virtual clock and answers the output', () => {
    const session = sandbox([]);
    machine(session, 'Quick', { StartAt: 'Hold', States: { Hold: { Type: 'Wait', Seconds: 2, Next: 'Done' }, Done: { Type: 'Pass', Result: { done: true }, End: true } } }, 'EXPRESS');
    const answer = run(session, `aws stepfunctions start-sync-execution --state-machine-arn ${MACHINE_PREFIX}Quick --name q1 --input '{"a":1}'`);
    expect(answer).toMatchObject({ status: 'SUCCEEDED', output: '{"done":true}', billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: 2_000 } });
    expect(answer['executionArn']).toMatch(/^arn:aws:states:us-east-1:123456789012:express:Quick:q1:[0-9a-f-]{36}$/);
    expect(session.world.nowMs - Date.parse('2026-01-01T00:00:00Z')).toBe(2_000);
  });

  it('refuses describe-execution and get-execution-history for an Express execution', () => {
    const session = sandbox([]);
    machine(session, 'Quick', WAIT_10, 'EXPRESS');
    const arn = run(session, `aws stepfunctions start-execution --state-machine-arn ${MACHINE_PREFIX}Quick`)['executionArn'] as string;
    expect(errorOf(session, `aws stepfunctions describe-execution --execution-arn ${arn}`)).toMatchInlineSnapshot(
      `"An error occurred (InvalidArn) when calling the DescribeExecution operation: Invalid Arn: 'Resource type not valid in this context: express'"`,
    );
    expect(errorOf(session, `aws stepfunctions get-execution-history --execution-arn ${arn}`)).toContain('(InvalidArn)');
    expect(errorOf(session, `aws stepfunctions list-executions --state-machine-arn ${MACHINE_PREFIX}Quick`)).toContain('(StateMachineTypeNotSupported)');
  });

  it('refuses start-sync-execution on a Standard state machine', () => {
    const session = sandbox([]);
    machine(session, 'Hold', WAIT_10);
    expect(errorOf(session, `aws stepfunctions start-sync-execution --state-machine-arn ${MACHINE_PREFIX}Hold`)).toMatchInlineSnapshot(
      `"An error occurred (StateMachineTypeNotSupported) when calling the StartSyncExecution operation: This operation is not supported by this type of state machine: StartSyncExecution runs EXPRESS state machines only"`,
    );
  });

  it('lets a Standard execution wait far longer than 5 minutes, and times it out at its definition TimeoutSeconds', () => {
    const session = sandbox([]);
    machine(session, 'Long', { StartAt: 'Hold', States: { Hold: { Type: 'Wait', Seconds: 86_400, End: true } } });
    machine(session, 'Capped', { StartAt: 'Hold', TimeoutSeconds: 60, States: { Hold: { Type: 'Wait', Seconds: 86_400, End: true } } });
    const long = start(session, 'Long');
    const capped = start(session, 'Capped');
    advance(session, '1d');
    expect(describeExecution(session, long)['status']).toBe('SUCCEEDED');
    expect(timeline(session, capped)).toEqual(['+0 ExecutionStarted', '+0 WaitStateEntered', '+60000 ExecutionTimedOut']);
  });
});

describe('the one-year Standard limit (SVC-11)', () => {
  it('times a Standard execution out exactly 365 days after its start', () => {
    const session = sandbox([]);
    machine(session, 'Year', { StartAt: 'Hold', States: { Hold: { Type: 'Wait', TimestampPath: '$.until', End: true } } });
    const arn = start(session, 'Year', { until: '2027-06-01T00:00:00Z' });
    advance(session, '364d');
    expect(describeExecution(session, arn)['status']).toBe('RUNNING');
    advance(session, '1d');
    expect(describeExecution(session, arn)).toMatchObject({ status: 'TIMED_OUT', stopDate: '2027-01-01T00:00:00.000000+00:00' });
  });
});

describe('limits and errors', () => {
  it('refuses an input over 256 KiB (262,144 bytes, SVC-11) and accepts exactly 256 KiB', () => {
    const session = sandbox([]);
    machine(session, 'Hold', WAIT_10);
    const input = (bytes: number): string => JSON.stringify({ d: 'x'.repeat(bytes - 8) });
    expect(runSandboxLine(session, startLine('Hold', input(262_144), 'fits')).ok).toBe(true);
    expect(errorOf(session, startLine('Hold', input(262_145), 'too-big'))).toMatchInlineSnapshot(
      `"An error occurred (ValidationException) when calling the StartExecution operation: 1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to 262144"`,
    );
  });

  it('answers StateMachineDoesNotExist and ExecutionDoesNotExist with the ARN', () => {
    const session = sandbox([]);
    expect(errorOf(session, `aws stepfunctions start-execution --state-machine-arn ${MACHINE_PREFIX}Nope`)).toMatchInlineSnapshot(
      `"An error occurred (StateMachineDoesNotExist) when calling the StartExecution operation: State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:Nope'"`,
    );
    expect(errorOf(session, 'aws stepfunctions describe-execution --execution-arn arn:aws:states:us-east-1:123456789012:execution:Nope:x')).toMatchInlineSnapshot(
      `"An error occurred (ExecutionDoesNotExist) when calling the DescribeExecution operation: Execution Does Not Exist: 'arn:aws:states:us-east-1:123456789012:execution:Nope:x'"`,
    );
  });

  it('creates the same state machine twice idempotently, and refuses a different definition under the name', () => {
    const session = sandbox([]);
    const arn = machine(session, 'Hold', WAIT_10);
    expect(machine(session, 'Hold', WAIT_10)).toBe(arn);
    expect(errorOf(session, `aws stepfunctions create-state-machine --name Hold --role-arn arn:aws:iam::123456789012:role/sfn --definition '{"StartAt":"S","States":{"S":{"Type":"Succeed"}}}'`)).toContain(
      "(StateMachineAlreadyExists) when calling the CreateStateMachine operation: State Machine Already Exists: 'arn:aws:states:us-east-1:123456789012:stateMachine:Hold'",
    );
  });
});

describe('stop, list, describe', () => {
  it('stops a running execution: ABORTED with the given error and cause, its wait cancelled', () => {
    const session = sandbox([]);
    machine(session, 'Hold', WAIT_10);
    const arn = start(session, 'Hold');
    advance(session, '3s');
    expect(run(session, `aws stepfunctions stop-execution --execution-arn ${arn} --error Manual --cause 'by hand'`)).toEqual({ stopDate: '2026-01-01T00:00:03.000000+00:00' });
    advance(session, '1m');
    expect(describeExecution(session, arn)).toMatchObject({ status: 'ABORTED', error: 'Manual', cause: 'by hand' });
    expect(timeline(session, arn)).toEqual(['+0 ExecutionStarted', '+0 WaitStateEntered', '+3000 ExecutionAborted']);
  });

  it('lists executions newest first, filtered by status, and describes the state machine', () => {
    const session = sandbox([]);
    machine(session, 'Hold', WAIT_10);
    start(session, 'Hold', {}, 'first');
    advance(session, '11s');
    start(session, 'Hold', {}, 'second');
    const listed = run(session, `aws stepfunctions list-executions --state-machine-arn ${MACHINE_PREFIX}Hold`)['executions'] as { name: string; status: string }[];
    expect(listed.map((e) => `${e.name} ${e.status}`)).toEqual(['second RUNNING', 'first SUCCEEDED']);
    const running = run(session, `aws stepfunctions list-executions --state-machine-arn ${MACHINE_PREFIX}Hold --status-filter RUNNING`)['executions'] as unknown[];
    expect(running).toHaveLength(1);
    expect(run(session, `aws stepfunctions describe-state-machine --state-machine-arn ${MACHINE_PREFIX}Hold`)).toMatchObject({ name: 'Hold', type: 'STANDARD', status: 'ACTIVE', definition: JSON.stringify(WAIT_10) });
    expect((run(session, 'aws stepfunctions list-state-machines')['stateMachines'] as unknown[]).length).toBe(1);
  });
});
