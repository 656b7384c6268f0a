// Proves every screen fits a 60×20 terminal with the longest content in data/: the frame is never
// taller than 20 rows and its key footer is on screen; content that does not fit says "↓ N more
// lines" and scrolls to its end with PgDn (the quiz feedback, exam results, the dashboard, help,
// the longest scenarios' steps). The shell is rendered with ink in a fake 60×20 terminal.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryRepository } from '../../src/progress/index.js';
import { loadQuestionBank, type Question } from '../../src/quiz/index.js';
import { App } from '../../src/repl/app.js';
import { loadLibrary, type Scenario } from '../../src/scenarios/index.js';
import { KEYS, renderInk, type Rendered } from '../helpers/render.js';

const SIZE = { columns: 60, rows: 20 };
const PAGE_DOWN = '\u001B[6~';
const START_MS = Date.UTC(2026, 10, 25, 9, 0, 0);
let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

const ROOT = path.resolve(import.meta.dirname, '../..');
const BANK = loadQuestionBank([path.join(ROOT, 'data/questions')]).questions;
const LIBRARY = loadLibrary().scenarios.map((loaded) => loaded.scenario);

const questionSize = (question: Question): number => JSON.stringify(question).length;
/** The longest choice question of the bank, under a topic of its own (no generated question joins it). */
const LONGEST = [...BANK].filter((question) => 'choices' in question).sort((a, b) => questionSize(b) - questionSize(a))[0]!;
const longest = { ...LONGEST, tags: { ...LONGEST.tags, topic: 'test-longest' } } as Question;

function expectFits(frame: string, footer: string): void {
  const lines = frame.split('\n');
  expect(lines.length, frame).toBeLessThanOrEqual(SIZE.rows);
  expect(lines.every((text) => [...text].length <= SIZE.columns), frame).toBe(true);
  expect(lines.at(-1), frame).toContain(footer);
}

/** PgDn until nothing more is below, checking every frame on the way; returns the last frame. */
async function scrollToEnd(app: Rendered, footer: string): Promise<string> {
  for (let page = 0; page < 40 && app.frame().includes('more line'); page++) {
    await app.press(PAGE_DOWN);
    expectFits(app.frame(), footer);
  }
  expect(app.frame()).not.toContain('more line');
  return app.frame();
}

