// Proves what `sim sam deploy` creates from a template (exact stack events for seed 1, in dependency
// order, SAM's generated resources included), that redeploying updates a function (new version, alias
// moved; through the safe-deployment port when it is set, with exactly the documented request), and
// that other changes are refused plainly. Deploys run through the sandbox, as a learner types them.
import { afterEach, describe, expect, it } from 'vitest';
import { codedeploy, ok, sam } from '../../../src/sim/index.js';
import { failure, must, samSandbox, template } from '../../helpers/sam.js';

// Some tests replace or remove the port; put back what src/sim/wiring.ts installs.
afterEach(() => sam.setSafeDeploymentPort(codedeploy.startLambdaDeployment));

describe('sim sam deploy: template → resources', () => {
  it('creates the CRUD sample: table, functions with their roles, the implicit API with stage Prod', () => {
    const out = must(samSandbox(), 'sim sam deploy crud-api.yaml --stack orders');
    expect(out['events'].map((e: Record<string, string>) => `${e['status']} ${e['type']} ${e['logicalId']} ${e['physicalId']}`)).toMatchInlineSnapshot(`
      [
        "CREATE_COMPLETE AWS::DynamoDB::Table OrdersTable orders-OrdersTable-UOHJ11K2IJQK",
        "CREATE_COMPLETE AWS::Lambda::Function CreateOrderFunction orders-CreateOrderFunction-A1X9N37B0YUI",
        "CREATE_COMPLETE AWS::IAM::Role CreateOrderFunctionRole orders-CreateOrderFunctionRole-Y9UG0V1JC257",
        "CREATE_COMPLETE AWS::Lambda::Function GetOrderFunction orders-GetOrderFunction-QDW8TNV6GHR0",
        "CREATE_COMPLETE AWS::IAM::Role GetOrderFunctionRole orders-GetOrderFunctionRole-HIEOD6QIKIJW",
        "CREATE_COMPLETE AWS::ApiGateway::RestApi ServerlessRestApi npcez6qs50",
        "CREATE_COMPLETE AWS::ApiGateway::Deployment ServerlessRestApiDeployment b85aj6",
        "CREATE_COMPLETE AWS::ApiGateway::Stage ServerlessRestApiProdStage Prod",
      ]
    `);
    expect(out['outputs']).toMatchInlineSnapshot(`
      {
        "ApiUrl": "https://npcez6qs50.execute-api.us-east-1.amazonaws.com/Prod/orders",
        "TableName": "orders-OrdersTable-UOHJ11K2IJQK",
      }
    `);
  });

  it('resolves Globals, parameters and intrinsics into the function configuration', () => {
    const session = samSandbox();
    must(session, 'sim sam deploy crud-api.yaml --stack orders --parameter-overrides Stage=prod');
    const stack = must(session, 'sim show stack orders');
    const getFn = stack['resources'].find((r: Record<string, string>) => r['logicalId'] === 'GetOrderFunction');
    const config = must(session, `aws lambda get-function --function-name ${getFn.physicalId}`)['Configuration'];
    // Globals.MemorySize 256 is overridden by the function's 512; the maps of variables are merged (SAM-03).
    expect([config['MemorySize'], config['Timeout'], config['Environment']]).toEqual([512, 10, { Variables: { TABLE_NAME: 'orders-OrdersTable-UOHJ11K2IJQK', STAGE: 'prod', MODE: 'read' } }]);
  });

  it('creates an event source mapping for a DynamoDB event on the table stream', () => {
    const session = samSandbox();
    const out = must(session, 'sim sam deploy welcome-email.yaml --stack users');
    const mapping = out['events'].find((e: Record<string, string>) => e['type'] === 'AWS::Lambda::EventSourceMapping');
    expect(mapping).toEqual({ logicalId: 'WelcomeEmailFunctionNewUser', type: 'AWS::Lambda::EventSourceMapping', physicalId: 'esm-000001', status: 'CREATE_COMPLETE' });
  });

  it('fires a Schedule event on the world clock, asynchronously, every rate period', () => {
    const session = samSandbox({ 's.yaml': template('  Tick:\n    Type: AWS::Serverless::Function\n    Properties:\n      FunctionName: ticker\n      Handler: catalog.echo\n      Runtime: nodejs22.x\n      Events:\n        Every5:\n          Type: Schedule\n          Properties:\n            Schedule: rate(5 minutes)\n') });
    must(session, 'sim sam deploy s.yaml');
    must(session, 'sim clock advance 16m');
    const queued = session.world.trace.all().filter((e) => e.operation === 'async-event-queued' && (e.detail as Record<string, unknown>)['functionName'] === 'ticker');
    // rate(5 minutes) over 16 minutes: ticks at 5, 10 and 15 minutes after the deploy.
    expect(queued.map((e) => (e.timeMs - session.world.trace.all()[0]!.timeMs) / 60_000)).toEqual([5, 10, 15]);
  });
});

