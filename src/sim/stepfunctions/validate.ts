// Checks a definition when a state machine is created, as CreateStateMachine does: every problem is
// reported in one InvalidDefinition answer, each as `CODE: what at /path` naming the state, in AWS's
// form (`SCHEMA_VALIDATION_FAILED`, `MISSING_TRANSITION_TARGET`, `MISSING_END_STATE`,
// `INVALID_JSON_DESCRIPTION`; forms seen in AWS answers quoted in
// https://github.com/localstack/localstack/issues/11978 and https://github.com/floci-io/floci/issues/2735).
// The sentences after the codes are the simulator's own where AWS's are not known.
import { fail, ok, type Result } from '../result.js';
import {
  COMPARISON_OPERATORS,
  FIELDS_BY_TYPE,
  LAMBDA_FUNCTION_ARN,
  SERVICE_RESOURCES,
  STATE_TYPES,
  type AslDefinition,
  type AslState,
  type StateType,
} from './asl.js';
import { invalidDefinition } from './errors.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPath = (value: unknown): boolean => value === null || (typeof value === 'string' && value.startsWith('$'));
const isWholeNumber = (value: unknown, min: number): boolean => typeof value === 'number' && Number.isInteger(value) && value >= min;

class Problems {
  readonly list: string[] = [];
  schema(message: string, at: string): void {
    this.list.push(`SCHEMA_VALIDATION_FAILED: ${message} at ${at}`);
  }
  add(code: string, message: string, at: string): void {
    this.list.push(`${code}: ${message} at ${at}`);
  }
}

/** Parses and checks a definition (JSON text, or an object the CLI already parsed). */
export function validateDefinition(given: unknown): Result<{ readonly definition: AslDefinition; readonly text: string }> {
  let value = given;
  if (typeof given === 'string') {
    try {
      value = JSON.parse(given) as unknown;
    } catch (error) {
      return fail(invalidDefinition([`INVALID_JSON_DESCRIPTION: ${(error as Error).message}`]));
    }
  }
  if (!isObject(value)) return fail(invalidDefinition(['INVALID_JSON_DESCRIPTION: The definition must be a JSON object']));
  const problems = new Problems();
  checkTop(value, problems);
  if (problems.list.length > 0) return fail(invalidDefinition(problems.list));
  return ok({ definition: value as unknown as AslDefinition, text: typeof given === 'string' ? given : JSON.stringify(given) });
}

function checkTop(definition: Json, problems: Problems): void {
  for (const field of Object.keys(definition)) {
    if (!['Comment', 'StartAt', 'States', 'TimeoutSeconds', 'Version'].includes(field)) problems.schema(`The field "${field}" is not supported by Step Functions`, '/');
  }
  const missing = ['StartAt', 'States'].filter((field) => definition[field] === undefined);
  if (missing.length > 0) return problems.schema(`These fields are required: [${missing.join(', ')}]`, '/');
  if (definition['TimeoutSeconds'] !== undefined && !isWholeNumber(definition['TimeoutSeconds'], 1)) problems.schema('TimeoutSeconds must be a positive whole number', '/TimeoutSeconds');
  const states = definition['States'];
  if (!isObject(states) || Object.keys(states).length === 0) return problems.schema('States must be an object with at least one state', '/States');
  if (typeof definition['StartAt'] !== 'string' || states[definition['StartAt']] === undefined) {
    problems.add('MISSING_TRANSITION_TARGET', `Missing 'Next' target: ${String(definition['StartAt'])}`, '/StartAt');
  }
  for (const [name, state] of Object.entries(states)) checkState(name, state, states, problems);
  if (problems.list.length > 0) return;
  checkReachable(definition['StartAt'] as string, states as Record<string, AslState>, problems);
}

