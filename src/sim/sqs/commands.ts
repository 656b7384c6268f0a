// The sandbox rows for `aws sqs ...`: the real CLI's command and flag names.
import type { OperationSpec, ParamSpec } from '../cli/operation-spec.js';
import { createQueue, getQueueAttributes, getQueueUrl, listQueues, purgeQueue } from './queues.js';
import { changeMessageVisibility, deleteMessage, receiveMessage } from './receive.js';
import { sendMessage, sendMessageBatch } from './send.js';

const queueUrl: ParamSpec = { flag: '--queue-url', member: 'QueueUrl', type: 'string', required: true, description: 'The queue URL (get-queue-url prints it).' };
const receiptHandle: ParamSpec = { flag: '--receipt-handle', member: 'ReceiptHandle', type: 'string', required: true, description: 'The handle from the latest receive-message of the message.' };
const sqs = (command: string, operation: string, summary: string, params: readonly ParamSpec[], run: OperationSpec['run']): OperationSpec => ({ service: 'sqs', command, operation, summary, params, run });

export const SQS_OPERATIONS: readonly OperationSpec[] = [
  sqs('create-queue', 'CreateQueue', 'Creates a standard or FIFO (.fifo) queue; the same name with the same attributes answers the same URL.', [
    { flag: '--queue-name', member: 'QueueName', type: 'string', required: true, description: 'Letters, digits, - and _ (1–80); FIFO names end in .fifo.' },
    { flag: '--attributes', member: 'Attributes', type: 'json', required: false, description: 'VisibilityTimeout, MessageRetentionPeriod, DelaySeconds, ReceiveMessageWaitTimeSeconds, RedrivePolicy, FifoQueue, ContentBasedDeduplication.' },
  ], createQueue),
  sqs('get-queue-url', 'GetQueueUrl', 'Answers the URL of a queue by name.', [
    { flag: '--queue-name', member: 'QueueName', type: 'string', required: true, description: 'The queue name.' },
  ], getQueueUrl),
  sqs('get-queue-attributes', 'GetQueueAttributes', 'Shows queue attributes, including ApproximateNumberOfMessages and ...NotVisible.', [
    queueUrl,
    { flag: '--attribute-names', member: 'AttributeNames', type: 'string-list', required: false, description: 'All, or attribute names; without it nothing is shown.' },
  ], getQueueAttributes),
  sqs('list-queues', 'ListQueues', 'Lists queue URLs.', [
    { flag: '--queue-name-prefix', member: 'QueueNamePrefix', type: 'string', required: false, description: 'Only queues whose name starts with this.' },
  ], listQueues),
  sqs('send-message', 'SendMessage', 'Sends a message (≤ 1 MiB, SVC-07); FIFO queues need --message-group-id.', [
    queueUrl,
    { flag: '--message-body', member: 'MessageBody', type: 'string', required: true, description: 'The message text.' },
    { flag: '--delay-seconds', member: 'DelaySeconds', type: 'integer', required: false, description: 'Standard queues: 0–900 s before the message can be received.' },
    { flag: '--message-group-id', member: 'MessageGroupId', type: 'string', required: false, description: 'FIFO: the group; order is kept within a group.' },
    { flag: '--message-deduplication-id', member: 'MessageDeduplicationId', type: 'string', required: false, description: 'FIFO: a repeat within 5 minutes is accepted but not delivered again.' },
    { flag: '--message-attributes', member: 'MessageAttributes', type: 'json', required: false, description: '{"Name":{"DataType":"String","StringValue":"v"}}.' },
  ], sendMessage),
  sqs('send-message-batch', 'SendMessageBatch', 'Sends up to 10 messages; each entry succeeds or fails alone.', [
    queueUrl,
    { flag: '--entries', member: 'Entries', type: 'json', isList: true, required: true, description: 'Id=1,MessageBody=a Id=2,MessageBody=b (plus DelaySeconds, MessageGroupId, MessageDeduplicationId).' },
  ], sendMessageBatch),
  sqs('receive-message', 'ReceiveMessage', 'Receives up to 10 messages and hides them for the visibility timeout; --wait-time-seconds waits in virtual time.', [
    queueUrl,
    { flag: '--max-number-of-messages', member: 'MaxNumberOfMessages', type: 'integer', required: false, description: '1–10 (default 1).' },
    { flag: '--visibility-timeout', member: 'VisibilityTimeout', type: 'integer', required: false, description: 'Seconds hidden after this receive (default: the queue’s).' },
    { flag: '--wait-time-seconds', member: 'WaitTimeSeconds', type: 'integer', required: false, description: 'Long polling, 0–20 s of virtual time.' },
    { flag: '--attribute-names', member: 'AttributeNames', type: 'string-list', required: false, description: 'All, or e.g. ApproximateReceiveCount SentTimestamp.' },
    { flag: '--message-system-attribute-names', member: 'MessageSystemAttributeNames', type: 'string-list', required: false, description: 'The newer name for --attribute-names.' },
  ], receiveMessage),
  sqs('delete-message', 'DeleteMessage', 'Deletes a received message; only its latest receipt handle works.', [queueUrl, receiptHandle], deleteMessage),
  sqs('change-message-visibility', 'ChangeMessageVisibility', 'Sets how long a received message stays hidden, counted from now.', [
    queueUrl,
    receiptHandle,
    { flag: '--visibility-timeout', member: 'VisibilityTimeout', type: 'integer', required: true, description: '0–43,200 s (0 makes it visible now).' },
  ], changeMessageVisibility),
  sqs('purge-queue', 'PurgeQueue', 'Deletes every message in the queue (once per 60 s).', [queueUrl], purgeQueue),
];
