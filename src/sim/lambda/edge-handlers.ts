// Catalogue behaviours for the edge: what a Lambda@Edge function (or a CloudFront Function built from
// the same entry) does at a trigger point. Each is a pure decision on an EdgeView; the Lambda wrapper
// reads `Records[0].cf` and answers in the Lambda@Edge shape, CloudFront Functions call `decide`
// directly. Package sizes, memory and durations are the simulator's documented model (docs/cloudfront.md),
// chosen so the association-time limits (EDGE-05, EDGE-07) have something to check.
import type { CatalogueHandler, HandlerRun } from './handlers.js';
import { readLambdaEdgeEvent, toLambdaEdgeResult, type EdgeAnswer, type EdgeHttpRequest, type EdgeHttpResponse, type EdgeView } from './edge-event.js';

export interface EdgeBehaviour {
  readonly name: string;
  readonly description: string;
  /** The trigger points it is written for (associating it elsewhere works, but rarely makes sense). */
  readonly suitedFor: readonly string[];
  /** Simulator assumption: the compressed package (Lambda) or code (CloudFront Functions) size it stands for. */
  readonly packageSizeBytes: number;
  /** Simulator assumption: the memory one run needs. */
  readonly memoryUsedBytes: number;
  /** It reads the request or response body (CloudFront Functions cannot, EDGE-07). */
  readonly needsBody: boolean;
  readonly durationMs: number;
  readonly decide: (view: EdgeView) => EdgeAnswer;
}

const KB = 1_024;
const MB = 1_024 * 1_024;

const goOn = (request: EdgeHttpRequest): EdgeAnswer => ({ kind: 'request', request });

/** A generated response (or, for response events, the response to send). */
function answer(status: number, statusDescription: string, headers: Record<string, string>, body = ''): EdgeAnswer {
  return { kind: 'response', response: { status, statusDescription, headers, body } };
}

/** Response events carry on with the (possibly changed) response; request events with the request. */
function passThrough(view: EdgeView): EdgeAnswer {
  return view.response === undefined ? goOn(view.request) : { kind: 'response', response: view.response };
}

function withResponseHeaders(response: EdgeHttpResponse, headers: Record<string, string>): EdgeAnswer {
  return { kind: 'response', response: { ...response, headers: { ...response.headers, ...headers } } };
}

/** Cookie header → name/value pairs. */
export function cookiesOf(request: EdgeHttpRequest): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (request.headers['cookie'] ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) cookies[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return cookies;
}

/** Valid tokens in the sandbox: `Bearer allow` (the same word the authorizer catalogue accepts). */
function decideAuth(view: EdgeView): EdgeAnswer {
  if (view.response !== undefined) return passThrough(view);
  const authorization = view.request.headers['authorization'];
  if (authorization === undefined) return answer(401, 'Unauthorized', { 'www-authenticate': 'Bearer', 'content-type': 'text/plain' }, 'Sign in first: no Authorization header.');
  if (authorization !== 'Bearer allow') return answer(403, 'Forbidden', { 'content-type': 'text/plain' }, 'The token is not valid.');
  return goOn(view.request);
}

/** A stable variant for a viewer without the cookie: the sum of the client IP's characters, even → a, odd → b. */
function variantFor(clientIp: string): 'a' | 'b' {
  let sum = 0;
  for (let i = 0; i < clientIp.length && i < 64; i++) sum += clientIp.charCodeAt(i);
  return sum % 2 === 0 ? 'a' : 'b';
}

/**
 * Viewer request: the `variant` cookie (a or b) picks the experiment folder (`/a/...`, `/b/...`); a
 * viewer without one gets a variant (added to the request's cookies, marked in `x-ab-new-variant`). Viewer response: a new variant is
 * made sticky with Set-Cookie.
 */
function decideAbTest(view: EdgeView): EdgeAnswer {
  if (view.response !== undefined) {
    const assigned = view.request.headers['x-ab-new-variant'];
    return assigned === undefined ? passThrough(view) : withResponseHeaders(view.response, { 'set-cookie': `variant=${assigned}; Path=/; Max-Age=2592000` });
  }
  const fromCookie = cookiesOf(view.request)['variant'];
  const variant = fromCookie === 'a' || fromCookie === 'b' ? fromCookie : variantFor(view.request.clientIp);
  // A new viewer's request gets the cookie too, so it shares the cache key of viewers who already have it.
  const cookie = [view.request.headers['cookie'], `variant=${variant}`].filter((part) => part !== undefined).join('; ');
  const headers = fromCookie === variant ? view.request.headers : { ...view.request.headers, cookie, 'x-ab-new-variant': variant };
  return goOn({ ...view.request, uri: `/${variant}${view.request.uri}`, headers });
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'content-security-policy': "default-src 'self'",
};

function decideSecurityHeaders(view: EdgeView): EdgeAnswer {
  return view.response === undefined ? goOn(view.request) : withResponseHeaders(view.response, SECURITY_HEADERS);
}

/** Country (ISO code) → the site's localised prefix. Viewers from elsewhere get the default site. */
export const COUNTRY_PREFIXES: Readonly<Record<string, string>> = { DE: '/de', FR: '/fr', JP: '/jp', BR: '/br', AU: '/au' };

