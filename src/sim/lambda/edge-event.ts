// The Lambda@Edge event shape (`Records[0].cf.request` / `.response`, EDGE-01) and a plain view of it
// that the catalogue behaviours work on. CloudFront builds the event, the function answers a request
// (go on) or a response (CloudFront answers with it); `readEdgeResult` tells which, or why neither.
// Headers in the event are `{lowercase: [{key, value}]}`; in the view, lowercase name → one value.

export type EdgeEventType = 'viewer-request' | 'origin-request' | 'origin-response' | 'viewer-response';

export const EDGE_EVENT_TYPES: readonly EdgeEventType[] = ['viewer-request', 'origin-request', 'origin-response', 'viewer-response'];

export const isRequestEvent = (eventType: EdgeEventType): boolean => eventType === 'viewer-request' || eventType === 'origin-request';

export interface EdgeHttpRequest {
  readonly method: string;
  readonly uri: string;
  /** Without the leading `?`, e.g. `size=large`. */
  readonly querystring: string;
  /** Lowercase name → value. */
  readonly headers: Readonly<Record<string, string>>;
  readonly clientIp: string;
  /** The body as text; CloudFront passes it only when the association sets IncludeBody. */
  readonly body?: string;
}

export interface EdgeHttpResponse {
  readonly status: number;
  readonly statusDescription: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What a function sees: the event type, the request, and for response events the response. */
export interface EdgeView {
  readonly eventType: EdgeEventType;
  readonly request: EdgeHttpRequest;
  readonly response?: EdgeHttpResponse;
}

/** What a function decided: carry on with this request, or answer with this response. */
export type EdgeAnswer = { readonly kind: 'request'; readonly request: EdgeHttpRequest } | { readonly kind: 'response'; readonly response: EdgeHttpResponse };

export interface EdgeEventConfig {
  readonly distributionId: string;
  readonly distributionDomainName: string;
  readonly requestId: string;
}

type CfHeaders = Record<string, { key: string; value: string }[]>;

/** `x-frame-options` → `X-Frame-Options`: the `key` CloudFront shows beside the lowercase name. */
function displayName(name: string): string {
  return name.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('-');
}

function toCfHeaders(headers: Readonly<Record<string, string>>): CfHeaders {
  const out: CfHeaders = {};
  for (const [name, value] of Object.entries(headers)) out[name] = [{ key: displayName(name), value }];
  return out;
}

function fromCfHeaders(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const headers: Record<string, string> = {};
  for (const [name, entries] of Object.entries(value as Record<string, unknown>)) {
    const first = Array.isArray(entries) ? (entries[0] as { value?: unknown } | undefined) : undefined;
    if (typeof first?.value !== 'string') return undefined;
    headers[name.toLowerCase()] = first.value;
  }
  return headers;
}

function cfRequest(request: EdgeHttpRequest): Record<string, unknown> {
  return {
    clientIp: request.clientIp, headers: toCfHeaders(request.headers), method: request.method, querystring: request.querystring, uri: request.uri,
    ...(request.body === undefined ? {} : { body: { inputTruncated: false, action: 'read-only', encoding: 'base64', data: Buffer.from(request.body).toString('base64') } }),
  };
}

function cfResponse(response: EdgeHttpResponse): Record<string, unknown> {
  return { status: String(response.status), statusDescription: response.statusDescription, headers: toCfHeaders(response.headers), body: response.body };
}

/** The event CloudFront hands a Lambda@Edge function (EDGE-01). */
export function toLambdaEdgeEvent(view: EdgeView, config: EdgeEventConfig): Record<string, unknown> {
  const cf: Record<string, unknown> = {
    config: { distributionDomainName: config.distributionDomainName, distributionId: config.distributionId, eventType: view.eventType, requestId: config.requestId },
    request: cfRequest(view.request),
    ...(view.response === undefined ? {} : { response: cfResponse(view.response) }),
  };
  return { Records: [{ cf }] };
}

/** The answer in the shape a Lambda@Edge function returns it. */
export function toLambdaEdgeResult(answer: EdgeAnswer): Record<string, unknown> {
  return answer.kind === 'request' ? cfRequest(answer.request) : cfResponse(answer.response);
}

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

function readRequest(value: Record<string, unknown>, fallback: EdgeHttpRequest): EdgeHttpRequest | undefined {
  const headers = value['headers'] === undefined ? fallback.headers : fromCfHeaders(value['headers']);
  if (headers === undefined || typeof value['uri'] !== 'string') return undefined;
  return {
    method: typeof value['method'] === 'string' ? value['method'] : fallback.method, uri: value['uri'],
    querystring: typeof value['querystring'] === 'string' ? value['querystring'] : fallback.querystring, headers, clientIp: fallback.clientIp,
    ...(fallback.body === undefined ? {} : { body: fallback.body }),
  };
}

function readResponse(value: Record<string, unknown>): EdgeHttpResponse | undefined {
  const status = Number(value['status']);
  const headers = value['headers'] === undefined ? {} : fromCfHeaders(value['headers']);
  if (!Number.isInteger(status) || status < 100 || status > 599 || headers === undefined) return undefined;
  const body = typeof value['body'] === 'string' ? value['body'] : '';
  return { status, statusDescription: typeof value['statusDescription'] === 'string' ? value['statusDescription'] : '', headers, body };
}

/**
 * Reads what a function returned for `view`: a request (request events only) or a response. Anything
 * else is invalid output, which CloudFront answers with a 502 (the caller's job).
 */
export function readEdgeResult(view: EdgeView, payload: unknown): EdgeAnswer | undefined {
  const value = asRecord(payload);
  if (value === undefined) return undefined;
  if ('status' in value) {
    const response = readResponse(value);
    return response === undefined ? undefined : { kind: 'response', response };
  }
  if (!isRequestEvent(view.eventType)) return undefined;
  const request = readRequest(value, view.request);
  return request === undefined ? undefined : { kind: 'request', request };
}

/** Reads `Records[0].cf` back into a view (for catalogue handlers); undefined when it is not an edge event. */
export function readLambdaEdgeEvent(event: unknown): EdgeView | undefined {
  const records = asRecord(event)?.['Records'];
  const cf = asRecord(Array.isArray(records) ? asRecord(records[0])?.['cf'] : undefined);
  const eventType = asRecord(cf?.['config'])?.['eventType'];
  const rawRequest = asRecord(cf?.['request']);
  if (cf === undefined || rawRequest === undefined || !EDGE_EVENT_TYPES.includes(eventType as EdgeEventType)) return undefined;
  const base: EdgeHttpRequest = { method: 'GET', uri: '/', querystring: '', headers: {}, clientIp: typeof rawRequest['clientIp'] === 'string' ? rawRequest['clientIp'] : '' };
  const request = readRequest(rawRequest, base);
  const rawResponse = asRecord(cf['response']);
  const response = rawResponse === undefined ? undefined : readResponse(rawResponse);
  if (request === undefined) return undefined;
  return { eventType: eventType as EdgeEventType, request, ...(response === undefined ? {} : { response }) };
}
