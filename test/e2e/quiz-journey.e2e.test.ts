// Proves the quiz journey in the built trainer, in a real 80×24 pseudo-terminal with TRAINER_HOME in a
// temp folder: `trainer quiz --topic lambda-limits --count 2` opens the quiz screen, two answers are
// given and rated, then the progress dashboard shows both attempts; and with NO_COLOR the same
// screens carry no colour codes. lambda-limits holds single-choice, multiple-response and numeric
// questions, so each is answered by the kind its screen names, whatever the shuffle.
import { afterEach, describe, expect, it } from 'vitest';
import { startTrainer, type RunningTerminal } from '../helpers/pty.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const ENTER = '\r';
const ESCAPE = '\u001B';
let running: RunningTerminal | undefined;
afterEach(() => running?.kill());

async function answerAndRate(term: RunningTerminal, position: number, rating: string): Promise<void> {
  const screen = await term.waitFor(`Question ${position} of 2`);
  if (screen.includes('numeric:')) {
    term.press('1');
    await term.waitFor('Your answer: 1');
  } else if (screen.includes('multiple response')) {
    term.press('a');
    term.press('b');
    await term.waitFor('[x] b)');
  } else {
    term.press('a');
    await term.waitFor('(•) a)');
  }
  term.press(ENTER);
  await term.waitFor('How well did you know it?');
  term.press(rating);
}

describe('the quiz in a terminal', () => {
  it('answers two questions, then the dashboard shows the attempts', async () => {
    const home = makeTempDir();
    running = startTrainer({ args: ['quiz', '--topic', 'lambda-limits', '--count', '2'], env: { TRAINER_HOME: home, NO_COLOR: '1' }, cols: 80, rows: 24 });
    const term = running;
    await term.waitForReady('Question 1 of 2');
    expect(term.screen()).toMatch(/single choice: pick one|multiple response: choose two|numeric: type a number/);
    await answerAndRate(term, 1, '3');
    await answerAndRate(term, 2, ENTER);
    await term.waitFor('Done:');
    term.press(ESCAPE);
    await term.waitFor('❯ 2. Quiz');
    term.press('5');
    const screen = await term.waitFor('Mastery by service');
    expect(screen).toMatch(/lambda +[█░]{8} +\d+% [0-2]\/2/);
    expect(screen).toContain('2 answers');
    // NO_COLOR: no SGR colour sequences (ESC [ ... m with a colour number) were written.
    expect(term.rawOutput()).not.toMatch(/\u001B\[(3[0-7]|9[0-7]|38;)/);
    term.press('q');
    expect(await term.exited()).toBe(0);
  });
});
