// Proves the Lambda custom (non-proxy) integration: type AWS with the Lambda invocation path URI. The
// request body is the event; without integration responses the default one answers 200 with whatever
// the function returned, a function error's object included (APIGW-10); past the 29,000 ms integration
// timeout the client gets 504 (APIGW-07); a missing function is a configuration error (500).
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxScript } from '../../../src/sim/index.js';

const ROLE = 'arn:aws:iam::123456789012:role/fn-role';
const invocationUri = (fn: string): string =>
  `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${fn}/invocations`;

function method(path: string, fn: string): string[] {
  return [
    `aws apigateway create-resource --rest-api-id shop-api --parent-id / --path-part ${path}`,
    `aws apigateway put-method --rest-api-id shop-api --resource-id /${path} --http-method POST --authorization-type NONE`,
    `aws apigateway put-integration --rest-api-id shop-api --resource-id /${path} --http-method POST --type AWS --integration-http-method POST --uri ${invocationUri(fn)}`,
  ];
}

const script = [
  `aws iam create-role --role-name fn-role --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}'`,
  `aws lambda create-function --function-name failing --runtime nodejs22.x --role ${ROLE} --handler catalog.fail`,
  `aws lambda create-function --function-name sleepy --runtime nodejs22.x --role ${ROLE} --handler catalog.sleep --timeout 60`,
  'aws apigateway create-rest-api --name shop-api --endpoint-configuration types=REGIONAL',
  ...method('checkout', 'failing'),
  ...method('wait', 'sleepy'),
  ...method('gone', 'no-such-function'),
  'aws apigateway create-deployment --rest-api-id shop-api --stage-name prod',
  `sim http POST /prod/checkout -d '{"cart":"c1"}'`,
  `sim http POST /prod/wait -d '{"sleepMs":2000}'`,
  `sim http POST /prod/wait -d '{"sleepMs":29001}'`,
  'sim http POST /prod/gone',
].join('\n');

describe('a REST method with a Lambda custom integration', () => {
  const lines = runSandboxScript(createSandbox({ seed: 1 }), script).lines.filter((line) => !line.isEmpty);
  const http = lines.filter((line) => line.command.startsWith('sim http')).map((line) => line.output as { status: number; body: string });

  it('builds the API without errors', () => {
    expect(lines.filter((line) => !line.ok).map((line) => line.command)).toEqual([]);
  });

  it("answers a function error with 200 and the function's error object as the body", () => {
    expect(http[0]!.status).toBe(200);
    expect(JSON.parse(http[0]!.body)).toEqual({ errorType: 'Error', errorMessage: 'Simulated handled failure' });
  });

  it('passes the request body to the function as its event and its answer back as is', () => {
    expect(http[1]!.status).toBe(200);
    expect(JSON.parse(http[1]!.body)).toEqual({ sleptMs: 2000 });
  });

  it('answers 504 when the function runs past the 29,000 ms integration timeout (APIGW-07)', () => {
    expect(http[2]!.status).toBe(504);
    expect(http[2]!.body).toMatchInlineSnapshot(`"{"message":"Endpoint request timed out"}"`);
  });

  it('answers 500 for a function that does not exist', () => {
    expect(http[3]!.status).toBe(500);
  });
});
