// Proves customised gateway responses (APIGW-09): `put-gateway-response` for one type changes status,
// headers and body of API Gateway's own answer; DEFAULT_4XX covers every 4xx type without its own rule
// (the usual way to add CORS headers to errors) and leaves integration responses alone.
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxLine, runSandboxScript } from '../../../src/sim/cli/sandbox.js';

const API = `
aws apigateway create-rest-api --name shop
aws apigateway create-resource --rest-api-id shop --parent-id / --path-part items
aws apigateway put-method --rest-api-id shop --resource-id /items --http-method GET --authorization-type NONE
aws apigateway put-integration --rest-api-id shop --resource-id /items --http-method GET --type MOCK
aws apigateway create-deployment --rest-api-id shop --stage-name prod
`;

function shop() {
  const session = createSandbox({ seed: 2 });
  for (const line of runSandboxScript(session, API).lines) expect(line.ok, line.text).toBe(true);
  return session;
}

const call = (session: ReturnType<typeof createSandbox>, path: string) => runSandboxLine(session, `sim http GET ${path}`).output as { status: number; headers: Record<string, string>; body: string };

describe('put-gateway-response', () => {
  it('changes one type: status, headers and a body template with the message', () => {
    const session = shop();
    const put = runSandboxLine(session, `aws apigateway put-gateway-response --rest-api-id shop --response-type MISSING_AUTHENTICATION_TOKEN --status-code 404 --response-templates '{"application/json": "{\\"error\\": $context.error.messageString}"}'`);
    expect(put.ok, put.text).toBe(true);
    expect(call(session, '/prod/nothing')).toMatchObject({ status: 404, body: '{"error": "Missing Authentication Token"}' });
  });

  it('adds CORS headers to every 4xx through DEFAULT_4XX, not to the integration response', () => {
    const session = shop();
    runSandboxLine(session, `aws apigateway put-gateway-response --rest-api-id shop --response-type DEFAULT_4XX --response-parameters '{"gatewayresponse.header.Access-Control-Allow-Origin": "'"'"'*'"'"'"}'`);
    const missing = call(session, '/prod/nothing');
    expect([missing.status, missing.headers['Access-Control-Allow-Origin'], missing.body]).toEqual([403, '*', '{"message":"Missing Authentication Token"}']);
    expect(call(session, '/prod/items').headers['Access-Control-Allow-Origin']).toBeUndefined();
  });
});
