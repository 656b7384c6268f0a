// Proves the quiz screen's state without ink: topic rows with question and due counts, picks (one for
// single choice, toggled for "choose N", letters past the last choice ignored), typing and erasing, a
// problem instead of an answer when nothing is picked, answer times measured from when the question
// showed (not from the rating before), and each rating producing one record.
import { describe, expect, it } from 'vitest';
import { newCard } from '../../../../src/quiz/index.js';
import { practiceReducer, startSession, topicRows, type PracticeAction, type PracticeScreenState, type QuizData } from '../../../../src/repl/screens/quiz/practice-state.js';
import { multipleQuestion, numericQuestion, singleQuestion } from '../../../helpers/questions.js';

const NOW_MS = Date.UTC(2026, 10, 25, 9, 0, 0);
const TOPIC = { topic: 'test-topic' };

function run(data: QuizData, actions: readonly [PracticeAction, number][]): { state: PracticeScreenState; records: number } {
  let state = startSession('practice', data, 'test-topic', 5, NOW_MS);
  let records = 0;
  for (const [action, atMs] of actions) {
    const step = practiceReducer(state, action, data, atMs);
    state = step.state;
    if (step.record !== undefined) records++;
  }
  return { state, records };
}

describe('the quiz screen state', () => {
  it('counts questions and due cards per topic, all topics first', () => {
    const data = { bank: [singleQuestion('a/one', TOPIC), multipleQuestion('a/two', TOPIC), singleQuestion('a/three')], cards: { 'a/one': newCard(NOW_MS - 1) } };
    expect(topicRows(data, NOW_MS)).toEqual([
      { topic: null, questionCount: 3, dueCount: 1 },
      { topic: 'dynamodb-capacity', questionCount: 1, dueCount: 0 },
      { topic: 'test-topic', questionCount: 2, dueCount: 1 },
    ]);
  });

  it('keeps one pick on a single choice, toggles on "choose N", and ignores letters past the last choice', () => {
    const single = run({ bank: [singleQuestion('a/one', TOPIC)], cards: {} }, [[{ type: 'pick', letter: 'a' }, NOW_MS], [{ type: 'pick', letter: 'c' }, NOW_MS], [{ type: 'pick', letter: 'e' }, NOW_MS]]);
    expect(single.state.selected).toEqual(['c']);
    const multiple = run({ bank: [multipleQuestion('a/two', TOPIC)], cards: {} }, [[{ type: 'pick', letter: 'a' }, NOW_MS], [{ type: 'pick', letter: 'c' }, NOW_MS], [{ type: 'pick', letter: 'a' }, NOW_MS]]);
    expect(multiple.state.selected).toEqual(['c']);
  });

  it('says what to do instead of grading an empty answer, and types and erases a number', () => {
    const empty = run({ bank: [singleQuestion('a/one', TOPIC)], cards: {} }, [[{ type: 'submit' }, NOW_MS]]);
    expect(empty.state).toMatchObject({ phase: 'question', problem: 'pick a choice first' });
    const numeric = { ...numericQuestion('a/num'), tags: { ...numericQuestion().tags, ...TOPIC } };
    const typed = run({ bank: [numeric], cards: {} }, [[{ type: 'type', text: '18.7' }, NOW_MS], [{ type: 'type', text: '9' }, NOW_MS], [{ type: 'erase' }, NOW_MS], [{ type: 'type', text: '4' }, NOW_MS]]);
    expect(typed.state.typed).toBe('18.74');
  });

  it('measures each answer from when its question showed, and records once per rating', () => {
    const data = { bank: [singleQuestion('a/one', TOPIC), singleQuestion('a/two', TOPIC)], cards: {} };
    const { state, records } = run(data, [
      [{ type: 'pick', letter: 'b' }, NOW_MS + 5_000],
      [{ type: 'submit' }, NOW_MS + 10_000],
      [{ type: 'rate', rating: 'derived' }, NOW_MS + 60_000],
      [{ type: 'pick', letter: 'a' }, NOW_MS + 61_000],
      [{ type: 'submit' }, NOW_MS + 70_000],
    ]);
    expect(state.phase).toBe('feedback');
    expect(state.answered).toMatchObject({ durationMs: 10_000, rating: 'again', grade: { isCorrect: false } });
    expect(records).toBe(1);
    const done = practiceReducer(state, { type: 'rate', rating: 'hard' }, data, NOW_MS + 71_000);
    expect(done.state.phase).toBe('done');
    expect(done.record?.changes[0].attempt).toMatchObject({ isCorrect: false, durationMs: 10_000 });
  });
});