const CANARY_V2 = 'sim sam deploy canary-deploy.yaml --stack checkout --parameter-overrides CodeVersion=v2';

describe('sim sam deploy: redeploying the same stack', () => {
  it('publishes a new version when the configuration changes and moves the alias at once without the port', () => {
    sam.setSafeDeploymentPort(undefined);
    const session = samSandbox();
    must(session, 'sim sam deploy canary-deploy.yaml --stack checkout');
    const out = must(session, CANARY_V2);
    expect(out['status']).toBe('UPDATE_COMPLETE');
    expect(out['notes']).toMatchInlineSnapshot(`
      [
        "DeploymentPreference Canary10Percent5Minutes of CheckoutFunction was not simulated (no traffic-shifting engine is wired): alias live moved from version 1 to 2 at once.",
      ]
    `);
    const fn = out['events'].find((e: Record<string, string>) => e['logicalId'] === 'CheckoutFunction').physicalId;
    expect(must(session, `aws lambda list-aliases --function-name ${fn}`)['Aliases']).toMatchObject([{ AliasArn: `arn:aws:lambda:us-east-1:123456789012:function:${fn}:live`, Name: 'live', FunctionVersion: '2' }]);
  });

  it('hands the DeploymentPreference to the safe-deployment port with the documented request', () => {
    const requests: unknown[] = [];
    sam.setSafeDeploymentPort((_world, request) => (requests.push(request), ok({ deploymentId: 'd-SIM000001' })));
    const session = samSandbox();
    must(session, 'sim sam deploy canary-deploy.yaml --stack checkout');
    expect(requests).toEqual([]); // the first deploy creates the alias on version 1: nothing to shift
    const out = must(session, CANARY_V2);
    const fn = out['events'].find((e: Record<string, string>) => e['logicalId'] === 'CheckoutFunction').physicalId;
    expect(requests).toEqual([{ functionName: fn, aliasName: 'live', fromVersion: '1', toVersion: '2', type: 'Canary10Percent5Minutes', alarmNames: ['checkout-errors'], preTrafficHook: 'CodeDeployHook_checkoutPreTraffic' }]);
    expect(out['notes']).toMatchInlineSnapshot(`
      [
        "DeploymentPreference Canary10Percent5Minutes of CheckoutFunction: deployment d-SIM000001 shifts alias live from version 1 to 2 (sim show deployment d-SIM000001).",
      ]
    `);
  });

  it('changes nothing when the template did not change', () => {
    const session = samSandbox();
    must(session, 'sim sam deploy canary-deploy.yaml --stack checkout');
    const out = must(session, 'sim sam deploy canary-deploy.yaml --stack checkout');
    expect(new Set(out['events'].map((e: Record<string, string>) => e['status']))).toEqual(new Set(['UPDATE_NOT_NEEDED']));
  });

  it('refuses to change other resources or to remove them, naming what', () => {
    const session = samSandbox({ 'a.yaml': template('  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: one-bucket\n'), 'b.yaml': template('  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: two-bucket\n'), 'c.yaml': template('  C:\n    Type: AWS::S3::Bucket\n') });
    must(session, 'sim sam deploy a.yaml --stack s');
    expect(failure(session, 'sim sam deploy b.yaml --stack s')).toMatchInlineSnapshot(`
      "sim: error: sim sam deploy: (ValidationError) B (AWS::S3::Bucket) UPDATE_FAILED: Changing B (AWS::S3::Bucket) on redeploy is not simulated (only function updates are); deploy the template as a new stack (--stack NAME).
      "
    `);
    expect(failure(session, 'sim sam deploy c.yaml --stack s')).toMatchInlineSnapshot(`
      "sim: error: sim sam deploy: (ValidationError) Removing resources on redeploy is not simulated: [B] are in stack s but not in the template.
      "
    `);
  });

  it("refuses to change a function's Events on redeploy, and notes Policies unused beside a Role", () => {
    const fn = (path: string) => template(`  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: catalog.http-ok\n      Runtime: nodejs22.x\n      Role: arn:aws:iam::123456789012:role/own\n      Policies: [AmazonS3ReadOnlyAccess]\n      Events:\n        Get:\n          Type: HttpApi\n          Properties: {Path: ${path}, Method: get}\n`);
    const session = samSandbox({ 'a.yaml': fn('/a'), 'b.yaml': fn('/b') });
    expect(must(session, 'sim sam deploy a.yaml --stack s')['notes']).toMatchInlineSnapshot(`
      [
        "Policies of Fn are not used: it names its own Role (SAM attaches Policies only to the role it creates).",
      ]
    `);
    expect(failure(session, 'sim sam deploy b.yaml --stack s')).toMatchInlineSnapshot(`
      "sim: error: sim sam deploy: (ValidationError) Fn (AWS::Serverless::Function) UPDATE_FAILED: Changing the Events of Fn on redeploy is not simulated; deploy the template as a new stack (--stack NAME).
      "
    `);
  });
});
