// The sandbox rows for `aws stepfunctions ...`: the real CLI's command and flag names, the API's
// camelCase members (so API Gateway's `states:action/StartExecution` sends the same request).
import type { OperationSpec, ParamSpec } from '../cli/operation-spec.js';
import { describeExecution, getExecutionHistory, listExecutions, startExecution, startSyncExecution, stopExecution } from './executions.js';
import { createStateMachine, describeStateMachine, listStateMachines } from './machines.js';

const machineArn: ParamSpec = { flag: '--state-machine-arn', member: 'stateMachineArn', type: 'string', required: true, description: 'arn:aws:states:REGION:ACCOUNT:stateMachine:NAME (create-state-machine prints it).' };
const executionArn: ParamSpec = { flag: '--execution-arn', member: 'executionArn', type: 'string', required: true, description: 'The ARN start-execution printed.' };
const startParams: readonly ParamSpec[] = [
  machineArn,
  { flag: '--name', member: 'name', type: 'string', required: false, description: 'The execution name (default: a UUID); Standard: the same name with the same input while running answers the same execution.' },
  { flag: '--input', member: 'input', type: 'json', required: false, description: 'The execution input, a JSON document of at most 256 KiB (default {}).' },
];
const sfn = (command: string, operation: string, summary: string, params: readonly ParamSpec[], run: OperationSpec['run']): OperationSpec => ({ service: 'stepfunctions', command, operation, summary, params, run });

export const STEPFUNCTIONS_OPERATIONS: readonly OperationSpec[] = [
  sfn('create-state-machine', 'CreateStateMachine', 'Creates a state machine from an Amazon States Language definition (Task, Choice, Wait, Pass, Succeed, Fail), checked as AWS checks it.', [
    { flag: '--name', member: 'name', type: 'string', required: true, description: '1–80 characters, no spaces, brackets or wildcards.' },
    { flag: '--definition', member: 'definition', type: 'json', required: true, description: 'The ASL definition: JSON, or file://machine.asl.json.' },
    { flag: '--role-arn', member: 'roleArn', type: 'string', required: true, description: 'The IAM role the state machine runs as (arn:aws:iam::ACCOUNT:role/NAME).' },
    { flag: '--type', member: 'type', type: 'string', required: false, choices: ['STANDARD', 'EXPRESS'], description: 'STANDARD (default: up to 1 year, history kept) or EXPRESS (up to 5 minutes, no history API).' },
  ], createStateMachine),
  sfn('describe-state-machine', 'DescribeStateMachine', 'Shows a state machine: definition, role, type, status.', [machineArn], describeStateMachine),
  sfn('list-state-machines', 'ListStateMachines', 'Lists the state machines of the Region.', [], (world) => listStateMachines(world)),
  sfn('start-execution', 'StartExecution', 'Starts an execution; it runs on the virtual clock (Wait, Retry intervals and Lambda run time move with `sim clock advance`).', startParams, startExecution),
  sfn('start-sync-execution', 'StartSyncExecution', 'EXPRESS only: runs an execution to its end (moving the virtual clock) and answers its status and output.', startParams, startSyncExecution),
  sfn('describe-execution', 'DescribeExecution', 'Shows a Standard execution: status, input, output or error and cause.', [executionArn], describeExecution),
  sfn('get-execution-history', 'GetExecutionHistory', 'Lists a Standard execution’s history events (ids, previousEventId, timestamps on the virtual clock).', [
    executionArn,
    { flag: '--reverse-order', member: 'reverseOrder', type: 'boolean', required: false, description: 'Newest event first.' },
    { flag: '--max-results', member: 'maxResults', type: 'integer', required: false, description: 'At most this many events.' },
  ], getExecutionHistory),
  sfn('list-executions', 'ListExecutions', 'Lists a Standard state machine’s executions, newest first.', [
    machineArn,
    { flag: '--status-filter', member: 'statusFilter', type: 'string', required: false, choices: ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'], description: 'Only executions with this status.' },
  ], listExecutions),
  sfn('stop-execution', 'StopExecution', 'Stops a running Standard execution (status ABORTED).', [
    executionArn,
    { flag: '--error', member: 'error', type: 'string', required: false, description: 'An error name to record.' },
    { flag: '--cause', member: 'cause', type: 'string', required: false, description: 'A cause to record.' },
  ], stopExecution),
];
