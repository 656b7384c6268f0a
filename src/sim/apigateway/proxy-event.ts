// The events a Lambda proxy integration receives and the responses it must return: REST APIs send the
// payload format 1.0 event (APIGatewayProxyEvent in @types/aws-lambda), HTTP APIs format 2.0
// (APIGatewayProxyEventV2) unless the integration asks for 1.0. Authorizer output reaches the function
// under `requestContext.authorizer`, context values as strings (APIGW-12). A response that is not
// `{statusCode, headers?, body?: string, isBase64Encoded?}` is "malformed" → 502 (APIGW-09).
import type { IncomingRequest } from './auth/contract.js';
import type { HttpResponse } from './gateway-responses.js';
import type { EndpointType } from './model.js';
import type { PathParameters } from './routes.js';

export interface ProxyRequestFacts {
  readonly request: IncomingRequest;
  readonly accountId: string;
  readonly apiId: string;
  readonly stage: string;
  readonly resourceId: string;
  /** REST: the resource path (`/orders/{id}`); HTTP API: the route key (`GET /orders/{id}`). */
  readonly resourcePath: string;
  readonly routeKey: string;
  readonly pathParameters: PathParameters;
  readonly stageVariables: Readonly<Record<string, string>>;
  readonly requestId: string;
  readonly nowMs: number;
  readonly region: string;
  readonly apiKey?: string;
  /** EDGE requests pass through CloudFront, which capitalises header names and adds its own (APIGW-02). */
  readonly endpointType?: EndpointType;
  readonly authorizer?: { readonly principalId?: string; readonly context: Readonly<Record<string, string | number | boolean>>; readonly claims?: Readonly<Record<string, unknown>> };
  /** The request came through a custom domain's API mapping (domains.ts). */
  readonly customDomain?: { readonly domainName: string; readonly basePath: string };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `24/Nov/2026:23:49:17 +0000`, the CLF time API Gateway puts in `requestContext.requestTime`. */
export function clfTime(timeMs: number): string {
  const d = new Date(timeMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

const nullIfEmpty = <T extends object>(value: T): T | null => (Object.keys(value).length === 0 ? null : value);
const multi = (values: Readonly<Record<string, string>>): Record<string, string[]> => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, [v]]));
const domainOf = (facts: ProxyRequestFacts) => facts.customDomain?.domainName ?? `${facts.apiId}.execute-api.${facts.region}.amazonaws.com`;
const domainPrefixOf = (facts: ProxyRequestFacts) => (facts.customDomain === undefined ? facts.apiId : facts.customDomain.domainName.split('.')[0]!);

/**
 * The path as the client sent it: through a custom domain the function still sees the base path
 * (`/v1/orders`; routing used `/orders`, see `resource`), which is why web frameworks behind a base path
 * mapping need to be told to strip it. Events captured from AWS: aws-powertools/powertools-lambda-python#576,
 * CodeGenieApp/serverless-express#216 (payload 1.0; the 2.0 `rawPath` is assumed to behave alike).
 */
function clientPathOf(facts: ProxyRequestFacts): string {
  const mapping = facts.customDomain;
  if (mapping === undefined || mapping.basePath === '(none)') return facts.request.path;
  return `/${mapping.basePath}${facts.request.path === '/' ? '' : facts.request.path}`;
}

const capitalised = (name: string) => name.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('-');

/**
 * The headers API Gateway adds on the way in (host and the forwarding trio), then the client's. Through
 * an edge-optimized endpoint CloudFront capitalises the names and adds its own (APIGW-02).
 */
function headersOf(facts: ProxyRequestFacts): Record<string, string> {
  const headers = { host: domainOf(facts), 'x-forwarded-for': facts.request.sourceIp, 'x-forwarded-port': '443', 'x-forwarded-proto': 'https', ...facts.request.headers };
  if (facts.endpointType !== 'EDGE') return headers;
  const edge = Object.fromEntries(Object.entries(headers).map(([name, value]) => [capitalised(name), value]));
  const pop = facts.requestId.replaceAll('-', '').slice(0, 16);
  return { ...edge, 'CloudFront-Forwarded-Proto': 'https', 'CloudFront-Viewer-Country': 'US', Via: `2.0 ${pop}.cloudfront.net (CloudFront)` };
}

function stringified(context: Readonly<Record<string, string | number | boolean>>): Record<string, string> {
  return Object.fromEntries(Object.entries(context).map(([k, v]) => [k, String(v)]));
}

function identityV1(facts: ProxyRequestFacts): Record<string, string | null> {
  return {
    accessKey: null, accountId: null, apiKey: facts.apiKey ?? null, apiKeyId: null, caller: null, cognitoAuthenticationProvider: null,
    cognitoAuthenticationType: null, cognitoIdentityId: null, cognitoIdentityPoolId: null, principalOrgId: null,
    sourceIp: facts.request.sourceIp, user: null, userAgent: facts.request.headers['user-agent'] ?? null, userArn: null,
  };
}

