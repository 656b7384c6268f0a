// Proves grading of all four kinds of question: single choice, multiple response without partial
// credit, numeric within its tolerance, and ordering against the shuffled display; and that typed
// lines are read into answers or a message saying what to type.
import { describe, expect, it } from 'vitest';
import { gradeAnswer, orderingDisplay, readAnswer, type Answer } from '../../src/quiz/index.js';
import type { Question } from '../../src/quiz/index.js';
import { multipleQuestion, numericQuestion, orderingQuestion, singleQuestion } from '../helpers/questions.js';

const grade = (question: Question, line: string) => {
  const read = readAnswer(question, line);
  if (!read.ok) throw new Error(read.message);
  return gradeAnswer(question, read.answer);
};

describe('gradeAnswer', () => {
  it('single choice: only the one right letter is correct', () => {
    expect(grade(singleQuestion(), 'b')).toEqual({ isCorrect: true, expected: 'b' });
    expect(grade(singleQuestion(), 'a').isCorrect).toBe(false);
    expect(grade(singleQuestion(), 'b d').isCorrect).toBe(false);
  });

  it('multiple response: all right letters and nothing else, in any order; no partial credit', () => {
    expect(grade(multipleQuestion(), 'c a')).toEqual({ isCorrect: true, expected: 'a c' });
    expect(grade(multipleQuestion(), 'a,c').isCorrect).toBe(true);
    expect(grade(multipleQuestion(), 'a').isCorrect).toBe(false);
    expect(grade(multipleQuestion(), 'a c d').isCorrect).toBe(false);
  });

  it('numeric: within the tolerance, ignoring $ and thousands separators', () => {
    expect(grade(numericQuestion(), '18.74')).toEqual({ isCorrect: true, expected: '18.74' });
    expect(grade(numericQuestion(), '$18.75').isCorrect).toBe(true);
    expect(grade(numericQuestion(), '18.76').isCorrect).toBe(false);
    expect(gradeAnswer(numericQuestion(), { kind: 'choices', letters: ['a'] }).isCorrect).toBe(false);
  });

  it('ordering: the letters of the shown steps in the right order', () => {
    const question = orderingQuestion();
    const display = orderingDisplay(question as Extract<Question, { type: 'ordering' }>);
    expect([...display].sort()).toEqual([0, 1, 2, 3]);
    expect(display).not.toEqual([0, 1, 2, 3]);
    const letters = [0, 1, 2, 3].map((step) => 'abcd'[display.indexOf(step)]!);
    const answer: Answer = { kind: 'order', letters };
    expect(gradeAnswer(question, answer)).toEqual({ isCorrect: true, expected: letters.join(' ') });
    expect(gradeAnswer(question, { kind: 'order', letters: [...letters].reverse() }).isCorrect).toBe(false);
    expect(gradeAnswer(question, { kind: 'order', letters: letters.slice(0, 3) }).isCorrect).toBe(false);
  });
});

describe('readAnswer', () => {
  it('says what to type when the line cannot be an answer', () => {
    const message = (question: Question, line: string) => {
      const read = readAnswer(question, line);
      return read.ok ? 'ok' : read.message;
    };
    expect([message(singleQuestion(), 'e'), message(singleQuestion(), ''), message(numericQuestion(), 'lots'), message(orderingQuestion(), 'a b x')]).toMatchInlineSnapshot(`
      [
        "type letters from a, b, c, d",
        "type letters from a, b, c, d",
        "type a number (in USD)",
        "type letters from a, b, c, d",
      ]
    `);
  });
});
