// Proves every scenario in data/scenarios/: it loads; it runs headless to the end with right answers
// and the tasks' reference solutions; every prediction's answer is what the simulator shows (no
// content problem, each graded right); every task is unsolved when it starts and solved by its
// solution; wrong answers are graded wrong; the same seed gives the same trace twice.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, libraryDir, loadLibrary } from '../../src/scenarios/index.js';
import { drive } from '../helpers/scenario-driver.js';

const library = loadLibrary();
const scenarios = library.scenarios;

describe('the scenario library', () => {
  it('loads without problems', () => {
    expect(library.problems.map(formatProblem)).toEqual([]);
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
  });

  it('keeps each file at data/scenarios/<id>.yaml', () => {
    const dir = libraryDir();
    expect(dir).toBeDefined();
    for (const { scenario, file } of scenarios) expect(file).toBe(path.join('data', 'scenarios', `${scenario.id}.yaml`));
  });
});

describe.each(scenarios.map((loaded) => [loaded.scenario.id, loaded.scenario] as const))('scenario %s', (_id, scenario) => {
  it('has at least 3 predictions, a task and a recap', () => {
    const kinds = scenario.steps.map((s) => s.kind);
    expect(kinds.filter((k) => k === 'predict').length).toBeGreaterThanOrEqual(3);
    expect(kinds).toContain('task');
    expect(kinds).toContain('recap');
  });

  it('runs to the end with right answers: each answer is what the world shows, each task is unsolved at start and solved by its solution', () => {
    const run = drive(scenario, 'right');
    expect(run.events.filter((e) => e.type === 'content-problem')).toEqual([]);
    expect(run.unsolvedTasks).toEqual([]);
    expect(run.final.phase).toBe('finished');
    const graded = run.events.filter((e) => e.type === 'prediction-graded');
    expect(graded).toHaveLength(scenario.steps.filter((s) => s.kind === 'predict').length);
    for (const event of graded) expect(event).toMatchObject({ isCorrect: true });
    expect(run.events.filter((e) => e.type === 'task-completed')).toHaveLength(scenario.steps.filter((s) => s.kind === 'task').length);
    expect(run.events.some((e) => e.type === 'recap-reached')).toBe(true);
    expect(run.events.at(-1)).toEqual({ type: 'scenario-completed' });
  });

  it('grades every wrong answer wrong', () => {
    const run = drive(scenario, 'wrong');
    const graded = run.events.filter((e) => e.type === 'prediction-graded');
    expect(graded.length).toBeGreaterThanOrEqual(3);
    for (const event of graded) expect(event).toMatchObject({ isCorrect: false });
    expect(run.final.phase).toBe('finished');
  });

  it('gives the same trace twice from the same seed', () => {
    const first = drive(scenario, 'right').final.session.world.trace.all();
    const second = drive(scenario, 'right').final.session.world.trace.all();
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });
});
