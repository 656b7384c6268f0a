// What the quiz screen shows, as plain data computed from the state (pure, tested without ink): the
// question's kind in words, its choices or steps with letters and picks, and the feedback after an
// answer (✓/✗ in words, why each choice is right or wrong, the explanation, the reference).
import { letterOf, orderingDisplay, type AnsweredEvent, type Question, type SelfRating } from '../../../quiz/index.js';

/** "single choice", "multiple response: choose two" ... the type, as the exam words it. */
export function kindLabel(question: Question): string {
  switch (question.type) {
    case 'single':
      return 'single choice: pick one';
    case 'multiple': {
      const count = question.choices.filter((choice) => choice.correct).length;
      const words = ['none', 'one', 'two', 'three', 'four', 'five'];
      return `multiple response: choose ${words[count] ?? count}`;
    }
    case 'numeric':
      return `numeric: type a number (${question.unit})`;
    case 'ordering':
      return 'ordering: type the letters in order, e.g. "c a b d"';
    default: {
      const unreachable: never = question;
      return unreachable;
    }
  }
}

export interface OptionRow {
  readonly letter: string;
  readonly text: string;
  readonly isPicked: boolean;
}

/** Choices (single, multiple) or steps (ordering, shown shuffled), each with its letter. */
export function optionRows(question: Question, picked: readonly string[]): OptionRow[] {
  if (question.type === 'single' || question.type === 'multiple') {
    return question.choices.map((choice, i) => ({ letter: letterOf(i), text: choice.text, isPicked: picked.includes(letterOf(i)) }));
  }
  if (question.type === 'ordering') return orderingDisplay(question).map((step, i) => ({ letter: letterOf(i), text: question.steps[step] ?? '', isPicked: false }));
  return [];
}

/** The marker before a choice: a box for "choose N", a circle for one; filled when picked. */
export function pickMarker(question: Question, isPicked: boolean): string {
  if (question.type === 'multiple') return isPicked ? '[x]' : '[ ]';
  return isPicked ? '(•)' : '( )';
}

export interface FeedbackView {
  readonly isCorrect: boolean;
  /** "✓ Correct." or "✗ Not quite: the answer is b (you answered c)." */
  readonly verdict: string;
  /** Why each choice is right or wrong, for single and multiple response. */
  readonly reasons: readonly { readonly isRight: boolean; readonly text: string }[];
  readonly explanation: string;
  readonly reference: string;
}

/** Feedback on one answer: after each quiz question, and for each question once an exam ends. */
export function feedbackView(event: Pick<AnsweredEvent, 'question' | 'grade' | 'answerText'>): FeedbackView {
  const { question, grade } = event;
  const verdict = grade.isCorrect ? '✓ Correct.' : `✗ Not quite: the answer is ${grade.expected} (you answered ${event.answerText === '' ? 'nothing' : event.answerText}).`;
  const reasons = question.type === 'single' || question.type === 'multiple'
    ? question.choices.map((choice, i) => ({ isRight: choice.correct, text: `${choice.correct ? '✓ right' : '✗ wrong'} ${letterOf(i)}) ${choice.why}` }))
    : [];
  return { isCorrect: grade.isCorrect, verdict, reasons, explanation: question.explanation, reference: `Reference: ${question.references.join(' ')}` };
}

/** The rating row's question; the keys (1 again · 2 hard · 3 good · 4 easy) are in the footer below it. */
export function ratingPrompt(derived: SelfRating): string {
  return `How well did you know it? Enter keeps "${derived}" (from your answer and its time).`;
}
