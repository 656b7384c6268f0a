// Proves the usage-plan, authorizer and fake-endpoint rows through the sandbox: create-api-key,
// create-usage-plan (throttle + quota), create-usage-plan-key and `sim http --api-key` give 403 then 200
// then 429 (APIGW-05); create-authorizer stores the AuthorizerConfig with the real flags (APIGW-12);
// `sim http-endpoint add` backs an HTTP integration, `--data` sends a body; `sim http` without --api
// names the APIs to choose from.
import { afterEach, describe, expect, it } from 'vitest';
import { apiGatewayState } from '../../../src/sim/apigateway/model.js';
import { setApiGatewayAuthorizer } from '../../../src/sim/apigateway/invoke-api.js';
import { createSandbox, runSandboxLine, runSandboxScript } from '../../../src/sim/cli/sandbox.js';
import { allowHeaderAuthorizer } from './fixtures.js';

function run(script: string) {
  const session = createSandbox({ seed: 5 });
  for (const line of runSandboxScript(session, script).lines) expect(line.ok, `${line.command}\n${line.text}`).toBe(true);
  return session;
}

const statusOf = (session: ReturnType<typeof createSandbox>, line: string) => (runSandboxLine(session, line).output as { status: number }).status;

const MOCK_API = `
aws apigateway create-rest-api --name shop
aws apigateway create-resource --rest-api-id shop --parent-id / --path-part items
aws apigateway put-method --rest-api-id shop --resource-id /items --http-method POST --authorization-type NONE --api-key-required
aws apigateway put-integration --rest-api-id shop --resource-id /items --http-method POST --type HTTP --uri https://backend.example.com/items
aws apigateway create-deployment --rest-api-id shop --stage-name prod
sim http-endpoint add https://backend.example.com/items --status 201 --body '{"created":true}'
aws apigateway create-api-key --name partner --value partner-key-0123456789
`;

afterEach(() => setApiGatewayAuthorizer(undefined));

describe('usage plans by hand (APIGW-05)', () => {
  it('needs a key in a plan, then meters it by quota', () => {
    const session = run(MOCK_API);
    const state = apiGatewayState(session.world);
    const apiId = Object.keys(state.restApis)[0]!;
    const keyId = Object.keys(state.apiKeys)[0]!;
    const post = `sim http POST /prod/items -d '{"n":1}' --api-key partner-key-0123456789`;
    expect(statusOf(session, post)).toBe(403);
    const plan = runSandboxLine(session, `aws apigateway create-usage-plan --name basic --api-stages apiId=${apiId},stage=prod --throttle burstLimit=10,rateLimit=5 --quota limit=2,period=DAY`);
    expect(plan.output).toMatchObject({ name: 'basic', throttle: { burstLimit: 10, rateLimit: 5 }, quota: { limit: 2, period: 'DAY', offset: 0 } });
    const planId = (plan.output as { id: string }).id;
    expect(runSandboxLine(session, `aws apigateway create-usage-plan-key --usage-plan-id ${planId} --key-id ${keyId} --key-type API_KEY`).ok).toBe(true);
    const answered = runSandboxLine(session, post).output as { status: number; body: string };
    expect(answered).toMatchObject({ status: 201, body: '{"created":true}' });
    expect([statusOf(session, post), statusOf(session, post)]).toEqual([201, 429]);
  });
});

describe('create-authorizer (APIGW-12)', () => {
  it('stores a TOKEN authorizer as AuthorizerConfig data and guards the method with it', () => {
    const session = run(`
aws lambda create-function --function-name orders --runtime nodejs22.x --role arn:aws:iam::123456789012:role/fn --handler catalog.http-ok
aws apigateway create-rest-api --name guarded
aws apigateway create-resource --rest-api-id guarded --parent-id / --path-part orders
`);
    const created = runSandboxLine(session, "aws apigateway create-authorizer --rest-api-id guarded --name tokens --type TOKEN --authorizer-uri arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations --identity-source method.request.header.Authorization --authorizer-result-ttl-in-seconds 60 --identity-validation-expression '^(allow|deny)$'");
    const authorizerId = (created.output as { id: string }).id;
    const api = Object.values(apiGatewayState(session.world).restApis)[0]!;
    expect(api.authorizers[authorizerId]).toEqual({
      id: authorizerId, type: 'TOKEN', name: 'tokens', functionName: 'auth', identitySource: 'method.request.header.Authorization', resultTtlSeconds: 60, identityValidationExpression: '^(allow|deny)$',
    });
    for (const line of [
      `aws apigateway put-method --rest-api-id guarded --resource-id /orders --http-method GET --authorization-type CUSTOM --authorizer-id ${authorizerId}`,
      'aws apigateway put-integration --rest-api-id guarded --resource-id /orders --http-method GET --type AWS_PROXY --uri orders',
      'aws apigateway create-deployment --rest-api-id guarded --stage-name prod',
    ]) expect(runSandboxLine(session, line).ok).toBe(true);
    expect(statusOf(session, "sim http GET /prod/orders -H 'Authorization: allow'")).toBe(500);
    setApiGatewayAuthorizer(allowHeaderAuthorizer);
    expect([statusOf(session, "sim http GET /prod/orders -H 'Authorization: allow'"), statusOf(session, 'sim http GET /prod/orders')]).toEqual([200, 401]);
  });

  it('refuses a result TTL over 3,600 s and CUSTOM without an authorizer', () => {
    const session = run('aws apigateway create-rest-api --name a\naws apigateway create-resource --rest-api-id a --parent-id / --path-part x');
    expect([
      runSandboxLine(session, 'aws apigateway create-authorizer --rest-api-id a --name t --type TOKEN --authorizer-uri auth --authorizer-result-ttl-in-seconds 3601').text.trim(),
      runSandboxLine(session, 'aws apigateway put-method --rest-api-id a --resource-id /x --http-method GET --authorization-type CUSTOM').text.trim(),
    ]).toMatchInlineSnapshot(`
      [
        "An error occurred (BadRequestException) when calling the CreateAuthorizer operation: authorizerResultTtlInSeconds must be between 0 and 3600",
        "An error occurred (BadRequestException) when calling the PutMethod operation: Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.",
      ]
    `);
  });
});

describe('sim http', () => {
  it('asks which API when there are several', () => {
    const session = run('aws apigateway create-rest-api --name one\naws apigatewayv2 create-api --name two --protocol-type HTTP');
    expect(runSandboxLine(session, 'sim http GET /x').text.replace(/\(\w{10}\)/g, '(ID)')).toMatch(/Several APIs exist; name one with --api: one \(ID\), two \(ID\)/);
  });
});
