// Proves that `sim sam validate` / `sim sam deploy` refuse a bad template before creating anything, with
// one ValidationError listing every problem at its line:column: the Transform line (SAM-01), unknown
// types and properties (with suggestions), SAM-05's DeploymentPreference rules, references, cycles,
// parameters and events. Messages are pinned with inline snapshots.
import { describe, expect, it } from 'vitest';
import { failure, must, samSandbox, template } from '../../helpers/sam.js';

const FN = `  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: catalog.echo
      Runtime: nodejs22.x
`;

function validate(text: string, flags = ''): string {
  return failure(samSandbox({ 't.yaml': text }), `sim sam validate t.yaml ${flags}`);
}

describe('sim sam validate: the template as a whole', () => {
  it('refuses a template without the SAM transform (SAM-01)', () => {
    expect(validate(`Resources:\n${FN}`)).toMatchInlineSnapshot(`
      "sim: error: sim sam validate: (ValidationError) Template t.yaml is invalid (1 problem):
        t.yaml:1:1 not a SAM template: expected 'Transform: AWS::Serverless-2016-10-31' at the top level (SAM-01), found no Transform line
      "
    `);
  });

  it('refuses a second Transform it cannot run', () => {
    expect(validate(`Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\nResources:\n${FN}`)).toMatchInlineSnapshot(`
      "sim: error: sim sam validate: (ValidationError) Template t.yaml is invalid (1 problem):
        t.yaml:1:1 Transform: the simulator runs only the SAM transform, not AWS::LanguageExtensions
      "
    `);
  });

  it('names a YAML syntax error and an unknown short tag with their positions', () => {
    expect(validate(template(`${FN}      Description: !Reff X\n`))).toMatchInlineSnapshot(`
      "sim: error: sim sam validate: (ValidationError) Template t.yaml is invalid (1 problem):
        t.yaml:8:26 Resources.Fn.Properties.Description: unknown tag !Reff
      "
    `);
    expect(validate('Transform: [a\nResources: {')).toMatchInlineSnapshot(`
      "sim: error: sim sam validate: (ValidationError) Template t.yaml is invalid (2 problems):
        t.yaml:2:1 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]
        t.yaml:2:13 YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }
      "
    `);
  });

  it('refuses an unsupported resource type and an unsupported property, suggesting the near name', () => {
    const text = template(`${FN}      Handlr: x\n  Queue:\n    Type: AWS::SQS::Queue\n`);
    expect(validate(text)).toMatchInlineSnapshot(`
      "sim: error: sim sam validate: (ValidationError) Template t.yaml is invalid (2 problems):
        t.yaml:8:7 Resources.Fn.Properties.Handlr: unsupported property 'Handlr' for AWS::Serverless::Function (did you mean 'Handler'?)
        t.yaml:10:5 Resources.Queue.Type: unsupported resource type AWS::SQS::Queue (the simulator supports AWS::Serverless::Function, AWS::Serverless::Api, AWS::Serverless::HttpApi, AWS::Serverless::SimpleTable, AWS::DynamoDB::Table, AWS::Cognito::UserPool, AWS::Cognito::UserPoolClient, AWS::Cognito::IdentityPool, AWS::Cognito::IdentityPoolRoleAttachment, AWS::IAM::Role, AWS::S3::Bucket)
      "
    `);
  });

  it('accepts a valid template and lists its resources in creation order', () => {
    const out = must(samSandbox(), 'sim sam validate crud-api.yaml');
    expect(out['resources']).toEqual([
      { logicalId: 'OrdersTable', type: 'AWS::Serverless::SimpleTable' },
      { logicalId: 'CreateOrderFunction', type: 'AWS::Serverless::Function' },
      { logicalId: 'GetOrderFunction', type: 'AWS::Serverless::Function' },
      { logicalId: 'ServerlessRestApi', type: 'AWS::Serverless::Api' },
    ]);
  });
});

