// Proves the SAM sandbox rows around the deploy: --parameter-overrides forms, the default stack name,
// the stack-name rule, a missing template file, `sim show stack` (text and JSON), and that the rows are
// listed in the sandbox's command table.
import { describe, expect, it } from 'vitest';
import { defaultCommandTable, sam } from '../../../src/sim/index.js';
import { failure, must, run, samSandbox } from '../../helpers/sam.js';

describe('parseOverrides', () => {
  it('reads Key=Value and ParameterKey=K,ParameterValue=V, several per word or per flag', () => {
    expect(sam.parseOverrides('Stage=prod ParameterKey=Size,ParameterValue=3\nColour=blue')).toEqual({ ok: true, value: { Stage: 'prod', Size: '3', Colour: 'blue' } });
    expect(sam.parseOverrides('oops')).toMatchInlineSnapshot(`
      {
        "error": {
          "message": "--parameter-overrides: expected Key=Value or ParameterKey=Key,ParameterValue=Value, got 'oops'",
          "name": "ValidationError",
          "retryable": false,
          "statusCode": 400,
        },
        "ok": false,
      }
    `);
  });
});

describe('sim sam deploy', () => {
  it("names the stack after the file when --stack is not given, and refuses a bad stack name", () => {
    expect(sam.defaultStackName('templates/crud-api.yaml')).toBe('crud-api');
    expect(sam.defaultStackName('1.yml')).toBe('stack-1');
    expect(failure(samSandbox(), 'sim sam deploy crud-api.yaml --stack 9lives')).toMatchInlineSnapshot(`
      "sim: error: sim sam deploy: (ValidationError) 1 validation error detected: Value '9lives' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*
      "
    `);
  });

  it('says when the template file is missing', () => {
    expect(failure(samSandbox(), 'sim sam deploy nope.yaml')).toMatchInlineSnapshot(`
      "sim: error: sim sam deploy: (TemplateNotFound) Template file not found at nope.yaml: [Errno 2] No such file or directory: 'nope.yaml'
      "
    `);
  });

  it('prints stack events like sam deploy, with SAM types shown as what the transform makes', () => {
    expect(run(samSandbox(), 'sim sam deploy welcome-email.yaml --stack users').text).toMatchInlineSnapshot(`
      "CloudFormation events from stack operations (stack users)
      ResourceStatus   ResourceType                     LogicalResourceId            PhysicalResourceId
      CREATE_COMPLETE  AWS::DynamoDB::Table             UsersTable                   users-UsersTable-UOHJ11K2IJQK
      CREATE_COMPLETE  AWS::Lambda::Function            WelcomeEmailFunction         users-WelcomeEmailFunction-A1X9N37B0YUI
      CREATE_COMPLETE  AWS::IAM::Role                   WelcomeEmailFunctionRole     users-WelcomeEmailFunctionRole-Y9UG0V1JC257
      CREATE_COMPLETE  AWS::Lambda::EventSourceMapping  WelcomeEmailFunctionNewUser  esm-000001

      Outputs
        UsersTableName: users-UsersTable-UOHJ11K2IJQK
        StreamArn: arn:aws:dynamodb:us-east-1:123456789012:table/users-UsersTable-UOHJ11K2IJQK/stream/2026-01-01T00:00:00.000

      Successfully created stack - users in us-east-1
      "
    `);
  });
});

describe('sim show stack', () => {
  it('shows resources, generated resources and outputs; an unknown stack is an error', () => {
    const session = samSandbox();
    must(session, 'sim sam deploy canary-deploy.yaml --stack checkout');
    const out = must(session, 'sim show stack checkout');
    const checkout = out['resources'].find((r: Record<string, unknown>) => r['logicalId'] === 'CheckoutFunction');
    expect([checkout['aliasVersion'], checkout['generated'].map((g: Record<string, string>) => g['type'])]).toEqual(['1', ['AWS::IAM::Role', 'AWS::Lambda::Version', 'AWS::Lambda::Alias']]);
    expect(failure(session, 'sim show stack other')).toMatchInlineSnapshot(`
      "sim: error: sim show stack: (ValidationError) Stack with id other does not exist
      "
    `);
  });
});

describe('the command table', () => {
  it('lists the SAM rows', () => {
    const words = defaultCommandTable().simCommands.map((row) => row.words.join(' '));
    expect(words.filter((w) => w.startsWith('sam') || w === 'show stack')).toEqual(['sam deploy', 'sam validate', 'sam local invoke', 'sam local start-api', 'show stack']);
  });
});
