// A question and its feedback as styled lines (pure), for the quiz and the exam: drawn through the
// scroll view, so a long stem, many choices or a long explanation scroll at any terminal size.
// ✓/✗ and "right"/"wrong" carry the meaning; colour only repeats it.
import type { Question } from '../../../quiz/index.js';
import { line, type StyledLine } from '../../styled-line.js';
import { optionRows, pickMarker, type FeedbackView } from './practice-view.js';

/** The stem, then (when `showOptions`) a blank line and the lettered choices or steps. */
export function questionLines(question: Question, picked: readonly string[], showOptions: boolean): StyledLine[] {
  const stem = question.stem.split('\n').map((text) => line(text));
  if (!showOptions) return stem;
  const options = optionRows(question, picked).map((row) => {
    const marker = question.type === 'ordering' ? ' ' : pickMarker(question, row.isPicked);
    return row.isPicked ? line(`${marker} ${row.letter}) ${row.text}`, 'accent', true) : line(`${marker} ${row.letter}) ${row.text}`);
  });
  return options.length === 0 ? stem : [...stem, [], ...options];
}

/** The verdict, why each choice is right or wrong, the explanation and the reference. */
export function feedbackLines(view: FeedbackView): StyledLine[] {
  return [
    line(view.verdict, view.isCorrect ? 'success' : 'error', true),
    ...view.reasons.map((reason) => line(reason.text, reason.isRight ? 'success' : 'muted')),
    ...view.explanation.split('\n').map((text) => line(text)),
    line(view.reference, 'muted'),
  ];
}
