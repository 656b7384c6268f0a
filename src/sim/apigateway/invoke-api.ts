// The front door of the simulated API Gateway: `invokeApi(world, request)` sends one HTTP request to a
// REST or HTTP API and answers what a client would receive (status, headers, body) plus the steps the
// request went through. Every HTTP outcome (403, 429, 502 ...) is a value; only a request to an API that
// does not exist at all fails (there is no such host).
//
// Authorizers are injected: the wiring (or a test) registers a function with the auth contract's
// signature through `setApiGatewayAuthorizer`, or passes one per call. Methods with authorization
// NONE never need one.
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import type { AuthPorts, IncomingRequest } from './auth/contract.js';
import { findVpcEndpoint, type VpcEndpoint } from '../ec2/index.js';
import { bareForbidden, endpointReachStep } from './endpoint-reach.js';
import { callLambda } from './integrations.js';
import { invokeHttp } from './invoke-http.js';
import { invokeRest } from './invoke-rest.js';
import { findApi, type HttpApi, type RestApi } from './model.js';
import { requestIdOf, type ApiResponse, type Authorize, type Flow } from './pipeline.js';
import { resolveUrl } from './domains.js';
import { signRequest } from './auth/sigv4.js';

export interface ApiRequest {
  /** The API's name or id. */
  readonly api: string;
  /** Defaults: the stage named by the path's first segment, else the API's only stage, else `$default`. */
  readonly stage?: string;
  readonly method: string;
  /** The path, optionally with a query string: `/orders/42?expand=items`. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly sourceIp?: string;
  /** The caller is inside a VPC and sends through this interface VPC endpoint (`vpce-...`, APIGW-02). */
  readonly fromVpce?: string;
  /**
   * Credentials the client signs the request with (SigV4, APIGW-11), as the AWS SDK would: over the
   * path with its stage (`/prod/orders`), the query, the headers and the body, at the world's time.
   */
  readonly signWith?: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
  /** The request came through a custom domain's mapping (invokeUrl): shown as the first step. */
  readonly customDomain?: { readonly domainName: string; readonly basePath: string };
}

export interface InvokeApiOptions {
  readonly authorize?: Authorize;
  readonly ports?: AuthPorts;
}

let wiredAuthorize: Authorize | undefined;

/** Registers the authorizer implementation (done once by the wiring; `undefined` unregisters). */
export function setApiGatewayAuthorizer(authorize: Authorize | undefined): void {
  wiredAuthorize = authorize;
}

/** The ports authorizers get by default: Lambda through Lambda's own invoke. */
export const DEFAULT_AUTH_PORTS: AuthPorts = {
  invokeFunction: (world, functionName, event) => {
    const call = callLambda(world, functionName, event);
    if (call.error !== undefined) return fail(awsError(call.error.name, 500, call.error.message));
    return ok({ payload: call.payload, ...(call.functionError === undefined ? {} : { functionError: call.functionError }) });
  },
};

let wiredPorts: AuthPorts = DEFAULT_AUTH_PORTS;

/** Adds ports for the authorizers (Cognito's `verifyUserPoolToken`, STS's `resolveCredentials`) at wiring time. */
export function setApiGatewayAuthPorts(ports: Partial<AuthPorts>): void {
  wiredPorts = { ...DEFAULT_AUTH_PORTS, ...ports };
}

function splitQuery(path: string): { path: string; query: Record<string, string> } {
  const at = path.indexOf('?');
  if (at === -1) return { path: path === '' ? '/' : path, query: {} };
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(path.slice(at + 1))) query[key] = value;
  return { path: path.slice(0, at) || '/', query };
}

/** Picks the stage and the path after it (`/prod/orders` → prod, `/orders`). */
function stageAndPath(api: RestApi | HttpApi, request: ApiRequest, path: string): { stage: string; path: string } {
  if (request.stage !== undefined) return { stage: request.stage, path };
  const [first = '', ...rest] = path.split('/').filter((p) => p !== '');
  if (first !== '' && api.stages[first] !== undefined) return { stage: first, path: `/${rest.join('/')}` };
  const names = Object.keys(api.stages).sort();
  if (names.length === 1) return { stage: names[0]!, path };
  return { stage: api.kind === 'HTTP' || names.includes('$default') ? '$default' : names[0] ?? '', path };
}

