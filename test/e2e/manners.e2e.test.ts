// Proves the shell's terminal manners in a real pseudo-terminal (the built bin/trainer.js): the whole
// first-run journey (home → a scenario → a prediction → a quiz answer → the dashboard shows both);
// Ctrl+C right after rating an answer still saves it (a restart shows it); a resize from 100×30 to
// 60×20 and back redraws one clean frame each time; NO_COLOR and --no-color draw no colour on any
// screen; Esc goes back from every screen.
import { afterEach, describe, expect, it } from 'vitest';
import { startTrainer, type RunningTerminal } from '../helpers/pty.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { homeWithTiny, progressText } from '../helpers/trainer-home.js';

const ENTER = '\r';
const ESCAPE = '\u001B';
const CTRL_C = '\u0003';
/** SGR sequences that set a colour (ESC [ 3x, 9x or 38; ... m). */
const COLOUR = /\u001B\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38)(?:;[0-9;]*)?m/;

let running: RunningTerminal | undefined;
afterEach(() => running?.kill());

function start(options: Parameters<typeof startTrainer>[0]): RunningTerminal {
  running = startTrainer(options);
  return running;
}

/** Presses `keys`, then waits for `shows` on screen. */
async function step(term: RunningTerminal, keys: string, shows: string): Promise<string> {
  term.press(keys);
  return term.waitFor(shows);
}

/** From the tiny fixture's graded prediction: Esc to the browser (its marker shows), Esc home. */
async function leaveScenario(term: RunningTerminal): Promise<void> {
  await step(term, ESCAPE, '◐');
  await step(term, ESCAPE, '❯ 1. Scenarios');
}

/** Answers the question on screen by its kind (the bank is shuffled), then waits for the rating row. */
async function answerQuestion(term: RunningTerminal): Promise<void> {
  const screen = await term.waitFor('Question 1 of');
  if (screen.includes('numeric:')) term.press('1');
  else if (screen.includes('ordering:')) term.press('abcd');
  else if (screen.includes('multiple response')) term.press('ab');
  else term.press('a');
  await term.waitFor(screen.includes('numeric:') || screen.includes('ordering:') ? 'Your answer: ' : ') ');
  term.press(ENTER);
  // The rating keys' footer (the question above it may be taller than the screen).
  await term.waitFor('1 again · 2 hard');
}

describe('the shell in a terminal', () => {
  it('first run → a scenario → a prediction → a quiz answer → the dashboard and trainer progress show them', async () => {
    const home = homeWithTiny();
    const term = start({ env: { TRAINER_HOME: home }, cols: 80, rows: 24 });
    await term.waitForReady('❯ 1. Scenarios');
    await step(term, ENTER, 'Scenarios');
    await step(term, '/tiny', '(1 shown)');
    await step(term, ENTER + ENTER, 'step 1/6 · Tiny fixture');
    await step(term, ENTER + ENTER, '? How many items?');
    await step(term, 'b', '✓ Right: b) 2');
    await step(term, ENTER, 'step 4/6');
    await leaveScenario(term);
    await step(term, '2', 'Pick a topic');
    term.press(ENTER);
    await answerQuestion(term);
    term.press('3');
    await term.waitFor('Question 2 of');
    term.press(ESCAPE);
    await term.waitFor('❯ 2. Quiz');
    term.press('5');
    const dashboard = await term.waitFor('Mastery by service');
    expect(dashboard).toMatch(/\b1 answers/);
    term.press('q');
    expect(await term.exited()).toBe(0);
    const summary = progressText(home);
    expect(summary).toMatch(/Scenarios +1 started, 0 completed; predictions 1\/1 right/);
    expect(summary).toMatch(/Answers +\d+/);
  });

  it('saves an answer rated just before Ctrl+C: a restart shows it on the dashboard', async () => {
    const home = makeTempDir();
    const term = start({ args: ['quiz', '--topic', 'lambda-limits', '--count', '2'], env: { TRAINER_HOME: home }, cols: 80, rows: 24 });
    await term.waitForReady('Question 1 of 2');
    await answerQuestion(term);
    // The rating and Ctrl+C arrive as one input event: the quit must not drop the rating's write.
    term.press(`3${CTRL_C}`);
    expect(await term.exited()).toBe(0);
    const again = start({ env: { TRAINER_HOME: home }, cols: 80, rows: 24 });
    await again.waitForReady('❯ 1. Scenarios');
    again.press('5');
    expect(await again.waitFor('Mastery by service')).toMatch(/lambda +[█░]{8} +\d+% [01]\/1/);
  });

  it('redraws one clean frame when shrunk from 100×30 to 60×20 and grown back', async () => {
    const term = start({ cols: 100, rows: 30 });
    await term.waitForReady('❯ 1. Scenarios');
    term.press('?');
    await term.waitFor('Keys of the home screen');
    const rowsOf = (screen: string) => screen.split('\n');
    const headerCount = (screen: string) => rowsOf(screen).filter((row) => row.includes('AWS serverless exam trainer')).length;
    term.resize(60, 20);
    const small = await term.waitFor('more line');
    expect(headerCount(small), small).toBe(1);
    expect(rowsOf(small).length).toBeLessThanOrEqual(20);
    expect(rowsOf(small).every((row) => row.length <= 60)).toBe(true);
    expect(rowsOf(small).at(-1)).toContain('back');
    term.resize(100, 30);
    const big = await term.waitForGone('more line');
    expect(headerCount(big)).toBe(1);
    expect(rowsOf(big).filter((row) => row.includes('q quit')).length).toBe(1);
    term.press(ESCAPE);
    const home = await term.waitFor('❯ 1. Scenarios');
    expect(headerCount(home)).toBe(1);
    expect(home).not.toContain('Keys of');
  });

  it.each([
    ['NO_COLOR', { NO_COLOR: '1' }, []],
    ['--no-color', {}, ['--no-color']],
  ])('draws no colour with %s on any screen, and Esc goes back from each', async (_name, env, args) => {
    const home = homeWithTiny();
    const term = start({ args, env: { TRAINER_HOME: home, ...env }, cols: 80, rows: 24 });
    await term.waitForReady('❯ 1. Scenarios');
    const visit = async (keys: string, shows: string): Promise<void> => {
      await step(term, keys, shows);
      await step(term, ESCAPE, '8. Quit');
    };
    await visit('?', 'Keys of the home screen');
    await visit('1', 'Scenarios');
    await step(term, `1/tiny${ENTER}${ENTER}${ENTER}${ENTER}`, '? How many items?');
    await step(term, 'a?', 'Keys of the scenario runner');
    await step(term, ESCAPE, '✗ Wrong');
    await leaveScenario(term);
    await visit('2', 'Pick a topic');
    await visit('3', 'Nothing is due');
    await visit('4', 'full exam: 65 questions');
    await visit('5', 'Mastery by service');
    await visit('6', 'sandbox›');
    await term.waitFor('❯ 6. Sandbox REPL');
    term.press('q');
    expect(await term.exited()).toBe(0);
    expect(term.rawOutput()).not.toMatch(COLOUR);
  });
});
