// Proves each sample template in data/templates/ deploys and then behaves as its description says,
// end to end through the sandbox: requests with `sim http`, writes with `aws dynamodb`, the clock with
// `sim clock advance`, and `sim sam local invoke` / `start-api` as the SAM CLI offers them.
import { describe, expect, it } from 'vitest';
import { cognito } from '../../../src/sim/index.js';
import { must, run, samSandbox } from '../../helpers/sam.js';

function physicalId(out: Record<string, any>, logicalId: string): string {
  return out['events'].find((e: Record<string, string>) => e['logicalId'] === logicalId).physicalId;
}

describe('crud-api.yaml', () => {
  it('writes the POSTed item to the SimpleTable (201) and reads it back with get-item', () => {
    const session = samSandbox();
    const out = must(session, 'sim sam deploy crud-api.yaml --stack orders');
    const posted = must(session, `sim http POST /Prod/orders -d '{"item":{"id":{"S":"o-1"},"total":{"N":"42"}}}'`);
    expect([posted['status'], posted['body']]).toEqual([201, JSON.stringify({ written: true, tableName: physicalId(out, 'OrdersTable') })]);
    const item = must(session, `aws dynamodb get-item --table-name ${physicalId(out, 'OrdersTable')} --key '{"id":{"S":"o-1"}}'`)['Item'];
    expect(item).toEqual({ id: { S: 'o-1' }, total: { N: '42' } });
    const got = must(session, 'sim http GET /Prod/orders/o-1');
    expect([got['status'], JSON.parse(got['body'])['pathParameters']]).toEqual([200, { id: 'o-1' }]);
  });

  it('start-api lists the routes as SAM mounts them and local invoke prints log lines and the result', () => {
    const session = samSandbox();
    must(session, 'sim sam deploy crud-api.yaml --stack orders');
    expect(run(session, 'sim sam local start-api').text).toMatchInlineSnapshot(`
      "Mounting CreateOrderFunction at http://127.0.0.1:3000/orders [POST]  →  sim http POST /Prod/orders --api npcez6qs50
      Mounting GetOrderFunction at http://127.0.0.1:3000/orders/{id} [GET]  →  sim http GET /Prod/orders/{id} --api npcez6qs50
      The deployed API answers: call it with sim http (the lines above show how).
      "
    `);
    const invoked = run(session, 'sim sam local invoke GetOrderFunction');
    expect(invoked.text.split('\n').slice(0, 2)).toEqual(['Invoking catalog.http-ok (nodejs22.x)', expect.stringMatching(/^START RequestId: .* Version: \$LATEST$/)]);
    expect([invoked.out['statusCode'], invoked.out['payload']]).toEqual([200, '{"statusCode":200,"headers":{"content-type":"application/json"},"body":"{}"}']);
  });
});

describe('authorizer-api.yaml', () => {
  /** A deployed authorizer-api stack, a `status(line)` helper and the usage plan's API key. */
  function deployAuthorizerApi() {
    const session = samSandbox();
    const out = must(session, 'sim sam deploy authorizer-api.yaml --stack auth');
    const status = (line: string): number => must(session, line)['status'] as number;
    return { session, status, key: (out['notes'] as string[])[0]!.split(' ')[4]! };
  }

  it('guards routes with the default TOKEN authorizer; NONE opts out; the reports route needs the API key', () => {
    const { status, key } = deployAuthorizerApi();
    expect(status("sim http GET /prod/reports -H 'Authorization: allow'")).toBe(403);
    expect(status(`sim http GET /prod/reports -H 'Authorization: allow' --api-key ${key}`)).toBe(200);
    expect(status('sim http GET /prod/orders')).toBe(401);
    expect(status("sim http GET /prod/orders -H 'Authorization: deny'")).toBe(403);
    expect(status('sim http GET /prod/health')).toBe(200);
  });

  it("reuses the cached policy for the same token for 300 seconds, even on another route (APIGW-12)", () => {
    const { session, status, key } = deployAuthorizerApi();
    expect(status("sim http GET /prod/orders -H 'Authorization: allow'")).toBe(200);
    // The catalogue authorizer allows only the method ARN it was asked about (/orders), and that policy
    // is cached for the token: /reports is refused until ReauthorizeEvery (300 s) has passed.
    expect(status(`sim http GET /prod/reports -H 'Authorization: allow' --api-key ${key}`)).toBe(403);
    must(session, 'sim clock advance 301s');
    expect(status(`sim http GET /prod/reports -H 'Authorization: allow' --api-key ${key}`)).toBe(200);
  });

  it('caches GET responses for the 60 seconds MethodSettings give (APIGW-06)', () => {
    const session = samSandbox();
    must(session, 'sim sam deploy authorizer-api.yaml --stack auth');
    const trace = (line: string): unknown[] => must(session, line)['trace'] as unknown[];
    const first = trace("sim http GET /prod/orders -H 'Authorization: allow'");
    const second = trace("sim http GET /prod/orders -H 'Authorization: allow'");
    expect(JSON.stringify(first)).toContain('miss');
    expect(JSON.stringify(second)).toContain('hit');
  });
});

