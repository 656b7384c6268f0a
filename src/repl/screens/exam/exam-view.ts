// What the mock exam screen shows, as plain data (pure, tested without ink): the countdown, the
// overview grid with answered/flagged markers, the score with its caveat, per-domain bars with
// percentages, and each question's explanation after the end.
import { PASSING_SCALED, type ExamResult, type ExamState } from '../../../quiz/index.js';
import { feedbackView, type FeedbackView } from '../quiz/practice-view.js';
import { pickedLetters } from './exam-screen-state.js';

/** "129:58 left": minutes and seconds, rounded up so the last second still shows 0:01. */
export function countdownText(remainingMs: number): string {
  const totalSeconds = Math.max(0, Math.ceil(remainingMs / 1_000));
  return `${Math.floor(totalSeconds / 60)}:${String(totalSeconds % 60).padStart(2, '0')} left`;
}

export interface OverviewCell {
  readonly number: number;
  readonly isAnswered: boolean;
  readonly isFlagged: boolean;
  readonly isCursor: boolean;
}

/** Questions per row of the overview (5 columns each: 50 fit in 60 columns). */
export const OVERVIEW_COLUMNS = 10;

export function overviewCells(session: ExamState, cursor: number): OverviewCell[] {
  return session.items.map((_, i) => ({ number: i + 1, isAnswered: session.answers[i] !== null, isFlagged: session.flagged[i] === true, isCursor: i === cursor }));
}

/**
 * " 12?⚑": the number, ? when unanswered, ⚑ when flagged; "❯12" at the cursor (markers, so neither
 * colour nor inverse video, both gone with NO_COLOR, is needed). Exams have at most 99 questions.
 */
export function cellText(cell: OverviewCell): string {
  return `${cell.isCursor ? '❯' : ' '}${String(cell.number).padStart(2)}${cell.isAnswered ? ' ' : '?'}${cell.isFlagged ? '⚑' : ' '}`;
}

export function overviewSummary(session: ExamState): string {
  const open = session.answers.filter((answer) => answer === null).length;
  const flagged = session.flagged.filter(Boolean).length;
  return `${session.items.length - open} answered · ${open} unanswered (?) · ${flagged} flagged (⚑)`;
}

/** "██████░░░░": `percent` of `width` cells filled. */
export function percentBar(percent: number, width: number): string {
  const filled = Math.round((Math.min(100, Math.max(0, percent)) / 100) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

export interface DomainRow {
  readonly title: string;
  readonly weightPercent: number;
  readonly correct: number;
  readonly total: number;
  /** null when the exam had no scored question of the domain. */
  readonly percent: number | null;
}

export function domainRows(result: ExamResult): DomainRow[] {
  return result.domains.map((d) => ({ title: d.title, weightPercent: d.weightPercent, correct: d.correct, total: d.total, percent: d.total === 0 ? null : Math.round((100 * d.correct) / d.total) }));
}

export interface ScoreView {
  readonly headline: string;
  readonly score: string;
  readonly isPassed: boolean;
  readonly caveat: string;
}

export function scoreView(result: ExamResult, questionCount: number): ScoreView {
  const percent = result.total === 0 ? 0 : Math.round((100 * result.correct) / result.total);
  const ended = result.endReason === 'time-up' ? 'Time is up: the exam was submitted as it stood.' : 'Exam submitted.';
  return {
    headline: `${ended} ${result.exam}: ${result.correct} of ${result.total} scored questions right (${percent} %); ${questionCount - result.total} unscored, as on the real exam. Unanswered: ${result.unanswered}.`,
    score: `Scaled score ${result.scaledScore} of 1000 (estimate) · ${PASSING_SCALED} to pass · ${result.isPassed ? 'PASS ✓' : 'FAIL ✗'}`,
    isPassed: result.isPassed,
    caveat: 'An estimate: AWS does not publish its scaling; this one is linear.',
  };
}

/** The explanation of question `index` after the end: what was answered, what was right, and why. */
export function explanationView(session: ExamState, result: ExamResult, index: number): (FeedbackView & { readonly stem: string }) | undefined {
  const item = session.items[index];
  const grade = result.grades[index];
  if (item === undefined || grade === undefined) return undefined;
  const answered = pickedLetters({ ...session, current: index });
  return { ...feedbackView({ question: item.question, grade, answerText: answered.join(' ') }), stem: item.question.stem };
}
