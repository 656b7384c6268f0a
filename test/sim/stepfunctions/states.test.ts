// Proves each state type's behaviour end to end through the sandbox: Pass (Result, Parameters,
// ResultPath), Wait (Seconds, Timestamp, SecondsPath: exact virtual times, nothing moves until the clock
// does), Succeed, Fail (Error and Cause), and the input/output pipeline InputPath → Parameters (with
// `$$.Execution.Id`) → task → ResultSelector → ResultPath → OutputPath with a Lambda task.
import { describe, expect, it } from 'vitest';
import { EXECUTION_PREFIX, FUNCTION_PREFIX, advance, describe as describeExecution, functionLine, machine, sandbox, start, timeline } from './helpers.js';

const outputOf = (execution: Record<string, unknown>): unknown => JSON.parse(execution['output'] as string);

describe('Pass', () => {
  it('places Result at ResultPath in its input, and Parameters build a new object', () => {
    const session = sandbox([]);
    machine(session, 'P', {
      StartAt: 'Add',
      States: {
        Add: { Type: 'Pass', Result: { tax: 0.2 }, ResultPath: '$.rates', Next: 'Shape' },
        Shape: { Type: 'Pass', Parameters: { 'id.$': '$.order.id', 'tax.$': '$.rates.tax', fixed: 'x', 'run.$': '$$.Execution.Name' }, End: true },
      },
    });
    const arn = start(session, 'P', { order: { id: 'o-7' } });
    expect(describeExecution(session, arn)['status']).toBe('SUCCEEDED');
    expect(outputOf(describeExecution(session, arn))).toEqual({ id: 'o-7', tax: 0.2, fixed: 'x', run: 'run-1' });
  });

  it('passes its input through unchanged without Result or Parameters, and ResultPath null keeps the input', () => {
    const session = sandbox([]);
    machine(session, 'P', { StartAt: 'A', States: { A: { Type: 'Pass', Result: 'ignored', ResultPath: null, Next: 'B' }, B: { Type: 'Pass', End: true } } });
    const arn = start(session, 'P', { keep: [1, 2] });
    expect(outputOf(describeExecution(session, arn))).toEqual({ keep: [1, 2] });
  });
});

describe('the context object ($$)', () => {
  it('gives Parameters the execution, state machine and state facts', () => {
    const session = sandbox([]);
    machine(session, 'Ctx', {
      StartAt: 'Read',
      States: { Read: { Type: 'Pass', Parameters: { 'id.$': '$$.Execution.Id', 'start.$': '$$.Execution.StartTime', 'input.$': '$$.Execution.Input', 'machine.$': '$$.StateMachine.Name', 'state.$': '$$.State.Name', 'retries.$': '$$.State.RetryCount' }, End: true } },
    });
    expect(outputOf(describeExecution(session, start(session, 'Ctx', { a: 1 })))).toEqual({
      id: `${EXECUTION_PREFIX}Ctx:run-1`,
      start: '2026-01-01T00:00:00.000Z',
      input: { a: 1 },
      machine: 'Ctx',
      state: 'Read',
      retries: 0,
    });
  });
});

describe('Wait', () => {
  it('waits Seconds of virtual time: running at 9.999 s, done at 10 s', () => {
    const session = sandbox([]);
    machine(session, 'W', { StartAt: 'Hold', States: { Hold: { Type: 'Wait', Seconds: 10, End: true } } });
    const arn = start(session, 'W');
    advance(session, '9999ms');
    expect(describeExecution(session, arn)['status']).toBe('RUNNING');
    advance(session, '1ms');
    expect(timeline(session, arn)).toEqual(['+0 ExecutionStarted', '+0 WaitStateEntered', '+10000 WaitStateExited', '+10000 ExecutionSucceeded']);
  });

  it('waits until a Timestamp, and for SecondsPath read from the input', () => {
    const session = sandbox([]);
    machine(session, 'Until', { StartAt: 'Hold', States: { Hold: { Type: 'Wait', Timestamp: '2026-01-01T00:01:00Z', End: true } } });
    machine(session, 'ByPath', { StartAt: 'Hold', States: { Hold: { Type: 'Wait', SecondsPath: '$.delay', End: true } } });
    const until = start(session, 'Until');
    const byPath = start(session, 'ByPath', { delay: 3 });
    advance(session, '1m');
    expect(timeline(session, until)[2]).toBe('+60000 WaitStateExited');
    expect(timeline(session, byPath)[2]).toBe('+3000 WaitStateExited');
  });

  it('does not wait for a Timestamp already past', () => {
    const session = sandbox([]);
    machine(session, 'Past', { StartAt: 'Hold', States: { Hold: { Type: 'Wait', Timestamp: '2020-01-01T00:00:00Z', End: true } } });
    expect(describeExecution(session, start(session, 'Past'))['status']).toBe('SUCCEEDED');
  });
});

