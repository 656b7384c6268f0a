// Proves the REST pipeline's answers with API Gateway's exact status, body and x-amzn-ErrorType:
// 403 Missing Authentication Token for an unknown resource, method or stage (APIGW-09), 413 over 10 MB
// (APIGW-08), 502 for a malformed proxy response or a function error (APIGW-09), 504 past the 29 s
// integration timeout (APIGW-07), MOCK and HTTP integrations, stage variables in URIs, and resource
// policies / private endpoints (APIGW-02, APIGW-14), judged with the signed caller on AWS_IAM methods.
import { createVpcEndpoint } from '../../../src/sim/ec2/index.js';
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxLine, runSandboxScript } from '../../../src/sim/index.js';
import { apiGatewayState } from '../../../src/sim/apigateway/model.js';
import { makeFunction, newWorld, restApi, send } from './fixtures.js';

const errorOf = (response: { statusCode: number; body: string; headers: Readonly<Record<string, string>> }) =>
  `${response.statusCode} ${response.headers['x-amzn-ErrorType']} ${response.body}`;

describe('routing (APIGW-09)', () => {
  it('answers an unknown path, method or stage with 403 Missing Authentication Token', () => {
    const world = newWorld();
    makeFunction(world, 'orders');
    const api = restApi(world);
    for (const request of [{ path: '/customers' }, { method: 'DELETE' }, { stage: 'dev' }]) {
      expect(errorOf(send(world, { api, ...request }))).toMatchInlineSnapshot(`"403 MissingAuthenticationTokenException {"message":"Missing Authentication Token"}"`);
    }
  });

  it('serves what was deployed: a method added after the deployment is unknown until the next one (APIGW-03)', () => {
    const world = newWorld();
    makeFunction(world, 'orders');
    const api = restApi(world);
    const state = apiGatewayState(world).restApis[api]!;
    const orders = Object.values(state.resources).find((r) => r.path === '/orders')!;
    orders.methods['POST'] = { ...orders.methods['GET']!, httpMethod: 'POST' };
    expect(send(world, { api, method: 'POST' }).statusCode).toBe(403);
  });

  it('prefers a literal path part over {param} over {proxy+}', () => {
    const world = newWorld();
    const mock = (body: string) => ({ type: 'MOCK' as const, mockBody: body });
    const api = restApi(world, {
      routes: [
        { method: 'GET', path: '/orders/{id}', integration: mock('param') },
        { method: 'GET', path: '/orders/latest', integration: mock('literal') },
        { method: 'ANY', path: '/{proxy+}', integration: mock('greedy') },
      ],
    });
    expect(['/orders/latest', '/orders/9', '/a/b/c'].map((path) => send(world, { api, path }).body)).toEqual(['literal', 'param', 'greedy']);
  });
});

