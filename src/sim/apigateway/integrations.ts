// Running a method's integration: Lambda proxy (AWS_PROXY) through Lambda's own `invoke`, HTTP and
// HTTP_PROXY against the sandbox's fake HTTP endpoints (or an echo), MOCK with the status its request
// template names. AWS service integrations (type AWS, APIGW-10) call a simulated service action named by
// the URI (`arn:aws:apigateway:REGION:dynamodb:action/PutItem`, or for SQS
// `arn:aws:apigateway:REGION:sqs:path/ACCOUNT/QUEUE` with the action in the body) through a port the
// world wiring sets; the body the action reads is what the request template built (mapping.ts), JSON or
// form-encoded (`Action=SendMessage&MessageBody=...`). A Lambda custom (non-proxy) integration is type
// AWS with the invocation path URI
// (`arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations`): the mapped
// body is the event. What the client then sees of a non-proxy answer is the integration response's
// business (mapping.ts). The latency is compared with its timeout (29 s REST, 30 s HTTP API; APIGW-07):
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

const AWS_ACTION_URI = /^arn:aws:apigateway:([a-z0-9-]+):([a-z0-9-]+):action\/([A-Za-z]+)$/;
const SQS_PATH_URI = /^arn:aws:apigateway:([a-z0-9-]+):sqs:path\/(\d{12})\/([A-Za-z0-9_.-]+)$/;

/** A body as a service request: a JSON object, else form fields (`Action=SendMessage&MessageBody=...`). */
function serviceRequestOf(body: string): Record<string, unknown> | undefined {
  if (body.trim() === '') return {};
  try {
    const parsed = JSON.parse(body) as unknown;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    if (!/^[^=&]+=[^&]*(&[^=&]+=[^&]*)*$/.test(body.trim())) return undefined;
    try {
      return Object.fromEntries(new URLSearchParams(body.trim()).entries());
    } catch {
      return undefined;
    }
  }
}

function awsServiceAction(world: World, uri: string, body: string): IntegrationOutcome {
  const byAction = AWS_ACTION_URI.exec(uri);
  const byQueue = SQS_PATH_URI.exec(uri);
  if (byAction === null && byQueue === null) {
    return { kind: 'gateway', type: 'API_CONFIGURATION_ERROR', latencyMs: 0, reason: `AWS integration URI must be arn:aws:apigateway:REGION:SERVICE:action/ACTION or arn:aws:apigateway:REGION:sqs:path/ACCOUNT/QUEUE, got ${uri}` };
  }
  const json = (statusCode: number, value: unknown, backendStatusCode = statusCode): IntegrationOutcome =>
    ({ kind: 'response', response: { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) }, latencyMs: 1, backendStatusCode });
  const request = serviceRequestOf(body);
  if (request === undefined) {
    return json(200, { __type: 'SerializationException', message: 'The integration request body is neither a JSON object nor form fields: map it with a request template' }, 400);
  }
  const service = byAction?.[2] ?? 'sqs';
  const action = byAction?.[3] ?? String(request['Action'] ?? '');
  if (byQueue !== null) request['QueueUrl'] ??= `https://sqs.${byQueue[1]}.amazonaws.com/${byQueue[2]}/${byQueue[3]}`;
  delete request['Action'];
  const answer = wiredAwsActions?.(world, service, action, request);
  if (answer === undefined) {
    return { kind: 'gateway', type: 'API_CONFIGURATION_ERROR', latencyMs: 0, reason: `the sandbox has no ${service} action ${action === '' ? '(no Action in the body)' : action}` };
  }
  // Without integration responses a service error still reaches the client as a 200 (mapping.ts).
  return answer.ok ? json(200, answer.value) : json(200, { __type: answer.error.name, message: answer.error.message }, answer.error.statusCode);
}

export type IntegrationOutcome =
  | {
    readonly kind: 'response';
    readonly response: HttpResponse;
    readonly latencyMs: number;
    /** The status the backend itself sent, when it differs from `response.statusCode` (AWS service errors). */
    readonly backendStatusCode?: number;
    /** A Lambda custom integration's function error message (what selection patterns match). */
    readonly lambdaErrorMessage?: string;
  }
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

