// Proves custom domain names through the sandbox: base path mappings route https://DOMAIN/BASE/... to a
// stage with the base path stripped for routing (the proxy event keeps the client's path and names the
// domain), `(none)` catches what no other mapping matches, no match is 403
// {"message":"Forbidden"}, the longest multi-level mapping wins (REGIONAL + TLS_1_2 only), mappings
// list and delete, apigatewayv2 create-api-mapping maps HTTP APIs, and an execute-api URL names its API.
import { describe, expect, it } from 'vitest';
import { runSandboxLine } from '../../../src/sim/cli/sandbox.js';
import { API_ON_ALIAS, FUNCTION_WITH_ALIASES, PERMISSIONS, errorOf, outputOf, sandboxAfter, type HttpOutput } from './stages-fixtures.js';

const DOMAIN = 'aws apigateway create-domain-name --domain-name api.example.com --regional-certificate-arn arn:aws:acm:us-east-1:123456789012:certificate/abc --endpoint-configuration types=REGIONAL';
const MAP = 'aws apigateway create-base-path-mapping --domain-name api.example.com --rest-api-id orders-api';
const V2_STAGE = `
aws apigateway create-deployment --rest-api-id orders-api --stage-name v2 --variables alias=next`;
const WITH_DOMAIN = `${FUNCTION_WITH_ALIASES}${API_ON_ALIAS}${PERMISSIONS}${V2_STAGE}
${DOMAIN}
${MAP} --base-path v1 --stage prod
${MAP} --base-path v2 --stage v2`;

const get = (session: ReturnType<typeof sandboxAfter>, url: string) => outputOf<HttpOutput>(session, `sim http GET ${url}`);
const aliasSeen = (output: HttpOutput): unknown => (JSON.parse(output.body) as { stageVariables: { alias: string } }).stageVariables.alias;
/** The proxy event's resource (what was routed), path (what the client sent) and domain name. */
const pathsSeen = (output: HttpOutput): unknown => {
  const event = JSON.parse(output.body) as { resource: string; path: string; requestContext: { path: string; domainName: string } };
  return { resource: event.resource, path: event.path, contextPath: event.requestContext.path, domainName: event.requestContext.domainName };
};

