// Running a method's integration: Lambda proxy (AWS_PROXY) through Lambda's own `invoke`, HTTP and
// HTTP_PROXY against the sandbox's fake HTTP endpoints (or an echo), MOCK with its configured answer.
// AWS service integrations (type AWS, APIGW-10) call a simulated service action named by the URI
// (`arn:aws:apigateway:REGION:dynamodb:action/PutItem`) through a port the world wiring sets. Mapping
// templates are not simulated yet (issue 11), so the request body is passed to the action as is, and
// the default integration response answers 200 with the service's reply, a service error included:
// without integration responses, that is what a client of a non-proxy integration sees. A Lambda
// custom (non-proxy) integration is type AWS with the invocation path URI
// (`arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations`): the body is
// the event and the function's answer is the body of a 200, its error object included (APIGW-10).
// The latency is compared with its timeout (29 s REST, 30 s HTTP API; APIGW-07):
// past it the client gets 504 while the backend keeps running.
import { invoke, serviceMayInvoke } from '../lambda/index.js';
import type { Result } from '../result.js';
import type { TraceEvent } from '../trace.js';
import type { World } from '../world.js';
import type { GatewayResponseType, HttpResponse } from './gateway-responses.js';
import { apiGatewayState, type Integration } from './model.js';
import { readProxyResponse } from './proxy-event.js';

/** Runs `service`'s `action` (API name) on the world; undefined when the sandbox has no such action. */
export type AwsServiceActions = (world: World, service: string, action: string, request: Readonly<Record<string, unknown>>) => Result<Readonly<Record<string, unknown>>> | undefined;

let wiredAwsActions: AwsServiceActions | undefined;

/** Set once by src/sim/wiring.ts: AWS service integrations reach the other simulated services here. */
export function setAwsServiceActions(actions: AwsServiceActions | undefined): void {
  wiredAwsActions = actions;
}

const AWS_ACTION_URI = /^arn:aws:apigateway:[a-z0-9-]+:([a-z0-9-]+):action\/([A-Za-z]+)$/;

function awsServiceAction(world: World, uri: string, body: string): IntegrationOutcome {
  const match = AWS_ACTION_URI.exec(uri);
  if (match === null) {
    return { kind: 'gateway', type: 'API_CONFIGURATION_ERROR', latencyMs: 0, reason: `AWS integration URI must be arn:aws:apigateway:REGION:SERVICE:action/ACTION, got ${uri}` };
  }
  const [, service, action] = match as unknown as [string, string, string];
  let request: unknown;
  try {
    request = body === '' ? {} : JSON.parse(body);
  } catch {
    request = undefined;
  }
  const json = (statusCode: number, value: unknown): IntegrationOutcome => ({ kind: 'response', response: { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) }, latencyMs: 1 });
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    return json(200, { __type: 'SerializationException', message: 'The request body is not a JSON object for the service action (mapping templates are not simulated)' });
  }
  const answer = wiredAwsActions?.(world, service, action, request as Record<string, unknown>);
  if (answer === undefined) {
    return { kind: 'gateway', type: 'API_CONFIGURATION_ERROR', latencyMs: 0, reason: `the sandbox has no ${service} action ${action}` };
  }
  return answer.ok ? json(200, answer.value) : json(200, { __type: answer.error.name, message: answer.error.message });
}

export type IntegrationOutcome =
  | { readonly kind: 'response'; readonly response: HttpResponse; readonly latencyMs: number }
  | { readonly kind: 'gateway'; readonly type: GatewayResponseType; readonly latencyMs: number; readonly reason: string };

/** Replaces `${stageVariables.name}` in a URI (stage variables in integration URIs, APIGW-03). */
export function substituteStageVariables(text: string, variables: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_, name: string) => variables[name] ?? '');
}

/** The function (and qualifier) behind a Lambda integration URI, function ARN or bare name. */
export function functionOfUri(uri: string): { functionName: string; qualifier?: string } {
  const match = /function:([^:/]+)(?::([^/]+))?/.exec(uri);
  if (match === null) return { functionName: uri };
  return match[2] === undefined ? { functionName: match[1]! } : { functionName: match[1]!, qualifier: match[2] };
}

