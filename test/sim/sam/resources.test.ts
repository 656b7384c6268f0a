// Proves the less travelled paths of template → resources: Lambda REQUEST and Cognito authorizers on an
// AWS::Serverless::Api, reserved and provisioned concurrency, a function using a role of the template,
// resources skipped by a false Condition, and API properties checked before anything is created.
import { describe, expect, it } from 'vitest';
import { failure, must, samSandbox, template } from '../../helpers/sam.js';

function events(out: Record<string, any>): Record<string, string> {
  return Object.fromEntries(out['events'].map((e: Record<string, string>) => [e['logicalId'], e['physicalId']]));
}

const AUTH_API = template(`  Pool:
    Type: AWS::Cognito::UserPool
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1
      EndpointConfiguration: REGIONAL
      Auth:
        DefaultAuthorizer: Cognito
        Authorizers:
          Cognito:
            UserPoolArn: !GetAtt Pool.Arn
          ByHeader:
            FunctionArn: !GetAtt Authorizer.Arn
            FunctionPayloadType: REQUEST
            Identity:
              Headers: [Authorization]
              ReauthorizeEvery: 0
  Authorizer:
    Type: AWS::Serverless::Function
    Properties: {Handler: catalog.request-authorizer, Runtime: nodejs22.x}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: catalog.http-ok
      Runtime: nodejs22.x
      Events:
        Members:
          Type: Api
          Properties: {RestApiId: !Ref Api, Path: /members, Method: get}
        Partners:
          Type: Api
          Properties: {RestApiId: !Ref Api, Path: /partners, Method: get, Auth: {Authorizer: ByHeader}}
`);

describe('authorizers from Auth', () => {
  it('guards the default route with the Cognito authorizer and the other with the REQUEST authorizer', () => {
    const session = samSandbox({ 'a.yaml': AUTH_API });
    const ids = events(must(session, 'sim sam deploy a.yaml'));
    const status = (line: string): number => must(session, line)['status'] as number;
    expect(status('sim http GET /v1/members')).toBe(401);
    expect(status("sim http GET /v1/partners -H 'Authorization: allow'")).toBe(200);
    expect(status("sim http GET /v1/partners -H 'Authorization: deny'")).toBe(403);
    const api = must(session, `sim show api ${ids['Api']}`);
    expect(JSON.stringify(api)).toContain('"endpointType":"REGIONAL"');
  });
});

describe('concurrency and roles', () => {
  it('sets reserved concurrency, provisioned concurrency on the alias, and uses a role of the template', () => {
    const text = template(`  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
      ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: worker
      Handler: catalog.echo
      Runtime: nodejs22.x
      Role: !GetAtt Role.Arn
      ReservedConcurrentExecutions: 20
      AutoPublishAlias: live
      ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: 3}
`);
    const session = samSandbox({ 'c.yaml': text });
    const ids = events(must(session, 'sim sam deploy c.yaml'));
    expect(ids['FnRole']).toBeUndefined(); // SAM makes no role when Role is given
    expect(must(session, 'aws lambda get-function-concurrency --function-name worker')).toEqual({ ReservedConcurrentExecutions: 20 });
    const provisioned = must(session, 'aws lambda get-provisioned-concurrency-config --function-name worker --qualifier live');
    expect(provisioned['RequestedProvisionedConcurrentExecutions']).toBe(3);
    const config = must(session, 'aws lambda get-function --function-name worker')['Configuration'];
    expect(config['Role']).toBe(`arn:aws:iam::123456789012:role/${ids['Role']}`);
  });
});

describe('conditions', () => {
  it('skips a resource whose Condition is false and resolves Fn::If in the others', () => {
    const head = 'Parameters:\n  Env: {Type: String, Default: dev}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n';
    const text = template(`  Archive:\n    Type: AWS::S3::Bucket\n    Condition: IsProd\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !If [IsProd, data-prod, data-dev]\n`, head);
    const session = samSandbox({ 'k.yaml': text });
    expect(Object.keys(events(must(session, 'sim sam deploy k.yaml --stack dev')))).toEqual(['Data']);
    expect(events(must(session, 'sim sam deploy k.yaml --stack prod --parameter-overrides Env=prod'))).toEqual({ Archive: 'prod-archive-uohj11k2ijqk', Data: 'data-prod' });
  });
});

describe('API properties checked up front', () => {
  it('refuses an unknown CacheClusterSize and EndpointConfiguration', () => {
    const text = AUTH_API.replace('EndpointConfiguration: REGIONAL', 'EndpointConfiguration: GLOBAL\n      CacheClusterSize: "2"');
    expect(failure(samSandbox({ 'a.yaml': text }), 'sim sam validate a.yaml')).toMatchInlineSnapshot(`
      "sim: error: sim sam validate: (ValidationError) Template a.yaml is invalid (2 problems):
        a.yaml:9:7 Resources.Api.Properties.EndpointConfiguration: EndpointConfiguration must be EDGE, REGIONAL or PRIVATE (or {Type: ...}), got "GLOBAL"
        a.yaml:10:7 Resources.Api.Properties.CacheClusterSize: CacheClusterSize must be one of 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237 (GB), got '2'
      "
    `);
  });
});

describe('an explicit HttpApi, local invoke with an event file, determinism', () => {
  const text = template(`  Http:
    Type: AWS::Serverless::HttpApi
    Properties: {StageName: v2}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: catalog.echo
      Runtime: python3.13
      Events:
        Any:
          Type: HttpApi
          Properties: {ApiId: !Ref Http, Path: /items, Method: get}
`);

  it('routes the HttpApi event on the named API and stage', () => {
    const session = samSandbox({ 'h.yaml': text });
    const ids = events(must(session, 'sim sam deploy h.yaml'));
    expect(must(session, `sim http GET /v2/items --api ${ids['Http']}`)['status']).toBe(200);
  });

  it('invokes with the event file and prints the result after the log lines', () => {
    const session = samSandbox({ 'h.yaml': text, 'event.json': '{"orderId": 7}' });
    must(session, 'sim sam deploy h.yaml');
    const out = must(session, 'sim sam local invoke Fn --event event.json');
    expect([out['statusCode'], out['payload'], out['executedVersion']]).toEqual([200, '{"orderId":7}', '$LATEST']);
  });

  it('gives the same trace twice from the same seed', () => {
    const traces = [1, 2].map(() => {
      const session = samSandbox({ 'h.yaml': text }, 42);
      must(session, 'sim sam deploy h.yaml');
      return JSON.stringify(session.world.trace.all());
    });
    expect(traces[0]).toBe(traces[1]);
  });
});
