// Proves the runner screen's pure state on the tiny fixture: runner actions pass through the runner's
// own `step`, the prompt line is typed, erased and submitted (with plain mode's words), history is
// kept within a task, and a refused action leaves the runner's reason as a notice.
import { describe, expect, it } from 'vitest';
import { runScreenReducer, startRun, isPromptActive, type RunScreenAction, type RunScreenState } from '../../../../src/repl/screens/scenario-run/run-state.js';
import { tinyScenario } from '../../../helpers/scenario-library.js';

const apply = (state: RunScreenState, ...actions: RunScreenAction[]): RunScreenState => actions.reduce(runScreenReducer, state);
const next: RunScreenAction = { type: 'runner', action: { type: 'next' } };
const answer = (choice: number): RunScreenAction => ({ type: 'runner', action: { type: 'answer', choice } });
const typed = (text: string): RunScreenAction[] => [...text].map((char) => ({ type: 'type', text: char }));

function atTask(): RunScreenState {
  return apply(startRun(tinyScenario), next, next, answer(1), next, answer(0), next);
}

describe('the runner screen state', () => {
  it('drives the runner: next, answer, and a refused action leaves its reason as a notice', () => {
    const asked = apply(startRun(tinyScenario), next, next);
    expect(asked.runner.phase).toBe('awaiting-answer');
    const refused = apply(asked, next);
    expect(refused.runner.phase).toBe('awaiting-answer');
    expect(refused.notice).toBe('answer the question first (a letter)');
    expect(apply(refused, answer(1)).notice).toBeUndefined();
    expect(apply(refused, answer(1)).runner.prediction).toBe('right');
  });

  it('says plainly when the scenario itself is wrong (a task already solved when it starts)', () => {
    const steps = tinyScenario.steps.map((step) => (step.kind === 'task' ? { ...step, check: { kind: 'item-count' as const, table: 'Tiny', equals: 2 } } : step));
    const broken = apply(startRun({ ...tinyScenario, steps }), next, next, answer(1), next, answer(0), next);
    expect(broken.notice).toBe('This scenario has a problem at step three: the task is already solved when it starts. Please report it.');
  });

  it('opens the prompt only during a task', () => {
    expect(isPromptActive(startRun(tinyScenario))).toBe(false);
    expect(isPromptActive(atTask())).toBe(true);
  });

  it('types, erases and submits a command, which solves the task', () => {
    const line = `aws dynamodb put-item --table-name Tiny --item '{"id":{"S":"c"}}'`;
    const typing = apply(atTask(), ...typed(`${line}x`), { type: 'erase' });
    expect(typing.line).toBe(line);
    const solved = apply(typing, { type: 'submit' });
    expect(solved.line).toBe('');
    expect(solved.runner.phase).toBe('solved');
    expect(solved.runner.events).toEqual([{ type: 'task-completed', stepId: 'three', hintsUsed: 0 }]);
  });

  it('reads plain mode words at the prompt: hint, skip; ignores an empty line', () => {
    const hinted = apply(atTask(), ...typed('hint'), { type: 'submit' });
    expect(hinted.runner.hintsShown).toBe(1);
    const task = atTask();
    expect(apply(task, { type: 'submit' })).toBe(task);
    const skipped = apply(atTask(), ...typed('skip'), { type: 'submit' });
    expect(skipped.runner.events).toEqual(expect.arrayContaining([{ type: 'task-skipped', stepId: 'three' }]));
    expect(skipped.history).toEqual([]);
  });

  it('recalls the lines of the task with history back and forward', () => {
    const ran = apply(atTask(), ...typed('sim clock advance 1s'), { type: 'submit' }, ...typed('aws dynamodb list-tables'), { type: 'submit' });
    expect(ran.history).toEqual(['sim clock advance 1s', 'aws dynamodb list-tables']);
    const back = apply(ran, { type: 'history-back' }, { type: 'history-back' }, { type: 'history-back' });
    expect(back.line).toBe('sim clock advance 1s');
    expect(apply(back, { type: 'history-forward' }).line).toBe('aws dynamodb list-tables');
    expect(apply(back, { type: 'history-forward' }, { type: 'history-forward' }).line).toBe('');
  });
});
