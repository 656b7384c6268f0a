// Proves CreateStateMachine checks a definition as AWS does and reports every problem in one
// InvalidDefinition answer, each naming the code and the state's path (`... at /States/Name`); the
// exact texts are pinned with inline snapshots.
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxLine } from '../../../src/sim/index.js';
import { validateDefinition } from '../../../src/sim/stepfunctions/index.js';
import { MACHINE_PREFIX, ROLE, errorOf, sandbox } from './helpers.js';

const problemsOf = (definition: unknown): string => {
  const checked = validateDefinition(definition);
  return checked.ok ? 'valid' : checked.error.message;
};

describe('definition checks', () => {
  it('prints the InvalidDefinition error as the AWS CLI does', () => {
    const definition = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Missing' } } };
    expect(errorOf(sandbox([]), `aws stepfunctions create-state-machine --name Bad --role-arn ${ROLE} --definition '${JSON.stringify(definition)}'`)).toMatchInlineSnapshot(
      `"An error occurred (InvalidDefinition) when calling the CreateStateMachine operation: Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: Missing at /States/A/Next'"`,
    );
  });

  it('lists every problem: unknown field, missing required field, Next and End together', () => {
    const definition = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B', Resulst: 1 }, B: { Type: 'Task', Next: 'A', End: true } } };
    expect(problemsOf(definition)).toMatchInlineSnapshot(
      `"Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The field "Resulst" is not supported by Step Functions at /States/A, SCHEMA_VALIDATION_FAILED: Exactly one of the fields [Next, End] must be set (End must be true) at /States/B, SCHEMA_VALIDATION_FAILED: These fields are required: [Resource] at /States/B'"`,
    );
  });

  it('reports unreachable states and a workflow without a terminal state', () => {
    expect(problemsOf({ StartAt: 'A', States: { A: { Type: 'Pass', End: true }, Orphan: { Type: 'Pass', End: true } } })).toMatchInlineSnapshot(
      `"Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: State "Orphan" is not reachable. at /States/Orphan'"`,
    );
    expect(problemsOf({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' } } })).toMatchInlineSnapshot(
      `"Invalid State Machine Definition: 'MISSING_END_STATE: Workflow has no terminal state at null'"`,
    );
  });

  it('requires States.ALL to stand alone in the last retrier or catcher', () => {
    const definition = {
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Z' }, { ErrorEquals: ['Other'], Next: 'Z' }], End: true },
        Z: { Type: 'Succeed' },
      },
    };
    expect(problemsOf(definition)).toMatchInlineSnapshot(
      `"Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: 'States.ALL' must appear alone in ErrorEquals, and only in the last element at /States/T/Catch[0]/ErrorEquals'"`,
    );
  });

  it('checks retrier numbers, Wait fields and Choice rules', () => {
    const definition = {
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['States.ALL'], BackoffRate: 0.5, MaxAttempts: -1 }], Next: 'W' },
        W: { Type: 'Wait', Seconds: 5, SecondsPath: '$.s', Next: 'C' },
        C: { Type: 'Choice', Choices: [{ Variable: '$.x', Next: 'T' }] },
      },
    };
    expect(problemsOf(definition)).toMatchInlineSnapshot(
      `"Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: MaxAttempts must be a whole number of 0 or more at /States/T/Retry[0]/MaxAttempts, SCHEMA_VALIDATION_FAILED: BackoffRate must be a number of 1.0 or more at /States/T/Retry[0]/BackoffRate, SCHEMA_VALIDATION_FAILED: Exactly one of the fields [Seconds, Timestamp, SecondsPath, TimestampPath] must be set at /States/W, SCHEMA_VALIDATION_FAILED: A choice rule must have exactly one comparison operator, or one of And, Or, Not at /States/C/Choices[0]'"`,
    );
  });

  it('names what the simulator does not run: Parallel, Map and other resources', () => {
    expect(problemsOf({ StartAt: 'P', States: { P: { Type: 'Map', End: true } } })).toContain('Parallel and Map are not simulated) at /States/P/Type');
    expect(problemsOf({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', End: true } } })).toContain('at /States/T/Resource');
  });

  it('reads --definition from a file:// path and answers the definition text as given', () => {
    const text = '{"StartAt":"S","States":{"S":{"Type":"Succeed"}}}';
    const session = createSandbox({ seed: 7, io: { readText: (path) => (path === 'machine.asl.json' ? { ok: true, value: text } : { ok: false, message: 'no such file' }) } });
    expect(runSandboxLine(session, `aws stepfunctions create-state-machine --name FromFile --role-arn ${ROLE} --definition file://machine.asl.json`).ok).toBe(true);
    const described = runSandboxLine(session, `aws stepfunctions describe-state-machine --state-machine-arn ${MACHINE_PREFIX}FromFile`).output as { definition: string };
    expect(described.definition).toBe(text);
  });

  it('reports text that is not JSON as INVALID_JSON_DESCRIPTION', () => {
    expect(problemsOf('{"StartAt": ')).toMatch(/^Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: /);
  });

  it('accepts a definition with every supported state type', () => {
    const definition = {
      Comment: 'all types',
      StartAt: 'P',
      States: {
        P: { Type: 'Pass', Next: 'W' },
        W: { Type: 'Wait', Seconds: 1, Next: 'T' },
        T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', Retry: [{ ErrorEquals: ['States.TaskFailed'] }], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'F' }], Next: 'C' },
        C: { Type: 'Choice', Choices: [{ Not: { Variable: '$.x', IsPresent: true }, Next: 'S' }], Default: 'F' },
        S: { Type: 'Succeed' },
        F: { Type: 'Fail', Error: 'E', Cause: 'c' },
      },
    };
    expect(problemsOf(definition)).toBe('valid');
  });
});
