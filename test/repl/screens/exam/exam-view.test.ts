// Proves the exam screen's pure pieces: the countdown text, the percentage bar, the overview cell
// markers (? unanswered, ⚑ flagged), picks that toggle and clear on "choose N", and a clock tick
// that ends the exam once time is up and records the result exactly once.
import { describe, expect, it } from 'vitest';
import { examIntro, examScreenReducer, pickedLetters } from '../../../../src/repl/screens/exam/exam-screen-state.js';
import { cellText, countdownText, percentBar } from '../../../../src/repl/screens/exam/exam-view.js';
import { multipleQuestion } from '../../../helpers/questions.js';

const NOW_MS = Date.UTC(2026, 10, 25, 9, 0, 0);
const BANK = [1, 2, 3, 4, 5, 6].map((n) => multipleQuestion(`test/m${n}`));

describe('exam view pieces', () => {
  it('counts down in minutes and seconds, rounding up', () => {
    expect(countdownText(130 * 60_000)).toBe('130:00 left');
    expect(countdownText(61_500)).toBe('1:02 left');
    expect(countdownText(1)).toBe('0:01 left');
    expect(countdownText(-5)).toBe('0:00 left');
  });

  it('draws bars with filled and empty cells, clamped to 0–100 %', () => {
    expect(percentBar(50, 10)).toBe('█████░░░░░');
    expect(percentBar(100, 4)).toBe('████');
    expect(percentBar(140, 4)).toBe('████');
    expect(percentBar(0, 4)).toBe('░░░░');
  });

  it('marks unanswered and flagged questions with characters, not colour', () => {
    expect(cellText({ number: 7, isAnswered: false, isFlagged: true, isCursor: false })).toBe('  7?⚑');
    expect(cellText({ number: 12, isAnswered: true, isFlagged: false, isCursor: true })).toBe('❯12  ');
  });
});

describe('the exam screen state', () => {
  const started = examScreenReducer(examIntro('DVA-C02', true, NOW_MS), { type: 'start', seed: 3 }, BANK, NOW_MS).state;

  it('toggles picks on "choose N" and clears the answer when the last pick goes', () => {
    // The pool also holds generated single-choice questions: go to the first "choose N" one.
    const index = started.session!.items.findIndex((item) => item.question.type === 'multiple');
    const atMultiple = examScreenReducer(started, { type: 'move', delta: index }, BANK, NOW_MS).state;
    const letter = (state: typeof started, pick: string) => examScreenReducer(state, { type: 'pick', letter: pick }, BANK, NOW_MS).state;
    const two = letter(letter(atMultiple, 'a'), 'c');
    expect(pickedLetters(two.session!)).toEqual(['a', 'c']);
    const none = letter(letter(two, 'a'), 'c');
    expect(none.session!.answers[index]).toBeNull();
  });

  it('ends at the first tick past the limit, recording once', () => {
    const before = examScreenReducer(started, { type: 'tick' }, BANK, NOW_MS + 40 * 60_000 - 1);
    expect(before.state.phase).toBe('question');
    expect(before.record).toBeUndefined();
    const after = examScreenReducer(before.state, { type: 'tick' }, BANK, NOW_MS + 40 * 60_000);
    expect(after.state.phase).toBe('results');
    expect(after.state.result?.endReason).toBe('time-up');
    expect(after.record?.exam.durationMs).toBe(40 * 60_000);
    expect(examScreenReducer(after.state, { type: 'tick' }, BANK, NOW_MS + 50 * 60_000).record).toBeUndefined();
  });
});