function decideGeoRedirect(view: EdgeView): EdgeAnswer {
  if (view.response !== undefined) return passThrough(view);
  const prefix = COUNTRY_PREFIXES[view.request.headers['cloudfront-viewer-country'] ?? ''];
  if (prefix === undefined || view.request.uri.startsWith(`${prefix}/`)) return goOn(view.request);
  const host = view.request.headers['host'] ?? 'example.com';
  return answer(302, 'Found', { location: `https://${host}${prefix}${view.request.uri}`, 'cache-control': 'max-age=3600' });
}

/** User agents the filter refuses; an empty or missing User-Agent is refused too. Search engines pass. */
export const BLOCKED_AGENTS: readonly string[] = ['badbot', 'scrapy', 'python-requests', 'ahrefsbot', 'semrushbot'];

function decideBotFilter(view: EdgeView): EdgeAnswer {
  if (view.response !== undefined) return passThrough(view);
  const agent = (view.request.headers['user-agent'] ?? '').toLowerCase();
  if (agent === '' || BLOCKED_AGENTS.some((blocked) => agent.includes(blocked))) {
    return answer(403, 'Forbidden', { 'content-type': 'text/plain' }, 'Automated clients are not allowed.');
  }
  return goOn(view.request);
}

function decideMaintenance(): EdgeAnswer {
  return answer(503, 'Service Unavailable', { 'content-type': 'text/html', 'retry-after': '600' }, '<h1>Back soon</h1>');
}

function decideImageResize(view: EdgeView): EdgeAnswer {
  if (view.response === undefined) return goOn(view.request);
  const { response } = view;
  return { kind: 'response', response: { ...response, headers: { ...response.headers, 'x-image-resized': '320w' }, body: `[resized to 320w] ${response.body}` } };
}

const behaviour = (name: string, description: string, suitedFor: readonly string[], decide: EdgeBehaviour['decide'], extra: Partial<EdgeBehaviour> = {}): EdgeBehaviour => ({
  name, description, suitedFor, decide, packageSizeBytes: 2 * KB, memoryUsedBytes: 256 * KB, needsBody: false, durationMs: 1, ...extra,
});

const VIEWER_REQUEST = ['viewer-request'];

export const EDGE_BEHAVIOURS: readonly EdgeBehaviour[] = [
  behaviour('catalog.edge-auth', 'Edge auth: no Authorization header → 401, a token other than "Bearer allow" → 403, else on to the cache.', VIEWER_REQUEST, decideAuth),
  behaviour('catalog.edge-ab-test', 'A/B test: cookie variant=a|b picks /a/... or /b/...; a new viewer gets one (by IP), made sticky with Set-Cookie on viewer response.', ['viewer-request', 'viewer-response'], decideAbTest),
  behaviour('catalog.edge-security-headers', 'Adds HSTS, X-Content-Type-Options, X-Frame-Options, Referrer-Policy and a CSP to the response.', ['viewer-response', 'origin-response'], decideSecurityHeaders),
  behaviour('catalog.edge-geo-redirect', 'Redirects (302) viewers from DE, FR, JP, BR, AU to /de, /fr ... by the CloudFront-Viewer-Country header.', ['viewer-request', 'origin-request'], decideGeoRedirect),
  behaviour('catalog.edge-bot-filter', 'Refuses (403) an empty User-Agent and known scrapers (badbot, scrapy, python-requests ...).', VIEWER_REQUEST, decideBotFilter),
  behaviour('catalog.edge-maintenance', 'Answers 503 "Back soon" from any trigger point (a viewer-response function cannot change the status).', ['viewer-request', 'origin-request'], decideMaintenance),
  behaviour('catalog.edge-image-resize', 'Origin response: rewrites the body as a 320w rendition; bundles an image library (4.5 MB package, 512 MB memory).', ['origin-response'], decideImageResize, {
    packageSizeBytes: 4.5 * MB, memoryUsedBytes: 512 * MB, needsBody: true, durationMs: 120,
  }),
];

export function findEdgeBehaviour(name: string): EdgeBehaviour | undefined {
  return EDGE_BEHAVIOURS.find((entry) => entry.name === name);
}

function runAtEdge(entry: EdgeBehaviour, event: unknown): HandlerRun {
  const view = readLambdaEdgeEvent(event);
  if (view === undefined) {
    return { outcome: { kind: 'error', errorType: 'Error', errorMessage: 'The event is not a CloudFront event (no Records[0].cf)', handled: false }, durationMs: 1 };
  }
  return { outcome: { kind: 'return', payload: toLambdaEdgeResult(entry.decide(view)) }, durationMs: entry.durationMs };
}

/** The behaviours as Lambda catalogue handlers (`--handler catalog.edge-auth`). */
export const EDGE_CATALOGUE_HANDLERS: readonly CatalogueHandler[] = EDGE_BEHAVIOURS.map((entry) => ({
  name: entry.name,
  description: entry.description,
  run: (event: unknown) => runAtEdge(entry, event),
}));
