// State machine operations: CreateStateMachine (the definition checked as AWS checks it),
// DescribeStateMachine and ListStateMachines, and finding machines and executions by ARN.
import { fail, ok, type Result } from '../result.js';
import type { ApiDocument } from '../cli/operation-spec.js';
import type { World } from '../world.js';
import { invalidArn, invalidName, stateMachineAlreadyExists, stateMachineDoesNotExist, executionDoesNotExist } from './errors.js';
import { HISTORY_RETENTION_MS, NAME_MAX_CHARS } from './limits.js';
import { cliDate, stateMachineArn, stepFunctionsState, type Execution, type StateMachine, type StateMachineType } from './model.js';
import { validateDefinition } from './validate.js';

/** Names: 1–80 characters, no whitespace, brackets, wildcards or `"#%\^|~`$&,;:/` (CreateStateMachine API reference). */
export function checkName(name: string): Result<string> {
  if (name.length === 0 || name.length > NAME_MAX_CHARS || /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/.test(name)) return fail(invalidName(name));
  return ok(name);
}

export function createStateMachine(world: World, request: ApiDocument): Result<ApiDocument> {
  const name = checkName(String(request['name'] ?? ''));
  if (!name.ok) return name;
  const roleArn = String(request['roleArn'] ?? '');
  if (!roleArn.startsWith('arn:aws:iam::')) return fail(invalidArn(roleArn));
  const checked = validateDefinition(request['definition']);
  if (!checked.ok) {
    world.record({ service: 'stepfunctions', operation: 'CreateStateMachine', outcome: checked.error.name, detail: { name: name.value } });
    return checked;
  }
  const type = (request['type'] ?? 'STANDARD') as StateMachineType;
  const arn = stateMachineArn(world, name.value);
  const machines = stepFunctionsState(world).stateMachines;
  const existing = machines[arn];
  if (existing !== undefined) {
    // Creating the same machine again is idempotent; a different definition, role or type is a conflict.
    const isSame = existing.definitionText === checked.value.text && existing.roleArn === roleArn && existing.type === type;
    return isSame ? ok({ stateMachineArn: arn, creationDate: cliDate(existing.createdAtMs) }) : fail(stateMachineAlreadyExists(arn));
  }
  machines[arn] = { name: name.value, arn, type, roleArn, definitionText: checked.value.text, definition: checked.value.definition, createdAtMs: world.nowMs };
  world.record({ service: 'stepfunctions', operation: 'CreateStateMachine', outcome: 'ok', detail: { name: name.value, type } });
  return ok({ stateMachineArn: arn, creationDate: cliDate(world.nowMs) });
}

const RESOURCE_TYPE = /^arn:aws:states:[a-z0-9-]+:\d{12}:([A-Za-z]+):/;

/** The ARN as text when it is a Step Functions ARN of `wanted` type, else InvalidArn. */
function arnOfType(arn: unknown, wanted: string): Result<string> {
  const text = String(arn ?? '');
  const type = RESOURCE_TYPE.exec(text)?.[1];
  if (type === undefined) return fail(invalidArn(`Invalid ARN prefix: ${text}`));
  return type === wanted ? ok(text) : fail(invalidArn(`Resource type not valid in this context: ${type}`));
}

export function findStateMachine(world: World, arn: unknown): Result<StateMachine> {
  const checked = arnOfType(arn, 'stateMachine');
  if (!checked.ok) return checked;
  const text = checked.value;
  const machine = stepFunctionsState(world).stateMachines[text];
  return machine === undefined ? fail(stateMachineDoesNotExist(text)) : ok(machine);
}

/**
 * A Standard execution by ARN. Express executions have no describe, history or stop API: their ARNs
 * (`...:express:...`) are refused as AWS refuses them. A Standard history is kept 90 days after the
 * execution closes (SVC-11).
 */
export function findExecution(world: World, arn: unknown): Result<Execution> {
  const checked = arnOfType(arn, 'execution');
  if (!checked.ok) return checked;
  const text = checked.value;
  const execution = stepFunctionsState(world).executions[text];
  if (execution === undefined || (execution.stoppedAtMs !== undefined && world.nowMs - execution.stoppedAtMs > HISTORY_RETENTION_MS)) return fail(executionDoesNotExist(text));
  return ok(execution);
}

export function describeStateMachine(world: World, request: ApiDocument): Result<ApiDocument> {
  const machine = findStateMachine(world, request['stateMachineArn']);
  if (!machine.ok) return machine;
  const m = machine.value;
  return ok({
    stateMachineArn: m.arn,
    name: m.name,
    status: 'ACTIVE',
    definition: m.definitionText,
    roleArn: m.roleArn,
    type: m.type,
    creationDate: cliDate(m.createdAtMs),
    loggingConfiguration: { level: 'OFF', includeExecutionData: false },
  });
}

export function listStateMachines(world: World): Result<ApiDocument> {
  const machines = Object.values(stepFunctionsState(world).stateMachines)
    .filter((machine) => machine.arn.startsWith(`arn:aws:states:${world.region}:`))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((machine) => ({ stateMachineArn: machine.arn, name: machine.name, type: machine.type, creationDate: cliDate(machine.createdAtMs) }));
  return ok({ stateMachines: machines });
}