describe('Succeed and Fail', () => {
  it('Succeed ends the execution with its (OutputPath-filtered) input', () => {
    const session = sandbox([]);
    machine(session, 'S', { StartAt: 'Done', States: { Done: { Type: 'Succeed', OutputPath: '$.result' } } });
    expect(outputOf(describeExecution(session, start(session, 'S', { result: { ok: true }, noise: 1 })))).toEqual({ ok: true });
  });

  it('Fail ends the execution FAILED with its Error and Cause', () => {
    const session = sandbox([]);
    machine(session, 'F', { StartAt: 'Stop', States: { Stop: { Type: 'Fail', Error: 'OrderRejected', Cause: 'Card declined' } } });
    const arn = start(session, 'F');
    expect(describeExecution(session, arn)).toMatchObject({ status: 'FAILED', error: 'OrderRejected', cause: 'Card declined' });
    expect(timeline(session, arn)).toEqual(['+0 ExecutionStarted', '+0 FailStateEntered', '+0 ExecutionFailed']);
  });
});

describe('input and output processing around a Lambda task', () => {
  it('applies InputPath, Parameters with $$.Execution.Id, ResultSelector, ResultPath and OutputPath in that order', () => {
    const session = sandbox([functionLine('echo', 'catalog.echo')]);
    machine(session, 'IO', {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: `${FUNCTION_PREFIX}echo`,
          InputPath: '$.order',
          Parameters: { 'orderId.$': '$.id', 'execution.$': '$$.Execution.Id', static: 1 },
          ResultSelector: { 'echoedId.$': '$.orderId' },
          ResultPath: '$.result',
          OutputPath: '$.result',
          End: true,
        },
      },
    });
    const arn = start(session, 'IO', { order: { id: 'o-1', items: 3 }, other: true });
    advance(session, '1s');
    expect(outputOf(describeExecution(session, arn))).toEqual({ echoedId: 'o-1' });
    expect(arn).toBe(`${EXECUTION_PREFIX}IO:run-1`);
  });

  it('fails with States.Runtime and AWS wording when a Parameters path is missing', () => {
    const session = sandbox([functionLine('echo', 'catalog.echo')]);
    machine(session, 'Bad', { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: `${FUNCTION_PREFIX}echo`, Parameters: { 'id.$': '$.missing' }, End: true } } });
    const failed = describeExecution(session, start(session, 'Bad', { present: 1 }));
    expect(failed['error']).toBe('States.Runtime');
    expect(failed['cause']).toMatchInlineSnapshot(`"An error occurred while executing the state 'Call' (entered at the event id #2). The JSONPath '$.missing' specified for the field 'id.$' could not be found in the input '{"present":1}'"`);
  });

  it('fails with States.Runtime for an InputPath that selects nothing', () => {
    const session = sandbox([]);
    machine(session, 'Bad', { StartAt: 'A', States: { A: { Type: 'Pass', InputPath: '$.a.b', End: true } } });
    const failed = describeExecution(session, start(session, 'Bad', { a: {} }));
    expect(failed['cause']).toMatchInlineSnapshot(`"An error occurred while executing the state 'A' (entered at the event id #2). Invalid path '$.a.b' : No results for path: $['a']['b']"`);
  });
});
