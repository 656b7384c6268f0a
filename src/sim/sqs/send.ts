// SendMessage and SendMessageBatch: size (SVC-07, 1 MiB), per-message delay (standard queues only),
// and FIFO rules: MessageGroupId required, deduplication by MessageDeduplicationId or by the body's
// SHA-256 (ContentBasedDeduplication) within 5 minutes, a sequence number per accepted message.
import type { ApiDocument } from '../cli/operation-spec.js';
import { awsError, fail, ok, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import { invalidParameter, invalidValue, missingParameter } from './errors.js';
import { BATCH_MAX_ENTRIES, DELAY_MAX_SECONDS, FIFO_DEDUP_WINDOW_MS, MESSAGE_MAX_BYTES } from './limits.js';
import { md5Hex, messageIdFrom, sha256Hex, sqsState, type QueueState } from './model.js';
import { findQueue } from './queues.js';

export interface SendInput {
  readonly MessageBody?: unknown;
  readonly DelaySeconds?: unknown;
  readonly MessageGroupId?: unknown;
  readonly MessageDeduplicationId?: unknown;
  readonly MessageAttributes?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function checkMessage(queue: QueueState, input: SendInput): AwsError | undefined {
  const body = text(input.MessageBody);
  if (body === undefined || body === '') return missingParameter('MessageBody');
  if (Buffer.byteLength(body, 'utf8') > MESSAGE_MAX_BYTES) {
    return invalidParameter(`One or more parameters are invalid. Reason: Message must be shorter than ${MESSAGE_MAX_BYTES} bytes.`);
  }
  if (input.DelaySeconds !== undefined) {
    const delay = Number(input.DelaySeconds);
    if (queue.fifo) return invalidValue('DelaySeconds', delay, 'The request include parameter that is not valid for this queue type');
    if (!Number.isInteger(delay) || delay < 0 || delay > DELAY_MAX_SECONDS) return invalidValue('DelaySeconds', delay, `Must be between 0 and ${DELAY_MAX_SECONDS}, if provided.`);
  }
  if (!queue.fifo) {
    if (input.MessageGroupId !== undefined) return invalidValue('MessageGroupId', input.MessageGroupId, 'The request include parameter that is not valid for this queue type');
    return undefined;
  }
  if (text(input.MessageGroupId) === undefined) return missingParameter('MessageGroupId');
  if (text(input.MessageDeduplicationId) === undefined && !queue.contentBasedDeduplication) {
    return invalidParameter('The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
  }
  return undefined;
}

export interface Accepted {
  readonly MessageId: string;
  readonly MD5OfMessageBody: string;
  readonly SequenceNumber?: string;
}

/** FIFO: the sequence numbers AWS gives are 20-digit, increasing; ours count up from a fixed start. */
function nextSequenceNumber(world: World): string {
  const state = sqsState(world);
  state.nextSequence++;
  return `18${String(state.nextSequence).padStart(18, '0')}`;
}

/** Puts one checked message in the queue (or, for a FIFO duplicate, answers the first one's ids). */
function accept(world: World, queue: QueueState, input: SendInput): Accepted {
  const body = input.MessageBody as string;
  const md5 = md5Hex(body);
  const attributes = input.MessageAttributes as Record<string, unknown> | undefined;
  const withAttributes = attributes === undefined ? {} : { messageAttributes: attributes };
  if (queue.fifo) {
    const dedupId = text(input.MessageDeduplicationId) ?? sha256Hex(body);
    const seen = queue.dedupUntilMs[dedupId];
    if (seen !== undefined && seen.untilMs > world.nowMs) {
      world.record({ service: 'sqs', operation: 'message-deduplicated', outcome: 'ok', detail: { queue: queue.name, messageId: seen.messageId, dedupId } });
      return { MessageId: seen.messageId, MD5OfMessageBody: md5, SequenceNumber: seen.sequenceNumber };
    }
    const messageId = messageIdFrom(world);
    const sequenceNumber = nextSequenceNumber(world);
    queue.dedupUntilMs[dedupId] = { untilMs: world.nowMs + FIFO_DEDUP_WINDOW_MS, messageId, sequenceNumber };
    const groupId = input.MessageGroupId as string;
    queue.messages.push({ messageId, body, md5OfBody: md5, sentAtMs: world.nowMs, visibleAtMs: world.nowMs + queue.delaySeconds * 1_000, receiveCount: 0, messageGroupId: groupId, messageDeduplicationId: dedupId, sequenceNumber, ...withAttributes });
    return { MessageId: messageId, MD5OfMessageBody: md5, SequenceNumber: sequenceNumber };
  }
  const messageId = messageIdFrom(world);
  const delaySeconds = input.DelaySeconds === undefined ? queue.delaySeconds : Number(input.DelaySeconds);
  queue.messages.push({ messageId, body, md5OfBody: md5, sentAtMs: world.nowMs, visibleAtMs: world.nowMs + delaySeconds * 1_000, receiveCount: 0, ...withAttributes });
  return { MessageId: messageId, MD5OfMessageBody: md5 };
}

/** Sends one message to a queue already found; other services (SNS, Lambda destinations) call this. */
export function sendToQueue(world: World, queue: QueueState, input: SendInput): Result<Accepted> {
  const problem = checkMessage(queue, input);
  if (problem !== undefined) {
    world.record({ service: 'sqs', operation: 'SendMessage', outcome: problem.name, detail: { queue: queue.name } });
    return fail(problem);
  }
  const accepted = accept(world, queue, input);
  world.record({ service: 'sqs', operation: 'SendMessage', outcome: 'ok', detail: { queue: queue.name, messageId: accepted.MessageId } });
  return ok(accepted);
}

export function sendMessage(world: World, request: ApiDocument): Result<ApiDocument> {
  const queue = findQueue(world, request['QueueUrl']);
  if (!queue.ok) return queue;
  const sent = sendToQueue(world, queue.value, request as SendInput);
  return sent.ok ? ok({ ...sent.value }) : sent;
}

function checkBatch(entries: readonly Record<string, unknown>[]): AwsError | undefined {
  if (entries.length === 0) return awsError('AWS.SimpleQueueService.EmptyBatchRequest', 400, 'There should be at least one SendMessageBatchRequestEntry in the request.');
  if (entries.length > BATCH_MAX_ENTRIES) {
    return awsError('AWS.SimpleQueueService.TooManyEntriesInBatchRequest', 400, `Maximum number of entries per request are ${BATCH_MAX_ENTRIES}. You have sent ${entries.length}.`);
  }
  const ids = entries.map((entry) => String(entry['Id']));
  if (new Set(ids).size !== ids.length) return awsError('AWS.SimpleQueueService.BatchEntryIdsNotDistinct', 400, 'Two or more batch entries in the request have the same Id.');
  return undefined;
}

/** Each entry succeeds or fails alone; the call fails only for a malformed batch. */
export function sendMessageBatch(world: World, request: ApiDocument): Result<ApiDocument> {
  const queue = findQueue(world, request['QueueUrl']);
  if (!queue.ok) return queue;
  const entries = (request['Entries'] ?? []) as readonly Record<string, unknown>[];
  const problem = checkBatch(entries);
  if (problem !== undefined) return fail(problem);
  const successful: Record<string, unknown>[] = [];
  const failed: Record<string, unknown>[] = [];
  for (const entry of entries) {
    // Shorthand (`Id=1,MessageBody=2`) may read numbers; the API's members here are strings.
    const id = String(entry['Id']);
    const strings = Object.fromEntries(['MessageBody', 'MessageGroupId', 'MessageDeduplicationId'].filter((key) => entry[key] !== undefined).map((key) => [key, String(entry[key])]));
    const sent = sendToQueue(world, queue.value, { ...entry, ...strings } as SendInput);
    if (sent.ok) successful.push({ Id: id, ...sent.value });
    else failed.push({ Id: id, SenderFault: true, Code: sent.error.name, Message: sent.error.message });
  }
  return ok({ ...(successful.length === 0 ? {} : { Successful: successful }), ...(failed.length === 0 ? {} : { Failed: failed }) });
}
