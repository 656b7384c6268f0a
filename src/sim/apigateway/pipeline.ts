// Steps the REST and HTTP API request pipelines share: the flow record (steps for the trace and for
// `sim http --json`), throttling with token buckets, the authorizer call (an injected function with
// the auth contract's signature) and the final response with its headers and trace event.
import type { World } from '../world.js';
import type { AuthOutcome, AuthPorts, AuthorizerConfig, IncomingRequest, MethodContext } from './auth/contract.js';
import { customised, gatewayResponse, isGatewayResponseType, type CustomGatewayResponse, type GatewayResponseType, type HttpResponse } from './gateway-responses.js';
import type { IntegrationOutcome } from './integrations.js';
import { apiGatewayState, type IntegrationType } from './model.js';
import { takeTokens, type BucketCheck } from './throttle.js';

/** The authorizer entry point of the auth contract (src/sim/apigateway/auth/contract.ts). */
export type Authorize = (world: World, config: AuthorizerConfig, request: IncomingRequest, method: MethodContext, ports: AuthPorts) => AuthOutcome;

export interface TraceStep {
  readonly step: string;
  readonly outcome: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

export type CacheStatus = 'hit' | 'miss' | 'off' | 'invalidated';

export interface ApiResponse extends HttpResponse {
  readonly requestId: string;
  /** The gateway response type when API Gateway answered itself (THROTTLED, INTEGRATION_TIMEOUT ...). */
  readonly gatewayResponse?: GatewayResponseType;
  readonly cache: CacheStatus;
  readonly steps: readonly TraceStep[];
  /** Set when the stage has a canary: the deployment that answered and whether it was the canary. */
  readonly servedBy?: { readonly deploymentId: string; readonly isCanaryRequest: boolean };
}

export interface Flow {
  readonly world: World;
  readonly request: IncomingRequest;
  readonly apiId: string;
  readonly apiKind: 'REST' | 'HTTP';
  readonly stage: string;
  readonly requestId: string;
  readonly steps: TraceStep[];
  /** The REST API's customised gateway responses, if any. */
  readonly gatewayResponses?: Readonly<Record<string, CustomGatewayResponse>>;
  route: string;
  cache: CacheStatus;
  integrationMs: number;
  /** The request came through a custom domain's API mapping (the proxy event names the domain). */
  readonly customDomain?: { readonly domainName: string; readonly basePath: string };
  /** A REST stage with a canary: which deployment served the request (`$context.isCanaryRequest`). */
  servedBy?: { readonly deploymentId: string; readonly isCanaryRequest: boolean };
}

const HEX = '0123456789abcdef';

/** A request id shaped like a UUID, from the seeded stream `apigateway.requests`. */
export function requestIdOf(world: World): string {
  const stream = world.rng.stream('apigateway.requests');
  let hex = '';
  for (let i = 0; i < 32; i++) hex += HEX[stream.nextInt(16)];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function step(flow: Flow, name: string, outcome: string, detail?: Readonly<Record<string, unknown>>): void {
  flow.steps.push(detail === undefined ? { step: name, outcome } : { step: name, outcome, detail });
}

/** Ends the request: adds API Gateway's response headers, records one trace event, answers. */
export function finish(flow: Flow, response: HttpResponse, gateway?: GatewayResponseType, outcome?: string): ApiResponse {
  const idHeader = flow.apiKind === 'REST' ? 'x-amzn-RequestId' : 'apigw-requestid';
  const headers = { ...response.headers, 'content-length': String(Buffer.byteLength(response.body, 'utf8')), [idHeader]: flow.requestId };
  flow.world.record({
    service: 'apigateway',
    operation: 'Request',
    outcome: outcome ?? gateway ?? 'ok',
    detail: {
      apiId: flow.apiId, stage: flow.stage, method: flow.request.method, path: flow.request.path, route: flow.route, statusCode: response.statusCode,
      cache: flow.cache, integrationMs: flow.integrationMs, requestId: flow.requestId, steps: flow.steps,
      ...(gateway === undefined ? {} : { gatewayResponse: gateway }), ...(flow.servedBy === undefined ? {} : flow.servedBy),
    },
  });
  return {
    statusCode: response.statusCode, headers, body: response.body, requestId: flow.requestId, cache: flow.cache, steps: flow.steps,
    ...(gateway === undefined ? {} : { gatewayResponse: gateway }), ...(flow.servedBy === undefined ? {} : { servedBy: flow.servedBy }),
  };
}

/** API Gateway answers itself with `type` (the step that decided it is already in flow.steps). */
export function answer(flow: Flow, type: GatewayResponseType, message?: string, validationErrorString?: string): ApiResponse {
  return finish(flow, customised(gatewayResponse(type, message), type, flow.gatewayResponses, validationErrorString), type);
}

/** Takes a token from every bucket, or answers 429 naming the bucket that was empty (APIGW-04). */
export function throttleStep(flow: Flow, checks: readonly BucketCheck[]): ApiResponse | undefined {
  const empty = takeTokens(apiGatewayState(flow.world).buckets, checks, flow.world.nowMs);
  if (empty === undefined) {
    step(flow, 'throttle', 'passed', { buckets: checks.map((c) => c.scope) });
    return undefined;
  }
  step(flow, 'throttle', 'throttled', { bucket: empty });
  return answer(flow, 'THROTTLED');
}

/** A 403 with the authorizer's message: explicit and IAM denials write `Message`, the others `message`. */
function forbidden(flow: Flow, gatewayType: string, message: string): ApiResponse {
  const type: GatewayResponseType = isGatewayResponseType(gatewayType) ? gatewayType : 'ACCESS_DENIED';
  const body = type === 'ACCESS_DENIED' ? JSON.stringify({ Message: message }) : JSON.stringify({ message });
  return finish(flow, customised({ ...gatewayResponse(type, undefined, 403), body }, type, flow.gatewayResponses), type);
}

export type AuthStepResult = { readonly ok: true; readonly allow?: Extract<AuthOutcome, { kind: 'allow' }> } | { readonly ok: false; readonly response: ApiResponse };

/** Runs the authorizer, or answers 401/403/500 as the outcome says (APIGW-11..14). */
export function authorizeStep(flow: Flow, config: AuthorizerConfig, method: MethodContext, authorize: Authorize | undefined, ports: AuthPorts): AuthStepResult {
  if (authorize === undefined) {
    step(flow, 'authorizer', 'not-wired', { type: config.type, reason: 'no authorizer implementation is registered with the pipeline' });
    return { ok: false, response: answer(flow, 'AUTHORIZER_CONFIGURATION_ERROR') };
  }
  const outcome = authorize(flow.world, config, flow.request, method, ports);
  switch (outcome.kind) {
    case 'allow':
      step(flow, 'authorizer', 'allow', { type: config.type, ...(outcome.principalId === undefined ? {} : { principalId: outcome.principalId }) });
      return { ok: true, allow: outcome };
    case 'unauthorized':
      step(flow, 'authorizer', 'unauthorized', { type: config.type, reason: outcome.reason });
      return { ok: false, response: answer(flow, 'UNAUTHORIZED') };
    case 'forbidden':
      step(flow, 'authorizer', 'forbidden', { type: config.type, reason: outcome.reason });
      return { ok: false, response: forbidden(flow, outcome.gatewayResponse, outcome.message) };
    case 'error':
      step(flow, 'authorizer', 'error', { type: config.type, reason: outcome.reason });
      return { ok: false, response: answer(flow, outcome.gatewayResponse === 'AUTHORIZER_FAILURE' ? 'AUTHORIZER_FAILURE' : 'AUTHORIZER_CONFIGURATION_ERROR') };
  }
}

export function methodArnOf(world: World, apiId: string, stage: string, httpMethod: string, path: string): string {
  return `arn:aws:execute-api:${world.region}:${world.accountId}:${apiId}/${stage}/${httpMethod}/${path.replace(/^\//, '')}`;
}

export type Settled = { readonly ok: true; readonly response: HttpResponse } | { readonly ok: false; readonly answered: ApiResponse };

/** Records the integration's step and latency; a gateway outcome (502, 504 ...) is answered here. */
export function settleIntegration(flow: Flow, type: IntegrationType, outcome: IntegrationOutcome): Settled {
  flow.integrationMs = outcome.latencyMs;
  if (outcome.kind === 'gateway') {
    step(flow, 'integration', outcome.type, { type, latencyMs: outcome.latencyMs, reason: outcome.reason });
    return { ok: false, answered: answer(flow, outcome.type) };
  }
  step(flow, 'integration', 'ok', { type, latencyMs: outcome.latencyMs, statusCode: outcome.response.statusCode });
  return { ok: true, response: outcome.response };
}
