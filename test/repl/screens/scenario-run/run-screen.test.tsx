// Proves the runner screen as the learner uses it (ink-testing-library inside act()), on the tiny
// fixture: narration with bold terms, a prediction graded right and one graded wrong (✓/✗ with the
// explanation and reference), a task solved by typing a command at the prompt, a hint on Tab, the
// finished screen, every finished step recorded in the progress store as plain mode records it, and a
// multi-line notice at 60×20 that stays inside the 20 rows.
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryRepository, type MemoryRepository } from '../../../../src/progress/index.js';
import { App } from '../../../../src/repl/app.js';
import { KEYS, renderInk, type Rendered } from '../../../helpers/render.js';
import { testLibrary, tinyScenario } from '../../../helpers/scenario-library.js';
import { RunScreen } from '../../../../src/repl/screens/scenario-run/run-screen.js';
import { startRun } from '../../../../src/repl/screens/scenario-run/run-state.js';

let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

const PUT_C = `aws dynamodb put-item --table-name Tiny --item '{"id":{"S":"c"}}'`;

async function openTiny(): Promise<{ app: Rendered; repository: MemoryRepository }> {
  const repository = createMemoryRepository();
  rendered = await renderInk(<App version="9.9.9" library={testLibrary} repository={repository} openScenario={{ id: 'fixture/tiny', seed: 1 }} now={() => 1_000} />);
  await rendered.waitFor('step 1/6');
  return { app: rendered, repository };
}

/** Types a line at the prompt one key at a time, then presses Enter. */
async function typeLine(app: Rendered, line: string): Promise<void> {
  await app.press(...line, KEYS.enter);
}

describe('the scenario runner screen', () => {
  it('shows the narration with its bold term, then the step after Enter', async () => {
    const { app } = await openTiny();
    expect(app.frame()).toContain('A tiny table.');
    expect(app.frame()).toContain('Press Enter for the next step.');
    const frame = await app.pressAndWaitFor('step 2/6', KEYS.enter);
    expect(frame).toContain('$ aws dynamodb put-item --table-name Tiny');
    expect(frame).toContain('DynamoDB capacity · Tiny');
  });

  it('grades a prediction right with ✓ and one wrong with ✗, with explanation and reference', async () => {
    const { app } = await openTiny();
    await app.pressAndWaitFor('? How many items?', KEYS.enter, KEYS.enter);
    expect(app.frame()).toContain('b) 2');
    expect(app.frame()).toContain('a/b answer');
    const right = await app.pressAndWaitFor('✓ Right: b) 2', 'b');
    expect(right).toContain('Two puts, two items.');
    expect(right).toContain('Reference: DDB-02');
    await app.pressAndWaitFor('? Is item a still there?', KEYS.enter);
    const wrong = await app.pressAndWaitFor('✗ Wrong: you chose b) no; the world shows a) yes', 'b');
    expect(wrong).toContain('Nothing deleted it.');
  });

  it('shows a hint on Tab with the count, and solves the task by typing a command', async () => {
    const { app } = await openTiny();
    await app.pressAndWaitFor('Task: Make it three items.', KEYS.enter, KEYS.enter, 'b', KEYS.enter, 'a', KEYS.enter);
    expect(app.frame()).toContain('Hints: 0 of 2 shown');
    const hinted = await app.pressAndWaitFor('Hint 1/2: Put one more item.', '\t');
    expect(hinted).toContain('Hints: 1 of 2 shown');
    await typeLine(app, 'aws dynamodb list-tablez');
    await app.waitFor('Invalid choice');
    await typeLine(app, PUT_C);
    const solved = await app.waitFor('✓ Task solved.');
    expect(solved).toContain('Press Enter for the next step.');
  });

  it('recalls earlier commands of the task with ↑ and ↓', async () => {
    const { app } = await openTiny();
    await app.pressAndWaitFor('Task: Make it three items.', KEYS.enter, KEYS.enter, 'b', KEYS.enter, 'a', KEYS.enter);
    await typeLine(app, 'sim clock advance 1s');
    await app.pressAndWaitFor('sandbox> sim clock advance 1s', KEYS.up);
    await app.press(KEYS.down);
    expect(app.frame()).not.toContain('sandbox> sim');
  });

  it('finishes with the score, and records every finished step in the progress store', async () => {
    const { app, repository } = await openTiny();
    await app.pressAndWaitFor('Task: Make it three items.', KEYS.enter, KEYS.enter, 'b', KEYS.enter, 'b', KEYS.enter);
    await typeLine(app, PUT_C);
    await app.waitFor('✓ Task solved.');
    const finished = await app.pressAndWaitFor('Predictions right: 1 of 2.', KEYS.enter, KEYS.enter);
    expect(finished).toContain('✓ Finished: Tiny fixture');
    const record = repository.current().scenarios['fixture/tiny'];
    expect(record).toEqual({ stepsDone: ['say-1', 'run-2', 'count', 'stated', 'three', 'recap-6'], predictionsRight: 1, predictionsTotal: 2, completedAtMs: 1_000, lastActiveAtMs: 1_000 });
    await app.pressAndWaitFor('✓ done', KEYS.enter);
  });
});

describe('the scenario runner screen at 60×20 with a long notice', () => {
  it('takes the notice wrapped height from the room: the frame stays within 20 rows, footer on screen', async () => {
    const notice = `This scenario has a problem at step s1: ${'the check found nothing like what it expected '.repeat(3)}. Please report it.`;
    rendered = await renderInk(<RunScreen version="9.9.9" state={startRun(tinyScenario)} notice={notice} />, { columns: 60, rows: 20 });
    await rendered.waitFor('Please report it.');
    const lines = rendered.frame().split('\n');
    expect(lines.length).toBeLessThanOrEqual(20);
    expect(lines.at(-1)).toMatch(/\S/);
  });
});
