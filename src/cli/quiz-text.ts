// Text for the plain quiz modes: a question with lettered choices, the feedback after an answer, and
// the JSON objects of --json. Pure: strings in, strings out.
import { letterOf, orderingDisplay, type Grade, type Question } from '../quiz/index.js';

function hint(question: Question): string {
  switch (question.type) {
    case 'single':
      return 'Answer with one letter.';
    case 'multiple': {
      const right = question.choices.filter((choice) => choice.correct).length;
      return `Choose ${right}: answer with ${right} letters, e.g. "a c".`;
    }
    case 'numeric':
      return `Answer with a number (${question.unit}).`;
    case 'ordering':
      return 'Put the steps in order: answer with all letters, e.g. "c a b".';
    default: {
      const unreachable: never = question;
      return unreachable;
    }
  }
}

/** The options as the learner sees them, in display order with their letters. */
export function optionLines(question: Question): string[] {
  if (question.type === 'single' || question.type === 'multiple') return question.choices.map((choice, i) => `  ${letterOf(i)}) ${choice.text}`);
  if (question.type === 'ordering') return orderingDisplay(question).map((stepIndex, i) => `  ${letterOf(i)}) ${question.steps[stepIndex]}`);
  return [];
}

export function questionText(question: Question, heading: string): string {
  const options = optionLines(question);
  return [heading, '', question.stem, '', ...options, ...(options.length === 0 ? [] : ['']), hint(question)].join('\n');
}

/** Right or wrong, the right answer, and why each choice is right or wrong. */
export function feedbackText(question: Question, grade: Grade): string {
  const lines = [grade.isCorrect ? 'Correct.' : `Not quite. The answer is: ${grade.expected}`];
  if (question.type === 'single' || question.type === 'multiple') {
    question.choices.forEach((choice, i) => lines.push(`  ${letterOf(i)}) ${choice.correct ? 'right' : 'wrong'}: ${choice.why}`));
  }
  lines.push(question.explanation, `Reference: ${question.references.join(' ')}`);
  return lines.join('\n');
}

/** The question as JSON, without its answer. */
export function questionJson(question: Question, position: number, total: number): Record<string, unknown> {
  const options = optionLines(question).map((line) => line.trim());
  return { type: 'question', position, total, id: question.id, kind: question.type, stem: question.stem, options, tags: question.tags };
}

export function minutesText(durationMs: number): string {
  const totalSeconds = Math.floor(durationMs / 1_000);
  return `${Math.floor(totalSeconds / 60)} min ${String(totalSeconds % 60).padStart(2, '0')} s`;
}
