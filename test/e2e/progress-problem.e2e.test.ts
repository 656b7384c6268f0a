// Proves the built trainer reads progress before anything can be recorded (right after the home
// screen's first frame): with a damaged progress file it moves the file aside and asks first; "start
// fresh" opens the home screen with a new empty file, and "quit" leaves the moved-aside file and no new
// one. Real pseudo-terminal, TRAINER_HOME in a temp folder.
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTrainer, type RunningTerminal } from '../helpers/pty.js';
import { makeTempDir } from '../helpers/temp-dir.js';

let running: RunningTerminal | undefined;
afterEach(() => running?.kill());

function startWithDamagedFile(): { term: RunningTerminal; home: string } {
  const home = makeTempDir();
  copyFileSync(new URL('../fixtures/progress/torn.json', import.meta.url), path.join(home, 'progress.json'));
  running = startTrainer({ env: { TRAINER_HOME: home } });
  return { term: running, home };
}

const movedAside = (home: string): string[] => readdirSync(home).filter((name) => name.startsWith('progress.json.corrupt-'));

describe('a damaged progress file in the terminal app', () => {
  it('asks first, and starting fresh opens the home screen with a new file', async () => {
    const { term, home } = startWithDamagedFile();
    const screen = await term.waitForReady('Quit and keep everything as it is');
    expect(screen).toContain('Your progress file could not be read.');
    expect(movedAside(home)).toHaveLength(1);
    term.press('1');
    await term.waitFor('8. Quit');
    expect(existsSync(path.join(home, 'progress.json'))).toBe(true);
    term.press('q');
    expect(await term.exited()).toBe(0);
  });

  it('quits leaving the moved-aside file and no new one', async () => {
    const { term, home } = startWithDamagedFile();
    await term.waitForReady('Quit and keep everything as it is');
    term.press('q');
    expect(await term.exited()).toBe(0);
    expect(existsSync(path.join(home, 'progress.json'))).toBe(false);
    expect(movedAside(home)).toHaveLength(1);
  });
});

describe('trainer reset in a terminal', () => {
  /** Runs `trainer reset` on a copy of the version-1 fixture, answers the prompt, waits for `expected`. */
  async function answerReset(answer: string, expected: string): Promise<{ code: number; files: string[] }> {
    const home = makeTempDir();
    copyFileSync(new URL('../fixtures/progress/version-1.json', import.meta.url), path.join(home, 'progress.json'));
    running = startTrainer({ args: ['reset'], env: { TRAINER_HOME: home } });
    await running.waitFor('Type "yes" to reset:');
    running.press(`${answer}\r`);
    await running.waitFor(expected);
    return { code: await running.exited(), files: readdirSync(home) };
  }

  it('asks for "yes" and keeps everything on any other answer', async () => {
    expect(await answerReset('no', 'reset cancelled; nothing was changed.')).toEqual({ code: 1, files: ['progress.json'] });
  });

  it('resets on "yes" and prints where the backup is', async () => {
    const { code, files } = await answerReset('yes', 'Your previous progress is saved in');
    expect(code).toBe(0);
    expect(files.filter((name) => name.startsWith('progress.json.backup-'))).toHaveLength(1);
  });
});
