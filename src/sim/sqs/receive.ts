// ReceiveMessage, DeleteMessage, ChangeMessageVisibility. A received message is invisible for the
// visibility timeout (SVC-07: 30 s default) and gets a new receipt handle; a message received
// maxReceiveCount times and still there moves to the dead-letter queue at the next receive that
// would have returned it. FIFO: a group with a message in flight gives nothing more until it is
// deleted or visible again, so each group keeps its order. WaitTimeSeconds moves the virtual clock.
import type { ApiDocument } from '../cli/operation-spec.js';
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { invalidHandle, invalidValue } from './errors.js';
import { RECEIVE_MAX_MESSAGES, VISIBILITY_MAX_SECONDS, WAIT_MAX_SECONDS } from './limits.js';
import { dropExpired, isInFlight, receiptHandleFrom, type QueueState, type SqsMessage } from './model.js';
import { findQueue, queueByArn } from './queues.js';

interface ReceiveOptions {
  readonly maxMessages: number;
  readonly visibilitySeconds: number;
  readonly waitSeconds: number;
}

function integerIn(request: ApiDocument, name: string, fallback: number, min: number, max: number): Result<number> {
  const value = request[name] === undefined ? fallback : Number(request[name]);
  if (!Number.isInteger(value) || value < min || value > max) return fail(invalidValue(name, value, `Must be between ${min} and ${max}, if provided.`));
  return ok(value);
}

function readOptions(queue: QueueState, request: ApiDocument): Result<ReceiveOptions> {
  const maxMessages = integerIn(request, 'MaxNumberOfMessages', 1, 1, RECEIVE_MAX_MESSAGES);
  if (!maxMessages.ok) return maxMessages;
  const visibilitySeconds = integerIn(request, 'VisibilityTimeout', queue.visibilityTimeoutSeconds, 0, VISIBILITY_MAX_SECONDS);
  if (!visibilitySeconds.ok) return visibilitySeconds;
  const waitSeconds = integerIn(request, 'WaitTimeSeconds', queue.receiveWaitSeconds, 0, WAIT_MAX_SECONDS);
  if (!waitSeconds.ok) return waitSeconds;
  return ok({ maxMessages: maxMessages.value, visibilitySeconds: visibilitySeconds.value, waitSeconds: waitSeconds.value });
}

/** Moves a message that has used up its receives to the dead-letter queue (redrive). */
function moveToDeadLetterQueue(world: World, queue: QueueState, message: SqsMessage): void {
  const target = queue.redrivePolicy === undefined ? undefined : queueByArn(world, queue.redrivePolicy.deadLetterTargetArn);
  queue.messages = queue.messages.filter((kept) => kept !== message);
  world.record({ service: 'sqs', operation: 'message-moved-to-dlq', outcome: target === undefined ? 'dlq-missing' : 'ok', detail: { queue: queue.name, messageId: message.messageId, receiveCount: message.receiveCount, deadLetterQueue: target?.name ?? null } });
  if (target === undefined) return;
  // Standard queues keep the original enqueue time (retention counts from it); FIFO resets it.
  // Src: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
  const { receiptHandle: _handle, firstReceiveAtMs: _first, ...rest } = message;
  target.messages.push({ ...rest, receiveCount: 0, visibleAtMs: world.nowMs, sentAtMs: target.fifo ? world.nowMs : message.sentAtMs });
}

/** The messages one receive takes, in queue order; over-received ones go to the DLQ on the way. */
function pickMessages(world: World, queue: QueueState, maxMessages: number): SqsMessage[] {
  const blockedGroups = new Set(queue.messages.filter((m) => m.messageGroupId !== undefined && isInFlight(m, world.nowMs)).map((m) => m.messageGroupId));
  const picked: SqsMessage[] = [];
  for (const message of [...queue.messages]) {
    if (picked.length >= maxMessages) break;
    if (blockedGroups.has(message.messageGroupId)) continue;
    if (message.visibleAtMs > world.nowMs) {
      // FIFO: an invisible message holds back the rest of its group, so the group keeps its order.
      if (message.messageGroupId !== undefined) blockedGroups.add(message.messageGroupId);
      continue;
    }
    if (queue.redrivePolicy !== undefined && message.receiveCount >= queue.redrivePolicy.maxReceiveCount) {
      moveToDeadLetterQueue(world, queue, message);
      continue;
    }
    picked.push(message);
  }
  return picked;
}

function markReceived(world: World, message: SqsMessage, visibilitySeconds: number): void {
  message.receiveCount++;
  message.firstReceiveAtMs ??= world.nowMs;
  message.visibleAtMs = world.nowMs + visibilitySeconds * 1_000;
  message.receiptHandle = receiptHandleFrom(world);
}