describe('custom domain names', () => {
  it('routes each base path to its stage with the base path stripped', () => {
    const session = sandboxAfter(WITH_DOMAIN);
    const v1 = get(session, 'https://api.example.com/v1/orders');
    const v2 = get(session, 'https://api.example.com/v2/orders?expand=items');
    expect([v1.status, aliasSeen(v1), v2.status, aliasSeen(v2)]).toEqual([200, 'live', 200, 'next']);
    expect(pathsSeen(v1)).toEqual({ resource: '/orders', path: '/v1/orders', contextPath: '/v1/orders', domainName: 'api.example.com' });
    expect(session.world.trace.all().filter((e) => e.service === 'apigateway').map((e) => e.detail['path'])).toEqual(['/orders', '/orders']);
    expect(v1.trace[0]).toEqual({ step: 'custom-domain', outcome: 'mapped', detail: { domainName: 'api.example.com', basePath: 'v1', stage: 'prod' } });
  });

  it('answers 403 Forbidden for a base path nothing maps, and 403 Missing Authentication Token for a missing resource', () => {
    const session = sandboxAfter(WITH_DOMAIN);
    const report = runSandboxLine(session, 'sim http GET https://api.example.com/v3/orders');
    expect(report.text.replace(/[0-9a-f-]{36}/, 'REQUEST-ID')).toMatchInlineSnapshot(`
      "HTTP/1.1 403 Forbidden
      content-type: application/json
      x-amzn-ErrorType: ForbiddenException
      content-length: 23
      x-amzn-RequestId: REQUEST-ID

      {"message":"Forbidden"}
      "
    `);
    expect(get(session, 'https://api.example.com/v1/order').body).toBe('{"message":"Missing Authentication Token"}');
  });

  it('sends what no other mapping matches to the (none) mapping', () => {
    const session = sandboxAfter(`${WITH_DOMAIN}
${MAP} --base-path '(none)' --stage prod`);
    const viaNone = get(session, 'https://api.example.com/orders');
    expect([viaNone.status, aliasSeen(viaNone), viaNone.trace[0]!.detail!['basePath']]).toEqual([200, 'live', '(none)']);
    expect(pathsSeen(viaNone)).toEqual({ resource: '/orders', path: '/orders', contextPath: '/orders', domainName: 'api.example.com' });
    expect(get(session, 'https://api.example.com/v3/orders').status).toBe(403);
    const listed = outputOf<{ items: unknown[] }>(session, 'aws apigateway get-base-path-mappings --domain-name api.example.com');
    expect(listed.items).toEqual([
      { basePath: '(none)', restApiId: expect.any(String), stage: 'prod' },
      { basePath: 'v1', restApiId: expect.any(String), stage: 'prod' },
      { basePath: 'v2', restApiId: expect.any(String), stage: 'v2' },
    ]);
  });

  it('picks the longest multi-level mapping and lets a deleted mapping fall through', () => {
    const session = sandboxAfter(`${WITH_DOMAIN}
${MAP} --base-path shop/v2 --stage prod`);
    expect(aliasSeen(get(session, 'https://api.example.com/shop/v2/orders'))).toBe('live');
    outputOf(session, 'aws apigateway delete-base-path-mapping --domain-name api.example.com --base-path shop/v2');
    expect(get(session, 'https://api.example.com/shop/v2/orders').status).toBe(403);
    expect(errorOf(session, 'aws apigateway delete-base-path-mapping --domain-name api.example.com --base-path shop/v2')).toContain('NotFoundException');
  });

  it('refuses duplicates, unknown stages and domains, and multi-level paths on an EDGE domain', () => {
    const session = sandboxAfter(`${WITH_DOMAIN}
aws apigateway create-domain-name --domain-name edge.example.com --certificate-arn arn:aws:acm:us-east-1:123456789012:certificate/e`);
    expect([
      errorOf(session, DOMAIN),
      errorOf(session, `${MAP} --base-path v1 --stage prod`),
      errorOf(session, `${MAP} --base-path v3 --stage beta`),
      errorOf(session, `${MAP.replace('api.example.com', 'nope.example.com')} --base-path v3 --stage prod`),
      errorOf(session, `${MAP.replace('api.example.com', 'edge.example.com')} --base-path shop/v2 --stage prod`),
    ]).toMatchInlineSnapshot(`
      [
        "An error occurred (ConflictException) when calling the CreateDomainName operation: The domain name you provided already exists.",
        "An error occurred (ConflictException) when calling the CreateBasePathMapping operation: A mapping for base path v1 already exists on api.example.com",
        "An error occurred (BadRequestException) when calling the CreateBasePathMapping operation: Invalid stage identifier specified",
        "An error occurred (NotFoundException) when calling the CreateBasePathMapping operation: Invalid domain name identifier specified",
        "An error occurred (BadRequestException) when calling the CreateBasePathMapping operation: Multi-level base paths need a REGIONAL custom domain name with the TLS_1_2 security policy",
      ]
    `);
  });

  it('maps an HTTP API with apigatewayv2 create-api-mapping, and reaches a REST API by its execute-api URL', () => {
    const session = sandboxAfter(`${WITH_DOMAIN}
aws apigatewayv2 create-api --name orders-http --protocol-type HTTP
aws apigatewayv2 create-route --api-id orders-http --route-key 'GET /ping'
aws apigatewayv2 create-stage --api-id orders-http --stage-name $default --auto-deploy
aws apigatewayv2 create-api-mapping --domain-name api.example.com --api-id orders-http --stage $default --api-mapping-key http/v1`);
    const mappings = outputOf<{ Items: { ApiMappingKey: string }[] }>(session, 'aws apigatewayv2 get-api-mappings --domain-name api.example.com');
    expect(mappings.Items.map((m) => m.ApiMappingKey)).toEqual(['http/v1', 'v1', 'v2']);
    expect(get(session, 'https://api.example.com/http/v1/ping').trace.map((s) => s.step).slice(0, 2)).toEqual(['custom-domain', 'route']);
    const apiId = (outputOf<{ items: { id: string; name: string }[] }>(session, 'aws apigateway get-rest-apis').items.find((a) => a.name === 'orders-api'))!.id;
    expect(aliasSeen(get(session, `https://${apiId}.execute-api.us-east-1.amazonaws.com/v2/orders`))).toBe('next');
    expect(errorOf(session, 'sim http GET https://unknown.example.com/orders')).toContain('Could not resolve host: unknown.example.com');
    expect(errorOf(session, 'sim http GET https://api.example.com/v1/orders --stage prod')).toContain('--api and --stage are not used with a URL');
  });
});
