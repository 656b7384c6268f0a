// Property tests over random mixes of starts (flaky Lambda tasks with Retry/Catch, Waits), stops and
// clock moves: (1) the same seed and commands give byte-identical traces and histories; (2) a world
// restored from a snapshot taken mid-run continues exactly as the original; (3) every history is
// well formed: ids 1..n, each previousEventId one less, timestamps never going back, exactly one closing
// event for a closed execution and none for a running one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSandbox, restoreWorld, runSandboxLine, stepfunctions, type SandboxSession } from '../../../src/sim/index.js';
import { FUNCTION_PREFIX, MACHINE_PREFIX, ROLE, functionLine } from './helpers.js';

type Command = { kind: 'start'; failRate: number; waitSeconds: number } | { kind: 'stop'; index: number } | { kind: 'advance'; ms: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('start' as const), failRate: fc.constantFrom(0, 0.5, 1), waitSeconds: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('stop' as const), index: fc.nat({ max: 20 }) }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 8_000 }) }),
);

const DEFINITION = {
  StartAt: 'Hold',
  States: {
    Hold: { Type: 'Wait', SecondsPath: '$.waitSeconds', Next: 'Call' },
    Call: { Type: 'Task', Resource: `${FUNCTION_PREFIX}flaky`, Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }], Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Recover' }], End: true },
    Recover: { Type: 'Pass', End: true },
  },
};

function setUp(): SandboxSession {
  const session = createSandbox({ seed: 11 });
  for (const line of [functionLine('flaky', 'catalog.flaky'), `aws stepfunctions create-state-machine --name Flow --role-arn ${ROLE} --definition '${JSON.stringify(DEFINITION)}'`]) runSandboxLine(session, line);
  return session;
}

function apply(session: SandboxSession, c: Command, index: number): void {
  if (c.kind === 'advance') runSandboxLine(session, `sim clock advance ${c.ms}ms`);
  else if (c.kind === 'stop') runSandboxLine(session, `aws stepfunctions stop-execution --execution-arn arn:aws:states:us-east-1:123456789012:execution:Flow:e${c.index}`);
  else runSandboxLine(session, `aws stepfunctions start-execution --state-machine-arn ${MACHINE_PREFIX}Flow --name e${index} --input '${JSON.stringify({ failRate: c.failRate, waitSeconds: c.waitSeconds })}'`);
}

const fingerprint = (session: SandboxSession): string => JSON.stringify([session.world.trace.all(), stepfunctions.stepFunctionsState(session.world)]);

const CLOSING = ['ExecutionSucceeded', 'ExecutionFailed', 'ExecutionTimedOut', 'ExecutionAborted'];

describe('Step Functions invariants', () => {
  it('is deterministic, restores from a snapshot exactly, and keeps every history well formed', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 25 }), fc.nat({ max: 25 }), (commands, cut) => {
        const first = setUp();
        const second = setUp();
        commands.forEach((c, i) => apply(first, c, i));
        commands.forEach((c, i) => apply(second, c, i));
        expect(fingerprint(second)).toBe(fingerprint(first));

        const original = setUp();
        commands.slice(0, cut).forEach((c, i) => apply(original, c, i));
        const restored = { ...original, world: restoreWorld(original.world.snapshot()) } as SandboxSession;
        for (const session of [original, restored]) commands.slice(cut).forEach((c, i) => apply(session, c, cut + i));
        expect(fingerprint(restored)).toBe(fingerprint(original));

        for (const execution of Object.values(stepfunctions.stepFunctionsState(first.world).executions)) {
          const events = execution.events;
          events.forEach((event, i) => {
            expect([event.id, event.previousEventId]).toEqual([i + 1, i]);
            if (i > 0) expect(Date.parse(event.timestamp) >= Date.parse(events[i - 1]!.timestamp)).toBe(true);
          });
          const closing = events.filter((event) => CLOSING.includes(event.type)).length;
          expect(closing).toBe(execution.status === 'RUNNING' ? 0 : 1);
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
