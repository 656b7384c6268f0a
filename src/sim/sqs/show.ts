// `sim show queue NAME`: a queue's settings and its messages with their state on the virtual clock.
import { stringifyAwsJson } from '../cli/format-output.js';
import type { SimCommandSpec } from '../cli/sim-command-spec.js';
import { defineShowCommand } from '../cli/sim-show.js';
import { ok } from '../result.js';
import type { World } from '../world.js';
import { findQueue, queueAttributes } from './queues.js';
import type { QueueState, SqsMessage } from './model.js';

function messageState(message: SqsMessage, nowMs: number): string {
  if (message.visibleAtMs <= nowMs) return 'visible';
  return message.receiveCount > 0 ? 'in-flight' : 'delayed';
}

export function describeQueueForShow(world: World, queue: QueueState): Record<string, unknown> {
  return {
    name: queue.name,
    url: queue.url,
    type: queue.fifo ? 'FIFO' : 'standard',
    attributes: queueAttributes(world, queue),
    messages: queue.messages.map((message) => ({
      messageId: message.messageId,
      body: message.body,
      state: messageState(message, world.nowMs),
      receiveCount: message.receiveCount,
      visibleInMs: Math.max(0, message.visibleAtMs - world.nowMs),
      expiresInMs: message.sentAtMs + queue.retentionSeconds * 1_000 - world.nowMs,
      ...(message.messageGroupId === undefined ? {} : { messageGroupId: message.messageGroupId }),
    })),
  };
}

export const SQS_SIM_COMMANDS: readonly SimCommandSpec[] = [
  defineShowCommand({
    subject: 'queue',
    nameArg: 'QUEUE_NAME',
    summary: 'Shows a queue: its attributes and each message (visible, in flight or delayed, receive count, time left).',
    example: 'sim show queue orders',
    output: 'The queue view: name, url, type, attributes as GetQueueAttributes answers them, and messages with state, receiveCount, visibleInMs and expiresInMs.',
    show: (session, name) => {
      const queue = findQueue(session.world, name);
      if (!queue.ok) return queue;
      const json = describeQueueForShow(session.world, queue.value);
      return ok({ json, text: `${stringifyAwsJson(json, 2)}\n` });
    },
  }),
];
