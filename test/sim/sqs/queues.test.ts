// Proves SQS on the virtual clock with exact outcomes: the visibility timeout (SVC-07, 30 s default),
// redrive to the DLQ after exactly maxReceiveCount receives, FIFO order per group and the 5-minute
// deduplication window, retention expiry (SVC-07, 1 min minimum), long polling in virtual time, stale
// receipt handles, the 1 MiB message limit (SVC-07, CHANGED), the errors as the AWS CLI prints them,
// and that the same seed and commands give the same trace.
import { describe, expect, it } from 'vitest';
import { runSandboxLine } from '../../../src/sim/index.js';
import { URL_PREFIX, counts, receive, run, sandbox, send } from './helpers.js';

const DLQ = [
  'aws sqs create-queue --queue-name dlq',
  `aws sqs create-queue --queue-name orders --attributes '{"RedrivePolicy":"{\\"deadLetterTargetArn\\":\\"arn:aws:sqs:us-east-1:123456789012:dlq\\",\\"maxReceiveCount\\":\\"3\\"}"}'`,
];

describe('visibility timeout', () => {
  it('hides a received message until t+30 s (SVC-07 default) and shows it again at exactly 30 s', () => {
    const session = sandbox(['aws sqs create-queue --queue-name q']);
    send(session, 'q', 'hello');
    expect(receive(session, 'q').map((m) => m.Body)).toEqual(['hello']);
    expect(counts(session, 'q')).toEqual(['0', '1']);
    run(session, 'sim clock advance 29999ms');
    expect(receive(session, 'q')).toEqual([]);
    run(session, 'sim clock advance 1ms');
    expect(counts(session, 'q')).toEqual(['1', '0']);
    expect(receive(session, 'q', '--attribute-names ApproximateReceiveCount').map((m) => m.Attributes)).toEqual([{ ApproximateReceiveCount: '2' }]);
  });

  it('takes the receive-message override and change-message-visibility (counted from now)', () => {
    const session = sandbox(['aws sqs create-queue --queue-name q']);
    send(session, 'q', 'hello');
    const [first] = receive(session, 'q', '--visibility-timeout 5');
    run(session, 'sim clock advance 4s');
    run(session, `aws sqs change-message-visibility --queue-url ${URL_PREFIX}q --receipt-handle ${first?.ReceiptHandle} --visibility-timeout 10`);
    run(session, 'sim clock advance 9999ms');
    expect(receive(session, 'q')).toEqual([]);
    run(session, 'sim clock advance 1ms');
    expect(receive(session, 'q')).toHaveLength(1);
  });

  it('deletes only with the latest receipt handle; an older one is accepted and does nothing', () => {
    const session = sandbox(['aws sqs create-queue --queue-name q']);
    send(session, 'q', 'hello');
    const [first] = receive(session, 'q', '--visibility-timeout 0');
    const [second] = receive(session, 'q', '--visibility-timeout 60');
    run(session, `aws sqs delete-message --queue-url ${URL_PREFIX}q --receipt-handle ${first?.ReceiptHandle}`);
    expect(counts(session, 'q')).toEqual(['0', '1']);
    run(session, `aws sqs delete-message --queue-url ${URL_PREFIX}q --receipt-handle ${second?.ReceiptHandle}`);
    expect(counts(session, 'q')).toEqual(['0', '0']);
    expect(runSandboxLine(session, `aws sqs delete-message --queue-url ${URL_PREFIX}q --receipt-handle nope`).text).toMatchInlineSnapshot(`
      "An error occurred (ReceiptHandleIsInvalid) when calling the DeleteMessage operation: The input receipt handle "nope" is not a valid receipt handle.
      "
    `);
  });
});