interface LambdaCall {
  readonly payload: string;
  readonly functionError?: string;
  readonly durationMs: number;
  readonly error?: { readonly name: string; readonly message: string };
}

/**
 * Invokes the function synchronously and reads how long it ran (INIT + duration) from the trace event
 * Lambda records. Lambda's events are captured and then recorded again unchanged, so `sim load`'s
 * recorder and the trace see exactly what a direct invoke would show.
 */
export function callLambda(world: World, uri: string, event: unknown): LambdaCall {
  const target = functionOfUri(uri);
  const captured: TraceEvent[] = [];
  const result = world.withRecorder((e) => captured.push(e), () =>
    invoke(world, { functionName: target.functionName, invocationType: 'RequestResponse', payload: JSON.stringify(event), ...(target.qualifier === undefined ? {} : { qualifier: target.qualifier }) }));
  let durationMs = 0;
  for (const e of captured) {
    world.record({ service: e.service, operation: e.operation, outcome: e.outcome, region: e.region, detail: e.detail });
    if (e.service === 'lambda' && typeof e.detail['durationMs'] === 'number') durationMs = e.detail['durationMs'] + ((e.detail['initMs'] as number | undefined) ?? 0);
  }
  if (!result.ok) return { payload: '', durationMs, error: { name: result.error.name, message: result.error.message } };
  return { payload: result.value.payload, durationMs, ...(result.value.functionError === undefined ? {} : { functionError: result.value.functionError }) };
}

function lambdaProxy(world: World, integration: Integration, event: unknown, uri: string): IntegrationOutcome {
  const call = callLambda(world, uri, event);
  const latencyMs = call.durationMs;
  const refused = lambdaGatewayOutcome(integration, call);
  if (refused !== undefined) return refused;
  if (call.functionError !== undefined) return { kind: 'gateway', type: 'INTEGRATION_FAILURE', latencyMs, reason: `function error (${call.functionError}): ${call.payload}` };
  const response = readProxyResponse(call.payload, integration.payloadFormatVersion ?? '1.0');
  if (response === undefined) return { kind: 'gateway', type: 'INTEGRATION_FAILURE', latencyMs, reason: `Malformed Lambda proxy response: ${call.payload.slice(0, 200)}` };
  return { kind: 'response', response, latencyMs };
}

const LAMBDA_INVOCATION_URI = /^arn:aws:apigateway:[a-z0-9-]+:lambda:path\/2015-03-31\/functions\/.+\/invocations$/;

/** The outcome of a Lambda call that API Gateway answers itself: past the timeout (504), or an invoke failure. */
function lambdaGatewayOutcome(integration: Integration, call: LambdaCall): IntegrationOutcome | undefined {
  if (call.durationMs > integration.timeoutInMillis) {
    return { kind: 'gateway', type: 'INTEGRATION_TIMEOUT', latencyMs: integration.timeoutInMillis, reason: `function ran ${call.durationMs} ms, integration timeout ${integration.timeoutInMillis} ms` };
  }
  if (call.error === undefined) return undefined;
  // A missing function is a configuration error (500); other invoke failures (throttling, payload
  // limits) reach the client as 502: the simulator's mapping, see docs/apigateway.md.
  const type: GatewayResponseType = call.error.name === 'ResourceNotFoundException' ? 'API_CONFIGURATION_ERROR' : 'INTEGRATION_FAILURE';
  return { kind: 'gateway', type, latencyMs: call.durationMs, reason: `Lambda answered ${call.error.name}: ${call.error.message}` };
}

/**
 * Lambda custom integration without mapping templates: the request body (JSON, else the text as a JSON
 * string; an empty body is `{}`) is the event, and the default integration response passes what the
 * function returned through as a 200, a function error's `{errorMessage, errorType}` included (APIGW-10).
 */
function lambdaCustom(world: World, integration: Integration, body: string, uri: string): IntegrationOutcome {
  let event: unknown = {};
  if (body !== '') {
    try {
      event = JSON.parse(body);
    } catch {
      event = body;
    }
  }
  const call = callLambda(world, uri, event);
  const refused = lambdaGatewayOutcome(integration, call);
  if (refused !== undefined) return refused;
  return { kind: 'response', response: { statusCode: 200, headers: { 'content-type': 'application/json' }, body: call.payload }, latencyMs: call.durationMs };
}