describe('sim sam validate: creation order', () => {
  it('puts what a resource references (Ref, GetAtt, Sub, DependsOn) before it, else keeps template order', () => {
    const text = template(`  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: catalog.echo\n      Runtime: nodejs22.x\n      Role: !GetAtt Role.Arn\n      Description: !Sub "\${Bucket}"\n  Bucket:\n    Type: AWS::S3::Bucket\n    DependsOn: Table\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {}\n  Table:\n    Type: AWS::Serverless::SimpleTable\n`);
    const out = must(samSandbox({ 'o.yaml': text }), 'sim sam validate o.yaml');
    expect(out['resources'].map((r: Record<string, string>) => r['logicalId'])).toEqual(['Role', 'Table', 'Bucket', 'Fn']);
  });
});

describe('sim sam validate: DeploymentPreference (SAM-05)', () => {
  it("fails with SAM's transform error when AutoPublishAlias is missing", () => {
    expect(validate(template(`${FN}      DeploymentPreference:\n        Type: Canary10Percent5Minutes\n`))).toMatchInlineSnapshot(`
      "sim: error: sim sam validate: (ValidationError) Template t.yaml is invalid (1 problem):
        t.yaml:8:7 Resources.Fn.Properties.DeploymentPreference: Transform AWS::Serverless-2016-10-31 failed: Resource with id [Fn] is invalid. 'DeploymentPreference' requires AutoPublishAlias property to be specified.
      "
    `);
  });

  it('refuses a Type that is not one of the nine SAM names and a hook that is not a template function', () => {
    const text = template(`${FN}      AutoPublishAlias: live\n      DeploymentPreference:\n        Type: Canary10Percent6Minutes\n        Hooks:\n          PreTraffic: !Ref Nowhere\n`);
    expect(validate(text)).toMatchInlineSnapshot(`
      "sim: error: sim sam validate: (ValidationError) Template t.yaml is invalid (3 problems):
        t.yaml:10:9 Resources.Fn.Properties.DeploymentPreference.Type: DeploymentPreference Type must be one of Canary10Percent5Minutes, Canary10Percent10Minutes, Canary10Percent15Minutes, Canary10Percent30Minutes, Linear10PercentEvery1Minute, Linear10PercentEvery2Minutes, Linear10PercentEvery3Minutes, Linear10PercentEvery10Minutes, AllAtOnce (SAM-05), got 'Canary10Percent6Minutes' (did you mean 'Canary10Percent5Minutes'?)
        t.yaml:12:11 Resources.Fn.Properties.DeploymentPreference.Hooks.PreTraffic: a PreTraffic hook must be !Ref of an AWS::Serverless::Function in this template
        t.yaml:12:11 Resources.Fn.Properties.DeploymentPreference.Hooks.PreTraffic: Unresolved resource dependencies [Nowhere] in the Resources block of the template
      "
    `);
  });
});

describe('sim sam validate: references and order', () => {
  it('refuses a Ref to nothing, a GetAtt of an attribute the type lacks, and a DependsOn to nothing', () => {
    const text = template(`${FN}      Role: !Ref MissingRole\n      Description: !GetAtt Table.StreamArn\n    DependsOn: Ghost\n  Table:\n    Type: AWS::Serverless::SimpleTable\n`);
    expect(validate(text)).toMatchInlineSnapshot(`
      "sim: error: sim sam validate: (ValidationError) Template t.yaml is invalid (3 problems):
        t.yaml:8:7 Resources.Fn.Properties.Role: Unresolved resource dependencies [MissingRole] in the Resources block of the template
        t.yaml:9:7 Resources.Fn.Properties.Description: resource Table (AWS::Serverless::SimpleTable) has no attribute StreamArn for Fn::GetAtt (it has: Arn)
        t.yaml:10:5 Resources.Fn.DependsOn: DependsOn names Ghost, which is not a resource of the template
      "
    `);
  });

  it('refuses a dependency cycle', () => {
    const text = template(`  A:\n    Type: AWS::S3::Bucket\n    DependsOn: B\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref A\n`);
    expect(validate(text)).toMatchInlineSnapshot(`
      "sim: error: sim sam validate: (ValidationError) Template t.yaml is invalid (1 problem):
        t.yaml:2:1 Resources: Circular dependency between resources: [A, B]
      "
    `);
  });
});

