// Proves Retry and Catch on Task states with exact virtual times: the default retrier waits 1 s, 2 s
// and 4 s (IntervalSeconds 1, BackoffRate 2.0, MaxAttempts 3), MaxDelaySeconds caps the wait, each
// retrier counts its own attempts, Catch places {Error, Cause} at its ResultPath, States.TaskFailed does
// not match States.Timeout, TimeoutSeconds fails a task with States.Timeout, and States.ALL does not
// catch the terminal States.DataLimitExceeded. Times come from Lambda's own duration model.
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../src/sim/stepfunctions/index.js';
import { FUNCTION_PREFIX, advance, describe as describeExecution, functionLine, history, machine, sandbox, start, timeline } from './helpers.js';

const task = (fn: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ Type: 'Task', Resource: `${FUNCTION_PREFIX}${fn}`, Next: 'Done', ...extra });
/** Recover is there only when a catcher can reach it: CreateStateMachine refuses unreachable states. */
const flow = (charge: Record<string, unknown>): unknown => ({
  StartAt: 'Charge',
  States: { Charge: charge, Done: { Type: 'Succeed' }, ...('Catch' in charge ? { Recover: { Type: 'Pass', End: true } } : {}) },
});

/** Times (ms after the start) at which the function was called. */
function attemptTimes(events: ReturnType<typeof history>): number[] {
  const startMs = Date.parse(events[0]!.timestamp);
  return events.filter((event) => event.type === 'LambdaFunctionStarted').map((event) => Date.parse(event.timestamp) - startMs);
}

/** For each retry: ms from the failure to the next call. */
function retryWaits(events: ReturnType<typeof history>): number[] {
  const waits: number[] = [];
  let failedAtMs: number | undefined;
  for (const event of events) {
    if (event.type === 'LambdaFunctionFailed') failedAtMs = Date.parse(event.timestamp);
    if (event.type === 'LambdaFunctionStarted' && failedAtMs !== undefined) waits.push(Date.parse(event.timestamp) - failedAtMs);
  }
  return waits;
}

