// Proves the SQS/SNS wiring through the sandbox: a Lambda async event that keeps failing lands in its
// SQS dead-letter queue (the event as body, RequestID/ErrorCode/ErrorMessage attributes) and its
// on-failure destination (an SNS topic fanning out to a queue) after the retries of LAM-15/16; an
// on-success destination gets the invocation record; API Gateway's AWS integration (APIGW-10) calls
// SQS SendMessage; the same seed gives the same trace.
import { describe, expect, it } from 'vitest';
import { runSandboxLine } from '../../src/sim/index.js';
import { receive, run, sandbox } from './sqs/helpers.js';

const ROLE = 'arn:aws:iam::123456789012:role/r';
const ARN = 'arn:aws:sqs:us-east-1:123456789012:';

const FAILING = [
  'aws sqs create-queue --queue-name dlq',
  'aws sqs create-queue --queue-name failures',
  'aws sns create-topic --name alerts',
  `aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:alerts --protocol sqs --notification-endpoint ${ARN}failures --attributes RawMessageDelivery=true`,
  `aws lambda create-function --function-name worker --runtime nodejs22.x --role ${ROLE} --handler catalog.fail --dead-letter-config TargetArn=${ARN}dlq`,
  `aws lambda put-function-event-invoke-config --function-name worker --destination-config '{"OnFailure":{"Destination":"arn:aws:sns:us-east-1:123456789012:alerts"}}'`,
];

describe('Lambda async failures to SQS and SNS', () => {
  it('delivers the event to the DLQ and the record to the on-failure topic after 3 attempts', () => {
    const session = sandbox(FAILING);
    run(session, `aws lambda invoke --function-name worker --invocation-type Event --payload '{"order":1}' out.json`);
    run(session, 'sim clock advance 10m');
    const [dead] = receive(session, 'dlq');
    expect(dead?.Body).toBe('{"order":1}');
    expect(receive(session, 'dlq')).toEqual([]); // one message only, in flight after the first receive
    const [failure] = receive(session, 'failures');
    const record = JSON.parse(failure?.Body ?? '{}') as { requestContext: { condition: string; approximateInvokeCount: number }; requestPayload: unknown };
    expect([record.requestContext.condition, record.requestContext.approximateInvokeCount, record.requestPayload]).toEqual(['RetriesExhausted', 3, { order: 1 }]);
  });

  it('sends the DLQ message attributes RequestID, ErrorCode and ErrorMessage', () => {
    const session = sandbox(FAILING);
    run(session, `aws lambda invoke --function-name worker --invocation-type Event --payload '{}' out.json`);
    run(session, 'sim clock advance 10m');
    const output = run(session, 'aws sqs receive-message --queue-url dlq') as { Messages: { MessageAttributes: Record<string, { StringValue: string }> }[] };
    expect(Object.keys(output.Messages[0]?.MessageAttributes ?? {})).toEqual(['RequestID', 'ErrorCode', 'ErrorMessage']);
  });

  it('sends an on-success record to an SQS destination', () => {
    const session = sandbox([
      'aws sqs create-queue --queue-name done',
      `aws lambda create-function --function-name ok --runtime nodejs22.x --role ${ROLE} --handler catalog.echo`,
      `aws lambda put-function-event-invoke-config --function-name ok --destination-config '{"OnSuccess":{"Destination":"${ARN}done"}}'`,
    ]);
    run(session, `aws lambda invoke --function-name ok --invocation-type Event --payload '{"a":1}' out.json`);
    run(session, 'sim clock advance 1s');
    const [message] = receive(session, 'done');
    expect((JSON.parse(message?.Body ?? '{}') as { requestContext: { condition: string } }).requestContext.condition).toBe('Success');
  });
});

describe('API Gateway AWS integration to SQS (APIGW-10)', () => {
  it('sends the request body to SendMessage and answers its response', () => {
    const session = sandbox([
      'aws sqs create-queue --queue-name inbox',
      'aws apigateway create-rest-api --name q-api --endpoint-configuration types=REGIONAL',
      'aws apigateway create-resource --rest-api-id q-api --parent-id / --path-part messages',
      'aws apigateway put-method --rest-api-id q-api --resource-id /messages --http-method POST --authorization-type NONE',
      'aws apigateway put-integration --rest-api-id q-api --resource-id /messages --http-method POST --type AWS --integration-http-method POST --uri arn:aws:apigateway:us-east-1:sqs:action/SendMessage',
      'aws apigateway create-deployment --rest-api-id q-api --stage-name prod',
    ]);
    const response = runSandboxLine(session, `sim http POST /prod/messages -d '{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/inbox","MessageBody":"from the api"}'`);
    expect((response.output as { status: number }).status).toBe(200);
    expect(receive(session, 'inbox').map((m) => m.Body)).toEqual(['from the api']);
  });
});

describe('determinism', () => {
  it('gives the same trace for the same seed and commands', () => {
    const trace = (): string => {
      const session = sandbox(FAILING, 3);
      run(session, `aws lambda invoke --function-name worker --invocation-type Event --payload '{"order":1}' out.json`);
      run(session, 'sim clock advance 10m');
      return JSON.stringify(session.world.trace.all());
    };
    expect(trace()).toBe(trace());
  });
});