/** Payload format 1.0: what a REST API's Lambda proxy integration sends. */
export function proxyEventV1(facts: ProxyRequestFacts): Record<string, unknown> {
  const { request } = facts;
  const authorizer = facts.authorizer === undefined ? undefined : {
    ...stringified(facts.authorizer.context),
    ...(facts.authorizer.principalId === undefined ? {} : { principalId: facts.authorizer.principalId }),
    ...(facts.authorizer.claims === undefined ? {} : { claims: facts.authorizer.claims }),
  };
  return {
    resource: facts.resourcePath,
    path: clientPathOf(facts),
    httpMethod: request.method,
    headers: headersOf(facts),
    multiValueHeaders: multi(headersOf(facts)),
    queryStringParameters: nullIfEmpty({ ...request.query }),
    multiValueQueryStringParameters: nullIfEmpty(multi(request.query)),
    pathParameters: nullIfEmpty({ ...facts.pathParameters }),
    stageVariables: nullIfEmpty({ ...facts.stageVariables }),
    requestContext: {
      accountId: facts.accountId, apiId: facts.apiId, ...(authorizer === undefined ? {} : { authorizer }), domainName: domainOf(facts),
      domainPrefix: domainPrefixOf(facts), extendedRequestId: facts.requestId, httpMethod: request.method, identity: identityV1(facts),
      path: facts.customDomain === undefined ? `/${facts.stage}${request.path}` : clientPathOf(facts),
      protocol: 'HTTP/1.1', requestId: facts.requestId, requestTime: clfTime(facts.nowMs), requestTimeEpoch: facts.nowMs, resourceId: facts.resourceId,
      resourcePath: facts.resourcePath, stage: facts.stage,
    },
    body: request.body === '' ? null : request.body,
    isBase64Encoded: false,
  };
}

/** Payload format 2.0: what an HTTP API's Lambda proxy integration sends by default. */
export function proxyEventV2(facts: ProxyRequestFacts): Record<string, unknown> {
  const { request } = facts;
  const rawQueryString = Object.entries(request.query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const cookies = request.headers['cookie']?.split(';').map((c) => c.trim());
  const authorizer = facts.authorizer === undefined ? undefined
    : facts.authorizer.claims !== undefined ? { jwt: { claims: facts.authorizer.claims, scopes: null } }
      : { lambda: { ...facts.authorizer.context } };
  return {
    version: '2.0',
    routeKey: facts.routeKey,
    rawPath: clientPathOf(facts),
    rawQueryString,
    ...(cookies === undefined ? {} : { cookies }),
    headers: headersOf(facts),
    ...(rawQueryString === '' ? {} : { queryStringParameters: { ...request.query } }),
    requestContext: {
      accountId: facts.accountId, apiId: facts.apiId, ...(authorizer === undefined ? {} : { authorizer }), domainName: domainOf(facts), domainPrefix: domainPrefixOf(facts),
      http: { method: request.method, path: clientPathOf(facts), protocol: 'HTTP/1.1', sourceIp: request.sourceIp, userAgent: request.headers['user-agent'] ?? '' },
      requestId: facts.requestId, routeKey: facts.routeKey, stage: facts.stage, time: clfTime(facts.nowMs), timeEpoch: facts.nowMs,
    },
    ...(request.body === '' ? {} : { body: request.body }),
    ...(Object.keys(facts.pathParameters).length === 0 ? {} : { pathParameters: { ...facts.pathParameters } }),
    isBase64Encoded: false,
    ...(Object.keys(facts.stageVariables).length === 0 ? {} : { stageVariables: { ...facts.stageVariables } }),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function stringRecord(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return undefined;
    out[k] = String(v);
  }
  return out;
}

/** Reads a `{statusCode, headers, body, isBase64Encoded}` response; undefined when malformed (APIGW-09). */
export function readProxyResponse(payloadText: string, format: '1.0' | '2.0'): HttpResponse | undefined {
  let payload: unknown;
  try {
    payload = JSON.parse(payloadText);
  } catch {
    return undefined;
  }
  if (format === '2.0' && !(isRecord(payload) && 'statusCode' in payload)) {
    // Format 2.0 infers a 200 JSON response from any other valid JSON value.
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: typeof payload === 'string' ? payload : payloadText };
  }
  if (!isRecord(payload)) return undefined;
  const { statusCode, body, isBase64Encoded } = payload;
  const headers = stringRecord(payload['headers']);
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) return undefined;
  if (body !== undefined && body !== null && typeof body !== 'string') return undefined;
  if (isBase64Encoded !== undefined && typeof isBase64Encoded !== 'boolean') return undefined;
  if (headers === undefined) return undefined;
  const decoded = isBase64Encoded === true && typeof body === 'string' ? Buffer.from(body, 'base64').toString('utf8') : body ?? '';
  return { statusCode, headers, body: decoded };
}
