// Proves a deploy is all-or-nothing: for random templates with one bad resource at a random place
// (a property the simulator refuses before creating anything, or a name that clashes only when the
// service is called, after the resources before it were made), the deploy fails and the world's
// snapshot (clock, randomness, trace, every service's state) is exactly what it was before. fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { must, run, samSandbox, template } from '../../helpers/sam.js';

const GOOD: Readonly<Record<string, (id: string) => string>> = {
  bucket: (id) => `  ${id}:\n    Type: AWS::S3::Bucket\n`,
  table: (id) => `  ${id}:\n    Type: AWS::Serverless::SimpleTable\n`,
  fn: (id) => `  ${id}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: catalog.echo\n      Runtime: nodejs22.x\n      AutoPublishAlias: live\n`,
  role: (id) => `  ${id}:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}\n`,
};

const BAD: Readonly<Record<string, (id: string) => string>> = {
  // Refused by validation: nothing is created.
  unknownProperty: (id) => `  ${id}:\n    Type: AWS::S3::Bucket\n    Properties:\n      Versioning: true\n`,
  // Refused by the service when called: the resources before it already exist by then.
  takenBucket: (id) => `  ${id}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: taken-bucket\n`,
  takenTable: (id) => `  ${id}:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: Taken\n      BillingMode: PAY_PER_REQUEST\n      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]\n      KeySchema: [{AttributeName: id, KeyType: HASH}]\n`,
  takenFunction: (id) => `  ${id}:\n    Type: AWS::Serverless::Function\n    Properties:\n      FunctionName: taken-fn\n      Handler: catalog.echo\n      Runtime: nodejs22.x\n`,
};

function setUp(text: string) {
  const session = samSandbox({ 'bad.yaml': text, 'base.yaml': template(`${GOOD['bucket']!('Base')}  Taken:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: taken-bucket\n`) });
  must(session, 'sim sam deploy base.yaml --stack base');
  must(session, "aws dynamodb create-table --table-name Taken --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST");
  must(session, 'aws lambda create-function --function-name taken-fn --runtime nodejs22.x --role arn:aws:iam::123456789012:role/r --handler catalog.echo');
  return session;
}

describe('sim sam deploy is all-or-nothing', () => {
  it('leaves the world exactly as it was when any resource fails', () => {
    const goodKinds = Object.keys(GOOD);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...goodKinds), { maxLength: 5 }), fc.constantFrom(...Object.keys(BAD)), fc.nat(), (kinds, bad, where) => {
        const parts = kinds.map((kind, index) => GOOD[kind]!(`R${index}`));
        parts.splice(where % (parts.length + 1), 0, BAD[bad]!('Bad'));
        const session = setUp(template(parts.join('')));
        const before = session.world.snapshot();
        const deployed = run(session, 'sim sam deploy bad.yaml --stack s');
        expect(deployed.ok).toBe(false);
        expect(session.world.snapshot()).toEqual(before);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('says which resource failed and why when the service refuses it', () => {
    const session = setUp(template(`${GOOD['bucket']!('First')}${BAD['takenTable']!('Orders')}`));
    expect(run(session, 'sim sam deploy bad.yaml --stack s').text).toMatchInlineSnapshot(`
      "sim: error: sim sam deploy: (ResourceInUseException) Orders (AWS::DynamoDB::Table) CREATE_FAILED: Table already exists: Taken
      "
    `);
  });
});