describe('welcome-email.yaml', () => {
  it('runs the welcome function for a new user through the stream mapping', () => {
    const session = samSandbox();
    const out = must(session, 'sim sam deploy welcome-email.yaml --stack users');
    must(session, `aws dynamodb put-item --table-name ${physicalId(out, 'UsersTable')} --item '{"userId":{"S":"u-1"}}'`);
    must(session, 'sim clock advance 5s');
    const fn = physicalId(out, 'WelcomeEmailFunction');
    const runs = session.world.trace.all().filter((e) => e.service === 'lambda' && e.operation === 'Invoke' && (e.detail as Record<string, unknown>)['functionName'] === fn);
    expect(runs.length).toBe(1);
  });
});

describe('cognito-storage.yaml', () => {
  it('creates the pools, attaches both roles to the identity pool and keeps the IAM policy variable as text', () => {
    const session = samSandbox();
    const out = must(session, 'sim sam deploy cognito-storage.yaml --stack photos');
    const poolId = physicalId(out, 'IdentityPool');
    const roles = must(session, `aws cognito-identity get-identity-pool-roles --identity-pool-id ${poolId}`)['Roles'];
    expect(Object.keys(roles).sort()).toEqual(['authenticated', 'unauthenticated']);
    const policy = must(session, `aws iam get-role-policy --role-name ${physicalId(out, 'AuthenticatedRole')} --policy-name own-prefix`);
    expect(JSON.stringify(policy['PolicyDocument'])).toContain(`arn:aws:s3:::${physicalId(out, 'PhotosBucket')}/\${cognito-identity.amazonaws.com:sub}/*`);
    const pool = cognito.cognitoState(session.world).identityPools[poolId]!;
    expect(pool.allowUnauthenticated).toBe(true);
  });
});

describe('canary-deploy.yaml', () => {
  it('serves the alias through the implicit HTTP API; a redeploy shifts it to version 2 by CodeDeploy canary (SAM-05)', () => {
    const session = samSandbox();
    const first = must(session, 'sim sam deploy canary-deploy.yaml --stack checkout');
    const fn = physicalId(first, 'CheckoutFunction');
    expect(must(session, 'sim http POST /checkout')['status']).toBe(200);
    must(session, 'sim sam deploy canary-deploy.yaml --stack checkout --parameter-overrides CodeVersion=v2');
    const aliasNow = () => must(session, `aws lambda get-alias --function-name ${fn} --name live`);
    must(session, 'sim clock advance 1s'); // the PreTraffic hook runs and reports before any shift
    expect(aliasNow()).toMatchObject({ FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '2': 0.1 } } });
    must(session, 'sim clock advance 5m');
    expect(aliasNow()).toMatchObject({ FunctionVersion: '2' });
    expect(aliasNow()['RoutingConfig']?.['AdditionalVersionWeights'] ?? {}).toEqual({});
    const alias = must(session, `aws lambda get-function --function-name ${fn} --qualifier live`)['Configuration'];
    expect([alias['Version'], alias['Environment']]).toEqual(['2', { Variables: { CODE_VERSION: 'v2' } }]);
  });

  it('rolls the alias back when the alarm goes to ALARM during the canary', () => {
    const session = samSandbox();
    const first = must(session, 'sim sam deploy canary-deploy.yaml --stack checkout');
    const fn = physicalId(first, 'CheckoutFunction');
    must(session, 'aws cloudwatch put-metric-alarm --alarm-name checkout-errors --namespace AWS/Lambda --metric-name Errors --dimensions Name=FunctionName,Value=' + fn + ' --statistic Sum --period 60 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold');
    must(session, 'sim sam deploy canary-deploy.yaml --stack checkout --parameter-overrides CodeVersion=v2');
    must(session, 'sim clock advance 2m');
    must(session, "aws cloudwatch set-alarm-state --alarm-name checkout-errors --state-value ALARM --state-reason 'errors in the canary'");
    must(session, 'sim clock advance 5m');
    const alias = must(session, `aws lambda get-alias --function-name ${fn} --name live`);
    expect(alias['FunctionVersion']).toBe('1');
    expect(alias['RoutingConfig']?.['AdditionalVersionWeights'] ?? {}).toEqual({});
  });

  it('after a rollback, the next redeploy shifts from the version the alias is back on', () => {
    const session = samSandbox();
    const fn = physicalId(must(session, 'sim sam deploy canary-deploy.yaml --stack checkout'), 'CheckoutFunction');
    must(session, 'aws cloudwatch put-metric-alarm --alarm-name checkout-errors --namespace AWS/Lambda --metric-name Errors --dimensions Name=FunctionName,Value=' + fn + ' --statistic Sum --period 60 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold');
    must(session, 'sim sam deploy canary-deploy.yaml --stack checkout --parameter-overrides CodeVersion=v2');
    must(session, 'sim clock advance 2m');
    must(session, "aws cloudwatch set-alarm-state --alarm-name checkout-errors --state-value ALARM --state-reason 'errors in the canary'");
    must(session, "aws cloudwatch set-alarm-state --alarm-name checkout-errors --state-value OK --state-reason 'fixed'");
    must(session, 'sim sam deploy canary-deploy.yaml --stack checkout --parameter-overrides CodeVersion=v3');
    must(session, 'sim clock advance 1m');
    expect(must(session, `aws lambda get-alias --function-name ${fn} --name live`)).toMatchObject({ FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '3': 0.1 } } });
    must(session, 'sim clock advance 5m');
    expect(must(session, `aws lambda get-alias --function-name ${fn} --name live`)['FunctionVersion']).toBe('3');
  });
});
