// Proves non-proxy mapping end to end through the sandbox (APIGW-10): the passthrough table
// (WHEN_NO_MATCH / WHEN_NO_TEMPLATES / NEVER → 415), request templates feeding Lambda custom, HTTP and
// AWS service integrations (DynamoDB PutItem, SQS SendMessage from a form body), integration responses
// chosen by selection pattern (Lambda errorMessage, HTTP status), the 500 when nothing matches, response
// templates and header mapping, the authorizer context in $context, defineRestApi's mapping members,
// and the put-integration-response errors.
import { afterEach, describe, expect, it } from 'vitest';
import { setApiGatewayAuthorizer } from '../../../src/sim/apigateway/invoke-api.js';
import { apiGatewayState } from '../../../src/sim/apigateway/model.js';
import { createSandbox, runSandboxLine, runSandboxScript, type SandboxSession } from '../../../src/sim/index.js';
import { allowHeaderAuthorizer, newWorld, restApi, send } from './fixtures.js';

type Answer = { status: number; body: string; headers: Record<string, string>; trace: { step: string; outcome: string; detail?: Record<string, unknown> }[] };

function run(script: string): SandboxSession {
  const session = createSandbox({ seed: 5 });
  for (const line of runSandboxScript(session, script).lines) expect(line.ok, `${line.command}\n${line.text}`).toBe(true);
  return session;
}

const LAMBDA_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:checkout/invocations';
const http = (session: SandboxSession, line: string): Answer => runSandboxLine(session, line).output as Answer;
const text = (session: SandboxSession, line: string): string => runSandboxLine(session, line).text;

const api = (integration: string, extra = ''): string => `
aws apigateway create-rest-api --name shop
aws apigateway create-resource --rest-api-id shop --parent-id / --path-part orders
aws apigateway put-method --rest-api-id shop --resource-id /orders --http-method POST --authorization-type NONE
aws apigateway put-integration --rest-api-id shop --resource-id /orders --http-method POST ${integration}
${extra}
aws apigateway create-deployment --rest-api-id shop --stage-name prod
`;

afterEach(() => setApiGatewayAuthorizer(undefined));

describe('passthrough behaviour (integration-passthrough-behaviors.html)', () => {
  const JSON_TEMPLATE = `--request-templates '{"application/json":"{\\"statusCode\\": 200}"}'`;
  const cases: readonly [string, string, string, number][] = [
    ['WHEN_NO_MATCH', JSON_TEMPLATE, 'application/xml', 200],
    ['WHEN_NO_TEMPLATES', JSON_TEMPLATE, 'application/xml', 415],
    ['NEVER', JSON_TEMPLATE, 'application/xml', 415],
    ['NEVER', JSON_TEMPLATE, 'application/json', 200],
    ['WHEN_NO_TEMPLATES', '', 'application/xml', 200],
    ['NEVER', '', 'application/xml', 415],
  ];
  it.each(cases)('%s with templates "%s" and Content-Type %s answers %i', (behavior, templates, contentType, status) => {
    const session = run(api(`--type MOCK --passthrough-behavior ${behavior} ${templates}`));
    const answer = http(session, `sim http POST /prod/orders -H 'Content-Type: ${contentType}' -d '<order/>'`);
    expect(answer.status).toBe(status);
    if (status === 415) expect(answer.body).toBe('{"message":"Unsupported Media Type"}');
  });

  it('a request without Content-Type uses the application/json template', () => {
    const session = run(api(`--type MOCK --passthrough-behavior NEVER ${JSON_TEMPLATE}`));
    expect(http(session, 'sim http POST /prod/orders').status).toBe(200);
  });
});

