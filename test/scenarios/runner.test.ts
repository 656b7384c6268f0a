// Proves the runner's state machine on a tiny fixture scenario (test/fixtures/scenarios/good/tiny.yaml):
// each action's transition and emitted events, refusals that leave the state alone, retry and
// restart, and that a transition never changes the state it was given (earlier states stay valid).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCheck, parseScenario, start, step, templateFiles, type RunnerState, type Scenario } from '../../src/scenarios/index.js';

const file = path.resolve(import.meta.dirname, '../fixtures/scenarios/good/tiny.yaml');
const outcome = parseScenario(readFileSync(file, 'utf8'), 'tiny.yaml');
if (!('scenario' in outcome)) throw new Error('fixture must parse');
const tiny: Scenario = outcome.scenario;

const itemCount = (state: RunnerState): unknown =>
  evaluateCheck({ kind: 'item-count', table: 'Tiny', equals: -1 }, { world: state.session.world, lastOutput: null, traceStart: 0 }).details[0];
const types = (state: RunnerState) => state.events.map((e) => e.type);

function atStep(index: number): RunnerState {
  let state = start(tiny);
  for (let i = 0; i < 20 && state.stepIndex < index; i++) {
    state = step(state, state.phase === 'awaiting-answer' ? { type: 'answer', choice: 1 } : { type: 'next' });
  }
  return state;
}

