// Proves `trainer run ID` and the Scenarios entry in a real terminal (node-pty + @xterm/headless, the
// built bin/trainer.js): in a terminal `run` opens the runner screen, --plain keeps plain text, and the
// learner's journey from the home screen through a prediction is saved where `trainer progress` sees it;
// the panels follow a resize and NO_COLOR draws no colour.
import { afterEach, describe, expect, it } from 'vitest';
import { startTrainer, type RunningTerminal } from '../helpers/pty.js';
import { homeWithTiny, progressText } from '../helpers/trainer-home.js';

const ENTER = '\r';

let running: RunningTerminal | undefined;
afterEach(() => running?.kill());

describe('scenarios in a terminal', () => {
  it('goes from the home screen to a graded prediction, and the step is saved for trainer progress', async () => {
    const home = homeWithTiny();
    running = startTrainer({ env: { TRAINER_HOME: home }, cols: 80, rows: 24 });
    const term = running;
    await term.waitForReady('❯ 1. Scenarios');
    term.press(ENTER);
    await term.waitFor('Scenarios');
    term.press('/tiny');
    await term.waitFor('(1 shown)');
    term.press(ENTER);
    term.press(ENTER);
    await term.waitFor('step 1/6 · Tiny fixture');
    term.press(ENTER);
    term.press(ENTER);
    await term.waitFor('? How many items?');
    term.press('b');
    await term.waitFor('✓ Right: b) 2');
    term.press(ENTER);
    term.press('b');
    await term.waitFor('✗ Wrong: you chose b) no');
    term.press(ENTER);
    await term.waitFor('Task: Make it three items.');
    term.press('\u001B');
    await term.waitFor('◐ 4/6 steps');
    term.press('q');
    expect(await term.exited()).toBe(0);
    expect(progressText(home)).toMatch(/Scenarios +1 started, 0 completed; predictions 1\/2 right/);
  });

  it('opens the runner screen for `trainer run ID`, where a task is solved by typing', async () => {
    running = startTrainer({ args: ['run', 'fixture/tiny'], env: { TRAINER_HOME: homeWithTiny() }, cols: 100, rows: 30 });
    const term = running;
    await term.waitForReady('step 1/6 · Tiny fixture');
    term.press(`${ENTER}${ENTER}a`);
    await term.waitFor('✗ Wrong: you chose a) 0');
    term.press(`${ENTER}a`);
    await term.waitFor('✓ Right: a) yes');
    term.press(ENTER);
    await term.waitFor('sandbox>');
    term.press(`aws dynamodb put-item --table-name Tiny --item '{"id":{"S":"c"}}'${ENTER}`);
    await term.waitFor('✓ Task solved.');
    term.press(`${ENTER}${ENTER}`);
    await term.waitFor('Predictions right: 1 of 2.');
    term.press('q');
    expect(await term.exited()).toBe(0);
  });

  it('moves the panels from beside the step to under it when the terminal shrinks, redrawing cleanly', async () => {
    running = startTrainer({ args: ['run', 'fixture/tiny'], env: { TRAINER_HOME: homeWithTiny() }, cols: 110, rows: 30 });
    const term = running;
    await term.waitForReady('step 1/6 · Tiny fixture');
    term.press(ENTER);
    const wide = await term.waitFor('│ DynamoDB capacity · Tiny');
    expect(wide).not.toContain('────');
    term.resize(70, 22);
    const narrow = await term.waitFor('────');
    expect(narrow).toContain('DynamoDB capacity · Tiny');
    expect(narrow).not.toContain('│ DynamoDB');
    // One frame, drawn once: the header shows once and no line runs past the edge.
    expect(narrow.split('\n').filter((row) => row.includes('step 2/6')).length).toBe(1);
    expect(narrow.split('\n').every((row) => row.length <= 70)).toBe(true);
  });

  it('draws the runner with no colour when NO_COLOR is set, marks standing in for colour', async () => {
    running = startTrainer({ args: ['run', 'fixture/tiny'], env: { TRAINER_HOME: homeWithTiny(), NO_COLOR: '1' } });
    const term = running;
    await term.waitForReady('step 1/6 · Tiny fixture');
    term.press(`${ENTER}${ENTER}b`);
    await term.waitFor('✓ Right: b) 2');
    term.press('q');
    await term.exited();
    // SGR sequences (ESC [ ... m) are what colour and bold are made of.
    expect(term.rawOutput()).not.toMatch(/\u001B\[[0-9;]*m/);
  });

  it('keeps plain text with --plain in a terminal', async () => {
    running = startTrainer({ args: ['run', 'fixture/tiny', '--plain'], env: { TRAINER_HOME: homeWithTiny() }, cols: 200, rows: 60 });
    const term = running;
    await term.waitFor('How many items?');
    term.press('b\r');
    await term.waitFor('Right: b) 2');
    term.press('a\r');
    await term.waitFor('Task: Make it three items.');
    term.press(`aws dynamodb put-item --table-name Tiny --item '{"id":{"S":"c"}}'\r`);
    await term.waitFor('Predictions right: 2 of 2.');
    expect(await term.exited()).toBe(0);
  });
});
