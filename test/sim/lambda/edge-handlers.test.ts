// Proves each edge catalogue behaviour decides as documented (auth 401/403, sticky A/B variant,
// security headers, country redirect, bot filter, maintenance page), that the Lambda catalogue
// handlers read and answer the Lambda@Edge shape (`Records[0].cf`), and that an event survives the
// round trip view → Lambda@Edge event → view. The A/B test also runs end to end through a distribution.
import { describe, expect, it } from 'vitest';
import { readLambdaEdgeEvent, toLambdaEdgeEvent, type EdgeHttpRequest, type EdgeView } from '../../../src/sim/lambda/edge-event.js';
import { EDGE_BEHAVIOURS, findEdgeBehaviour, SECURITY_HEADERS } from '../../../src/sim/lambda/edge-handlers.js';
import { findHandler } from '../../../src/sim/lambda/handlers.js';
import { distribution, edgeFunction, edgeWorld, get } from '../cloudfront/fixtures.js';

const request = (headers: Record<string, string> = {}, uri = '/index.html', clientIp = '203.0.113.10'): EdgeHttpRequest => ({ method: 'GET', uri, querystring: '', headers: { host: 'd1.cloudfront.net', ...headers }, clientIp });
const decide = (name: string, view: EdgeView) => findEdgeBehaviour(name)!.decide(view);
const viewerRequest = (req: EdgeHttpRequest): EdgeView => ({ eventType: 'viewer-request', request: req });
const statusOf = (name: string, req: EdgeHttpRequest) => {
  const answer = decide(name, viewerRequest(req));
  return answer.kind === 'response' ? answer.response.status : 'request';
};

describe('edge auth', () => {
  it('answers 401 without a token, 403 with a wrong one, and lets "Bearer allow" through', () => {
    expect([statusOf('catalog.edge-auth', request()), statusOf('catalog.edge-auth', request({ authorization: 'Bearer nope' })), statusOf('catalog.edge-auth', request({ authorization: 'Bearer allow' }))]).toEqual([401, 403, 'request']);
    const answer = decide('catalog.edge-auth', viewerRequest(request()));
    expect(answer.kind === 'response' && answer.response.headers['www-authenticate']).toBe('Bearer');
  });
});

describe('A/B testing by cookie', () => {
  it('routes by the variant cookie and gives a viewer without one a variant by IP, marked for Set-Cookie', () => {
    const withCookie = decide('catalog.edge-ab-test', viewerRequest(request({ cookie: 'variant=b' })));
    expect(withCookie.kind === 'request' && [withCookie.request.uri, withCookie.request.headers['x-ab-new-variant']]).toEqual(['/b/index.html', undefined]);
    const uris = ['203.0.113.10', '203.0.113.11'].map((ip) => {
      const answer = decide('catalog.edge-ab-test', viewerRequest(request({}, '/index.html', ip)));
      return answer.kind === 'request' ? `${answer.request.uri} ${answer.request.headers['x-ab-new-variant']}` : '';
    });
    expect(uris).toEqual(['/b/index.html b', '/a/index.html a']);
  });

  it('sticks: the first visit sets the cookie, the next one with it sees the same variant from the cache', () => {
    const world = edgeWorld();
    const ab = edgeFunction(world, 'ab', 'catalog.edge-ab-test');
    distribution(world, {
      lambda: [{ eventType: 'viewer-request', arn: ab }, { eventType: 'viewer-response', arn: ab }],
      behavior: { ForwardedValues: { QueryString: false, Cookies: { Forward: 'whitelist', WhitelistedNames: { Quantity: 1, Items: ['variant'] } } } },
    });
    const first = get(world, '/index.html', { sourceIp: '198.51.100.7' });
    expect([first.body, first.headers['set-cookie']]).toEqual(['<h1>variant a</h1>', 'variant=a; Path=/; Max-Age=2592000']);
    const again = get(world, '/index.html', { sourceIp: '192.0.2.99', headers: { Cookie: 'variant=a' } });
    expect([again.body, again.cache, again.headers['set-cookie']]).toEqual(['<h1>variant a</h1>', 'Hit', undefined]);
  });
});