describe('the runner', () => {
  it('starts with the setup run and the first step shown', () => {
    const state = start(tiny);
    expect(state.phase).toBe('reading');
    expect(state.events).toEqual([{ type: 'step-started', stepId: 'say-1', index: 0 }]);
    expect(state.transcript.map((e) => e.type)).toEqual(['command', 'step', 'narration']);
    expect(state.transcript[0]).toMatchObject({ isSetup: true, ok: true });
  });

  it('runs a run step on entering it and completes the previous step', () => {
    const state = step(start(tiny), { type: 'next' });
    expect(types(state)).toEqual(['step-completed', 'step-started']);
    expect(itemCount(state)).toBe('item-count: 1 (wanted = -1)');
    expect(state.transcript.at(-1)).toEqual({ type: 'panel', panel: { kind: 'capacity-gauge', target: 'Tiny' } });
  });

  it('waits for an answer: next and out-of-range answers are refused without changing anything', () => {
    const asking = atStep(2);
    expect(asking.phase).toBe('awaiting-answer');
    const refused = step(asking, { type: 'next' });
    expect(refused.events).toEqual([{ type: 'action-refused', action: 'next', reason: 'answer the question first (a letter)' }]);
    expect(refused.transcript).toBe(asking.transcript);
    expect(step(asking, { type: 'answer', choice: 5 }).events).toEqual([{ type: 'action-refused', action: 'answer', reason: 'answer with a letter from a to b' }]);
  });

  it('grades a computed answer from the world after running the commands, leaving the earlier state alone', () => {
    const asking = atStep(2);
    const right = step(asking, { type: 'answer', choice: 1 });
    expect(right.events).toEqual([{ type: 'prediction-graded', stepId: 'count', choice: 1, correctChoice: 1, isCorrect: true }]);
    expect(right.phase).toBe('answered');
    expect(itemCount(right)).toBe('item-count: 2 (wanted = -1)');
    expect(itemCount(asking)).toBe('item-count: 1 (wanted = -1)');
    const wrong = step(asking, { type: 'answer', choice: 0 });
    expect(wrong.events.at(-1)).toMatchObject({ isCorrect: false, correctChoice: 1 });
    expect(step(wrong, { type: 'next' }).events[0]).toEqual({ type: 'step-completed', stepId: 'count', prediction: 'wrong' });
  });

  it('proves a stated answer with its check', () => {
    const graded = step(atStep(3), { type: 'answer', choice: 0 });
    expect(graded.events).toEqual([{ type: 'prediction-graded', stepId: 'stated', choice: 0, correctChoice: 0, isCorrect: true }]);
  });

  it('gives hints up to the number there are, then solves the task with a command', () => {
    let state = atStep(4);
    expect(state.phase).toBe('working');
    state = step(state, { type: 'hint' });
    state = step(state, { type: 'hint' });
    expect(state.transcript.at(-1)).toMatchObject({ type: 'hint', number: 2, of: 2 });
    expect(step(state, { type: 'hint' }).events[0]).toMatchObject({ type: 'action-refused', action: 'hint' });
    state = step(state, { type: 'submit-command', line: 'sim clock advance 1s' });
    expect(state.phase).toBe('working');
    state = step(state, { type: 'submit-command', line: `aws dynamodb put-item --table-name Tiny --item '{"id":{"S":"c"}}'` });
    expect(state.phase).toBe('solved');
    expect(state.events).toEqual([{ type: 'task-completed', stepId: 'three', hintsUsed: 2 }]);
  });

  it('retries a step from the world as it was when the step began', () => {
    const working = atStep(4);
    const changed = step(working, { type: 'submit-command', line: `aws dynamodb put-item --table-name Tiny --item '{"id":{"S":"z"}}'` });
    expect(changed.phase).toBe('solved');
    const retried = step(changed, { type: 'retry-step' });
    expect(retried.phase).toBe('working');
    expect(itemCount(retried)).toBe('item-count: 2 (wanted = -1)');
    expect(retried.transcript.at(-3)).toEqual({ type: 'note', text: 'Step restarted: the world is back as it was when the step began.' });
  });

  it('skips an open task with next, without completing it', () => {
    const skipped = step(atStep(4), { type: 'next' });
    expect(types(skipped)).toEqual(['task-skipped', 'step-started', 'recap-reached']);
  });

  it('runs a skipped task\'s reference solution, so the steps after it find the world they expect', () => {
    const working = atStep(4);
    const skipped = step(working, { type: 'next' });
    expect(itemCount(working)).toBe('item-count: 2 (wanted = -1)');
    expect(itemCount(skipped)).toBe('item-count: 3 (wanted = -1)');
    const shown = skipped.transcript.slice(working.transcript.length);
    expect(shown[0]).toMatchObject({ type: 'narration', text: expect.stringContaining('reference solution ran') });
    expect(shown[1]).toMatchObject({ type: 'command', ok: true, isSetup: false });
  });

  it('finishes after the recap, then refuses to go on; restart begins again', () => {
    const recap = atStep(5);
    const finished = step(recap, { type: 'next' });
    expect(finished.phase).toBe('finished');
    expect(finished.events).toEqual([{ type: 'step-completed', stepId: 'recap-6', prediction: 'none' }, { type: 'scenario-completed' }]);
    expect(step(finished, { type: 'next' }).events[0]).toMatchObject({ type: 'action-refused' });
    const again = step(finished, { type: 'restart' });
    expect(again.stepIndex).toBe(0);
    expect(itemCount(again)).toBe('item-count: 0 (wanted = -1)');
  });

  it('gives the same trace for the same seed and actions', () => {
    const trace = () => JSON.stringify(step(atStep(4), { type: 'submit-command', line: 'sim clock advance 1s' }).session.world.trace.all());
    expect(trace()).toBe(trace());
  });
});

describe('setup.template', () => {
  const withTemplate: Scenario = { ...tiny, setup: { template: 'crud-api.yaml', commands: tiny.setup?.commands ?? [] } };

  it('deploys the template first, as a stack named after the file, then runs the setup commands', () => {
    const state = start(withTemplate, { io: templateFiles() });
    const setup = state.transcript.filter((entry) => entry.type === 'command' && entry.isSetup);
    const lines = setup.map((entry) => (entry.type === 'command' ? `${entry.ok} ${entry.line}` : ''));
    expect(lines[0]).toBe('true sim sam deploy crud-api.yaml --stack crud-api');
    expect(lines[1]).toMatch(/^true aws dynamodb create-table --table-name Tiny /);
    expect(lines).toHaveLength(2);
    expect(types(state)).not.toContain('content-problem');
  });

  it('reports a content problem when the sandbox has no files to read the template from', () => {
    const state = start(withTemplate);
    expect(state.events.find((event) => event.type === 'content-problem')).toMatchObject({ stepId: 'setup', message: expect.stringContaining('No such file or directory') });
  });
});