function messageView(message: SqsMessage, wanted: readonly string[]): Record<string, unknown> {
  const all = wanted.includes('All');
  const attributes: Record<string, string> = {
    SentTimestamp: String(message.sentAtMs),
    ApproximateReceiveCount: String(message.receiveCount),
    ApproximateFirstReceiveTimestamp: String(message.firstReceiveAtMs ?? message.sentAtMs),
    ...(message.messageGroupId === undefined ? {} : { MessageGroupId: message.messageGroupId, MessageDeduplicationId: message.messageDeduplicationId ?? '', SequenceNumber: message.sequenceNumber ?? '' }),
  };
  const chosen = Object.fromEntries(Object.entries(attributes).filter(([key]) => all || wanted.includes(key)));
  return {
    MessageId: message.messageId,
    ReceiptHandle: message.receiptHandle,
    MD5OfBody: message.md5OfBody,
    Body: message.body,
    ...(Object.keys(chosen).length === 0 ? {} : { Attributes: chosen }),
    ...(message.messageAttributes === undefined ? {} : { MessageAttributes: message.messageAttributes }),
  };
}

/** When the next message of the queue becomes visible, if before `untilMs`. */
function nextVisibleMs(queue: QueueState, nowMs: number, untilMs: number): number | undefined {
  const times = queue.messages.map((m) => m.visibleAtMs).filter((timeMs) => timeMs > nowMs && timeMs <= untilMs);
  return times.length === 0 ? undefined : Math.min(...times);
}

/** Long polling on the virtual clock: waits (moving the world) until a message is there or the wait ends. */
function pickWithWait(world: World, queue: QueueState, options: ReceiveOptions): SqsMessage[] {
  const deadlineMs = world.nowMs + options.waitSeconds * 1_000;
  let picked = pickMessages(world, queue, options.maxMessages);
  while (picked.length === 0 && world.nowMs < deadlineMs) {
    // Step to the next visibility change or pending timer (which may send a message), never past the deadline.
    const timerMs = world.clock.pendingTimers()[0]?.dueMs;
    const candidates = [deadlineMs, nextVisibleMs(queue, world.nowMs, deadlineMs), timerMs !== undefined && timerMs > world.nowMs ? timerMs : undefined];
    world.advanceTo(Math.min(...candidates.filter((timeMs): timeMs is number => timeMs !== undefined)));
    dropExpired(world, queue);
    picked = pickMessages(world, queue, options.maxMessages);
  }
  return picked;
}

export function receiveMessage(world: World, request: ApiDocument): Result<ApiDocument> {
  const queue = findQueue(world, request['QueueUrl']);
  if (!queue.ok) return queue;
  const options = readOptions(queue.value, request);
  if (!options.ok) return options;
  const picked = pickWithWait(world, queue.value, options.value);
  for (const message of picked) markReceived(world, message, options.value.visibilitySeconds);
  world.record({ service: 'sqs', operation: 'ReceiveMessage', outcome: 'ok', detail: { queue: queue.value.name, received: picked.length, messageIds: picked.map((m) => m.messageId) } });
  if (picked.length === 0) return ok({});
  const wanted = [...((request['AttributeNames'] ?? []) as string[]), ...((request['MessageSystemAttributeNames'] ?? []) as string[])];
  return ok({ Messages: picked.map((message) => messageView(message, wanted)) });
}

const HANDLE_SHAPE = /^AQEB[A-Za-z0-9+/]{60}$/;

/**
 * Deletes by receipt handle. Only the latest handle of a message deletes it; an older one (or one of a
 * message already gone) is accepted and does nothing, as AWS documents for DeleteMessage.
 */
export function deleteMessage(world: World, request: ApiDocument): Result<ApiDocument> {
  const queue = findQueue(world, request['QueueUrl']);
  if (!queue.ok) return queue;
  const handle = String(request['ReceiptHandle'] ?? '');
  if (!HANDLE_SHAPE.test(handle)) return fail(invalidHandle(handle));
  const message = queue.value.messages.find((m) => m.receiptHandle === handle);
  if (message !== undefined) queue.value.messages = queue.value.messages.filter((m) => m !== message);
  world.record({ service: 'sqs', operation: 'DeleteMessage', outcome: message === undefined ? 'stale-handle' : 'ok', detail: { queue: queue.value.name, messageId: message?.messageId ?? null } });
  return ok({});
}

export function changeMessageVisibility(world: World, request: ApiDocument): Result<ApiDocument> {
  const queue = findQueue(world, request['QueueUrl']);
  if (!queue.ok) return queue;
  const handle = String(request['ReceiptHandle'] ?? '');
  if (!HANDLE_SHAPE.test(handle)) return fail(invalidHandle(handle));
  const timeout = integerIn(request, 'VisibilityTimeout', 0, 0, VISIBILITY_MAX_SECONDS);
  if (!timeout.ok) return timeout;
  const message = queue.value.messages.find((m) => m.receiptHandle === handle);
  if (message === undefined || !isInFlight(message, world.nowMs)) {
    return fail(awsError('AWS.SimpleQueueService.MessageNotInflight', 400, 'Message does not exist or is not available for visibility timeout change.'));
  }
  // The new timeout counts from now (ChangeMessageVisibility API reference).
  message.visibleAtMs = world.nowMs + timeout.value * 1_000;
  world.record({ service: 'sqs', operation: 'ChangeMessageVisibility', outcome: 'ok', detail: { queue: queue.value.name, messageId: message.messageId, visibilityTimeoutSeconds: timeout.value } });
  return ok({});
}
