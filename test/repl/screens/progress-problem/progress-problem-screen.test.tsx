// Proves the learner's consent flow for a progress file that could not be used: the app shows the
// message and path first; "start fresh" resets the store and opens the home screen; "quit" leaves
// everything as it is; a newer-version file offers only quitting. Rendered with ink-testing-library.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryRepository, type ProgressProblem } from '../../../../src/progress/index.js';
import { App } from '../../../../src/repl/app.js';
import { ProgressProblemScreen } from '../../../../src/repl/screens/progress-problem/progress-problem-screen.js';
import { KEYS, renderInk, type Rendered } from '../../../helpers/render.js';

const CORRUPT: ProgressProblem = {
  kind: 'corrupt',
  path: '/home/ada/.local/share/trainer/progress.json',
  movedTo: '/home/ada/.local/share/trainer/progress.json.corrupt-20261124T231507000Z',
  message:
    'Your progress file /home/ada/.local/share/trainer/progress.json could not be read (it is not valid JSON). It was moved aside, unchanged, to /home/ada/.local/share/trainer/progress.json.corrupt-20261124T231507000Z. Start fresh from the trainer\'s screen or with "trainer reset", or fix that file and move it back.',
};

const NEWER: ProgressProblem = { kind: 'newer-version', path: '/p/progress.json', fileVersion: 3, message: 'Your progress file /p/progress.json was written by a newer trainer.' };

let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

describe('the progress problem screen', () => {
  it('shows the message with the paths and the two choices before anything else', async () => {
    rendered = await renderInk(<App version="9.9.9" repository={createMemoryRepository({ problem: CORRUPT })} progressProblem={CORRUPT} />);
    expect(await rendered.waitFor('Quit and keep')).toMatchInlineSnapshot(`
      "trainer 9.9.9 · AWS serverless exam trainer · Progress

      Your progress file could not be read.

      Your progress file /home/ada/.local/share/trainer/progress.json could not be read (it is not valid
      JSON). It was moved aside, unchanged, to
      /home/ada/.local/share/trainer/progress.json.corrupt-20261124T231507000Z. Start fresh from the
      trainer's screen or with "trainer reset", or fix that file and move it back.

      ❯ 1. Start fresh (the file moved aside stays where it is)
        2. Quit and keep everything as it is

      ↑/k move up · ↓/j move down · Enter choose · 1 start fresh · 2/q/Ctrl+C quit"
    `);
  });

  it('starts fresh on Enter and opens the home screen', async () => {
    const repository = createMemoryRepository({ problem: CORRUPT });
    rendered = await renderInk(<App version="9.9.9" repository={repository} progressProblem={CORRUPT} />);
    await rendered.pressAndWaitFor('❯ 1. Scenarios', KEYS.enter);
    expect((await repository.load()).ok).toBe(true);
  });

  it('quits without changing anything on the second choice or q', async () => {
    const onQuit = vi.fn();
    const onStartFresh = vi.fn();
    rendered = await renderInk(<ProgressProblemScreen version="9.9.9" problem={CORRUPT} onStartFresh={onStartFresh} onQuit={onQuit} />);
    await rendered.pressAndWaitFor('❯ 2. Quit', KEYS.down);
    await rendered.press(KEYS.enter, 'q');
    expect(onQuit).toHaveBeenCalledTimes(2);
    expect(onStartFresh).not.toHaveBeenCalled();
  });

  it('offers only quitting for a file from a newer trainer', async () => {
    const onStartFresh = vi.fn();
    rendered = await renderInk(<ProgressProblemScreen version="9.9.9" problem={NEWER} onStartFresh={onStartFresh} onQuit={() => undefined} />);
    const frame = await rendered.waitFor('written by a newer trainer');
    expect(frame).not.toContain('Start fresh');
    await rendered.press('1', KEYS.enter);
    expect(onStartFresh).not.toHaveBeenCalled();
  });
});
