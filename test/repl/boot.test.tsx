// Proves the shell's boot (boot.tsx) as the learner sees it: the home screen is drawn before the app,
// the content and the progress are loaded; a key that opens a screen before then shows "Loading…" and
// the screen opens once they arrive, with the keys typed meanwhile acted on in order; a progress file
// that could not be read still reaches the progress-problem screen before anything is recorded.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryRepository, emptyProgress, type ProgressData, type ProgressProblem } from '../../src/progress/index.js';
import { App } from '../../src/repl/app.js';
import { Boot, type LoadedShell } from '../../src/repl/boot.js';
import { KEYS, renderInk, type Rendered } from '../helpers/render.js';
import { testLibrary } from '../helpers/scenario-library.js';

let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

const NOW_MS = Date.parse('2026-03-10T12:00:00');
const now = (): number => NOW_MS;

function seededProgress(): ProgressData {
  const progress = emptyProgress();
  progress.scenarios['fixture/tiny'] = { stepsDone: ['say-1', 'run-2'], predictionsRight: 0, predictionsTotal: 0, completedAtMs: null, lastActiveAtMs: NOW_MS - 1 };
  return progress;
}

/** A boot whose load the test finishes when it wants: `finish()` hands the app over. */
async function renderBoot(problem?: ProgressProblem): Promise<{ app: Rendered; finish(): Promise<void> }> {
  let resolve!: (shell: LoadedShell) => void;
  const loading = new Promise<LoadedShell>((done) => (resolve = done));
  const progress = seededProgress();
  const shared = { library: testLibrary, bank: [], now };
  const props =
    problem === undefined
      ? { ...shared, repository: createMemoryRepository({ initial: progress }), progress }
      : { ...shared, repository: createMemoryRepository({ problem }), progressProblem: problem };
  const shell: LoadedShell = { App, props };
  const load = (): Promise<LoadedShell> => loading;
  rendered = await renderInk(<Boot version="9.9.9" load={load} />);
  const app = rendered;
  const finish = async (): Promise<void> => {
    await act(async () => {
      resolve(shell);
      await loading;
    });
  };
  return { app, finish };
}

describe('the boot screen', () => {
  it('draws the home menu first, and the lines about the learner once progress is read', async () => {
    const { app, finish } = await renderBoot();
    expect(await app.waitFor('8. Quit')).toContain('Reading your progress…');
    await finish();
    const frame = await app.waitFor('Streak: 0 days');
    expect(frame).toContain('Continue: Tiny fixture — step 3/6 (c)');
    expect(frame).toContain('Reviews due today: 0');
    expect(frame).not.toContain('Reading your progress');
  });

  it('moves at once, and keeps the selection when the app takes over', async () => {
    const { app, finish } = await renderBoot();
    await app.pressAndWaitFor('❯ 3. Review', 'j', KEYS.down);
    await finish();
    await app.waitFor('Streak:');
    expect(app.frame()).toContain('❯ 3. Review');
    await app.pressAndWaitFor('❯ 4. Mock exam', 'j');
  });

  it('says Loading… for a screen asked for too early, then opens it and acts on the keys typed meanwhile', async () => {
    const { app, finish } = await renderBoot();
    expect(await app.pressAndWaitFor('Loading…', '1')).toMatchInlineSnapshot(`
      "trainer 9.9.9 · AWS serverless exam trainer · Scenarios

      Loading… Scenarios opens as soon as the scenarios, questions and your progress are read.

      Keys you type now act when it opens · Ctrl+C quit"
    `);
    await app.press('j');
    await finish();
    await app.waitFor('❯ Throttling under provisioned capacity');
  });

  it('opens the quiz topic picker and the scenario to continue once they are loaded', async () => {
    const quiz = await renderBoot();
    await quiz.app.pressAndWaitFor('Loading…', '2');
    await quiz.finish();
    await quiz.app.waitFor('Pick a topic');
    quiz.app.unmount();
    const resume = await renderBoot();
    await resume.app.pressAndWaitFor('Loading… your scenario opens', 'c');
    await resume.finish();
    await resume.app.waitFor('step 1/6');
  });

  it('shows the progress problem first when progress could not be read, dropping the keys typed before', async () => {
    const problem: ProgressProblem = { kind: 'corrupt', path: '/p/progress.json', movedTo: '/p/progress.json.corrupt-1', message: 'Your progress file could not be read.' };
    const { app, finish } = await renderBoot(problem);
    await app.pressAndWaitFor('Loading…', '1');
    await finish();
    await app.waitFor('Quit and keep everything as it is');
    await app.pressAndWaitFor('❯ 1. Scenarios', '1');
  });
});