describe('request templates feed the integration', () => {
  it('MOCK takes its status from the template, which may branch on the request', () => {
    const template = `#if($input.params(\\u0027fail\\u0027) == \\u0027yes\\u0027){\\"statusCode\\": 503}#else{\\"statusCode\\": 200}#end`;
    const session = run(api(`--type MOCK --request-templates '{"application/json":"${template}"}'`));
    expect(http(session, 'sim http POST /prod/orders?fail=yes').status).toBe(503);
    expect(http(session, 'sim http POST /prod/orders').status).toBe(200);
  });

  it('builds a DynamoDB PutItem from the body', () => {
    const template = `{\\"TableName\\": \\"Orders\\", \\"Item\\": {\\"id\\": {\\"S\\": $input.json(\\u0027$.id\\u0027)}, \\"by\\": {\\"S\\": \\"$context.identity.sourceIp\\"}}}`;
    const session = run(`aws dynamodb create-table --table-name Orders --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST
${api(`--type AWS --integration-http-method POST --uri arn:aws:apigateway:us-east-1:dynamodb:action/PutItem --request-templates '{"application/json":"${template}"}'`)}`);
    expect(http(session, `sim http POST /prod/orders -d '{"id":"o-1"}'`).status).toBe(200);
    expect(text(session, 'aws dynamodb get-item --table-name Orders --key id={S=o-1}')).toContain('"S": "203.0.113.10"');
  });

  it('sends the classic SQS SendMessage form body to a path-style queue URI', () => {
    const session = run(`aws sqs create-queue --queue-name jobs
${api(`--type AWS --integration-http-method POST --uri arn:aws:apigateway:us-east-1:sqs:path/123456789012/jobs --request-templates '{"application/json":"Action=SendMessage&MessageBody=$util.urlEncode($input.body)"}'`)}`);
    const answer = http(session, `sim http POST /prod/orders -d '{"job": "a b"}'`);
    expect(answer.trace.find((s) => s.step === 'integration-request')?.detail?.['body']).toBe('Action=SendMessage&MessageBody=%7B%22job%22%3A+%22a+b%22%7D');
    expect(text(session, 'aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/jobs')).toContain('"Body": "{\\"job\\": \\"a b\\"}"');
  });

  it('gives the template the authorizer context and the caller', () => {
    setApiGatewayAuthorizer(allowHeaderAuthorizer);
    const session = run(`aws lambda create-function --function-name orders --runtime nodejs22.x --role arn:aws:iam::123456789012:role/fn --handler catalog.echo
aws apigateway create-rest-api --name shop
aws apigateway create-authorizer --rest-api-id shop --name gate --type TOKEN --authorizer-uri gate`);
    const authorizerId = Object.keys(Object.values(apiGatewayState(session.world).restApis)[0]!.authorizers)[0]!;
    const template = `{\\"who\\": \\"$context.authorizer.principalId\\", \\"tier\\": \\"$context.authorizer.tier\\", \\"ip\\": \\"$context.identity.sourceIp\\", \\"stage\\": \\"$context.stage\\"}`;
    const script = api(`--type AWS --integration-http-method POST --uri ${LAMBDA_URI.replace('checkout', 'orders')} --request-templates '{"application/json":"${template}"}'`)
      .replace('aws apigateway create-rest-api --name shop', '').replace('--authorization-type NONE', `--authorization-type CUSTOM --authorizer-id ${authorizerId}`);
    for (const line of runSandboxScript(session, script).lines) expect(line.ok, `${line.command}\n${line.text}`).toBe(true);
    expect(http(session, `sim http POST /prod/orders -H 'Authorization: allow'`).body).toBe('{"who":"user-1","tier":"gold","ip":"203.0.113.10","stage":"prod"}');
  });

  it('maps HTTP integration request parameters into the backend URL and headers', () => {
    const session = run(api(`--type HTTP --integration-http-method GET --uri https://backend.example.com/orders/{id} --request-parameters '{"integration.request.path.id":"method.request.querystring.order","integration.request.header.X-Tenant":"'"'"'acme'"'"'"}'`));
    const echo = JSON.parse(http(session, 'sim http POST /prod/orders?order=42').body) as { url: string; headers: Record<string, string> };
    expect(echo).toMatchObject({ url: 'https://backend.example.com/orders/42', headers: { 'X-Tenant': 'acme' } });
  });
});