function httpCall(world: World, integration: Integration, url: string, echo: unknown): IntegrationOutcome {
  const endpoint = apiGatewayState(world).httpEndpoints[url];
  const latencyMs = endpoint?.latencyMs ?? 1;
  if (latencyMs > integration.timeoutInMillis) {
    return { kind: 'gateway', type: 'INTEGRATION_TIMEOUT', latencyMs: integration.timeoutInMillis, reason: `${url} took ${latencyMs} ms, integration timeout ${integration.timeoutInMillis} ms` };
  }
  if (endpoint === undefined) {
    return { kind: 'response', response: { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(echo) }, latencyMs };
  }
  return { kind: 'response', response: { statusCode: endpoint.statusCode, headers: { 'content-type': 'application/json' }, body: endpoint.body }, latencyMs };
}

export interface IntegrationCall {
  /** The proxy event (AWS_PROXY) for the integration's payload format. */
  readonly event: () => unknown;
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly stageVariables: Readonly<Record<string, string>>;
  /** The method ARN the call is made for: Lambda's resource-based policy is checked against it. */
  readonly sourceArn?: string;
}

const STAGE_VARIABLE_REFERENCE = /\$\{stageVariables\.[A-Za-z0-9_]+\}/;

/**
 * API Gateway's right to invoke the function: the statement must be on the exact ARN it calls (an alias
 * has its own policy; Lambda API AddPermission). A literal function URI with no policy at all is served:
 * the console (and SAM) add that permission when the integration is saved, and the sandbox assumes they
 * did. A URI built from a stage variable cannot get one that way: the console asks you to run
 * `aws lambda add-permission` for each function or alias it may name, and without it the client gets 500
 * "Internal server error", the log saying "Invalid permissions on Lambda function" (APIGW-03;
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-set-stage-variables-aws-console.html).
 */
function lambdaPermissionRefusal(world: World, integration: Integration, uri: string, call: IntegrationCall): IntegrationOutcome | undefined {
  if (call.sourceArn === undefined) return undefined;
  const target = functionOfUri(uri);
  const name = target.qualifier === undefined ? target.functionName : `${target.functionName}:${target.qualifier}`;
  const decision = serviceMayInvoke(world, name, 'apigateway.amazonaws.com', call.sourceArn);
  if (decision === 'allowed' || (decision === 'no-policy' && !STAGE_VARIABLE_REFERENCE.test(integration.uri))) return undefined;
  const why = decision === 'denied' ? `no statement of the policy of ${name} allows` : `${name} has no resource-based policy for`;
  return { kind: 'gateway', type: 'API_CONFIGURATION_ERROR', latencyMs: 0, reason: `Invalid permissions on Lambda function: ${why} apigateway.amazonaws.com from ${call.sourceArn}` };
}

export function runIntegration(world: World, integration: Integration, call: IntegrationCall): IntegrationOutcome {
  const uri = substituteStageVariables(integration.uri, call.stageVariables);
  switch (integration.type) {
    case 'AWS_PROXY':
      return lambdaPermissionRefusal(world, integration, uri, call) ?? lambdaProxy(world, integration, call.event(), uri);
    case 'HTTP':
    case 'HTTP_PROXY': {
      const url = integration.type === 'HTTP_PROXY' && uri.endsWith('/{proxy}') ? uri.replace('/{proxy}', call.path) : uri;
      return httpCall(world, integration, url, { method: call.method, url, headers: call.headers, body: call.body });
    }
    case 'MOCK':
      return { kind: 'response', response: { statusCode: integration.mockStatusCode ?? 200, headers: { 'content-type': 'application/json' }, body: integration.mockBody ?? '' }, latencyMs: 0 };
    case 'AWS':
      if (!LAMBDA_INVOCATION_URI.test(uri)) return awsServiceAction(world, uri, call.body);
      return lambdaPermissionRefusal(world, integration, uri, call) ?? lambdaCustom(world, integration, call.body, uri);
  }
}