describe('retry timing', () => {
  it('computes the default backoff exactly: 1,000, 2,000 and 4,000 ms', () => {
    expect([0, 1, 2].map((n) => retryDelayMs({}, n))).toEqual([1_000, 2_000, 4_000]);
    expect(retryDelayMs({ IntervalSeconds: 3, BackoffRate: 1.5 }, 2)).toBe(6_750);
    expect(retryDelayMs({ IntervalSeconds: 10, BackoffRate: 2, MaxDelaySeconds: 15 }, 3)).toBe(15_000);
  });

  it('retries a failing function 1 s, 2 s and 4 s after each failure, then fails the execution', () => {
    const session = sandbox([functionLine('boom', 'catalog.throw')]);
    machine(session, 'Pay', flow(task('boom', { Retry: [{ ErrorEquals: ['States.ALL'] }] })));
    const arn = start(session, 'Pay');
    advance(session, '1m');
    // The first call includes the cold start (INIT 334 ms); warm runs of catalog.throw take 3 ms.
    expect(attemptTimes(history(session, arn))).toEqual([0, 1_337, 3_340, 7_343]);
    expect(retryWaits(history(session, arn))).toEqual([1_000, 2_000, 4_000]);
    expect(describeExecution(session, arn)).toMatchObject({ status: 'FAILED', error: 'Error', stopDate: '2026-01-01T00:00:07.346000+00:00' });
  });

  it('is still running between retries, and the third retry has not happened 3.9 s after the second failure', () => {
    const session = sandbox([functionLine('boom', 'catalog.throw')]);
    machine(session, 'Pay', flow(task('boom', { Retry: [{ ErrorEquals: ['States.ALL'] }] })));
    const arn = start(session, 'Pay');
    advance(session, '7342ms');
    expect(attemptTimes(history(session, arn))).toEqual([0, 1_337, 3_340]);
    expect(describeExecution(session, arn)['status']).toBe('RUNNING');
    advance(session, '1ms');
    expect(attemptTimes(history(session, arn))).toHaveLength(4);
  });

  it('never retries with MaxAttempts 0, and caps the backoff at MaxDelaySeconds', () => {
    const session = sandbox([functionLine('boom', 'catalog.throw')]);
    machine(session, 'Once', flow(task('boom', { Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 0 }] })));
    machine(session, 'Capped', flow(task('boom', { Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 4, MaxDelaySeconds: 10 }] })));
    const once = start(session, 'Once');
    const capped = start(session, 'Capped');
    advance(session, '1m');
    expect(attemptTimes(history(session, once))).toEqual([0]);
    // Waits 2 s, 6 s, then 18 s and 54 s capped to 10 s each.
    expect(retryWaits(history(session, capped))).toEqual([2_000, 6_000, 10_000, 10_000]);
  });

  it('counts attempts per retrier: an exhausted first retrier does not fall through to a later one', () => {
    const session = sandbox([functionLine('boom', 'catalog.throw')]);
    const retry = [{ ErrorEquals: ['Error'], MaxAttempts: 1 }, { ErrorEquals: ['States.ALL'], MaxAttempts: 5 }];
    machine(session, 'Pay', flow(task('boom', { Retry: retry, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Recover' }] })));
    const arn = start(session, 'Pay');
    advance(session, '1m');
    expect(attemptTimes(history(session, arn))).toHaveLength(2);
    expect(describeExecution(session, arn)['status']).toBe('SUCCEEDED');
  });
});

describe('catch routing', () => {
  it('sends the input with {Error, Cause} at the catcher ResultPath to its Next state', () => {
    const session = sandbox([functionLine('boom', 'catalog.throw')]);
    machine(session, 'Pay', flow(task('boom', { Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Recover', ResultPath: '$.failure' }] })));
    const arn = start(session, 'Pay', { orderId: 'o-1' });
    advance(session, '1s');
    const output = JSON.parse(describeExecution(session, arn)['output'] as string) as Record<string, unknown>;
    expect(output).toEqual({ orderId: 'o-1', failure: { Error: 'Error', Cause: '{"errorType":"Error","errorMessage":"Simulated unhandled exception"}' } });
  });

  it('replaces the input with the error output when the catcher has no ResultPath, and discards it with null', () => {
    const session = sandbox([functionLine('boom', 'catalog.throw')]);
    machine(session, 'Replace', flow(task('boom', { Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Recover' }] })));
    machine(session, 'Discard', flow(task('boom', { Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Recover', ResultPath: null }] })));
    const replaced = start(session, 'Replace', { orderId: 'o-1' });
    const discarded = start(session, 'Discard', { orderId: 'o-1' });
    advance(session, '1s');
    expect(Object.keys(JSON.parse(describeExecution(session, replaced)['output'] as string) as object)).toEqual(['Error', 'Cause']);
    expect(describeExecution(session, discarded)['output']).toBe('{"orderId":"o-1"}');
  });

  it('picks the first matching catcher in order', () => {
    const session = sandbox([functionLine('boom', 'catalog.throw')]);
    const catchers = [{ ErrorEquals: ['Other'], Next: 'Done' }, { ErrorEquals: ['Error'], Next: 'Recover' }, { ErrorEquals: ['States.ALL'], Next: 'Done' }];
    machine(session, 'Pay', flow(task('boom', { Catch: catchers })));
    const arn = start(session, 'Pay');
    advance(session, '1s');
    expect(timeline(session, arn).slice(-3)).toEqual(['+337 PassStateEntered', '+337 PassStateExited', '+337 ExecutionSucceeded']);
  });
});

describe('TimeoutSeconds and terminal errors', () => {
  it('fails a task that runs past TimeoutSeconds with States.Timeout at exactly that time', () => {
    const session = sandbox([functionLine('slow', 'catalog.sleep', '--timeout 60')]);
    machine(session, 'Slow', { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: `${FUNCTION_PREFIX}slow`, Parameters: { sleepMs: 5_000 }, TimeoutSeconds: 2, End: true } } });
    const arn = start(session, 'Slow');
    advance(session, '10s');
    expect(timeline(session, arn)).toEqual(['+0 ExecutionStarted', '+0 TaskStateEntered', '+0 LambdaFunctionScheduled', '+0 LambdaFunctionStarted', '+2000 LambdaFunctionTimedOut', '+2000 ExecutionFailed']);
    expect(describeExecution(session, arn)).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
  });

  it('does not let States.TaskFailed catch States.Timeout, but States.ALL does', () => {
    const session = sandbox([functionLine('slow', 'catalog.sleep', '--timeout 60')]);
    const work = (catchers: unknown): unknown => ({ StartAt: 'Work', States: { Work: { Type: 'Task', Resource: `${FUNCTION_PREFIX}slow`, TimeoutSeconds: 1, Catch: catchers, End: true }, Recover: { Type: 'Pass', End: true } } });
    machine(session, 'TaskFailed', work([{ ErrorEquals: ['States.TaskFailed'], Next: 'Recover' }]));
    machine(session, 'All', work([{ ErrorEquals: ['States.ALL'], Next: 'Recover' }]));
    const taskFailed = start(session, 'TaskFailed');
    const all = start(session, 'All');
    advance(session, '5s');
    expect(describeExecution(session, taskFailed)['status']).toBe('FAILED');
    expect(describeExecution(session, all)['status']).toBe('SUCCEEDED');
  });

  it('does not catch States.DataLimitExceeded with States.ALL (a result over 256 KiB, SVC-11)', () => {
    const session = sandbox([functionLine('echo', 'catalog.echo')]);
    const big = 'x'.repeat(262_144);
    machine(session, 'Big', flow({ Type: 'Task', Resource: `${FUNCTION_PREFIX}echo`, Parameters: { 'data.$': '$.half', 'more.$': '$.half' }, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Recover' }], Next: 'Done' }));
    const arn = start(session, 'Big', { half: big.slice(0, 131_072) });
    advance(session, '1s');
    expect(describeExecution(session, arn)).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
  });
});
