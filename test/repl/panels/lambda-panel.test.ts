// Proves the Lambda panel's data on a simulated function: one cold start then a warm one (LAM-05:
// an environment is reused while it stays warm), a reserved-concurrency throttle, and the counts.
import { describe, expect, it } from 'vitest';
import { toLambdaPanel } from '../../../src/repl/panels/lambda-panel.js';
import { createSandbox, runSandboxLine } from '../../../src/sim/index.js';

const ROLE = `aws iam create-role --role-name fn-role --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}'`;
const CREATE = 'aws lambda create-function --function-name orders --runtime nodejs20.x --handler catalog.sleep --role arn:aws:iam::123456789012:role/fn-role --memory-size 512';
const INVOKE = `aws lambda invoke --function-name orders --payload '{"sleepMs":100}' out.json`;

describe('the Lambda panel', () => {
  it('shows a cold start, then a warm start, then a throttle once reserved concurrency is 0', () => {
    const session = createSandbox({ seed: 1 });
    for (const line of [ROLE, CREATE, INVOKE, 'sim clock advance 1s', INVOKE, 'aws lambda put-function-concurrency --function-name orders --reserved-concurrent-executions 0', INVOKE]) runSandboxLine(session, line);
    expect(toLambdaPanel(session.world, 'orders')).toEqual({
      kind: 'lambda',
      functionName: 'orders',
      // The warm call (100 ms) is still running: the clock has not moved since it started.
      environmentsBusy: 1,
      environmentsTotal: 1,
      provisioned: 0,
      reservedConcurrency: 0,
      invocations: 2,
      coldStarts: 1,
      throttles: 1,
      recentStarts: ['cold', 'warm', 'throttled'],
    });
  });

  it('is undefined for a function that does not exist', () => {
    expect(toLambdaPanel(createSandbox({ seed: 1 }).world, 'nope')).toBeUndefined();
  });
});
