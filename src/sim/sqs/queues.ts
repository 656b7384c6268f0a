// Queue operations: CreateQueue (with its attributes and the `.fifo` rule), GetQueueUrl,
// GetQueueAttributes, ListQueues, PurgeQueue; and finding a queue by URL, name or ARN.
import type { ApiDocument } from '../cli/operation-spec.js';
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { invalidParameter, invalidValue, missingParameter, nonExistentQueue } from './errors.js';
import {
  DELAY_MAX_SECONDS,
  MAX_RECEIVE_COUNT_MAX,
  MESSAGE_MAX_BYTES,
  PURGE_INTERVAL_MS,
  QUEUE_NAME_MAX_CHARS,
  RETENTION_DEFAULT_SECONDS,
  RETENTION_MAX_SECONDS,
  RETENTION_MIN_SECONDS,
  VISIBILITY_DEFAULT_SECONDS,
  VISIBILITY_MAX_SECONDS,
  WAIT_MAX_SECONDS,
} from './limits.js';
import { countMessages, dropExpired, sqsState, type QueueState, type RedrivePolicy } from './model.js';

const KNOWN_ATTRIBUTES = ['VisibilityTimeout', 'MessageRetentionPeriod', 'DelaySeconds', 'ReceiveMessageWaitTimeSeconds', 'RedrivePolicy', 'FifoQueue', 'ContentBasedDeduplication', 'MaximumMessageSize'];

/** Finds a queue by its URL (or, as a convenience, its bare name). */
export function findQueue(world: World, queueUrl: unknown): Result<QueueState> {
  const text = typeof queueUrl === 'string' ? queueUrl : '';
  const name = text.slice(text.lastIndexOf('/') + 1);
  const queue = sqsState(world).queues[name];
  if (queue === undefined || (text.includes('/') && queue.url !== text)) return fail(nonExistentQueue());
  dropExpired(world, queue);
  return ok(queue);
}

export function queueByArn(world: World, arn: string): QueueState | undefined {
  return Object.values(sqsState(world).queues).find((queue) => queue.arn === arn);
}

function integerAttribute(attributes: Readonly<Record<string, string>>, name: string, fallback: number, min: number, max: number): Result<number> {
  const text = attributes[name];
  if (text === undefined) return ok(fallback);
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) return fail(invalidParameter(`Invalid value for the parameter ${name}.`));
  return ok(value);
}

function parseRedrive(world: World, text: string | undefined, fifo: boolean): Result<RedrivePolicy | undefined> {
  if (text === undefined) return ok(undefined);
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return fail(invalidValue('RedrivePolicy', text, 'Redrive policy is not a valid JSON map.'));
  }
  const arn = parsed['deadLetterTargetArn'];
  const maxReceiveCount = Number(parsed['maxReceiveCount']);
  if (typeof arn !== 'string' || !Number.isInteger(maxReceiveCount) || maxReceiveCount < 1 || maxReceiveCount > MAX_RECEIVE_COUNT_MAX) {
    return fail(invalidValue('RedrivePolicy', text, `Redrive policy needs deadLetterTargetArn and a maxReceiveCount from 1 to ${MAX_RECEIVE_COUNT_MAX}.`));
  }
  const target = queueByArn(world, arn);
  if (target === undefined) return fail(invalidValue('RedrivePolicy', text, 'Dead letter target does not exist.'));
  if (target.fifo !== fifo) return fail(invalidValue('RedrivePolicy', text, 'Dead-letter queue must be of the same type as the source queue (standard or FIFO).'));
  return ok({ deadLetterTargetArn: arn, maxReceiveCount });
}

/** CLI attributes arrive as strings, numbers or (RedrivePolicy) an object: all become AWS's strings. */
function attributeStrings(request: ApiDocument): Record<string, string> {
  const given = (request['Attributes'] ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(given).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]));
}

function checkName(name: string, fifo: boolean): Result<void> {
  const base = name.endsWith('.fifo') ? name.slice(0, -5) : name;
  if (name.length > QUEUE_NAME_MAX_CHARS || !/^[A-Za-z0-9_-]+$/.test(base)) {
    return fail(invalidParameter(`Can only include alphanumeric characters, hyphens, or underscores. 1 to ${QUEUE_NAME_MAX_CHARS} in length`));
  }
  if (fifo !== name.endsWith('.fifo')) {
    return fail(invalidParameter('The name of a FIFO queue must end with the .fifo suffix, and only a FIFO queue may use it.'));
  }
  return ok(undefined);
}

function buildQueue(world: World, name: string, attributes: Readonly<Record<string, string>>): Result<QueueState> {
  const unknown = Object.keys(attributes).find((key) => !KNOWN_ATTRIBUTES.includes(key));
  if (unknown !== undefined) return fail(invalidParameter(`Unknown Attribute ${unknown}.`));
  const fifo = attributes['FifoQueue'] === 'true';
  const named = checkName(name, fifo);
  if (!named.ok) return named;
  const visibility = integerAttribute(attributes, 'VisibilityTimeout', VISIBILITY_DEFAULT_SECONDS, 0, VISIBILITY_MAX_SECONDS);
  if (!visibility.ok) return visibility;
  const retention = integerAttribute(attributes, 'MessageRetentionPeriod', RETENTION_DEFAULT_SECONDS, RETENTION_MIN_SECONDS, RETENTION_MAX_SECONDS);
  if (!retention.ok) return retention;
  const delay = integerAttribute(attributes, 'DelaySeconds', 0, 0, DELAY_MAX_SECONDS);
  if (!delay.ok) return delay;
  const wait = integerAttribute(attributes, 'ReceiveMessageWaitTimeSeconds', 0, 0, WAIT_MAX_SECONDS);
  if (!wait.ok) return wait;
  const redrive = parseRedrive(world, attributes['RedrivePolicy'], fifo);
  if (!redrive.ok) return redrive;
  const url = `https://sqs.${world.region}.amazonaws.com/${world.accountId}/${name}`;
  return ok({
    name, url, arn: `arn:aws:sqs:${world.region}:${world.accountId}:${name}`, fifo,
    contentBasedDeduplication: attributes['ContentBasedDeduplication'] === 'true',
    visibilityTimeoutSeconds: visibility.value, retentionSeconds: retention.value, delaySeconds: delay.value, receiveWaitSeconds: wait.value,
    ...(redrive.value === undefined ? {} : { redrivePolicy: redrive.value }),
    createdAtMs: world.nowMs, givenAttributes: attributes, messages: [], dedupUntilMs: {},
  });
}