function checkState(name: string, state: unknown, states: Json, problems: Problems): void {
  const at = `/States/${name}`;
  if (name.length > 80) problems.schema('State names must be at most 80 characters', at);
  if (!isObject(state)) return problems.schema('A state must be a JSON object', at);
  const type = state['Type'];
  if (type === undefined) return problems.schema('These fields are required: [Type]', at);
  if (!STATE_TYPES.includes(type as StateType)) {
    return problems.schema(`The value for the field 'Type' must be one of ${STATE_TYPES.join(', ')} (the simulator runs these types; Parallel and Map are not simulated)`, `${at}/Type`);
  }
  const allowed = FIELDS_BY_TYPE[type as StateType];
  for (const field of Object.keys(state)) if (!allowed.includes(field)) problems.schema(`The field "${field}" is not supported by Step Functions`, at);
  for (const field of ['InputPath', 'OutputPath', 'ResultPath']) {
    if (field in state && !isPath(state[field])) problems.schema(`The value for the field '${field}' must be a valid JSONPath`, `${at}/${field}`);
  }
  checkTransition(type as StateType, state, at, states, problems);
  if (type === 'Task') checkTask(state, at, states, problems);
  if (type === 'Choice') checkChoice(state, at, states, problems);
  if (type === 'Wait') checkWait(state, at, problems);
}

function target(next: unknown, at: string, states: Json, problems: Problems): void {
  if (typeof next !== 'string' || states[next] === undefined) problems.add('MISSING_TRANSITION_TARGET', `Missing 'Next' target: ${String(next)}`, at);
}

function checkTransition(type: StateType, state: Json, at: string, states: Json, problems: Problems): void {
  if (type === 'Choice' || type === 'Succeed' || type === 'Fail') return;
  const hasNext = state['Next'] !== undefined;
  const hasEnd = state['End'] === true;
  if (hasNext === hasEnd) return problems.schema('Exactly one of the fields [Next, End] must be set (End must be true)', at);
  if (hasNext) target(state['Next'], `${at}/Next`, states, problems);
}

function checkTask(state: Json, at: string, states: Json, problems: Problems): void {
  const resource = state['Resource'];
  if (resource === undefined) problems.schema('These fields are required: [Resource]', at);
  else if (typeof resource !== 'string' || !(SERVICE_RESOURCES.includes(resource) || LAMBDA_FUNCTION_ARN.test(resource))) {
    problems.schema(`The resource '${String(resource)}' is not one the simulator runs: a Lambda function ARN, or ${SERVICE_RESOURCES.join(', ')}`, `${at}/Resource`);
  }
  if (state['TimeoutSeconds'] !== undefined && !isWholeNumber(state['TimeoutSeconds'], 1)) problems.schema('TimeoutSeconds must be a positive whole number', `${at}/TimeoutSeconds`);
  checkRetriers(state['Retry'], `${at}/Retry`, problems);
  checkCatchers(state['Catch'], `${at}/Catch`, states, problems);
}

/** `States.ALL` must stand alone in its ErrorEquals, in the last retrier or catcher (spec: "Retrying after error"). */
function checkErrorEquals(list: unknown, index: number, count: number, at: string, problems: Problems): void {
  if (!Array.isArray(list) || list.length === 0 || !list.every((name) => typeof name === 'string')) {
    return problems.schema('ErrorEquals must be a non-empty list of error names', `${at}/ErrorEquals`);
  }
  if (list.includes('States.ALL') && (list.length > 1 || index !== count - 1)) {
    problems.schema("'States.ALL' must appear alone in ErrorEquals, and only in the last element", `${at}/ErrorEquals`);
  }
}

function checkRetriers(retry: unknown, at: string, problems: Problems): void {
  if (retry === undefined) return;
  if (!Array.isArray(retry)) return problems.schema('Retry must be a list of retriers', at);
  retry.forEach((retrier: unknown, index) => {
    const here = `${at}[${index}]`;
    if (!isObject(retrier)) return problems.schema('A retrier must be a JSON object', here);
    checkErrorEquals(retrier['ErrorEquals'], index, retry.length, here, problems);
    if (retrier['IntervalSeconds'] !== undefined && !isWholeNumber(retrier['IntervalSeconds'], 1)) problems.schema('IntervalSeconds must be a positive whole number', `${here}/IntervalSeconds`);
    if (retrier['MaxAttempts'] !== undefined && !isWholeNumber(retrier['MaxAttempts'], 0)) problems.schema('MaxAttempts must be a whole number of 0 or more', `${here}/MaxAttempts`);
    if (retrier['MaxDelaySeconds'] !== undefined && !isWholeNumber(retrier['MaxDelaySeconds'], 1)) problems.schema('MaxDelaySeconds must be a positive whole number', `${here}/MaxDelaySeconds`);
    const rate = retrier['BackoffRate'];
    if (rate !== undefined && (typeof rate !== 'number' || rate < 1)) problems.schema('BackoffRate must be a number of 1.0 or more', `${here}/BackoffRate`);
  });
}