describe('redrive to a dead-letter queue', () => {
  it('moves a message received maxReceiveCount (3) times at the 4th receive attempt, not before', () => {
    const session = sandbox(DLQ);
    send(session, 'orders', 'poison');
    for (let i = 1; i <= 3; i++) {
      expect(receive(session, 'orders', '--visibility-timeout 0 --attribute-names ApproximateReceiveCount').map((m) => m.Attributes?.['ApproximateReceiveCount'])).toEqual([String(i)]);
    }
    expect(counts(session, 'dlq')).toEqual(['0', '0']);
    expect(receive(session, 'orders')).toEqual([]);
    expect(counts(session, 'orders')).toEqual(['0', '0']);
    expect(counts(session, 'dlq')).toEqual(['1', '0']);
    expect(receive(session, 'dlq', '--attribute-names ApproximateReceiveCount').map((m) => [m.Body, m.Attributes])).toEqual([['poison', { ApproximateReceiveCount: '1' }]]);
  });

  it('refuses a redrive policy whose target does not exist', () => {
    const session = sandbox([]);
    const line = `aws sqs create-queue --queue-name q --attributes '{"RedrivePolicy":"{\\"deadLetterTargetArn\\":\\"arn:aws:sqs:us-east-1:123456789012:none\\",\\"maxReceiveCount\\":\\"3\\"}"}'`;
    expect(runSandboxLine(session, line).text).toMatchInlineSnapshot(`
      "An error occurred (InvalidParameterValue) when calling the CreateQueue operation: Value {"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:none","maxReceiveCount":"3"} for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist.
      "
    `);
  });
});

describe('FIFO queues', () => {
  const FIFO = [`aws sqs create-queue --queue-name jobs.fifo --attributes FifoQueue=true,ContentBasedDeduplication=true`];

  it('needs the .fifo suffix and a MessageGroupId', () => {
    const session = sandbox(FIFO);
    expect(runSandboxLine(session, 'aws sqs create-queue --queue-name jobs --attributes FifoQueue=true').text).toMatchInlineSnapshot(`
      "An error occurred (InvalidParameterValue) when calling the CreateQueue operation: The name of a FIFO queue must end with the .fifo suffix, and only a FIFO queue may use it.
      "
    `);
    expect(runSandboxLine(session, `aws sqs send-message --queue-url ${URL_PREFIX}jobs.fifo --message-body a`).text).toMatchInlineSnapshot(`
      "An error occurred (MissingParameter) when calling the SendMessage operation: The request must contain the parameter MessageGroupId.
      "
    `);
  });

  it('keeps order within a group: the next message waits until the first is deleted', () => {
    const session = sandbox(FIFO);
    for (const body of ['a1', 'a2', 'a3']) send(session, 'jobs.fifo', body, '--message-group-id A');
    send(session, 'jobs.fifo', 'b1', '--message-group-id B');
    const first = receive(session, 'jobs.fifo', '--max-number-of-messages 2');
    expect(first.map((m) => m.Body)).toEqual(['a1', 'a2']);
    expect(receive(session, 'jobs.fifo', '--max-number-of-messages 10').map((m) => m.Body)).toEqual(['b1']);
    for (const message of first) run(session, `aws sqs delete-message --queue-url ${URL_PREFIX}jobs.fifo --receipt-handle ${message.ReceiptHandle}`);
    expect(receive(session, 'jobs.fifo', '--max-number-of-messages 10').map((m) => m.Body)).toEqual(['a3']);
  });

  it('drops a duplicate body within 5 minutes and accepts it again after exactly 5 minutes', () => {
    const session = sandbox(FIFO);
    const first = send(session, 'jobs.fifo', 'same', '--message-group-id A');
    run(session, 'sim clock advance 299999ms');
    expect(send(session, 'jobs.fifo', 'same', '--message-group-id A')['MessageId']).toBe(first['MessageId']);
    expect(counts(session, 'jobs.fifo')).toEqual(['1', '0']);
    run(session, 'sim clock advance 1ms');
    expect(send(session, 'jobs.fifo', 'same', '--message-group-id A')['MessageId']).not.toBe(first['MessageId']);
    expect(counts(session, 'jobs.fifo')).toEqual(['2', '0']);
  });

  it('deduplicates by MessageDeduplicationId when content-based deduplication is off', () => {
    const session = sandbox(['aws sqs create-queue --queue-name ids.fifo --attributes FifoQueue=true']);
    send(session, 'ids.fifo', 'one', '--message-group-id A --message-deduplication-id d1');
    send(session, 'ids.fifo', 'two', '--message-group-id A --message-deduplication-id d1');
    expect(counts(session, 'ids.fifo')).toEqual(['1', '0']);
    expect(runSandboxLine(session, `aws sqs send-message --queue-url ${URL_PREFIX}ids.fifo --message-body x --message-group-id A`).text).toMatchInlineSnapshot(`
      "An error occurred (InvalidParameterValue) when calling the SendMessage operation: The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly
      "
    `);
  });
});