function sameAttributes(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): string | undefined {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort().find((key) => a[key] !== b[key]);
}

export function createQueue(world: World, request: ApiDocument): Result<ApiDocument> {
  const name = request['QueueName'];
  if (typeof name !== 'string' || name === '') return fail(missingParameter('QueueName'));
  const attributes = attributeStrings(request);
  const state = sqsState(world);
  const existing = state.queues[name];
  if (existing !== undefined) {
    // CreateQueue is idempotent for equal attributes; a difference is an error (CreateQueue API reference).
    const differing = sameAttributes(existing.givenAttributes, attributes);
    if (differing === undefined) return ok({ QueueUrl: existing.url });
    world.record({ service: 'sqs', operation: 'CreateQueue', outcome: 'QueueAlreadyExists', detail: { queue: name } });
    return fail(awsError('QueueAlreadyExists', 400, `A queue already exists with the same name and a different value for attribute ${differing}`));
  }
  const built = buildQueue(world, name, attributes);
  if (!built.ok) return built;
  state.queues[name] = built.value;
  world.record({ service: 'sqs', operation: 'CreateQueue', outcome: 'ok', detail: { queue: name, fifo: built.value.fifo } });
  return ok({ QueueUrl: built.value.url });
}

export function getQueueUrl(world: World, request: ApiDocument): Result<ApiDocument> {
  const queue = findQueue(world, request['QueueName']);
  return queue.ok ? ok({ QueueUrl: queue.value.url }) : queue;
}

const seconds = (ms: number): string => String(Math.floor(ms / 1_000));

/** Every attribute AWS reports for the queue, as strings (GetQueueAttributes). */
export function queueAttributes(world: World, queue: QueueState): Record<string, string> {
  const counts = countMessages(queue, world.nowMs);
  return {
    QueueArn: queue.arn,
    ApproximateNumberOfMessages: String(counts.visible),
    ApproximateNumberOfMessagesNotVisible: String(counts.notVisible),
    ApproximateNumberOfMessagesDelayed: String(counts.delayed),
    CreatedTimestamp: seconds(queue.createdAtMs),
    LastModifiedTimestamp: seconds(queue.createdAtMs),
    VisibilityTimeout: String(queue.visibilityTimeoutSeconds),
    MaximumMessageSize: String(MESSAGE_MAX_BYTES),
    MessageRetentionPeriod: String(queue.retentionSeconds),
    DelaySeconds: String(queue.delaySeconds),
    ReceiveMessageWaitTimeSeconds: String(queue.receiveWaitSeconds),
    ...(queue.redrivePolicy === undefined ? {} : { RedrivePolicy: JSON.stringify(queue.redrivePolicy) }),
    ...(queue.fifo ? { FifoQueue: 'true', ContentBasedDeduplication: String(queue.contentBasedDeduplication) } : {}),
    SqsManagedSseEnabled: 'true',
  };
}

export function getQueueAttributes(world: World, request: ApiDocument): Result<ApiDocument> {
  const queue = findQueue(world, request['QueueUrl']);
  if (!queue.ok) return queue;
  const names = (request['AttributeNames'] ?? []) as readonly string[];
  if (names.length === 0) return ok({});
  const all = queueAttributes(world, queue.value);
  const wanted = names.includes('All') ? all : Object.fromEntries(Object.entries(all).filter(([key]) => names.includes(key)));
  return ok({ Attributes: wanted });
}

export function listQueues(world: World, request: ApiDocument): Result<ApiDocument> {
  const prefix = typeof request['QueueNamePrefix'] === 'string' ? request['QueueNamePrefix'] : '';
  const urls = Object.values(sqsState(world).queues).filter((queue) => queue.name.startsWith(prefix)).map((queue) => queue.url).sort();
  return ok(urls.length === 0 ? {} : { QueueUrls: urls });
}

export function purgeQueue(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = findQueue(world, request['QueueUrl']);
  if (!found.ok) return found;
  const queue = found.value;
  if (queue.lastPurgeAtMs !== undefined && world.nowMs - queue.lastPurgeAtMs < PURGE_INTERVAL_MS) {
    world.record({ service: 'sqs', operation: 'PurgeQueue', outcome: 'AWS.SimpleQueueService.PurgeQueueInProgress', detail: { queue: queue.name } });
    return fail(awsError('AWS.SimpleQueueService.PurgeQueueInProgress', 403, `Only one PurgeQueue operation on ${queue.name} is allowed every 60 seconds.`));
  }
  queue.lastPurgeAtMs = world.nowMs;
  const purged = queue.messages.length;
  queue.messages = [];
  world.record({ service: 'sqs', operation: 'PurgeQueue', outcome: 'ok', detail: { queue: queue.name, purged } });
  return ok({});
}
