// Running a Task's resource: a plain Lambda function ARN (LambdaFunction* history events, the function's
// answer is the result), the optimised `arn:aws:states:::lambda:invoke` integration (Task* events, the
// result wraps the answer in Payload with StatusCode and ExecutedVersion), and `sqs:sendMessage` /
// `sns:publish` (Task* events, the service's answer is the result). Lambda's own model says how long the
// function ran; the SQS and SNS calls take no virtual time. Errors are named as Step Functions names
// them: the function's errorType, or `Lambda.<code>` / `SQS.<code>` / `SNS.<code>` for a refused call
// (https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html).
import type { World } from '../world.js';
import { LAMBDA_INVOKE_RESOURCE, type AslState } from './asl.js';
import { addEvent, withData } from './history.js';
import type { Execution, TaskOutcome } from './model.js';
import { stepFunctionsPorts, type LambdaCall } from './ports.js';

export interface TaskRun {
  readonly durationMs: number;
  readonly outcome: TaskOutcome;
}

/** `lambda`, `sqs` or `sns` and the action: the resourceType/resource pair Task* events carry. */
function serviceOf(resource: string): { readonly resourceType: string; readonly resource: string } {
  const [, service = '', action = ''] = /^arn:aws:states:::([a-z]+):(\w+)$/.exec(resource) ?? [];
  return { resourceType: service, resource: action };
}

const timeoutDetail = (state: AslState): Record<string, unknown> => (state.TimeoutSeconds === undefined ? {} : { timeoutInSeconds: state.TimeoutSeconds });

function parsedPayload(call: LambdaCall): unknown {
  try {
    return call.payload === '' ? null : (JSON.parse(call.payload) as unknown);
  } catch {
    return call.payload;
  }
}

/** A function error's name is its errorType; the cause is the error object as JSON text. */
function lambdaOutcome(call: LambdaCall, wrap: (payload: unknown) => unknown): TaskOutcome {
  if (call.error !== undefined) return { kind: 'failed', error: `Lambda.${call.error.name}`, cause: call.error.message };
  const payload = parsedPayload(call);
  if (call.functionError !== undefined) {
    const errorType = (payload as { errorType?: unknown } | null)?.errorType;
    return { kind: 'failed', error: typeof errorType === 'string' ? errorType : 'Lambda.Unknown', cause: call.payload };
  }
  return { kind: 'succeeded', result: wrap(payload) };
}

/** Starts the task: records its scheduled and started events and computes what it will answer. */
export function runTaskResource(world: World, execution: Execution, state: AslState, input: unknown): TaskRun {
  const resource = state.Resource!;
  if (resource.startsWith('arn:aws:lambda:')) {
    addEvent(world, execution, 'LambdaFunctionScheduled', { resource, ...withData('input', input), ...timeoutDetail(state) });
    addEvent(world, execution, 'LambdaFunctionStarted');
    const call = stepFunctionsPorts().invokeLambda(world, resource, input);
    return { durationMs: call.durationMs, outcome: lambdaOutcome(call, (payload) => payload) };
  }
  const names = serviceOf(resource);
  addEvent(world, execution, 'TaskScheduled', { ...names, region: world.region, parameters: JSON.stringify(input), ...timeoutDetail(state) });
  addEvent(world, execution, 'TaskStarted', names);
  const request = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  if (resource === LAMBDA_INVOKE_RESOURCE) return invokeFunction(world, request);
  return callService(world, names.resourceType, names.resource, request);
}

function invokeFunction(world: World, request: Record<string, unknown>): TaskRun {
  const functionName = request['FunctionName'];
  if (typeof functionName !== 'string') {
    return { durationMs: 0, outcome: { kind: 'failed', error: 'Lambda.InvalidParameterValueException', cause: 'The Parameters of a lambda:invoke task must name a FunctionName' } };
  }
  const call = stepFunctionsPorts().invokeLambda(world, functionName, request['Payload'] ?? {});
  const version = /:function:[^:]+:([^:]+)$/.exec(functionName)?.[1] ?? '$LATEST';
  const wrap = (payload: unknown): unknown => ({ ExecutedVersion: version, Payload: payload, SdkHttpMetadata: { HttpStatusCode: 200 }, StatusCode: 200 });
  return { durationMs: call.durationMs, outcome: lambdaOutcome(call, wrap) };
}

/** SQS SendMessage and SNS Publish take a text body: an object given in Parameters is sent as JSON text. */
function callService(world: World, service: string, action: string, request: Record<string, unknown>): TaskRun {
  const textMember = service === 'sqs' ? 'MessageBody' : 'Message';
  const body = request[textMember];
  const sent = typeof body === 'string' || body === undefined ? request : { ...request, [textMember]: JSON.stringify(body) };
  const prefix = service.toUpperCase();
  const answer = stepFunctionsPorts().callServiceAction(world, service, `${action[0]!.toUpperCase()}${action.slice(1)}`, sent);
  if (answer === undefined) return { durationMs: 0, outcome: { kind: 'failed', error: `${prefix}.ServiceException`, cause: `The simulator has no ${service} action ${action}` } };
  if (!answer.ok) return { durationMs: 0, outcome: { kind: 'failed', error: `${prefix}.${answer.error.name}`, cause: answer.error.message } };
  return { durationMs: 0, outcome: { kind: 'succeeded', result: answer.value } };
}

/** The event that ends a task attempt, by resource kind and outcome. */
export function recordTaskEnd(world: World, execution: Execution, state: AslState, outcome: TaskOutcome): void {
  const resource = state.Resource!;
  const isLambdaArn = resource.startsWith('arn:aws:lambda:');
  const names = isLambdaArn ? {} : serviceOf(resource);
  const prefix = isLambdaArn ? 'LambdaFunction' : 'Task';
  switch (outcome.kind) {
    case 'succeeded':
      addEvent(world, execution, `${prefix}Succeeded`, { ...names, ...withData('output', outcome.result) });
      return;
    case 'failed':
      addEvent(world, execution, `${prefix}Failed`, { ...names, error: outcome.error, cause: outcome.cause });
      return;
    case 'timed-out':
      addEvent(world, execution, `${prefix}TimedOut`, { ...names, error: 'States.Timeout' });
      return;
  }
}