describe('integrations', () => {
  it('passes a valid Lambda proxy response through', () => {
    const world = newWorld();
    makeFunction(world, 'orders');
    const response = send(world, { api: restApi(world) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-amzn-RequestId']).toBe(response.requestId);
  });

  it('answers 502 Internal server error for a malformed proxy response and for a function error (APIGW-09)', () => {
    for (const handler of ['catalog.malformed-proxy', 'catalog.throw', 'catalog.echo']) {
      const world = newWorld();
      makeFunction(world, 'orders', { Handler: handler });
      const response = send(world, { api: restApi(world) });
      expect(errorOf(response)).toMatchInlineSnapshot(`"502 InternalServerErrorException {"message": "Internal server error"}"`);
      expect(response.gatewayResponse).toBe('INTEGRATION_FAILURE');
    }
  });

  it('answers 504 Endpoint request timed out when the function runs past 29 s; a function timeout below it is a 502 (APIGW-07)', () => {
    const world = newWorld();
    makeFunction(world, 'orders', { Handler: 'catalog.hang', Timeout: 60 });
    const response = send(world, { api: restApi(world) });
    expect(errorOf(response)).toMatchInlineSnapshot(`"504 IntegrationTimeoutException {"message":"Endpoint request timed out"}"`);
    expect(response.steps.at(-1)?.detail).toMatchObject({ latencyMs: 29_000 });
    const short = newWorld();
    makeFunction(short, 'orders', { Handler: 'catalog.hang', Timeout: 3 });
    expect(send(short, { api: restApi(short) }).statusCode).toBe(502);
  });

  it('uses a lower integration timeout when the method sets one', () => {
    const world = newWorld();
    makeFunction(world, 'orders', { Handler: 'catalog.hang', Timeout: 2 });
    const api = restApi(world, { routes: [{ method: 'GET', path: '/orders', integration: { type: 'AWS_PROXY', functionName: 'orders', timeoutInMillis: 1_000 } }] });
    expect(send(world, { api }).statusCode).toBe(504);
  });

  it('answers 413 for a body over 10 MB before calling the backend (APIGW-08)', () => {
    const world = newWorld();
    makeFunction(world, 'orders');
    const api = restApi(world, { routes: [{ method: 'POST', path: '/orders', integration: { type: 'AWS_PROXY', functionName: 'orders' } }] });
    const exactly = send(world, { api, method: 'POST', body: 'x'.repeat(10 * 1024 * 1024) });
    expect(exactly.statusCode).not.toBe(413);
    const over = send(world, { api, method: 'POST', body: 'x'.repeat(10 * 1024 * 1024 + 1) });
    expect(errorOf(over)).toMatchInlineSnapshot(`"413 RequestTooLargeException {"message":"Request Too Long"}"`);
  });

  it('answers a MOCK integration with its configured status and body', () => {
    const world = newWorld();
    const api = restApi(world, { routes: [{ method: 'GET', path: '/health', integration: { type: 'MOCK', mockStatusCode: 204, mockBody: '' } }] });
    expect(send(world, { api, path: '/health' }).statusCode).toBe(204);
  });

  it('calls a registered fake HTTP endpoint, with stage variables in the URL, and times out past 29 s', () => {
    const world = newWorld();
    const state = apiGatewayState(world);
    state.httpEndpoints['https://v2.example.com/orders'] = { url: 'https://v2.example.com/orders', statusCode: 201, body: '{"ok":true}', latencyMs: 40 };
    state.httpEndpoints['https://slow.example.com/orders'] = { url: 'https://slow.example.com/orders', statusCode: 200, body: '{}', latencyMs: 40_000 };
    const api = restApi(world, {
      routes: [{ method: 'GET', path: '/orders', integration: { type: 'HTTP_PROXY', uri: 'https://${stageVariables.host}/orders' } }],
      stages: [{ name: 'prod', variables: { host: 'v2.example.com' } }, { name: 'slow', variables: { host: 'slow.example.com' } }],
    });
    const fast = send(world, { api, stage: 'prod' });
    expect([fast.statusCode, fast.body]).toEqual([201, '{"ok":true}']);
    expect(send(world, { api, stage: 'slow' }).statusCode).toBe(504);
  });

  it('answers 500 for an AWS integration URI it cannot run (path-style S3), saying what it takes', () => {
    const world = newWorld();
    const api = restApi(world, { routes: [{ method: 'POST', path: '/queue', integration: { type: 'AWS', uri: 'arn:aws:apigateway:us-east-1:s3:path/bucket/key' } }] });
    const response = send(world, { api, method: 'POST', path: '/queue' });
    expect(response.statusCode).toBe(500);
    expect(response.steps.at(-1)?.detail?.['reason']).toMatch(/must be arn:aws:apigateway:REGION:SERVICE:action\/ACTION/);
  });
});

describe('resource policies (APIGW-02, APIGW-14)', () => {
  it('lets a NONE method through only with an explicit allow', () => {
    const world = newWorld();
    const mock = { type: 'MOCK' as const, mockBody: 'ok' };
    const allowOne = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'arn:aws:execute-api:us-east-1:123456789012:*/prod/GET/open' }] });
    const api = restApi(world, { resourcePolicy: allowOne, routes: [{ method: 'GET', path: '/open', integration: mock }, { method: 'GET', path: '/closed', integration: mock }] });
    expect(send(world, { api, path: '/open' }).statusCode).toBe(200);
    const closed = send(world, { api, path: '/closed' });
    expect(closed.statusCode).toBe(403);
    expect(closed.body).toMatch(/^\{"message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:123456789012:[a-z0-9]{10}\/prod\/GET\/closed"\}$/);
  });

  it('saves the shorthand execute-api:/stage/METHOD/path as the API\'s full ARN and judges requests with it', () => {
    const world = newWorld();
    const mock = { type: 'MOCK' as const, mockBody: 'ok' };
    const shorthand = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: ['execute-api:/prod/GET/open'] }] });
    const api = restApi(world, { resourcePolicy: shorthand, routes: [{ method: 'GET', path: '/open', integration: mock }, { method: 'GET', path: '/closed', integration: mock }] });
    const saved = JSON.parse(apiGatewayState(world).restApis[api]!.resourcePolicy!) as { Statement: { Resource: string[] }[] };
    expect(saved.Statement[0]!.Resource).toEqual([`arn:aws:execute-api:us-east-1:123456789012:${api}/prod/GET/open`]);
    expect([send(world, { api, path: '/open' }).statusCode, send(world, { api, path: '/closed' }).statusCode]).toEqual([200, 403]);
  });

  it('denies by source IP with an explicit deny', () => {
    const world = newWorld();
    const denyIp = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: '*' },
        { Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } } },
      ],
    });
    const api = restApi(world, { resourcePolicy: denyIp, routes: [{ method: 'GET', path: '/orders', integration: { type: 'MOCK' } }] });
    expect(send(world, { api, sourceIp: '198.51.100.7' }).statusCode).toBe(403);
    expect(send(world, { api, sourceIp: '203.0.113.1' }).statusCode).toBe(200);
  });

  it('refuses every request to a PRIVATE API without a resource policy', () => {
    const world = newWorld();
    const api = restApi(world, { endpointType: 'PRIVATE', routes: [{ method: 'GET', path: '/orders', integration: { type: 'MOCK' } }] });
    const endpoint = createVpcEndpoint(world, { vpcId: 'vpc-0a1b2c3d4e5f60718', serviceName: 'com.amazonaws.us-east-1.execute-api' });
    if (!endpoint.ok) throw new Error(endpoint.error.message);
    const response = send(world, { api, fromVpce: endpoint.value.vpcEndpointId });
    expect([response.statusCode, response.steps.at(-1)?.outcome]).toEqual([403, 'missing']);
  });

  it('judges an AWS_IAM caller with the resource policy and the role together: a Deny wins over the role\'s Allow and names the caller (APIGW-14, IAM-05)', () => {
    const session = createSandbox({ seed: 1 });
    const trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"accounts.google.com"},"Action":"sts:AssumeRoleWithWebIdentity"}]}';
    const denyOutsideOffice = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}';
    const token = (runSandboxLine(session, 'sim idp token --provider accounts.google.com --subject dan --audience app').output as { token: string }).token;
    const lines = runSandboxScript(session, [
      `aws iam create-role --role-name ops --assume-role-policy-document '${trust}'`,
      `aws iam put-role-policy --role-name ops --policy-name all --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"}]}'`,
      `aws sts assume-role-with-web-identity --role-arn arn:aws:iam::123456789012:role/ops --role-session-name dan --web-identity-token ${token}`,
      'sim profile save dan',
      'aws lambda create-function --function-name orders --runtime nodejs20.x --role arn:aws:iam::123456789012:role/fn --handler catalog.http-ok',
      `aws apigateway create-rest-api --name orders-api --policy '${denyOutsideOffice}'`,
      'aws apigateway create-resource --rest-api-id orders-api --parent-id / --path-part orders',
      'aws apigateway put-method --rest-api-id orders-api --resource-id /orders --http-method GET --authorization-type AWS_IAM',
      'aws apigateway put-integration --rest-api-id orders-api --resource-id /orders --http-method GET --type AWS_PROXY --uri orders',
      'aws apigateway create-deployment --rest-api-id orders-api --stage-name prod',
      'sim http GET /prod/orders --sign-with dan',
      'sim http GET /prod/orders --sign-with dan --source-ip 198.51.100.7',
      'sim http GET /prod/orders --source-ip 198.51.100.7',
    ].join('\n')).lines;
    expect(lines.filter((line) => !line.ok).map((line) => line.text)).toEqual([]);
    const [office, home, unsigned] = lines.slice(-3).map((line) => line.output as { status: number; body: string });
    expect(office!.status).toBe(200);
    expect(home!.status).toBe(403);
    expect(home!.body.replace(/[a-z0-9]{10}\/prod/, 'API/prod')).toMatchInlineSnapshot(`"{"Message":"User: arn:aws:sts::123456789012:assumed-role/ops/dan is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:123456789012:API/prod/GET/orders with an explicit deny"}"`);
    expect(unsigned!.body).toBe('{"message":"Missing Authentication Token"}');
  });
});
