// Proves an API can be built by hand through the sandbox with the real AWS CLI commands (`aws apigateway`,
// `aws apigatewayv2`) and called with `sim http`, which prints like `curl -i` (repeatable -H) and answers
// `{status, headers, body, trace}` in JSON; errors use API Gateway's names; `sim show api` shows the
// cache entries and the token buckets at the current virtual time.
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxLine, runSandboxScript } from '../../../src/sim/cli/sandbox.js';

const BUILD = `
aws lambda create-function --function-name orders --runtime nodejs22.x --role arn:aws:iam::123456789012:role/fn --handler catalog.http-ok
aws apigateway create-rest-api --name orders-api --endpoint-configuration types=REGIONAL
aws apigateway create-resource --rest-api-id orders-api --parent-id / --path-part orders
aws apigateway put-method --rest-api-id orders-api --resource-id /orders --http-method GET --authorization-type NONE
aws apigateway put-integration --rest-api-id orders-api --resource-id /orders --http-method GET --type AWS_PROXY --integration-http-method POST --uri arn:aws:lambda:us-east-1:123456789012:function:orders
aws apigateway create-deployment --rest-api-id orders-api --stage-name prod
aws apigateway update-stage --rest-api-id orders-api --stage-name prod --patch-operations op=replace,path=/cacheClusterEnabled,value=true op=replace,path=/*/*/caching/ttlInSeconds,value=60
`;

function built() {
  const session = createSandbox({ seed: 3 });
  const report = runSandboxScript(session, BUILD);
  for (const line of report.lines) expect(line.ok, line.text).toBe(true);
  return session;
}

describe('aws apigateway by hand', () => {
  it('serves the deployed method and caches it for the stage TTL', () => {
    const session = built();
    const first = runSandboxLine(session, "sim http GET /prod/orders -H 'User-Agent: curl/8' -H 'Accept: */*'");
    expect(first.text.split('\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(JSON.parse(first.text.split('\n\n')[1]!).headers).toMatchObject({ 'user-agent': 'curl/8', accept: '*/*' });
    const second = runSandboxLine(session, 'sim http GET /prod/orders');
    expect((second.output as { trace: { step: string; outcome: string }[] }).trace.map((s) => `${s.step}:${s.outcome}`)).toContain('cache:hit');
    const shown = runSandboxLine(session, 'sim show api orders-api').output as { stages: { cacheEntries: unknown[] }[]; throttleBuckets: unknown[] };
    expect(shown.stages[0]!.cacheEntries).toEqual([{ key: 'GET /orders', statusCode: 200, secondsLeft: 60 }]);
    expect(shown.throttleBuckets).toEqual([{ bucket: 'account', tokens: 4_998, rateLimit: 10_000, burstLimit: 5_000 }]);
  });

  it('prints the classic 403 for a missing route like curl -i', () => {
    const session = built();
    const report = runSandboxLine(session, 'sim http GET /prod/order');
    expect(report.text.replace(/[0-9a-f-]{36}/, 'REQUEST-ID')).toMatchInlineSnapshot(`
      "HTTP/1.1 403 Forbidden
      content-type: application/json
      x-amzn-ErrorType: MissingAuthenticationTokenException
      content-length: 42
      x-amzn-RequestId: REQUEST-ID

      {"message":"Missing Authentication Token"}
      "
    `);
  });

  it('answers API Gateway errors for bad ids and duplicate resources', () => {
    const session = built();
    const lines = [
      'aws apigateway get-resources --rest-api-id nope',
      'aws apigateway create-resource --rest-api-id orders-api --parent-id / --path-part orders',
      'aws apigateway put-integration --rest-api-id orders-api --resource-id /orders --http-method GET --type AWS_PROXY --uri x --timeout-in-millis 30000',
    ];
    expect(lines.map((line) => runSandboxLine(session, line).text.trim())).toMatchInlineSnapshot(`
      [
        "An error occurred (NotFoundException) when calling the GetResources operation: Invalid API identifier specified 123456789012:nope",
        "An error occurred (ConflictException) when calling the CreateResource operation: Another resource with the same parent already has this name: orders",
        "An error occurred (BadRequestException) when calling the PutIntegration operation: timeoutInMillis must be between 50 and 29000 ms",
      ]
    `);
  });

  it('sets per-method throttling through update-stage and shows the bucket draining', () => {
    const session = built();
    runSandboxLine(session, 'aws apigateway update-stage --rest-api-id orders-api --stage-name prod --patch-operations op=replace,path=/~1orders/GET/throttling/rateLimit,value=1 op=replace,path=/~1orders/GET/throttling/burstLimit,value=2');
    const statuses = [1, 2, 3].map(() => (runSandboxLine(session, 'sim http GET /prod/orders').output as { status: number }).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('refuses --sign-with until the SigV4 signer is wired', () => {
    const session = built();
    expect(runSandboxLine(session, 'sim http GET /prod/orders --sign-with dev').ok).toBe(false);
  });
});

describe('aws apigatewayv2 by hand', () => {
  it('creates an HTTP API with a route and a $default stage and answers 404 elsewhere', () => {
    const session = createSandbox({ seed: 3 });
    const report = runSandboxScript(session, `
aws lambda create-function --function-name orders --runtime nodejs22.x --role arn:aws:iam::123456789012:role/fn --handler catalog.http-ok
aws apigatewayv2 create-api --name orders-http --protocol-type HTTP
aws apigatewayv2 create-integration --api-id orders-http --integration-type AWS_PROXY --integration-uri arn:aws:lambda:us-east-1:123456789012:function:orders --payload-format-version 2.0
`);
    for (const line of report.lines) expect(line.ok, line.text).toBe(true);
    const integrationId = (report.lines.filter((l) => !l.isEmpty)[2]!.output as { IntegrationId: string }).IntegrationId;
    expect(runSandboxLine(session, `aws apigatewayv2 create-route --api-id orders-http --route-key 'GET /orders/{id}' --target integrations/${integrationId}`).ok).toBe(true);
    expect(runSandboxLine(session, 'aws apigatewayv2 create-stage --api-id orders-http --stage-name $default --auto-deploy').ok).toBe(true);
    expect((runSandboxLine(session, 'sim http GET /orders/5').output as { status: number }).status).toBe(200);
    expect((runSandboxLine(session, 'sim http GET /nothing').output as { status: number; body: string })).toMatchObject({ status: 404, body: '{"message":"Not Found"}' });
  });
});
