// Proves stage variables follow APIGW-03 through the sandbox: set by create-stage, create-deployment and
// update-stage (replace and remove), at most 100 per stage, names of ≤ 64 letters/digits/underscores,
// values of ≤ 512 allowed characters, each refusal a BadRequestException with its message pinned; and
// that a Lambda alias named by a stage variable needs its own resource-policy statement (else 500).
import { describe, expect, it } from 'vitest';
import { API_ON_ALIAS, FUNCTION_WITH_ALIASES, PERMISSIONS, errorOf, outputOf, sandboxAfter, stageVariablesSeen, type HttpOutput } from './stages-fixtures.js';

const UPDATE = 'aws apigateway update-stage --rest-api-id orders-api --stage-name prod --patch-operations';
const variablesOf = (stage: { variables?: Record<string, string> }) => stage.variables ?? {};

describe('stage variables', () => {
  it('are set by create-deployment, replaced and removed by update-stage', () => {
    const session = sandboxAfter(FUNCTION_WITH_ALIASES + API_ON_ALIAS);
    expect(variablesOf(outputOf(session, 'aws apigateway get-stage --rest-api-id orders-api --stage-name prod'))).toEqual({ alias: 'live' });
    expect(variablesOf(outputOf(session, `${UPDATE} op=replace,path=/variables/table,value=Orders op=replace,path=/variables/alias,value=next`))).toEqual({ alias: 'next', table: 'Orders' });
    expect(variablesOf(outputOf(session, `${UPDATE} op=remove,path=/variables/table`))).toEqual({ alias: 'next' });
  });

  it('are set by create-stage --variables, numbers kept as text', () => {
    const session = sandboxAfter(FUNCTION_WITH_ALIASES + API_ON_ALIAS);
    const deploymentId = outputOf<{ deploymentId: string }>(session, 'aws apigateway get-stage --rest-api-id orders-api --stage-name prod').deploymentId;
    const stage = outputOf<{ variables: Record<string, string> }>(session, `aws apigateway create-stage --rest-api-id orders-api --stage-name beta --deployment-id ${deploymentId} --variables alias=next,version=2`);
    expect(stage.variables).toEqual({ alias: 'next', version: '2' });
  });

  it('refuse the 101st variable of a stage, counting the ones it has (APIGW-03: 100)', () => {
    const session = sandboxAfter(FUNCTION_WITH_ALIASES + API_ON_ALIAS);
    const ninetyNine = Array.from({ length: 99 }, (_, i) => `op=replace,path=/variables/v${i},value=x`).join(' ');
    expect(Object.keys(variablesOf(outputOf(session, `${UPDATE} ${ninetyNine}`)))).toHaveLength(100);
    expect(errorOf(session, `${UPDATE} op=replace,path=/variables/one_more,value=x`)).toMatchInlineSnapshot(`"An error occurred (BadRequestException) when calling the UpdateStage operation: A stage can have at most 100 stage variables; this change leaves it with 101"`);
  });

  it('refuse names over 64 characters or with other characters, and values over 512 or with other characters', () => {
    const session = sandboxAfter(FUNCTION_WITH_ALIASES + API_ON_ALIAS);
    expect(outputOf(session, `${UPDATE} op=replace,path=/variables/${'k'.repeat(64)},value=${'v'.repeat(512)}`)).toBeDefined();
    expect([
      errorOf(session, `${UPDATE} op=replace,path=/variables/${'k'.repeat(65)},value=x`),
      errorOf(session, `${UPDATE} op=replace,path=/variables/my-alias,value=x`),
      errorOf(session, `${UPDATE} op=replace,path=/variables/alias,value=${'v'.repeat(513)}`),
      errorOf(session, "aws apigateway create-deployment --rest-api-id orders-api --stage-name prod --variables 'alias=live now'"),
    ].map((text) => text.replace(/k{65}/, 'k×65'))).toMatchInlineSnapshot(`
      [
        "An error occurred (BadRequestException) when calling the UpdateStage operation: Stage variable name 'k×65' is invalid: use letters, digits and underscores, at most 64 characters",
        "An error occurred (BadRequestException) when calling the UpdateStage operation: Stage variable name 'my-alias' is invalid: use letters, digits and underscores, at most 64 characters",
        "An error occurred (BadRequestException) when calling the UpdateStage operation: Stage variable value of 'alias' is invalid: 1 to 512 characters from A-Z a-z 0-9 - . _ ~ : / ? # & = ,",
        "An error occurred (BadRequestException) when calling the CreateDeployment operation: Stage variable value of 'alias' is invalid: 1 to 512 characters from A-Z a-z 0-9 - . _ ~ : / ? # & = ,",
      ]
    `);
  });

  it('select a Lambda alias, which answers 500 until API Gateway may invoke that alias', () => {
    const session = sandboxAfter(FUNCTION_WITH_ALIASES + API_ON_ALIAS);
    const refused = outputOf<HttpOutput>(session, 'sim http GET /prod/orders');
    expect(refused.status).toBe(500);
    expect(refused.body).toBe('{"message": "Internal server error"}');
    expect(refused.trace.at(-1)).toMatchObject({ step: 'integration', outcome: 'API_CONFIGURATION_ERROR' });
    expect(String(refused.trace.at(-1)!.detail!['reason'])).toMatch(/^Invalid permissions on Lambda function: orders:live has no resource-based policy/);
    for (const line of PERMISSIONS.trim().split('\n')) outputOf(session, line);
    const served = outputOf<HttpOutput>(session, 'sim http GET /prod/orders');
    expect(served.status).toBe(200);
    expect(stageVariablesSeen(served)).toEqual({ alias: 'live' });
  });

  it('need a statement per alias: the live alias\'s permission does not cover next', () => {
    const session = sandboxAfter(FUNCTION_WITH_ALIASES + API_ON_ALIAS + PERMISSIONS.trim().split('\n')[0]!);
    expect(outputOf<HttpOutput>(session, 'sim http GET /prod/orders').status).toBe(200);
    outputOf(session, `${UPDATE} op=replace,path=/variables/alias,value=next`);
    expect(outputOf<HttpOutput>(session, 'sim http GET /prod/orders').status).toBe(500);
  });

  it('leave a literal function URI alone: the sandbox assumes the console added that permission', () => {
    const session = sandboxAfter(`${FUNCTION_WITH_ALIASES}
aws apigateway create-rest-api --name plain-api
aws apigateway create-resource --rest-api-id plain-api --parent-id / --path-part orders
aws apigateway put-method --rest-api-id plain-api --resource-id /orders --http-method GET --authorization-type NONE
aws apigateway put-integration --rest-api-id plain-api --resource-id /orders --http-method GET --type AWS_PROXY --integration-http-method POST --uri arn:aws:lambda:us-east-1:123456789012:function:orders:live
aws apigateway create-deployment --rest-api-id plain-api --stage-name prod`);
    expect(outputOf<HttpOutput>(session, 'sim http GET /prod/orders').status).toBe(200);
  });

  it('answer 500 when a policy exists but its source ARN names another method', () => {
    const session = sandboxAfter(`${FUNCTION_WITH_ALIASES}${API_ON_ALIAS}
aws lambda add-permission --function-name orders:live --statement-id post-only --action lambda:InvokeFunction --principal apigateway.amazonaws.com --source-arn 'arn:aws:execute-api:us-east-1:123456789012:*/*/POST/orders'`);
    const refused = outputOf<HttpOutput>(session, 'sim http GET /prod/orders');
    expect(refused.status).toBe(500);
    expect(String(refused.trace.at(-1)!.detail!['reason'])).toMatch(/no statement of the policy of orders:live allows/);
  });
});

describe('HTTP API stage variables', () => {
  it('follow the same rules on apigatewayv2 create-stage', () => {
    const session = sandboxAfter('aws apigatewayv2 create-api --name orders-http --protocol-type HTTP');
    expect(outputOf<{ StageVariables: Record<string, string> }>(session, 'aws apigatewayv2 create-stage --api-id orders-http --stage-name dev --stage-variables alias=live,version=2').StageVariables)
      .toEqual({ alias: 'live', version: '2' });
    expect(errorOf(session, 'aws apigatewayv2 create-stage --api-id orders-http --stage-name beta --stage-variables my-alias=x')).toContain("Stage variable name 'my-alias' is invalid");
  });
});
