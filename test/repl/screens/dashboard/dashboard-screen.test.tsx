// Proves the dashboard screen reads the progress store and shows its numbers: opened from home with
// 5 after answers recorded, it shows the streak line, bars with percentages, weakest topics and the
// mock exam history, and says so plainly when nothing has been recorded yet.
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryRepository } from '../../../../src/progress/index.js';
import { App } from '../../../../src/repl/app.js';
import { singleQuestion } from '../../../helpers/questions.js';
import { KEYS, renderInk, type Rendered } from '../../../helpers/render.js';

const NOW_MS = Date.UTC(2026, 10, 25, 9, 0, 0);
let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

describe('the progress dashboard', () => {
  it('shows mastery, streak, due reviews, weakest topics and exam history from the store', async () => {
    const repository = createMemoryRepository();
    const attempt = (isCorrect: boolean, atMs: number) => ({ type: 'record-attempt' as const, attempt: { itemId: 'test/single', answer: 'b', isCorrect, durationMs: 1_000, atMs } });
    await repository.update([attempt(true, NOW_MS - 2_000), attempt(false, NOW_MS - 1_000)]);
    await repository.update({ type: 'record-exam', exam: { id: 'DVA-C02-5', finishedAtMs: NOW_MS, durationMs: 1, correct: 12, total: 15, domains: {} } });
    rendered = await renderInk(<App version="9.9.9" repository={repository} bank={[singleQuestion()]} now={() => NOW_MS} />);
    const frame = (await rendered.pressAndWaitFor('Mastery by service', '5')).replace(/\s+/g, ' ');
    expect(frame).toContain('Streak 1 day(s) · 0 review(s) due today · 2 answers, 50% right · 1 active day(s)');
    expect(frame).toContain('dynamodb ████░░░░ 50% 1/2');
    expect(frame).toContain('lambda ░░░░░░░░ – 0/0');
    expect(frame).toContain('DVA Development ████░░░░ 50% 1/2');
    expect(frame).toContain('Weakest topics: dynamodb-capacity 50% (1/2)');
    expect(frame).toContain('DVA-C02 12/15 (80%) · 820 · PASS');
    await rendered.pressAndWaitFor('❯ 5. Progress', KEYS.escape);
  });

  it('says when there is nothing yet', async () => {
    rendered = await renderInk(<App version="9.9.9" repository={createMemoryRepository()} bank={[]} now={() => NOW_MS} />);
    const frame = await rendered.pressAndWaitFor('Mock exams: none yet', '5');
    expect(frame).toContain('Weakest topics: none yet');
  });
});
