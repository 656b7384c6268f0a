// Proves `sim show api` shows the live Lambda-authorizer result cache (APIGW-12): an entry keyed by the
// token after an allowed request, with its principal, gone once the 300 s default TTL has passed.
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxLine } from '../../../src/sim/index.js';

const SETUP = [
  'aws lambda create-function --function-name orders --runtime nodejs22.x --role arn:aws:iam::123456789012:role/fn --handler catalog.http-ok',
  'aws lambda create-function --function-name auth --runtime nodejs22.x --role arn:aws:iam::123456789012:role/fn --handler catalog.token-authorizer',
  'aws apigateway create-rest-api --name guarded',
  'aws apigateway create-resource --rest-api-id guarded --parent-id / --path-part orders',
  'aws apigateway create-authorizer --rest-api-id guarded --name tokens --type TOKEN --authorizer-uri arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations --identity-source method.request.header.Authorization',
];

describe('sim show api: the authorizer cache (APIGW-12)', () => {
  it('lists the cached result for a token until its TTL has passed', () => {
    const sandbox = createSandbox({ seed: 1 });
    const run = (line: string) => {
      const report = runSandboxLine(sandbox, line);
      if (!report.ok) throw new Error(`${line}\n${report.text}`);
      return report.output as Record<string, any>;
    };
    SETUP.forEach(run);
    const id = (run('sim show api guarded').authorizers as { id: string }[])[0]!.id;
    run(`aws apigateway put-method --rest-api-id guarded --resource-id /orders --http-method GET --authorization-type CUSTOM --authorizer-id ${id}`);
    run('aws apigateway put-integration --rest-api-id guarded --resource-id /orders --http-method GET --type AWS_PROXY --uri orders');
    run('aws apigateway create-deployment --rest-api-id guarded --stage-name prod');
    expect(run('sim show api guarded').authorizerCache).toEqual([]);
    expect(run("sim http GET /prod/orders -H 'Authorization: allow'").status).toBe(200);
    const cached = run('sim show api guarded').authorizerCache as { authorizer: string; identity: string }[];
    expect(cached).toHaveLength(1);
    expect(cached[0]).toMatchObject({ authorizer: 'tokens', identity: 'allow' });
    run('sim clock advance 301s');
    expect(run('sim show api guarded').authorizerCache).toEqual([]);
  });
});