function checkCatchers(catchers: unknown, at: string, states: Json, problems: Problems): void {
  if (catchers === undefined) return;
  if (!Array.isArray(catchers)) return problems.schema('Catch must be a list of catchers', at);
  catchers.forEach((catcher: unknown, index) => {
    const here = `${at}[${index}]`;
    if (!isObject(catcher)) return problems.schema('A catcher must be a JSON object', here);
    checkErrorEquals(catcher['ErrorEquals'], index, catchers.length, here, problems);
    if ('ResultPath' in catcher && !isPath(catcher['ResultPath'])) problems.schema("The value for the field 'ResultPath' must be a valid JSONPath", `${here}/ResultPath`);
    target(catcher['Next'], `${here}/Next`, states, problems);
  });
}

function checkChoice(state: Json, at: string, states: Json, problems: Problems): void {
  const choices = state['Choices'];
  if (!Array.isArray(choices) || choices.length === 0) return problems.schema('These fields are required: [Choices] (a non-empty list)', at);
  choices.forEach((rule: unknown, index) => {
    const here = `${at}/Choices[${index}]`;
    checkRule(rule, here, problems);
    if (isObject(rule)) target(rule['Next'], `${here}/Next`, states, problems);
  });
  if (state['Default'] !== undefined) target(state['Default'], `${at}/Default`, states, problems);
}

function checkRule(rule: unknown, at: string, problems: Problems): void {
  if (!isObject(rule)) return problems.schema('A choice rule must be a JSON object', at);
  const combinators = ['And', 'Or', 'Not'].filter((key) => key in rule);
  const operators = Object.keys(rule).filter((key) => COMPARISON_OPERATORS.includes(key));
  if (combinators.length + operators.length !== 1) return problems.schema('A choice rule must have exactly one comparison operator, or one of And, Or, Not', at);
  const combinator = combinators[0];
  if (combinator === 'Not') return checkRule(rule['Not'], `${at}/Not`, problems);
  if (combinator !== undefined) {
    const list = rule[combinator];
    if (!Array.isArray(list) || list.length === 0) return problems.schema(`${combinator} must be a non-empty list of rules`, `${at}/${combinator}`);
    list.forEach((inner: unknown, index) => checkRule(inner, `${at}/${combinator}[${index}]`, problems));
    return;
  }
  if (typeof rule['Variable'] !== 'string' || !rule['Variable'].startsWith('$')) problems.schema('These fields are required: [Variable] (a JSONPath)', at);
}

function checkWait(state: Json, at: string, problems: Problems): void {
  const given = ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'].filter((field) => state[field] !== undefined);
  if (given.length !== 1) return problems.schema('Exactly one of the fields [Seconds, Timestamp, SecondsPath, TimestampPath] must be set', at);
  if (state['Seconds'] !== undefined && !isWholeNumber(state['Seconds'], 0)) problems.schema('Seconds must be a whole number of 0 or more', `${at}/Seconds`);
  if (state['Timestamp'] !== undefined && Number.isNaN(Date.parse(String(state['Timestamp'])))) problems.schema('Timestamp must be an ISO 8601 time', `${at}/Timestamp`);
}

/** Every state must be reachable from StartAt (AWS reports the others as MISSING_TRANSITION_TARGET). */
function checkReachable(startAt: string, states: Readonly<Record<string, AslState>>, problems: Problems): void {
  const seen = new Set<string>([startAt]);
  const queue = [startAt];
  for (let index = 0; index < queue.length; index++) {
    for (const next of transitionsOf(states[queue[index]!]!)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  for (const name of Object.keys(states)) if (!seen.has(name)) problems.add('MISSING_TRANSITION_TARGET', `State "${name}" is not reachable.`, `/States/${name}`);
  const hasEnd = Object.values(states).some((state) => state.End === true || state.Type === 'Succeed' || state.Type === 'Fail');
  if (!hasEnd) problems.add('MISSING_END_STATE', 'Workflow has no terminal state', 'null');
}

function transitionsOf(state: AslState): string[] {
  const next: string[] = [];
  if (state.Next !== undefined) next.push(state.Next);
  if (state.Default !== undefined) next.push(state.Default);
  for (const rule of state.Choices ?? []) if (rule.Next !== undefined) next.push(rule.Next);
  for (const catcher of state.Catch ?? []) next.push(catcher.Next);
  return next;
}
