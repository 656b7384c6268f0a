// Proves the exact history GetExecutionHistory answers: event types in order, ids and previousEventId,
// timestamps on the virtual clock, and the details member of each type (stateEnteredEventDetails,
// lambdaFunctionScheduledEventDetails, taskScheduledEventDetails ...), pinned with inline snapshots.
import { describe, expect, it } from 'vitest';
import { FUNCTION_PREFIX, advance, functionLine, history, machine, run, sandbox, start } from './helpers.js';

describe('history events', () => {
  it('records a Lambda ARN task and a Choice with every detail member', () => {
    const session = sandbox([functionLine('echo', 'catalog.echo')]);
    machine(session, 'Flow', {
      StartAt: 'Call',
      States: {
        Call: { Type: 'Task', Resource: `${FUNCTION_PREFIX}echo`, TimeoutSeconds: 5, Next: 'Route' },
        Route: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericEquals: 1, Next: 'Done' }] },
        Done: { Type: 'Succeed' },
      },
    });
    const arn = start(session, 'Flow', { n: 1 });
    advance(session, '1s');
    expect(history(session, arn)).toMatchInlineSnapshot(`
      [
        {
          "executionStartedEventDetails": {
            "input": "{"n":1}",
            "inputDetails": {
              "truncated": false,
            },
            "roleArn": "arn:aws:iam::123456789012:role/sfn",
          },
          "id": 1,
          "previousEventId": 0,
          "timestamp": "2026-01-01T00:00:00.000000+00:00",
          "type": "ExecutionStarted",
        },
        {
          "id": 2,
          "previousEventId": 1,
          "stateEnteredEventDetails": {
            "input": "{"n":1}",
            "inputDetails": {
              "truncated": false,
            },
            "name": "Call",
          },
          "timestamp": "2026-01-01T00:00:00.000000+00:00",
          "type": "TaskStateEntered",
        },
        {
          "id": 3,
          "lambdaFunctionScheduledEventDetails": {
            "input": "{"n":1}",
            "inputDetails": {
              "truncated": false,
            },
            "resource": "arn:aws:lambda:us-east-1:123456789012:function:echo",
            "timeoutInSeconds": 5,
          },
          "previousEventId": 2,
          "timestamp": "2026-01-01T00:00:00.000000+00:00",
          "type": "LambdaFunctionScheduled",
        },
        {
          "id": 4,
          "previousEventId": 3,
          "timestamp": "2026-01-01T00:00:00.000000+00:00",
          "type": "LambdaFunctionStarted",
        },
        {
          "id": 5,
          "lambdaFunctionSucceededEventDetails": {
            "output": "{"n":1}",
            "outputDetails": {
              "truncated": false,
            },
          },
          "previousEventId": 4,
          "timestamp": "2026-01-01T00:00:00.336000+00:00",
          "type": "LambdaFunctionSucceeded",
        },
        {
          "id": 6,
          "previousEventId": 5,
          "stateExitedEventDetails": {
            "name": "Call",
            "output": "{"n":1}",
            "outputDetails": {
              "truncated": false,
            },
          },
          "timestamp": "2026-01-01T00:00:00.336000+00:00",
          "type": "TaskStateExited",
        },
        {
          "id": 7,
          "previousEventId": 6,
          "stateEnteredEventDetails": {
            "input": "{"n":1}",
            "inputDetails": {
              "truncated": false,
            },
            "name": "Route",
          },
          "timestamp": "2026-01-01T00:00:00.336000+00:00",
          "type": "ChoiceStateEntered",
        },
        {
          "id": 8,
          "previousEventId": 7,
          "stateExitedEventDetails": {
            "name": "Route",
            "output": "{"n":1}",
            "outputDetails": {
              "truncated": false,
            },
          },
          "timestamp": "2026-01-01T00:00:00.336000+00:00",
          "type": "ChoiceStateExited",
        },
        {
          "id": 9,
          "previousEventId": 8,
          "stateEnteredEventDetails": {
            "input": "{"n":1}",
            "inputDetails": {
              "truncated": false,
            },
            "name": "Done",
          },
          "timestamp": "2026-01-01T00:00:00.336000+00:00",
          "type": "SucceedStateEntered",
        },
        {
          "id": 10,
          "previousEventId": 9,
          "stateExitedEventDetails": {
            "name": "Done",
            "output": "{"n":1}",
            "outputDetails": {
              "truncated": false,
            },
          },
          "timestamp": "2026-01-01T00:00:00.336000+00:00",
          "type": "SucceedStateExited",
        },
        {
          "executionSucceededEventDetails": {
            "output": "{"n":1}",
            "outputDetails": {
              "truncated": false,
            },
          },
          "id": 11,
          "previousEventId": 10,
          "timestamp": "2026-01-01T00:00:00.336000+00:00",
          "type": "ExecutionSucceeded",
        },
      ]
    `);
  });

  it('records a lambda:invoke task as Task* events with resourceType lambda, and a failed one with its error', () => {
    const session = sandbox([functionLine('boom', 'catalog.throw')]);
    machine(session, 'Invoke', { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'boom', 'Payload.$': '$' }, End: true } } });
    const arn = start(session, 'Invoke', { n: 1 });
    advance(session, '1s');
    const events = history(session, arn);
    expect(events.map((e) => e.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskFailed', 'ExecutionFailed']);
    expect(events[2]!['taskScheduledEventDetails']).toEqual({ resourceType: 'lambda', resource: 'invoke', region: 'us-east-1', parameters: '{"FunctionName":"boom","Payload":{"n":1}}' });
    expect(events[4]!['taskFailedEventDetails']).toMatchInlineSnapshot(`
      {
        "cause": "{"errorType":"Error","errorMessage":"Simulated unhandled exception"}",
        "error": "Error",
        "resource": "invoke",
        "resourceType": "lambda",
      }
    `);
    expect(events[5]!['executionFailedEventDetails']).toEqual({ error: 'Error', cause: '{"errorType":"Error","errorMessage":"Simulated unhandled exception"}' });
  });

  it('answers newest first with --reverse-order and at most --max-results events', () => {
    const session = sandbox([]);
    machine(session, 'P', { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } });
    const arn = start(session, 'P');
    const events = run(session, `aws stepfunctions get-execution-history --execution-arn ${arn} --reverse-order --max-results 2`)['events'] as { type: string }[];
    expect(events.map((e) => e.type)).toEqual(['ExecutionSucceeded', 'PassStateExited']);
  });
});
