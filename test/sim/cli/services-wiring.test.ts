// Proves the services are reachable through the one sandbox language: IAM roles and the policy
// simulator, Lambda functions with the invoke outfile as the AWS CLI's positional argument, and the
// Lambda views (`sim show lambda`, `sim cost`, `sim cat`). It runs scripts as `trainer sim` does.
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxScript } from '../../../src/sim/cli/sandbox.js';

const TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
const WRITE_ORDERS = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:PutItem","Resource":"arn:aws:dynamodb:us-east-1:123456789012:table/Orders"}]}';
const ORDERS = 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders';

function run(script: string) {
  return runSandboxScript(createSandbox({ seed: 3 }), script).lines.filter((line) => !line.isEmpty);
}

describe('IAM through the sandbox', () => {
  it('allows what the role policy allows and implicitly denies the rest (IAM-01)', () => {
    const lines = run(
      [
        `aws iam create-role --role-name app --assume-role-policy-document '${TRUST}'`,
        `aws iam put-role-policy --role-name app --policy-name w --policy-document '${WRITE_ORDERS}'`,
        `sim iam simulate --principal app --action dynamodb:PutItem --resource ${ORDERS}`,
        `sim iam simulate --principal app --action dynamodb:DeleteItem --resource ${ORDERS}`,
      ].join('\n'),
    );
    expect(lines.map((l) => l.ok)).toEqual([true, true, true, true]);
    expect(lines[2]!.output).toMatchObject({ Decision: 'Allow', DecidingStatements: [{ PolicyName: 'w', StatementIndex: 0 }] });
    expect(lines[3]!.output).toMatchObject({ Decision: 'ImplicitDeny', DecidingStatements: [] });
  });

  it('refuses a malformed --context with a message saying the expected form', () => {
    const [line] = run(`sim iam simulate --principal app --action s3:GetObject --resource arn:aws:s3:::b/k --context nonsense`);
    expect(line!.ok).toBe(false);
    expect(line!.text).toContain('--context must be key=value pairs');
  });
});

describe('Lambda through the sandbox', () => {
  const create = 'aws lambda create-function --function-name echo --runtime nodejs20.x --role arn:aws:iam::123456789012:role/r --handler catalog.echo --code ZipFile=x';

  it('writes the response payload to the outfile positional, wherever it stands, for sim cat', () => {
    const lines = run([create, `aws lambda invoke --function-name echo --payload '{"n":1}' a.json`, `aws lambda invoke b.json --function-name echo --payload '{"n":2}'`, 'sim cat a.json', 'sim cat b.json'].join('\n'));
    expect(lines.map((l) => l.ok)).toEqual([true, true, true, true, true]);
    expect(lines[1]!.output).toEqual({ StatusCode: 200, ExecutedVersion: '$LATEST' });
    expect(lines[3]!.output).toEqual({ file: 'a.json', content: '{"n":1}' });
    expect(lines[4]!.output).toEqual({ file: 'b.json', content: '{"n":2}' });
  });

  it('prints the payload when there is no outfile, and reports a missing file by name', () => {
    const lines = run([create, `aws lambda invoke --function-name echo --payload '{"n":1}'`, 'sim cat nope.json'].join('\n'));
    expect(lines[1]!.output).toMatchObject({ StatusCode: 200, Payload: '{"n":1}' });
    expect(lines[2]!.ok).toBe(false);
    expect(lines[2]!.text).toContain('No sandbox file named nope.json');
  });

  it('shows the function and counts its requests in sim cost', () => {
    const lines = run([create, 'aws lambda invoke --function-name echo o.json', 'aws lambda invoke --function-name echo o.json', 'sim show lambda echo', 'sim cost'].join('\n'));
    expect(lines[3]!.output).toMatchObject({ functionName: 'echo', memorySizeMb: 128 });
    expect(lines[4]!.output).toMatchObject({ rows: [{ functionName: 'echo', requests: 2 }] });
  });
});
