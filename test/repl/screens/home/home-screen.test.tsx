// Proves the home screen's lines about the learner with a seeded progress store (ink-testing-library):
// "Continue: <title> — step k/n" and `c` opening that scenario, "Reviews due today: N" from the review
// cards, "Streak: N days"; with nothing in progress there is no Continue line and `c` does nothing; the
// lines follow an answer rated in the quiz once the learner is back home.
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryRepository, dayKeyOf, emptyProgress, type ProgressData } from '../../../../src/progress/index.js';
import { App } from '../../../../src/repl/app.js';
import { singleQuestion } from '../../../helpers/questions.js';
import { KEYS, renderInk, type Rendered } from '../../../helpers/render.js';
import { testLibrary } from '../../../helpers/scenario-library.js';

let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

const NOW_MS = Date.parse('2026-03-10T12:00:00');
const DAY_MS = 86_400_000;
const CARD = { stability: 1, difficulty: 5, elapsed_days: 1, scheduled_days: 1, learning_steps: 0, reps: 2, lapses: 0, state: 2, last_review: NOW_MS - 2 * DAY_MS };

function seeded(): ProgressData {
  const progress = emptyProgress();
  progress.scenarios['dynamodb/throttling'] = { stepsDone: ['say-1'], predictionsRight: 0, predictionsTotal: 0, completedAtMs: null, lastActiveAtMs: NOW_MS - DAY_MS };
  progress.scenarios['fixture/tiny'] = { stepsDone: ['say-1', 'run-2', 'count'], predictionsRight: 1, predictionsTotal: 1, completedAtMs: null, lastActiveAtMs: NOW_MS - 60_000 };
  progress.cards = { 'q:due-yesterday': { ...CARD, due: NOW_MS - DAY_MS }, 'q:due-now': { ...CARD, due: NOW_MS }, 'q:due-tomorrow': { ...CARD, due: NOW_MS + DAY_MS } };
  progress.streakDays = [dayKeyOf(NOW_MS - 2 * DAY_MS), dayKeyOf(NOW_MS - DAY_MS), dayKeyOf(NOW_MS)];
  return progress;
}

async function renderHome(progress: ProgressData): Promise<Rendered> {
  const repository = createMemoryRepository({ initial: progress });
  rendered = await renderInk(<App version="9.9.9" library={testLibrary} repository={repository} progress={progress} cards={progress.cards} now={() => NOW_MS} />);
  return rendered;
}

describe('the home screen with progress', () => {
  it('shows the scenario to continue, the reviews due now and the streak', async () => {
    const app = await renderHome(seeded());
    const frame = await app.waitFor('Streak');
    // The menu is the same as without progress (test/repl/app.test.tsx); the lines under it:
    expect(frame.slice(frame.indexOf('8. Quit'), frame.indexOf('Watch AWS'))).toMatchInlineSnapshot(`
      "8. Quit

      Continue: Tiny fixture — step 4/6 (c)
      Reviews due today: 2
      Streak: 3 days

      "
    `);
    expect(frame).toContain('↑/k move up · ↓/j move down · Enter open · ? help · q quit');
  });

  it('opens the scenario to continue with c, and leaving it comes back to Scenarios', async () => {
    const app = await renderHome(seeded());
    await app.waitFor('Continue: Tiny fixture');
    await app.pressAndWaitFor('step 1/6', 'c');
    await app.pressAndWaitFor('❯ Tiny fixture', KEYS.escape);
    await app.pressAndWaitFor('❯ 1. Scenarios', KEYS.escape);
  });

  it('has no Continue line, and c does nothing, when no scenario is in progress', async () => {
    const app = await renderHome({ ...seeded(), scenarios: {}, streakDays: [dayKeyOf(NOW_MS - DAY_MS)] });
    const frame = await app.waitFor('Streak: 1 day');
    expect(frame).not.toContain('Continue');
    await app.press('c', 'j');
    expect(await app.waitFor('❯ 2. Quiz')).not.toContain('Continue');
  });

  it('follows a quiz answer: back home, the streak counts today', async () => {
    const repository = createMemoryRepository();
    const bank = [singleQuestion('test/single', { topic: 'test-topic' })];
    rendered = await renderInk(<App version="9.9.9" repository={repository} progress={repository.current()} bank={bank} cards={{}} now={() => NOW_MS} />);
    await rendered.waitFor('Streak: 0 days');
    await rendered.pressAndWaitFor('Pick a topic', '2');
    await rendered.pressAndWaitFor('single choice: pick one', 'j', KEYS.enter);
    await rendered.pressAndWaitFor('✓ Correct.', 'b', KEYS.enter);
    await rendered.pressAndWaitFor('Done: 1 of 1 correct.', '4');
    await rendered.press(KEYS.escape);
    await rendered.waitFor('Streak: 1 day');
    expect(rendered.frame()).toContain('Reviews due today: 0');
  });
});
