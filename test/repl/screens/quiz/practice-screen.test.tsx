// Proves the quiz screen as the learner uses it, rendered with ink-testing-library on a fake clock:
// the topic picker with counts and due counts, a single choice answered right and wrong, a "choose
// two" question with toggled picks, a typed numeric answer, the feedback with reasons and reference,
// the rating row, and that a rated answer is recorded (attempt + FSRS card) like the plain mode's.
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryRepository, type MemoryRepository } from '../../../../src/progress/index.js';
import { newCard, type Question } from '../../../../src/quiz/index.js';
import { App, type OpenLearning } from '../../../../src/repl/app.js';
import { multipleQuestion, numericQuestion, singleQuestion } from '../../../helpers/questions.js';
import { KEYS, renderInk, type Rendered } from '../../../helpers/render.js';

const START_MS = Date.UTC(2026, 10, 25, 9, 0, 0);
let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

async function renderQuiz(bank: readonly Question[], open: OpenLearning, repository: MemoryRepository = createMemoryRepository()) {
  let nowMs = START_MS;
  rendered = await renderInk(<App version="9.9.9" repository={repository} bank={bank} cards={repository.current().cards} openLearning={open} now={() => nowMs} />);
  return { app: rendered, repository, advance: (ms: number) => (nowMs += ms) };
}

// A topic of its own, so the pool holds only the test's questions (no generated ones join it).
const TOPIC = { topic: 'test-topic' };
const quizOf = (count: number, topic?: string | null): OpenLearning => ({ entry: 'quiz', action: { type: 'open-quiz', count, ...(topic === undefined ? {} : { topic }) } });

async function until(app: Rendered, isDone: () => boolean): Promise<void> {
  for (let turn = 0; turn < 200 && !isDone(); turn++) await app.press();
  expect(isDone()).toBe(true);
}

describe('the quiz screen', () => {
  it('lists topics with their question and due counts, and starts on the chosen one', async () => {
    const repository = createMemoryRepository();
    await repository.update({ type: 'set-card', cardId: 'test/single', card: newCard(START_MS - 1_000) });
    const bank = [singleQuestion(), multipleQuestion('test/multi', { topic: 'test-topic', service: 'iam' })];
    const { app } = await renderQuiz(bank, quizOf(5), repository);
    const frame = await app.waitFor('All topics');
    expect(frame).toContain(`❯ ${'All topics'.padEnd(26)}   2 questions · 1 due`);
    expect(frame).toContain(`  ${'dynamodb-capacity'.padEnd(26)}   1 questions · 1 due`);
    expect(frame).toContain(`  ${'test-topic'.padEnd(26)}   1 questions · 0 due`);
    await app.pressAndWaitFor('Question 1 of 1', 'j', 'j', KEYS.enter);
    expect(app.frame()).toContain('multiple response: choose two');
  });

  it('grades a right single-choice answer, shows why each choice is right or wrong, and records it once rated', async () => {
    const { app, repository, advance } = await renderQuiz([singleQuestion('test/single', TOPIC)], quizOf(1, 'test-topic'));
    await app.waitFor('single choice: pick one');
    advance(30_000);
    await app.press('b');
    expect(app.frame()).toContain('(•) b) right');
    const frame = await app.pressAndWaitFor('✓ Correct.', KEYS.enter);
    expect(frame).toContain('✗ wrong a) why w1');
    expect(frame).toContain('✓ right b) why right');
    expect(frame).toContain('Because.');
    // A link goes whole on a line of its own when it does not fit after "Reference:".
    expect(frame).toContain('Reference:\nhttps://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html');
    expect(frame).toContain('Enter keeps "good"');
    expect(frame).toContain('1 again · 2 hard · 3 good · 4 easy · Enter keep');
    await app.pressAndWaitFor('Done: 1 of 1 correct.', '4');
    await until(app, () => repository.current().attempts.length === 1);
    const data = repository.current();
    expect(data.attempts[0]).toEqual([0, 'b', 1, 30_000, START_MS + 30_000]);
    expect(data.items).toEqual(['test/single']);
    // "easy" (4) was chosen over the derived "good": a new card rated easy is due days later, not minutes.
    expect(data.cards['test/single']!.due).toBeGreaterThan(START_MS + 86_400_000);
  });

  it('says what the right answer was after a wrong one, and Enter keeps the derived rating "again"', async () => {
    const { app, repository } = await renderQuiz([singleQuestion('test/single', TOPIC)], quizOf(1, 'test-topic'));
    await app.waitFor('pick one');
    const frame = await app.pressAndWaitFor('✗ Not quite: the answer is b (you answered a).', 'a', KEYS.enter);
    expect(frame).toContain('Enter keeps "again"');
    await app.pressAndWaitFor('Done: 0 of 1 correct.', KEYS.enter);
    await until(app, () => repository.current().attempts.length === 1);
    expect(repository.current().cards['test/single']!.lapses + repository.current().cards['test/single']!.reps).toBeGreaterThan(0);
  });

  it('toggles picks on a "choose two" question and grades the pair', async () => {
    const { app } = await renderQuiz([multipleQuestion('test/multiple', TOPIC)], quizOf(1, 'test-topic'));
    await app.waitFor('choose two');
    await app.press('a', 'b', 'c', 'b');
    const frame = app.frame();
    expect(frame).toContain('[x] a) r1');
    expect(frame).toContain('[ ] b) w1');
    expect(frame).toContain('[x] c) r2');
    await app.pressAndWaitFor('✓ Correct.', KEYS.enter);
  });

  it('asks for a pick before submitting', async () => {
    const { app } = await renderQuiz([singleQuestion('test/single', TOPIC)], quizOf(1, 'test-topic'));
    await app.waitFor('pick one');
    await app.pressAndWaitFor('(pick a choice first)', KEYS.enter);
  });

  it('takes a typed number for a numeric question, with Backspace, and q typed is not quit', async () => {
    const { app } = await renderQuiz([{ ...numericQuestion(), tags: { ...numericQuestion().tags, ...TOPIC } }], quizOf(1, 'test-topic'));
    await app.waitFor('numeric: type a number (USD)');
    await app.pressAndWaitFor('Your answer: 18.7q', '18.7q');
    await app.pressAndWaitFor('(type a number (in USD))', KEYS.enter);
    await app.pressAndWaitFor('Your answer: 18.74', '\u007f', '4');
    await app.pressAndWaitFor('✓ Correct.', KEYS.enter);
  });

  it('tells the learner when nothing is due for review', async () => {
    const { app } = await renderQuiz([singleQuestion()], { entry: 'review', action: { type: 'open-review', count: 5 } });
    await app.waitFor('Nothing is due for review now.');
    expect(app.frame()).toContain('Review');
  });
});