describe('integration responses (APIGW-10)', () => {
  const lambdaApi = api(`--type AWS --integration-http-method POST --uri ${LAMBDA_URI}`, `
aws apigateway put-method-response --rest-api-id shop --resource-id /orders --http-method POST --status-code 200
aws apigateway put-method-response --rest-api-id shop --resource-id /orders --http-method POST --status-code 400 --response-parameters method.response.header.X-Reason=true
aws apigateway put-integration-response --rest-api-id shop --resource-id /orders --http-method POST --status-code 200
aws apigateway put-integration-response --rest-api-id shop --resource-id /orders --http-method POST --status-code 400 --selection-pattern '.*invalid.*' --response-templates '{"application/json":"{\\"error\\": $input.json(\\u0027$.errorMessage\\u0027)}"}' --response-parameters '{"method.response.header.X-Reason":"'"'"'validation'"'"'"}'`);

  it('matches the Lambda errorMessage (whole string) and maps body and headers', () => {
    const session = run(`aws lambda create-function --function-name checkout --runtime nodejs22.x --role arn:aws:iam::123456789012:role/fn --handler catalog.fail\n${lambdaApi}`);
    const bad = http(session, `sim http POST /prod/orders -d '{"message":"card invalid"}'`);
    expect([bad.status, bad.body, bad.headers['X-Reason']]).toEqual([400, '{"error": "card invalid"}', 'validation']);
    const other = http(session, `sim http POST /prod/orders -d '{"message":"card invalid!\\nretry"}'`);
    expect(other.status).toBe(200);
    expect(other.trace.find((s) => s.step === 'integration-response')?.detail).toEqual({ statusCode: '200', matchedAgainst: 'card invalid!\nretry', default: true });
  });

  it('matches the HTTP status for HTTP integrations, so a backend 404 becomes whatever the mapping says', () => {
    const session = run(api('--type HTTP --integration-http-method GET --uri https://backend.example.com/orders', `
sim http-endpoint add https://backend.example.com/orders --status 404 --body '{"gone":true}'
aws apigateway put-method-response --rest-api-id shop --resource-id /orders --http-method POST --status-code 200
aws apigateway put-integration-response --rest-api-id shop --resource-id /orders --http-method POST --status-code 200`));
    expect(http(session, 'sim http POST /prod/orders').status).toBe(200);
    runSandboxScript(session, `aws apigateway put-method-response --rest-api-id shop --resource-id /orders --http-method POST --status-code 404
aws apigateway put-integration-response --rest-api-id shop --resource-id /orders --http-method POST --status-code 404 --selection-pattern '4\\d{2}'
aws apigateway create-deployment --rest-api-id shop --stage-name prod`);
    expect(http(session, 'sim http POST /prod/orders')).toMatchObject({ status: 404, body: '{"gone":true}' });
  });

  it('answers 500 when no pattern matches and there is no default response', () => {
    const session = run(api('--type MOCK', `
aws apigateway put-method-response --rest-api-id shop --resource-id /orders --http-method POST --status-code 400
aws apigateway put-integration-response --rest-api-id shop --resource-id /orders --http-method POST --status-code 400 --selection-pattern 4\\d{2}`));
    const answer = http(session, 'sim http POST /prod/orders');
    expect([answer.status, answer.body]).toEqual([500, '{"message": "Internal server error"}']);
    expect(answer.trace.at(-1)?.detail?.['reason']).toMatchInlineSnapshot(`"Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: 200"`);
  });

  it('defineRestApi takes the same mapping members', () => {
    const world = newWorld();
    const api = restApi(world, { routes: [{ method: 'GET', path: '/health', integration: { type: 'MOCK', mapping: {
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      integrationResponses: { '200': { statusCode: '200', responseTemplates: { 'application/json': '{"ok": true, "stage": "$context.stage"}' } } },
    } } }] });
    expect(send(world, { api, path: '/health' })).toMatchObject({ statusCode: 200, body: '{"ok": true, "stage": "prod"}' });
  });

  it('pins the put-integration-response errors', () => {
    const session = run(api('--type MOCK'));
    expect(text(session, 'aws apigateway put-integration-response --rest-api-id shop --resource-id /orders --http-method POST --status-code 200')).toMatchInlineSnapshot(`
      "An error occurred (NotFoundException) when calling the PutIntegrationResponse operation: Invalid Response status code specified
      "
    `);
    runSandboxLine(session, 'aws apigateway put-method-response --rest-api-id shop --resource-id /orders --http-method POST --status-code 200');
    expect(text(session, `aws apigateway put-integration-response --rest-api-id shop --resource-id /orders --http-method POST --status-code 200 --response-parameters '{"method.response.header.X-Id":"integration.response.header.id"}'`)).toMatchInlineSnapshot(`
      "An error occurred (BadRequestException) when calling the PutIntegrationResponse operation: Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: method.response.header.X-Id]
      "
    `);
    expect(text(session, `aws apigateway put-integration --rest-api-id shop --resource-id /orders --http-method POST --type MOCK --request-templates '{"application/json":"ok\\n#include(\\"x\\")"}'`)).toMatchInlineSnapshot(`
      "An error occurred (BadRequestException) when calling the PutIntegration operation: Invalid mapping template for application/json: line 2: #include is not supported (the simulator runs #set, #if, #elseif, #else, #end and #foreach)
      "
    `);
  });
});
