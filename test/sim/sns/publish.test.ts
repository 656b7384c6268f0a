// Proves SNS fan-out with exact outcomes: one publish reaches two SQS queues (JSON envelope, or the
// bare message with RawMessageDelivery) and a Lambda function (async, an `aws:sns` event); email goes
// to the simulated inbox only after confirmation; filter policies (exact, prefix, numeric, exists,
// anything-but) choose subscribers; the 256 KiB publish limit (SVC-06); errors in the AWS CLI's form.
import { describe, expect, it } from 'vitest';
import { runSandboxLine, sns, type SandboxSession } from '../../../src/sim/index.js';
import { receive, run, sandbox } from '../sqs/helpers.js';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:orders';
const sub = (protocol: string, endpoint: string, extra = ''): string => `aws sns subscribe --topic-arn ${TOPIC} --protocol ${protocol} --notification-endpoint ${endpoint} ${extra}`;
const SETUP = [
  'aws sqs create-queue --queue-name a',
  'aws sqs create-queue --queue-name b',
  'aws sns create-topic --name orders',
  'aws lambda create-function --function-name f --runtime nodejs22.x --role arn:aws:iam::123456789012:role/r --handler catalog.echo',
];

function publish(session: SandboxSession, extra = ''): void {
  run(session, `aws sns publish --topic-arn ${TOPIC} --message hi --subject Hello ${extra}`);
}

describe('fan-out', () => {
  it('delivers one publish to two queues and a Lambda function', () => {
    const session = sandbox([
      ...SETUP,
      sub('sqs', 'arn:aws:sqs:us-east-1:123456789012:a'),
      sub('sqs', 'arn:aws:sqs:us-east-1:123456789012:b', '--attributes RawMessageDelivery=true'),
      sub('lambda', 'arn:aws:lambda:us-east-1:123456789012:function:f'),
    ]);
    publish(session);
    const [wrapped] = receive(session, 'a');
    const envelope = JSON.parse(wrapped?.Body ?? '{}') as Record<string, unknown>;
    expect([envelope['Type'], envelope['TopicArn'], envelope['Subject'], envelope['Message'], envelope['Timestamp']]).toEqual(['Notification', TOPIC, 'Hello', 'hi', '2026-01-01T00:00:00.000Z']);
    expect(receive(session, 'b').map((m) => m.Body)).toEqual(['hi']);
    run(session, 'sim clock advance 1s');
    const finished = session.world.trace.all().filter((e) => e.service === 'lambda' && e.operation === 'async-event-finished');
    expect(finished.map((e) => [e.outcome, e.detail['functionName']])).toEqual([['success', 'f']]);
  });

  it('mails email subscribers only after confirm-subscription with the mailed token', () => {
    const session = sandbox(['aws sns create-topic --name orders']);
    expect(run(session, sub('email', 'bob@example.com'))).toEqual({ SubscriptionArn: 'pending confirmation' });
    publish(session);
    const inbox = (): { subject: string; code: string }[] => (run(session, 'sim inbox --to bob@example.com')['messages'] as { subject: string; code: string }[]);
    expect(inbox().map((m) => m.subject)).toEqual(['AWS Notification - Subscription Confirmation']);
    run(session, `aws sns confirm-subscription --topic-arn ${TOPIC} --token ${inbox()[0]?.code}`);
    publish(session);
    expect(inbox().map((m) => m.subject)).toEqual(['AWS Notification - Subscription Confirmation', 'Hello']);
  });
});

describe('filter policies', () => {
  it('matches exact, prefix, numeric, exists and anything-but conditions', () => {
    const attributes = { color: { DataType: 'String', StringValue: 'red' }, price: { DataType: 'Number', StringValue: '15' } };
    const cases: [string, boolean][] = [
      ['{"color":["red","blue"]}', true],
      ['{"color":["green"]}', false],
      ['{"color":[{"prefix":"re"}]}', true],
      ['{"price":[{"numeric":[">",10,"<=",15]}]}', true],
      ['{"price":[{"numeric":["<",10]}]}', false],
      ['{"price":[15]}', true],
      ['{"size":[{"exists":false}]}', true],
      ['{"color":[{"anything-but":["red"]}]}', false],
      ['{"color":["red"],"price":[{"numeric":[">",20]}]}', false],
    ];
    expect(cases.map(([policy]) => sns.matchesFilterPolicy(policy, attributes))).toEqual(cases.map(([, expected]) => expected));
  });

  it('delivers only to the subscriber whose policy the message attributes pass', () => {
    const session = sandbox([
      ...SETUP,
      sub('sqs', 'arn:aws:sqs:us-east-1:123456789012:a', `--attributes '{"FilterPolicy":"{\\"color\\":[\\"red\\"]}"}'`),
      sub('sqs', 'arn:aws:sqs:us-east-1:123456789012:b', `--attributes '{"FilterPolicy":"{\\"color\\":[\\"blue\\"]}"}'`),
    ]);
    publish(session, `--message-attributes '{"color":{"DataType":"String","StringValue":"red"}}'`);
    expect([receive(session, 'a').length, receive(session, 'b').length]).toEqual([1, 0]);
  });
});

describe('limits and errors', () => {
  it('accepts 256 KiB (SVC-06) and refuses one byte more; names a missing topic', () => {
    const session = sandbox(['aws sns create-topic --name orders']);
    expect(runSandboxLine(session, `aws sns publish --topic-arn ${TOPIC} --message ${'x'.repeat(262_144)}`).ok).toBe(true);
    expect(runSandboxLine(session, `aws sns publish --topic-arn ${TOPIC} --message ${'x'.repeat(262_145)}`).text).toMatchInlineSnapshot(`
      "An error occurred (InvalidParameter) when calling the Publish operation: Invalid parameter: Message too long
      "
    `);
    expect(runSandboxLine(session, 'aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:none --message hi').text).toMatchInlineSnapshot(`
      "An error occurred (NotFound) when calling the Publish operation: Topic does not exist
      "
    `);
    expect(runSandboxLine(session, sub('sqs', 'not-an-arn')).text).toMatchInlineSnapshot(`
      "An error occurred (InvalidParameter) when calling the Subscribe operation: Invalid parameter: SQS endpoint ARN
      "
    `);
  });
});
