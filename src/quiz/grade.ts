// Grading of the four question kinds. An answer is what the learner typed, already split into parts:
// choice letters (single, multiple), a number (numeric), letters in order (ordering). Multiple
// response has no partial credit, as on the real exams.
import { seedOf } from './parse.js';
import type { Question } from './schema.js';

export type Answer =
  | { readonly kind: 'choices'; readonly letters: readonly string[] }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'order'; readonly letters: readonly string[] };

export interface Grade {
  readonly isCorrect: boolean;
  /** The right answer as the learner would type it: `b`, `a c`, `42`, `c a b d`. */
  readonly expected: string;
}

export const LETTERS = 'abcdefgh';

/** Decimal answers such as 18.75 − 18.74 are not exact in binary; this keeps the tolerance inclusive. */
const FLOAT_SLACK = 1e-9;

export function letterOf(index: number): string {
  return LETTERS[index] ?? '?';
}

/** Ordering questions show their steps in this order (a fixed shuffle per id, never the answer order). */
export function orderingDisplay(question: Extract<Question, { type: 'ordering' }>): number[] {
  const indexes = question.steps.map((_, i) => i);
  const hash = seedOf(question.id);
  const rotated = indexes.map((_, i) => indexes[(i + 1 + (hash % (indexes.length - 1))) % indexes.length]!);
  return hash % 2 === 0 ? rotated : rotated.reverse();
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((letter, i) => letter === right[i]);
}

export function gradeAnswer(question: Question, answer: Answer): Grade {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const right = question.choices.flatMap((choice, i) => (choice.correct ? [letterOf(i)] : []));
      const given = answer.kind === 'choices' ? answer.letters : [];
      const isCorrect = question.type === 'single' ? given.length === 1 && given[0] === right[0] : sameSet(given, right);
      return { isCorrect, expected: right.join(' ') };
    }
    case 'numeric': {
      const isCorrect = answer.kind === 'number' && Math.abs(answer.value - question.answer) <= question.tolerance + FLOAT_SLACK;
      return { isCorrect, expected: String(question.answer) };
    }
    case 'ordering': {
      const display = orderingDisplay(question);
      // The letter of each step in the correct order.
      const right = question.steps.map((_, stepIndex) => letterOf(display.indexOf(stepIndex)));
      const given = answer.kind === 'order' ? answer.letters : [];
      return { isCorrect: given.length === right.length && given.every((letter, i) => letter === right[i]), expected: right.join(' ') };
    }
    default: {
      const unreachable: never = question;
      return unreachable;
    }
  }
}

/** The learner's typed line → an Answer for this question, or a message saying what to type. */
export function readAnswer(question: Question, line: string): { ok: true; answer: Answer } | { ok: false; message: string } {
  const trimmed = line.trim().toLowerCase();
  if (question.type === 'numeric') {
    const value = Number(trimmed.replace(/[,\s$]/g, ''));
    return trimmed !== '' && Number.isFinite(value) ? { ok: true, answer: { kind: 'number', value } } : { ok: false, message: `type a number (in ${question.unit})` };
  }
  const count = question.type === 'ordering' ? question.steps.length : question.choices.length;
  const letters = trimmed.replace(/[,\s]+/g, '').split('');
  const valid = LETTERS.slice(0, count);
  if (letters.length === 0 || letters.some((letter) => !valid.includes(letter))) return { ok: false, message: `type letters from ${valid.split('').join(', ')}` };
  if (question.type === 'ordering') return { ok: true, answer: { kind: 'order', letters } };
  return { ok: true, answer: { kind: 'choices', letters } };
}
