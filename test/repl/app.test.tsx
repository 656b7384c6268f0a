// Proves what the learner sees in the shell after each key, rendered with ink-testing-library: the
// whole home frame, moving and opening entries (the sandbox REPL, the quiz), help, and back.
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/repl/app.js';
import { KEYS, renderInk, type Rendered } from '../helpers/render.js';

let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

async function renderApp(): Promise<Rendered> {
  rendered = await renderInk(<App version="9.9.9" />);
  return rendered;
}

describe('the shell', () => {
  it('draws the home screen', async () => {
    const app = await renderApp();
    expect(await app.waitFor('Quit')).toMatchInlineSnapshot(`
      "trainer 9.9.9 · AWS serverless exam trainer

      ❯ 1. Scenarios
        2. Quiz
        3. Review
        4. Mock exam
        5. Progress
        6. Sandbox REPL
        7. Help
        8. Quit

      Reviews due today: 0
      Streak: 0 days

      Watch AWS behave, predict what it will do, then do it yourself.

      ↑/k move up · ↓/j move down · Enter open · ? help · q quit"
    `);
  });

  it("moves the highlight and shows the highlighted entry's description", async () => {
    const app = await renderApp();
    const frame = await app.pressAndWaitFor('❯ 3. Review', KEYS.down, 'j');
    expect(frame).toContain('Spaced-repetition review of the cards due today.');
  });

  it('opens the sandbox REPL by number, and Esc goes back to the same entry', async () => {
    const app = await renderApp();
    const frame = await app.pressAndWaitFor('sandbox›', '6');
    expect(frame).not.toContain('❯');
    await app.pressAndWaitFor('❯ 6. Sandbox REPL', KEYS.escape);
  });

  it('opens the quiz on its topic picker, and Esc comes back', async () => {
    const app = await renderApp();
    await app.pressAndWaitFor('Pick a topic', '2');
    await app.pressAndWaitFor('❯ 2. Quiz', KEYS.escape);
  });

  it('opens help with ? and with the Help entry', async () => {
    const app = await renderApp();
    await app.pressAndWaitFor('Keys of the home screen', '?');
    await app.pressAndWaitFor('❯ 1. Scenarios', 'b');
    await app.pressAndWaitFor('Keys of the home screen', KEYS.up, KEYS.up, KEYS.enter);
  });

  it('handles keys typed faster than a frame, acting on each in turn', async () => {
    const app = await renderApp();
    await app.pressAndWaitFor('sandbox›', 'jjjjj\r');
  });
});