describe('a 60×20 terminal', () => {
  it('quiz: the longest question and its feedback fit, scroll to the reference, and help fits', async () => {
    rendered = await renderInk(<App version="9.9.9" bank={[longest]} openLearning={{ entry: 'quiz', action: { type: 'open-quiz', count: 1, topic: 'test-longest' } }} now={() => START_MS} />, SIZE);
    const app = rendered;
    expectFits(await app.waitFor('Question 1 of 1'), 'Enter submit');
    await app.press('a');
    expectFits(await app.pressAndWaitFor('1 again', KEYS.enter), '1 again');
    expect(app.frame()).toContain('↓');
    expect(await scrollToEnd(app, '1 again')).toContain('How well did you know it?');
    await app.press(...Array.from({ length: 30 }, () => '\u001B[5~'));
    expect(app.frame()).not.toContain('earlier line');
    await app.press(KEYS.down, KEYS.down);
    expect(app.frame()).toContain('↑ 2 earlier lines');
    expectFits(await app.pressAndWaitFor('Keys of the quiz and review', '?'), 'back');
    await scrollToEnd(app, 'back');
    expectFits(await app.pressAndWaitFor('1 again', KEYS.escape), '1 again');
  });

  it('exam: a question and the results with their explanation fit and scroll', async () => {
    const bank = ['development', 'security', 'deployment', 'troubleshooting'].map((domain) => ({ ...longest, id: `test/${domain}`, tags: { ...longest.tags, exams: { 'DVA-C02': domain } } }) as Question);
    const action = { type: 'open-exam', exam: 'DVA-C02', isQuick: true, start: true, seed: 7 } as const;
    rendered = await renderInk(<App version="9.9.9" repository={createMemoryRepository()} bank={bank} openLearning={{ entry: 'exam', action }} now={() => START_MS} clockTickMs={60_000} />, SIZE);
    const app = rendered;
    expectFits(await app.waitFor('Question 1 of 20'), 's submit');
    await app.press('s');
    expectFits(await app.pressAndWaitFor('Scaled score', 'y'), 'quit');
    for (let question = 1; question <= 20; question++) {
      await scrollToEnd(app, 'quit');
      await app.press('\u001B[C');
    }
  });

  it('dashboard: mastery rows for every service and domain fit and scroll', async () => {
    const repository = createMemoryRepository();
    await repository.update(BANK.map((question, i) => ({ type: 'record-attempt' as const, attempt: { itemId: question.id, answer: 'a', isCorrect: i % 2 === 0, durationMs: 1_000, atMs: START_MS - 1_000 + i } })));
    rendered = await renderInk(<App version="9.9.9" repository={repository} bank={BANK} now={() => START_MS} />, SIZE);
    expectFits(await rendered.pressAndWaitFor('Mastery by service', '5'), 'quit');
    expect(await scrollToEnd(rendered, 'quit')).toContain('Mock exams');
  });

  it('the other screens fit with their footers: home, browser, topics, exam intro, overview and confirm, REPL', async () => {
    rendered = await renderInk(<App version="9.9.9" library={LIBRARY} bank={BANK} now={() => START_MS} />, SIZE);
    const app = rendered;
    expectFits(await app.waitFor('8. Quit'), 'q quit');
    expectFits(await app.pressAndWaitFor('apigateway', '1'), 'q quit');
    await app.pressAndWaitFor('8. Quit', KEYS.escape);
    expectFits(await app.pressAndWaitFor('Pick a topic', '2'), 'q quit');
    await app.pressAndWaitFor('8. Quit', KEYS.escape);
    expectFits(await app.pressAndWaitFor('full exam', '4'), 'q quit');
    expectFits(await app.pressAndWaitFor('Question 1 of 65', KEYS.enter), 's submit');
    expectFits(await app.pressAndWaitFor('All questions', 'o'), 's submit');
    expectFits(await app.pressAndWaitFor('Submit the exam now?', 's'), 'back to the questions');
  });

  it('the sandbox REPL fits, and its world survives a visit to help', async () => {
    rendered = await renderInk(<App version="9.9.9" startInRepl />, SIZE);
    const app = rendered;
    await app.waitFor('sandbox›');
    await app.press(...'aws dynamodb create-table --table-name Kept --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST\r');
    await app.waitFor('PAY_PER_REQUEST');
    expectFits(await app.pressAndWaitFor('Keys of the sandbox REPL', '?'), 'back');
    expectFits(await app.pressAndWaitFor('sandbox›', KEYS.escape), 'Esc leave');
    await app.press(...'clear\r', ...'aws dynamodb list-tables\r');
    expectFits(await app.waitFor('"Kept"'), 'Esc leave');
  });

  it('help from the home screen fits and scrolls to the global keys', async () => {
    rendered = await renderInk(<App version="9.9.9" />, SIZE);
    expectFits(await rendered.pressAndWaitFor('Keys of the home screen', '?'), 'back');
    expect(await scrollToEnd(rendered, 'back')).toContain('Ctrl+C');
  });
});

/** The scenarios with the most text, which have the tallest steps. */
const TALLEST: readonly Scenario[] = [...LIBRARY].sort((a, b) => JSON.stringify(b.steps).length - JSON.stringify(a.steps).length).slice(0, 3);

describe.each(TALLEST.map((scenario) => [scenario.id, scenario] as const))('a 60×20 terminal running %s', (_id, scenario) => {
  it('fits every step, with the footer on screen, and scrolls a tall step back to its start', async () => {
    rendered = await renderInk(<App version="9.9.9" library={LIBRARY} openScenario={{ id: scenario.id, seed: 1 }} />, SIZE);
    const app = rendered;
    await app.waitFor('step 1/');
    for (let turn = 0; turn < 3 * scenario.steps.length && !app.frame().includes('✓ Finished'); turn++) {
      const frame = app.frame();
      expectFits(frame, 'Esc leave');
      // A tall step opens at its end ("↑ n earlier lines"); PgUp moves towards its start ("↓ n more lines").
      if (/↑ \d+ earlier line/.test(frame)) {
        await app.press('\u001B[5~');
        expect(app.frame()).toMatch(/↓ \d+ more line/);
        expectFits(app.frame(), 'Esc leave');
      }
      const position = /step \d+\//.exec(frame)?.[0] ?? '';
      if (frame.includes('Your prediction?')) await app.pressAndWaitFor('Press Enter for the next step', 'a');
      else if (frame.includes('sandbox>')) await app.press(...'skip\r');
      else await app.press(KEYS.enter);
      if (app.frame().includes(position)) await app.press();
    }
    expectFits(await app.waitFor('✓ Finished'), 'again');
  });
});
