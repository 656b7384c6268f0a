// Property test: for any mix of sends, receives (with random visibility timeouts), deletes and clock
// moves on a standard queue, (1) a message is never handed out again while a receive's visibility
// timeout runs, and (2) visible + in flight + delayed always equals sent − deleted (no loss, no copies).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld, sqs } from '../../../src/sim/index.js';

type Step = { kind: 'send' } | { kind: 'receive'; visibilitySeconds: number; max: number } | { kind: 'delete' } | { kind: 'advance'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'send' }),
  fc.record({ kind: fc.constant('receive' as const), visibilitySeconds: fc.integer({ min: 0, max: 40 }), max: fc.integer({ min: 1, max: 10 }) }),
  fc.constant<Step>({ kind: 'delete' }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 20_000 }) }),
);

describe('standard queue invariants', () => {
  it('never re-delivers inside a visibility window and never loses or copies a message', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const world = createWorld({ seed: 5 });
        const created = sqs.createQueue(world, { QueueName: 'q' });
        const url = created.ok ? String(created.value['QueueUrl']) : '';
        const hiddenUntilMs = new Map<string, number>();
        const handles: string[] = [];
        let sent = 0;
        let deleted = 0;
        for (const s of steps) {
          if (s.kind === 'send') {
            sqs.sendMessage(world, { QueueUrl: url, MessageBody: `m${sent++}` });
          } else if (s.kind === 'advance') {
            world.advance(s.ms);
          } else if (s.kind === 'delete') {
            const handle = handles.pop();
            const before = sqs.sqsState(world).queues['q']?.messages.length ?? 0;
            if (handle !== undefined) sqs.deleteMessage(world, { QueueUrl: url, ReceiptHandle: handle });
            deleted += before - (sqs.sqsState(world).queues['q']?.messages.length ?? 0);
          } else {
            const received = sqs.receiveMessage(world, { QueueUrl: url, VisibilityTimeout: s.visibilitySeconds, MaxNumberOfMessages: s.max });
            const messages = (received.ok ? (received.value['Messages'] ?? []) : []) as { MessageId: string; ReceiptHandle: string }[];
            for (const message of messages) {
              expect(world.nowMs >= (hiddenUntilMs.get(message.MessageId) ?? 0)).toBe(true);
              hiddenUntilMs.set(message.MessageId, world.nowMs + s.visibilitySeconds * 1_000);
              handles.push(message.ReceiptHandle);
            }
          }
          const queue = sqs.findQueue(world, url);
          const attributes = queue.ok ? sqs.queueAttributes(world, queue.value) : {};
          const total = ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'].reduce((sum, key) => sum + Number(attributes[key]), 0);
          expect(total).toBe(sent - deleted);
        }
      }),
      { numRuns: 150, seed: 42 },
    );
  });
});