describe('header rewrite, country redirect, bot filter, maintenance', () => {
  it('adds the five security headers to a response and leaves requests alone', () => {
    const response = { status: 200, statusDescription: 'OK', headers: { 'content-type': 'text/html' }, body: 'x' };
    const answer = decide('catalog.edge-security-headers', { eventType: 'viewer-response', request: request(), response });
    expect(answer.kind === 'response' && answer.response.headers).toEqual({ 'content-type': 'text/html', ...SECURITY_HEADERS });
    expect(statusOf('catalog.edge-security-headers', request())).toBe('request');
  });

  it('redirects DE viewers to /de with a 302, not US viewers, nor DE viewers already there', () => {
    const answer = decide('catalog.edge-geo-redirect', viewerRequest(request({ 'cloudfront-viewer-country': 'DE' })));
    expect(answer.kind === 'response' && [answer.response.status, answer.response.headers['location']]).toEqual([302, 'https://d1.cloudfront.net/de/index.html']);
    expect(statusOf('catalog.edge-geo-redirect', request({ 'cloudfront-viewer-country': 'US' }))).toBe('request');
    expect(statusOf('catalog.edge-geo-redirect', request({ 'cloudfront-viewer-country': 'DE' }, '/de/index.html'))).toBe('request');
  });

  it('refuses an empty User-Agent and scrapers, and lets browsers and search engines through', () => {
    const agents = ['', 'Scrapy/2.11', 'python-requests/2.31', 'Mozilla/5.0', 'Googlebot/2.1'];
    expect(agents.map((agent) => statusOf('catalog.edge-bot-filter', request(agent === '' ? {} : { 'user-agent': agent })))).toEqual([403, 403, 403, 'request', 'request']);
  });

  it('answers the maintenance page with 503 and Retry-After', () => {
    const answer = decide('catalog.edge-maintenance', viewerRequest(request()));
    expect(answer.kind === 'response' && [answer.response.status, answer.response.headers['retry-after']]).toEqual([503, '600']);
  });
});

describe('the Lambda@Edge event shape', () => {
  it('round-trips a view through Records[0].cf', () => {
    const view: EdgeView = { eventType: 'origin-response', request: request({ 'user-agent': 'Mozilla/5.0' }), response: { status: 404, statusDescription: 'Not Found', headers: { 'content-type': 'text/plain' }, body: 'gone' } };
    const event = toLambdaEdgeEvent(view, { distributionId: 'E1', distributionDomainName: 'd1.cloudfront.net', requestId: 'r1' });
    expect((event as { Records: { cf: { request: { headers: unknown } } }[] }).Records[0]!.cf.request.headers).toMatchObject({ 'user-agent': [{ key: 'User-Agent', value: 'Mozilla/5.0' }] });
    expect(readLambdaEdgeEvent(event)).toEqual(view);
  });

  it('passes a request body base64-encoded, as CloudFront does with IncludeBody (EDGE-06)', () => {
    const event = toLambdaEdgeEvent({ eventType: 'viewer-request', request: { ...request(), method: 'POST', body: 'name=ann' } }, { distributionId: 'E1', distributionDomainName: 'd1.cloudfront.net', requestId: 'r1' });
    expect((event as { Records: { cf: { request: { body: unknown } } }[] }).Records[0]!.cf.request.body).toEqual({ inputTruncated: false, action: 'read-only', encoding: 'base64', data: 'bmFtZT1hbm4=' });
  });

  it('makes every behaviour a Lambda catalogue handler that refuses a non-CloudFront event', () => {
    for (const behaviour of EDGE_BEHAVIOURS) expect(findHandler(behaviour.name)?.description).toBe(behaviour.description);
    const run = findHandler('catalog.edge-auth')!.run({ hello: 'world' }, {} as never);
    expect(run.outcome).toEqual({ kind: 'error', errorType: 'Error', errorMessage: 'The event is not a CloudFront event (no Records[0].cf)', handled: false });
  });
});
