// Proves the mock exam screen as the learner uses it, on a fake clock: the intro, picking, flagging
// with m, moving with ←/→, the overview with unanswered (?) and flagged (⚑) markers, the countdown,
// submit only after confirming, the results (estimated scaled score, 720 to pass, per-domain bars
// with percentages, explanations paged with →), time running out, and the result recorded once.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryRepository } from '../../../../src/progress/index.js';
import { App } from '../../../../src/repl/app.js';
import { singleQuestion } from '../../../helpers/questions.js';
import { KEYS, renderInk, type Rendered } from '../../../helpers/render.js';

const START_MS = Date.UTC(2026, 10, 25, 9, 0, 0);
const RIGHT = '\u001B[C';
const LEFT = '\u001B[D';
let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

// Bank questions for every DVA-C02 domain; the exam pool adds generated ones (seeded).
const BANK = ['development', 'security', 'deployment', 'troubleshooting'].flatMap((domain) =>
  [1, 2, 3].map((n) => singleQuestion(`test/${domain}-${n}`, { exams: { 'DVA-C02': domain as 'development' } })),
);

async function renderExam(options: { readonly start: boolean; readonly clockTickMs?: number }) {
  let nowMs = START_MS;
  const repository = createMemoryRepository();
  const action = { type: 'open-exam', exam: 'DVA-C02', isQuick: true, ...(options.start ? { start: true, seed: 7 } : {}) } as const;
  rendered = await renderInk(<App version="9.9.9" repository={repository} bank={BANK} openLearning={{ entry: 'exam', action }} now={() => nowMs} clockTickMs={options.clockTickMs ?? 60_000} />);
  return { app: rendered, repository, advance: (ms: number) => (nowMs += ms) };
}

describe('the mock exam screen', () => {
  it('starts from the intro, where e switches the exam and u the length', async () => {
    const { app } = await renderExam({ start: false });
    await app.waitFor('DVA-C02 · quick exam: 20 questions, 40 minutes');
    await app.pressAndWaitFor('SAA-C03 · full exam: 65 questions, 130 minutes', 'e', 'u');
    await app.pressAndWaitFor('DVA-C02 · quick exam', 'e', 'u');
    await app.pressAndWaitFor('Question 1 of 20', KEYS.enter);
    expect(app.frame()).toContain('40:00 left');
  });

  it('picks, flags, moves, and shows the overview with markers; the countdown follows the clock', async () => {
    const { app, advance } = await renderExam({ start: true });
    await app.waitFor('Question 1 of 20');
    await app.press('a');
    expect(app.frame()).toContain('(•) a)');
    await app.pressAndWaitFor('⚑ flagged', 'm');
    advance(61_000);
    await app.pressAndWaitFor('Question 2 of 20', RIGHT);
    expect(app.frame()).toContain('38:59 left');
    expect(app.frame()).not.toContain('⚑ flagged');
    await app.pressAndWaitFor('Question 1 of 20 ⚑ flagged', LEFT);
    const overview = await app.pressAndWaitFor('All questions', 'o');
    expect(overview).toContain('1 answered · 19 unanswered (?) · 1 flagged (⚑)');
    expect(overview).toContain('❯ 1 ⚑  2?   3?');
    await app.pressAndWaitFor('Question 3 of 20', RIGHT, RIGHT, KEYS.enter);
  });

  it('submits only after confirming, then shows the estimated score, domain bars and explanations, and records it', async () => {
    const { app, repository } = await renderExam({ start: true });
    await app.waitFor('Question 1 of 20');
    await app.pressAndWaitFor('Submit the exam now?', 's');
    await app.pressAndWaitFor('Question 1 of 20', 'n');
    await app.press('s');
    const results = (await app.pressAndWaitFor('Scaled score', 'y')).replace(/\s+/g, ' ');
    expect(results).toContain('DVA-C02: 0 of 15 scored questions right (0 %); 5 unscored, as on the real exam. Unanswered: 20.');
    expect(results).toContain('Scaled score 100 of 1000 (estimate) · 720 to pass · FAIL ✗');
    expect(results).toContain('An estimate: AWS does not publish its scaling; this one is linear.');
    expect(results).toMatch(/░{10} 0 % 0\/\d+ Development with AWS Services \(32 %\)/);
    expect(results).toContain('Question 1 of 20: ✗ Not quite: the answer is');
    expect(results).toContain('(you answered nothing)');
    await app.pressAndWaitFor('Question 2 of 20: ', RIGHT);
    for (let turn = 0; turn < 50 && repository.current().exams.length === 0; turn++) await app.press();
    expect(repository.current().exams).toMatchObject([{ id: `DVA-C02-${START_MS}`, correct: 0, total: 15 }]);
  });

  it('ends the exam when time runs out, at the next key', async () => {
    const { app, advance } = await renderExam({ start: true });
    await app.waitFor('Question 1 of 20');
    advance(40 * 60_000);
    const frame = (await app.pressAndWaitFor('Time is up', 'b')).replace(/\s+/g, ' ');
    expect(frame).toContain('Unanswered: 20.');
  });

  it('ends the exam when time runs out with no key pressed, at the next clock tick', async () => {
    const { app, advance } = await renderExam({ start: true, clockTickMs: 5 });
    await app.waitFor('40:00 left');
    advance(40 * 60_000 + 1);
    // The tick is a real interval (5 ms): poll the frame across timer turns, bounded, instead of
    // spinning through immediates that can all run before the interval is due.
    for (let turn = 0; turn < 400 && !app.frame().includes('Time is up'); turn++) {
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
      });
    }
    expect(app.frame()).toContain('Time is up');
  });
});