function errorMessageOf(payload: string): string {
  try {
    const parsed = JSON.parse(payload) as { errorMessage?: unknown };
    return typeof parsed.errorMessage === 'string' ? parsed.errorMessage : '';
  } catch {
    return '';
  }
}

/**
 * Lambda custom integration: the integration request body (JSON, else the text as a JSON string; an
 * empty body is `{}`) is the event; the function's answer, a function error's `{errorMessage, errorType}`
 * included, is the body of a 200 that the integration responses then map (APIGW-10).
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
  return {
    kind: 'response', response: { statusCode: 200, headers: { 'content-type': 'application/json' }, body: call.payload }, latencyMs: call.durationMs,
    ...(call.functionError === undefined ? {} : { lambdaErrorMessage: errorMessageOf(call.payload) }),
  };
}

/** Whether this AWS integration calls a Lambda function (a custom integration) rather than a service action. */
export function isLambdaCustom(integration: Integration, stageVariables: Readonly<Record<string, string>>): boolean {
  return integration.type === 'AWS' && LAMBDA_INVOCATION_URI.test(substituteStageVariables(integration.uri, stageVariables));
}

/** MOCK: the status its request template wrote (`{"statusCode": 404}`), else the configured one, else 200. */
function mockStatusOf(integration: Integration, call: IntegrationCall): number {
  if (call.isTemplated !== true) return integration.mockStatusCode ?? 200;
  try {
    const status = (JSON.parse(call.body) as { statusCode?: unknown }).statusCode;
    return typeof status === 'number' ? status : 200;
  } catch {
    return Number(/"statusCode"\s*:\s*(\d{3})/.exec(call.body)?.[1] ?? 200);
  }
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
  /** True when a request template produced `body` (MOCK reads its status from it). */
  readonly isTemplated?: boolean;
  /** Non-proxy HTTP: the integration request's own headers, query string and path parameters. */
  readonly integrationParameters?: { readonly header: Readonly<Record<string, string>>; readonly querystring: Readonly<Record<string, string>>; readonly path: Readonly<Record<string, string>> };
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

/** A non-proxy HTTP URL with `{name}` path parameters filled in and the mapped query string added. */
function httpUrlOf(uri: string, parameters: IntegrationCall['integrationParameters']): string {
  if (parameters === undefined) return uri;
  const filled = uri.replace(/\{([^}+]+)\}/g, (whole, name: string) => (parameters.path[name] === undefined ? whole : encodeURIComponent(parameters.path[name])));
  const query = new URLSearchParams(Object.entries(parameters.querystring).sort()).toString();
  return query === '' ? filled : `${filled}${filled.includes('?') ? '&' : '?'}${query}`;
}

export function runIntegration(world: World, integration: Integration, call: IntegrationCall): IntegrationOutcome {
  const uri = substituteStageVariables(integration.uri, call.stageVariables);
  switch (integration.type) {
    case 'AWS_PROXY':
      return lambdaPermissionRefusal(world, integration, uri, call) ?? lambdaProxy(world, integration, call.event(), uri);
    case 'HTTP_PROXY': {
      const url = uri.endsWith('/{proxy}') ? uri.replace('/{proxy}', call.path) : uri;
      return httpCall(world, integration, url, { method: call.method, url, headers: call.headers, body: call.body });
    }
    case 'HTTP': {
      // Non-proxy: the backend gets the mapped body and only the headers the integration maps.
      const url = httpUrlOf(uri, call.integrationParameters);
      return httpCall(world, integration, url.split('?')[0]!, { method: call.method, url, headers: call.integrationParameters?.header ?? call.headers, body: call.body });
    }
    case 'MOCK':
      return { kind: 'response', response: { statusCode: mockStatusOf(integration, call), headers: { 'content-type': 'application/json' }, body: integration.mockBody ?? '' }, latencyMs: 0 };
    case 'AWS':
      if (!LAMBDA_INVOCATION_URI.test(uri)) return awsServiceAction(world, uri, call.body);
      return lambdaPermissionRefusal(world, integration, uri, call) ?? lambdaCustom(world, integration, call.body, uri);
  }
}