export function toIncomingRequest(request: ApiRequest, path: string, query: Record<string, string>): IncomingRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  return { method: request.method.toUpperCase(), path, headers, query, body: request.body ?? '', sourceIp: request.sourceIp ?? '203.0.113.10' };
}

/** A caller inside a VPC: it comes through the endpoint, from a private address unless told (APIGW-02). */
function withVia(incoming: IncomingRequest, endpoint: VpcEndpoint | undefined, sourceIp: string | undefined): IncomingRequest {
  if (endpoint === undefined) return incoming;
  return { ...incoming, sourceIp: sourceIp ?? '10.0.1.25', via: { vpcEndpointId: endpoint.vpcEndpointId, vpcId: endpoint.vpcId } };
}

/** The request as a SigV4-signing client sends it: its headers gain host, x-amz-date and authorization. */
function signedByClient(world: World, apiId: string, stage: string, incoming: IncomingRequest, credentials: NonNullable<ApiRequest['signWith']>): IncomingRequest {
  const signed = signRequest({
    method: incoming.method,
    host: `${apiId}.execute-api.${world.region}.amazonaws.com`,
    path: `/${stage}${incoming.path}`,
    query: incoming.query,
    headers: incoming.headers,
    body: incoming.body,
    region: world.region,
    service: 'execute-api',
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    ...(credentials.sessionToken === undefined ? {} : { sessionToken: credentials.sessionToken }),
    timeMs: world.nowMs,
  });
  return { ...incoming, headers: signed.headers };
}

export function invokeApi(world: World, request: ApiRequest, options: InvokeApiOptions = {}): Result<ApiResponse> {
  const api = findApi(world, request.api);
  if (api === undefined) return fail(awsError('NotFoundException', 404, `No REST or HTTP API named or with id ${request.api}`));
  const split = splitQuery(request.path);
  const { stage, path } = stageAndPath(api, request, split.path);
  const via = request.fromVpce === undefined ? ok(undefined) : findVpcEndpoint(world, request.fromVpce);
  if (!via.ok) return via;
  const incoming = withVia(toIncomingRequest(request, path, split.query), via.value, request.sourceIp);
  const flow: Flow = {
    world, request: request.signWith === undefined ? incoming : signedByClient(world, api.id, stage, incoming, request.signWith), apiId: api.id, apiKind: api.kind, stage, requestId: requestIdOf(world),
    steps: request.customDomain === undefined ? [] : [{ step: 'custom-domain', outcome: 'mapped', detail: { ...request.customDomain, stage } }],
    ...(request.customDomain === undefined ? {} : { customDomain: request.customDomain }),
    route: '', cache: 'off', integrationMs: 0, ...(api.kind === 'REST' && api.gatewayResponses !== undefined ? { gatewayResponses: api.gatewayResponses } : {}),
  };
  const authorize = options.authorize ?? wiredAuthorize;
  const ports = options.ports ?? wiredPorts;
  const unreachable = endpointReachStep(flow, api);
  if (unreachable !== undefined) return ok(unreachable);
  return ok(api.kind === 'REST' ? invokeRest(world, flow, api, authorize, ports) : invokeHttp(world, flow, api, authorize, ports));
}

/**
 * A request to a URL, as a client sends it: a custom domain's host goes through its API mappings
 * (domains.ts; no mapping matches → 403 `{"message":"Forbidden"}`), an execute-api host names the API.
 */
export function invokeUrl(world: World, url: string, request: Omit<ApiRequest, 'api' | 'stage' | 'path' | 'customDomain'>, options: InvokeApiOptions = {}): Result<ApiResponse> {
  const target = resolveUrl(world, url);
  if (!target.ok) return target;
  const found = target.value;
  if (found.kind === 'api') {
    return invokeApi(world, { ...request, api: found.api, path: found.path, ...(found.stage === undefined ? {} : { stage: found.stage }), ...(found.domain === undefined ? {} : { customDomain: found.domain }) }, options);
  }
  const incoming = toIncomingRequest({ ...request, api: '', path: found.path }, found.path, {});
  const flow: Flow = {
    world, request: incoming, apiId: '', apiKind: 'REST', stage: '', requestId: requestIdOf(world), route: '', cache: 'off', integrationMs: 0,
    steps: [{ step: 'custom-domain', outcome: 'no-mapping', detail: { domainName: found.domainName, path: found.path } }],
  };
  return ok(bareForbidden(flow, 'no-base-path-mapping'));
}
