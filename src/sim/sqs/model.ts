// SQS state: queues and their messages, kept as plain data in the world's `sqs` slot. A message's
// visibility, delay and retention are times on the virtual clock (`visibleAtMs`, `sentAtMs`), so
// nothing needs a timer: every operation first drops what retention has expired, then reads the clock.
import { createHash } from 'node:crypto';
import type { RandomStream } from '../rng.js';
import type { World } from '../world.js';

export const SQS_SLOT = 'sqs';

export interface RedrivePolicy {
  readonly deadLetterTargetArn: string;
  readonly maxReceiveCount: number;
}

export interface SqsMessage {
  readonly messageId: string;
  readonly body: string;
  readonly md5OfBody: string;
  /** When the message entered this queue (retention counts from here; SVC-07). */
  sentAtMs: number;
  /** Invisible (delayed or in flight) until this time. */
  visibleAtMs: number;
  receiveCount: number;
  firstReceiveAtMs?: number;
  /** The handle of the latest receive; older handles are stale. */
  receiptHandle?: string;
  readonly messageGroupId?: string;
  readonly messageDeduplicationId?: string;
  readonly sequenceNumber?: string;
  readonly messageAttributes?: Readonly<Record<string, unknown>>;
}

export interface QueueState {
  readonly name: string;
  readonly url: string;
  readonly arn: string;
  readonly fifo: boolean;
  readonly contentBasedDeduplication: boolean;
  readonly visibilityTimeoutSeconds: number;
  readonly retentionSeconds: number;
  readonly delaySeconds: number;
  readonly receiveWaitSeconds: number;
  readonly redrivePolicy?: RedrivePolicy;
  readonly createdAtMs: number;
  /** The attributes as given to CreateQueue (strings), to judge a second CreateQueue with the same name. */
  readonly givenAttributes: Readonly<Record<string, string>>;
  messages: SqsMessage[];
  /** FIFO: deduplication id → when its 5-minute window ends. */
  readonly dedupUntilMs: Record<string, { readonly untilMs: number; readonly messageId: string; readonly sequenceNumber: string }>;
  lastPurgeAtMs?: number;
}

export interface SqsState {
  readonly queues: Record<string, QueueState>;
  nextSequence: number;
}

export function sqsState(world: World): SqsState {
  return world.service<SqsState>(SQS_SLOT, () => ({ queues: {}, nextSequence: 0 }));
}

export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const HEX = '0123456789abcdef';
const HANDLE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function chars(stream: RandomStream, alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[stream.nextInt(alphabet.length)];
  return text;
}

/** A version-4-shaped UUID from the world's `sqs.ids` stream. */
export function messageIdFrom(world: World): string {
  const hex = chars(world.rng.stream('sqs.ids'), HEX, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** Receipt handles start `AQEB` like AWS's and are new on every receive. */
export function receiptHandleFrom(world: World): string {
  return `AQEB${chars(world.rng.stream('sqs.handles'), HANDLE_CHARS, 60)}`;
}

export function isInFlight(message: SqsMessage, nowMs: number): boolean {
  return message.receiveCount > 0 && message.visibleAtMs > nowMs;
}

/** Drops messages older than the queue's retention (SVC-07), with a trace entry each. */
export function dropExpired(world: World, queue: QueueState): void {
  const retentionMs = queue.retentionSeconds * 1_000;
  const kept: SqsMessage[] = [];
  for (const message of queue.messages) {
    if (message.sentAtMs + retentionMs > world.nowMs) kept.push(message);
    else world.record({ service: 'sqs', operation: 'message-expired', outcome: 'ok', detail: { queue: queue.name, messageId: message.messageId } });
  }
  queue.messages = kept;
}

export interface QueueCounts {
  readonly visible: number;
  readonly notVisible: number;
  readonly delayed: number;
}

export function countMessages(queue: QueueState, nowMs: number): QueueCounts {
  let visible = 0;
  let notVisible = 0;
  let delayed = 0;
  for (const message of queue.messages) {
    if (message.visibleAtMs <= nowMs) visible++;
    else if (message.receiveCount > 0) notVisible++;
    else delayed++;
  }
  return { visible, notVisible, delayed };
}