describe('retention, long polling, limits and errors', () => {
  it('deletes a message when the retention period (60 s, the SVC-07 minimum) has passed', () => {
    const session = sandbox(['aws sqs create-queue --queue-name q --attributes MessageRetentionPeriod=60']);
    send(session, 'q', 'old');
    run(session, 'sim clock advance 59999ms');
    expect(counts(session, 'q')).toEqual(['1', '0']);
    run(session, 'sim clock advance 1ms');
    expect(counts(session, 'q')).toEqual(['0', '0']);
  });

  it('long polls in virtual time: a delayed message arrives after 7 s of a 20 s wait', () => {
    const session = sandbox(['aws sqs create-queue --queue-name q']);
    send(session, 'q', 'later', '--delay-seconds 7');
    const report = runSandboxLine(session, `aws sqs receive-message --queue-url ${URL_PREFIX}q --wait-time-seconds 20`);
    expect(report.timeMs - 1_767_225_600_000).toBe(7_000);
    const empty = runSandboxLine(session, `aws sqs receive-message --queue-url ${URL_PREFIX}q --wait-time-seconds 20`);
    expect(empty.timeMs - report.timeMs).toBe(20_000);
  });

  it('accepts 1 MiB (SVC-07) and refuses one byte more; receives at most 10', () => {
    const session = sandbox(['aws sqs create-queue --queue-name q']);
    expect(runSandboxLine(session, `aws sqs send-message --queue-url ${URL_PREFIX}q --message-body ${'x'.repeat(1_048_576)}`).ok).toBe(true);
    expect(runSandboxLine(session, `aws sqs send-message --queue-url ${URL_PREFIX}q --message-body ${'x'.repeat(1_048_577)}`).text).toMatchInlineSnapshot(`
      "An error occurred (InvalidParameterValue) when calling the SendMessage operation: One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes.
      "
    `);
    expect(runSandboxLine(session, `aws sqs receive-message --queue-url ${URL_PREFIX}q --max-number-of-messages 11`).text).toMatchInlineSnapshot(`
      "An error occurred (InvalidParameterValue) when calling the ReceiveMessage operation: Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.
      "
    `);
  });

  it('names a missing queue as the AWS CLI prints it, and purges once per 60 s', () => {
    const session = sandbox(['aws sqs create-queue --queue-name q']);
    expect(runSandboxLine(session, 'aws sqs get-queue-url --queue-name nope').text).toMatchInlineSnapshot(`
      "An error occurred (AWS.SimpleQueueService.NonExistentQueue) when calling the GetQueueUrl operation: The specified queue does not exist.
      "
    `);
    send(session, 'q', 'a');
    run(session, `aws sqs purge-queue --queue-url ${URL_PREFIX}q`);
    expect(counts(session, 'q')).toEqual(['0', '0']);
    expect(runSandboxLine(session, `aws sqs purge-queue --queue-url ${URL_PREFIX}q`).text).toMatchInlineSnapshot(`
      "An error occurred (AWS.SimpleQueueService.PurgeQueueInProgress) when calling the PurgeQueue operation: Only one PurgeQueue operation on q is allowed every 60 seconds.
      "
    `);
  });

  it('sends a batch where each entry succeeds or fails alone', () => {
    const session = sandbox(['aws sqs create-queue --queue-name q']);
    const output = run(session, `aws sqs send-message-batch --queue-url ${URL_PREFIX}q --entries Id=1,MessageBody=a Id=2,MessageBody=b,DelaySeconds=901`);
    expect((output['Successful'] as unknown[]).length).toBe(1);
    expect(output['Failed']).toMatchInlineSnapshot(`
      [
        {
          "Code": "InvalidParameterValue",
          "Id": "2",
          "Message": "Value 901 for parameter DelaySeconds is invalid. Reason: Must be between 0 and 900, if provided.",
          "SenderFault": true,
        },
      ]
    `);
  });
});

describe('determinism', () => {
  it('gives the same trace for the same seed and commands', () => {
    const script = (): string => {
      const session = sandbox(DLQ, 11);
      send(session, 'orders', 'x');
      receive(session, 'orders', '--visibility-timeout 0');
      receive(session, 'orders', '--wait-time-seconds 3');
      return JSON.stringify(session.world.trace.all());
    };
    expect(script()).toBe(script());
  });
});