describe('sim sam validate: parameters', () => {
  const head = 'Parameters:\n  Stage:\n    Type: String\n    AllowedValues: [dev, prod]\n';
  it('needs a value for a parameter without Default', () => {
    expect(validate(template(FN, head))).toMatchInlineSnapshot(`
      "sim: error: sim sam validate: (ValidationError) Template t.yaml is invalid (1 problem):
        t.yaml:3:3 Parameters.Stage: Parameters: [Stage] must have values (no Default and no --parameter-overrides Stage=...)
      "
    `);
  });

  it('refuses a value outside AllowedValues and an override for an unknown parameter', () => {
    expect(validate(template(FN, head), '--parameter-overrides "Stage=test Colour=blue"')).toMatchInlineSnapshot(`
      "sim: error: sim sam validate: (ValidationError) Template t.yaml is invalid (2 problems):
        t.yaml:1:1 Parameters: [Colour] do not exist in the template (--parameter-overrides)
        t.yaml:3:3 Parameters.Stage: Parameter 'Stage' must be one of AllowedValues: dev, prod (got 'test')
      "
    `);
  });
});

describe('sim sam validate: functions and events', () => {
  it('refuses a handler outside the catalogue, an unknown event type and an Api event without Method', () => {
    const text = template(`  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs22.x\n      Events:\n        Q:\n          Type: SQS\n        Get:\n          Type: Api\n          Properties:\n            Path: /x\n`);
    expect(validate(text)).toMatchInlineSnapshot(`
      "sim: error: sim sam validate: (ValidationError) Template t.yaml is invalid (3 problems):
        t.yaml:6:7 Resources.Fn.Properties.Handler: the sandbox runs no code: Handler must be a catalogue handler (catalog.echo, catalog.sleep, catalog.cpu, catalog.fail, catalog.throw, catalog.flaky, catalog.hang, catalog.http-ok, catalog.malformed-proxy, catalog.ddb-put, catalog.api-ddb-put, catalog.welcome-email, catalog.token-authorizer, catalog.request-authorizer, catalog.edge-auth, catalog.edge-ab-test, catalog.edge-security-headers, catalog.edge-geo-redirect, catalog.edge-bot-filter, catalog.edge-maintenance, catalog.edge-image-resize, catalog.ws-echo, catalog.ws-chat), got 'index.handler'
        t.yaml:10:11 Resources.Fn.Properties.Events.Q.Type: unsupported event type 'SQS' (supported: Api, HttpApi, DynamoDB, Schedule)
        t.yaml:13:11 Resources.Fn.Properties.Events.Get.Properties: an Api event needs Method
      "
    `);
  });

  it('refuses a Globals property that is not global and an unknown Globals section', () => {
    const head = 'Globals:\n  Function:\n    Events: {}\n    MemorySize: 256\n  Table:\n    X: 1\n';
    expect(validate(template(FN, head))).toMatchInlineSnapshot(`
      "sim: error: sim sam validate: (ValidationError) Template t.yaml is invalid (2 problems):
        t.yaml:4:5 Globals.Function.Events: 'Globals' section is invalid: 'Events' is not a supported property of 'Function'
        t.yaml:6:3 Globals.Table: 'Globals' section is invalid: 'Table' is not supported (supported: Function, Api, HttpApi, SimpleTable)
      "
    `);
  });

  it('refuses a Schedule that is not a rate and a DefaultAuthorizer that is not defined', () => {
    const text = template(`${FN}      Events:\n        Tick:\n          Type: Schedule\n          Properties:\n            Schedule: cron(0 12 * * ? *)\n        Get:\n          Type: Api\n          Properties:\n            Path: /x\n            Method: get\n            RestApiId: !Ref Api\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: v1\n      Auth:\n        DefaultAuthorizer: Missing\n`);
    expect(validate(text)).toMatchInlineSnapshot(`
      "sim: error: sim sam validate: (ValidationError) Template t.yaml is invalid (2 problems):
        t.yaml:12:13 Resources.Fn.Properties.Events.Tick.Properties.Schedule: the simulator runs rate(N minutes|hours|days) schedules, got 'cron(0 12 * * ? *)'
        t.yaml:24:9 Resources.Api.Properties.Auth.DefaultAuthorizer: DefaultAuthorizer 'Missing' is not one of the Authorizers (none) nor AWS_IAM
      "
    `);
  });
});
