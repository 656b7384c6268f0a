// Proves the built `trainer` works as a person uses it: started in a real pseudo-terminal, it draws the
// home screen, follows arrow keys, j/k and Enter, quits cleanly with `q` or Ctrl+C, and leaves the
// terminal as it found it. It drives bin/trainer.js, so `npm test` builds first.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dayKeyOf, emptyProgress } from '../../src/progress/index.js';
import { startTrainer, type RunningTerminal } from '../helpers/pty.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const ARROW_DOWN = '\u001B[B';
const ARROW_UP = '\u001B[A';
const ENTER = '\r';
const ESCAPE = '\u001B';

let running: RunningTerminal | undefined;
afterEach(() => running?.kill());

function start(options: Parameters<typeof startTrainer>[0] = {}): RunningTerminal {
  running = startTrainer(options);
  return running;
}

describe('trainer in a terminal', () => {
  it('shows the home screen with every menu entry', async () => {
    const term = start();
    const screen = await term.waitForReady('8. Quit');
    for (const label of ['Scenarios', 'Quiz', 'Review', 'Mock exam', 'Progress', 'Sandbox REPL', 'Help', 'Quit']) {
      expect(screen).toContain(label);
    }
    expect(screen).toContain('❯ 1. Scenarios');
  });

  it('opens the highlighted entry with arrow keys and Enter, and Esc comes back', async () => {
    const term = start();
    await term.waitForReady('❯ 1. Scenarios');
    term.press(ARROW_DOWN);
    await term.waitFor('❯ 2. Quiz');
    term.press(ENTER);
    const screen = await term.waitFor('Pick a topic');
    expect(screen).not.toContain('1. Scenarios');
    term.press(ESCAPE);
    await term.waitFor('❯ 2. Quiz');
  });

  it('acts on a key typed right after a screen change, before the new screen could subscribe', async () => {
    const term = start();
    await term.waitForReady('❯ 1. Scenarios');
    // Help goes back on b (the REPL would type it).
    term.press('7');
    term.press('b');
    term.press('j');
    await term.waitFor('❯ 8. Quit');
  });

  it('moves with j and k and wraps from the top to Quit', async () => {
    const term = start();
    await term.waitForReady('❯ 1. Scenarios');
    term.press('k');
    await term.waitFor('❯ 8. Quit');
    term.press('j');
    await term.waitFor('❯ 1. Scenarios');
    term.press(ARROW_UP);
    await term.waitFor('❯ 8. Quit');
  });

  it('opens help with ? and lists the keys', async () => {
    const term = start();
    await term.waitForReady('8. Quit');
    term.press('?');
    const screen = await term.waitFor('Keys of the home screen');
    expect(screen).toContain('move down');
  });

  it('quits with q, exit code 0, and leaves the terminal clean', async () => {
    const term = start();
    await term.waitForReady('8. Quit');
    term.press('q');
    expect(await term.exited()).toBe(0);
    // The alternate screen is gone: the learner's terminal is back as it was.
    await term.waitForGone('Scenarios');
    expect(term.rawOutput()).toContain('\u001B[?1049l');
    expect(term.rawOutput()).toContain('\u001B[?25h'); // the cursor is shown again
  });

  it('quits with Ctrl+C from a screen other than home', async () => {
    const term = start();
    await term.waitForReady('8. Quit');
    term.press('?');
    await term.waitFor('Keys of the home screen');
    term.press('\u0003');
    expect(await term.exited()).toBe(0);
  });

  it('draws no colour when NO_COLOR is set', async () => {
    const term = start({ env: { NO_COLOR: '1' } });
    await term.waitForReady('❯ 1. Scenarios');
    term.press('q');
    await term.exited();
    // SGR sequences (ESC [ ... m) are what colour and bold are made of.
    expect(term.rawOutput()).not.toMatch(/\u001B\[[0-9;]*m/);
  });

  it('fits a small 60×20 terminal', async () => {
    const term = start({ cols: 60, rows: 20 });
    const screen = await term.waitForReady('8. Quit');
    expect(screen).toContain('1. Scenarios');
  });

  it('shows what the learner has going, in 60×20, and c continues the scenario', async () => {
    const home = makeTempDir();
    const nowMs = Date.now();
    const progress = emptyProgress();
    progress.scenarios['dynamodb/capacity-modes'] = { stepsDone: ['a', 'b'], predictionsRight: 1, predictionsTotal: 1, completedAtMs: null, lastActiveAtMs: nowMs - 60_000 };
    progress.streakDays = [dayKeyOf(nowMs - 86_400_000), dayKeyOf(nowMs)];
    writeFileSync(path.join(home, 'progress.json'), JSON.stringify(progress));
    const term = start({ cols: 60, rows: 20, env: { TRAINER_HOME: home } });
    const screen = await term.waitForReady('Streak: 2 days');
    expect(screen).toContain('Reviews due today: 0');
    // The title is cut in the middle to fit; the step and the key stay.
    expect(screen).toMatch(/Continue: On-demand vs provisi.*step 3\/10 \(c\)/);
    // Every line fits: the menu's first entry and the key footer are both on the 20 rows.
    expect(screen).toContain('❯ 1. Scenarios');
    expect(screen).toContain('↑/k move up · ↓/j move down · Enter open · ? help · q quit');
    term.press('c');
    await term.waitFor('step 1/');
  });
});
