// Proves Step Functions' wiring to the other simulated services: lambda:invoke tasks (result wrapped in
// Payload/StatusCode), sqs:sendMessage and sns:publish tasks (an object body is sent as JSON text; a
// service error becomes SQS.<code>), and API Gateway's AWS integration
// `arn:aws:apigateway:REGION:states:action/StartExecution` answering StartExecution's JSON (APIGW-10).
import { describe, expect, it } from 'vitest';
import { runSandboxLine } from '../../src/sim/index.js';
import { MACHINE_PREFIX, advance, describe as describeExecution, functionLine, machine, run, sandbox, start } from './stepfunctions/helpers.js';

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders';

describe('service tasks', () => {
  it('wraps a lambda:invoke answer in Payload with StatusCode 200 and ExecutedVersion', () => {
    const session = sandbox([functionLine('echo', 'catalog.echo')]);
    machine(session, 'Invoke', {
      StartAt: 'Call',
      States: { Call: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'echo', 'Payload.$': '$' }, ResultSelector: { 'body.$': '$.Payload', 'code.$': '$.StatusCode', 'version.$': '$.ExecutedVersion' }, End: true } },
    });
    const arn = start(session, 'Invoke', { n: 5 });
    advance(session, '1s');
    expect(JSON.parse(describeExecution(session, arn)['output'] as string)).toEqual({ body: { n: 5 }, code: 200, version: '$LATEST' });
  });

  it('sends an SQS message from a task, the object body as JSON text, and answers SendMessage’s result', () => {
    const session = sandbox(['aws sqs create-queue --queue-name orders']);
    machine(session, 'Enqueue', {
      StartAt: 'Send',
      States: { Send: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl: QUEUE_URL, 'MessageBody.$': '$' }, ResultPath: '$.sent', End: true } },
    });
    const arn = start(session, 'Enqueue', { orderId: 'o-9' });
    const output = JSON.parse(describeExecution(session, arn)['output'] as string) as { sent: Record<string, unknown> };
    expect(Object.keys(output.sent)).toContain('MessageId');
    const received = run(session, `aws sqs receive-message --queue-url ${QUEUE_URL}`)['Messages'] as { Body: string }[];
    expect(received.map((m) => m.Body)).toEqual(['{"orderId":"o-9"}']);
  });

  it('fails an SQS task on a missing queue with the SQS.-prefixed error, and catches it', () => {
    const session = sandbox([]);
    machine(session, 'Enqueue', {
      StartAt: 'Send',
      States: {
        Send: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl: QUEUE_URL, MessageBody: 'x' }, Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Recover' }], End: true },
        Recover: { Type: 'Pass', End: true },
      },
    });
    const output = JSON.parse(describeExecution(session, start(session, 'Enqueue'))['output'] as string) as { error: { Error: string } };
    expect(output.error.Error).toBe('SQS.AWS.SimpleQueueService.NonExistentQueue');
  });

  it('publishes to an SNS topic that fans out to a queue', () => {
    const session = sandbox([
      'aws sqs create-queue --queue-name orders',
      'aws sns create-topic --name news',
      'aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:news --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:orders --attributes RawMessageDelivery=true',
    ]);
    machine(session, 'Announce', {
      StartAt: 'Publish',
      States: { Publish: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { TopicArn: 'arn:aws:sns:us-east-1:123456789012:news', Message: 'hello' }, End: true } },
    });
    expect(describeExecution(session, start(session, 'Announce'))['status']).toBe('SUCCEEDED');
    const received = run(session, `aws sqs receive-message --queue-url ${QUEUE_URL}`)['Messages'] as { Body: string }[];
    expect(received.map((m) => m.Body)).toEqual(['hello']);
  });
});

describe('Lambda refusals and Express runs', () => {
  it('names a refused invoke Lambda.<code>: a missing function is Lambda.ResourceNotFoundException', () => {
    const session = sandbox([]);
    machine(session, 'Missing', { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:nope', End: true } } });
    expect(describeExecution(session, start(session, 'Missing'))).toMatchObject({ status: 'FAILED', error: 'Lambda.ResourceNotFoundException' });
  });

  it('runs an Express workflow with a Lambda task synchronously and bills its duration in 100 ms steps', () => {
    const session = sandbox([functionLine('slow', 'catalog.sleep')]);
    machine(session, 'Quick', { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'slow', Payload: { sleepMs: 250 } }, OutputPath: '$.Payload', End: true } } }, 'EXPRESS');
    const answer = run(session, `aws stepfunctions start-sync-execution --state-machine-arn ${MACHINE_PREFIX}Quick`);
    // A cold start: INIT from the Lambda model plus the 250 ms the handler sleeps.
    expect(answer).toMatchObject({ status: 'SUCCEEDED', output: '{"sleptMs":250}' });
    const durationMs = Date.parse(answer['stopDate'] as string) - Date.parse(answer['startDate'] as string);
    expect(answer['billingDetails']).toEqual({ billedMemoryUsedInMB: 64, billedDurationInMilliseconds: Math.ceil(durationMs / 100) * 100 });
  });

  it('fails a workflow that loops without waiting once its history reaches 25,000 events', () => {
    const session = sandbox([]);
    machine(session, 'Loop', { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Choice', Choices: [{ Variable: '$.stop', IsPresent: true, Next: 'End' }], Default: 'A' }, End: { Type: 'Succeed' } } });
    const failed = describeExecution(session, start(session, 'Loop'));
    expect(failed).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });
});

describe('API Gateway AWS integration to StartExecution (APIGW-10)', () => {
  it('starts an execution from the request body and answers executionArn and startDate as the JSON API does', () => {
    const session = sandbox([
      'aws apigateway create-rest-api --name flow-api --endpoint-configuration types=REGIONAL',
      'aws apigateway create-resource --rest-api-id flow-api --parent-id / --path-part orders',
      'aws apigateway put-method --rest-api-id flow-api --resource-id /orders --http-method POST --authorization-type NONE',
      'aws apigateway put-integration --rest-api-id flow-api --resource-id /orders --http-method POST --type AWS --integration-http-method POST --uri arn:aws:apigateway:us-east-1:states:action/StartExecution',
      'aws apigateway create-deployment --rest-api-id flow-api --stage-name prod',
    ]);
    machine(session, 'Orders', { StartAt: 'Hold', States: { Hold: { Type: 'Wait', Seconds: 5, End: true } } });
    const body = JSON.stringify({ stateMachineArn: `${MACHINE_PREFIX}Orders`, name: 'web-1', input: '{"orderId":"o-1"}' });
    const response = runSandboxLine(session, `sim http POST /prod/orders -d '${body}'`).output as { status: number; body: string };
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ executionArn: 'arn:aws:states:us-east-1:123456789012:execution:Orders:web-1', startDate: 1_767_225_600 });
    expect(describeExecution(session, 'arn:aws:states:us-east-1:123456789012:execution:Orders:web-1')).toMatchObject({ status: 'RUNNING', input: '{"orderId":"o-1"}' });
  });
});
