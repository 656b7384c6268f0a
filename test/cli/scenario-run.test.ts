// Proves how plain mode reads a line in each phase (answers, commands, hint/skip/retry/restart/quit)
// and which progress changes a transition's events produce.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionForLine, progressChanges } from '../../src/cli/scenario-run.js';
import { parseScenario, start, step, type RunnerState } from '../../src/scenarios/index.js';

const outcome = parseScenario(readFileSync(path.resolve(import.meta.dirname, '../fixtures/scenarios/good/tiny.yaml'), 'utf8'), 'tiny.yaml');
if (!('scenario' in outcome)) throw new Error('fixture must parse');
const scenario = outcome.scenario;

function at(stepIndex: number): RunnerState {
  let state = start(scenario);
  for (let i = 0; i < 10 && state.stepIndex < stepIndex; i++) state = step(state, state.phase === 'awaiting-answer' ? { type: 'answer', choice: 1 } : { type: 'next' });
  return state;
}

describe('actionForLine', () => {
  it('reads a letter as the answer while a question waits, and asks again otherwise', () => {
    const asking = at(2);
    expect(actionForLine(asking, ' B ')).toEqual({ type: 'answer', choice: 1 });
    expect(actionForLine(asking, 'c')).toEqual({ retry: 'Answer with a letter from a to b.' });
    expect(actionForLine(asking, 'aws dynamodb list-tables')).toEqual({ retry: 'Answer with a letter from a to b.' });
  });

  it('reads commands and the control words during a task', () => {
    const working = at(4);
    expect(actionForLine(working, 'aws dynamodb list-tables')).toEqual({ type: 'submit-command', line: 'aws dynamodb list-tables' });
    expect(actionForLine(working, 'hint')).toEqual({ type: 'hint' });
    expect(actionForLine(working, 'skip')).toEqual({ type: 'next' });
    expect(actionForLine(working, 'retry')).toEqual({ type: 'retry-step' });
    expect(actionForLine(working, 'restart')).toEqual({ type: 'restart' });
    expect(actionForLine(working, 'QUIT')).toBe('quit');
    expect(actionForLine(working, '   ')).toEqual({ retry: '' });
  });
});

describe('progressChanges', () => {
  it('records finished steps and the end of the scenario, nothing else', () => {
    expect(progressChanges('x/y', [
      { type: 'step-started', stepId: 'a', index: 0 },
      { type: 'step-completed', stepId: 'a', prediction: 'right' },
      { type: 'task-skipped', stepId: 'b' },
      { type: 'scenario-completed' },
    ], 42)).toEqual([
      { type: 'record-scenario-step', scenarioId: 'x/y', stepId: 'a', prediction: 'right', atMs: 42 },
      { type: 'complete-scenario', scenarioId: 'x/y', atMs: 42 },
    ]);
  });
});
