// Pure state machines for the three modes: practice (immediate feedback), review (the same, over due
// cards) and the mock exam (no feedback until the end, flag and return, a time limit checked against
// the `nowMs` the shell passes with every action). Nothing here reads a clock or writes progress: the
// shell reads `events` and records them.
import { gradeAnswer, readAnswer, type Answer, type Grade } from './grade.js';
import {
  DOMAIN_TITLES,
  DOMAIN_WEIGHTS,
  PASSING_SCALED,
  scaledScoreEstimate,
  type ExamFormat,
  type ExamItem,
} from './exam-format.js';
import { ratingFor, type SelfRating } from './scheduler.js';
import type { ExamId, Question } from './schema.js';

// ---- practice and review ----

export interface AnsweredEvent {
  readonly type: 'question-answered';
  readonly question: Question;
  readonly answerText: string;
  readonly grade: Grade;
  readonly durationMs: number;
  readonly atMs: number;
  /** The FSRS rating derived from correctness and time, unless the learner gives their own. */
  readonly rating: SelfRating;
}

export interface PracticeState {
  readonly mode: 'practice' | 'review';
  readonly questions: readonly Question[];
  readonly index: number;
  readonly shownAtMs: number;
  readonly correctCount: number;
}

export type PracticeStep = { readonly state: PracticeState; readonly event: AnsweredEvent } | { readonly state: PracticeState; readonly problem: string };

export function startPractice(mode: PracticeState['mode'], questions: readonly Question[], nowMs: number): PracticeState {
  return { mode, questions, index: 0, shownAtMs: nowMs, correctCount: 0 };
}

export function currentQuestion(state: PracticeState): Question | undefined {
  return state.questions[state.index];
}

export function isPracticeDone(state: PracticeState): boolean {
  return state.index >= state.questions.length;
}

/** Grades the typed line; an unreadable line leaves the state as it is and says what to type. */
export function answerPractice(state: PracticeState, line: string, nowMs: number): PracticeStep {
  const question = currentQuestion(state);
  if (question === undefined) return { state, problem: 'there are no more questions' };
  const read = readAnswer(question, line);
  if (!read.ok) return { state, problem: read.message };
  const grade = gradeAnswer(question, read.answer);
  const durationMs = Math.max(0, nowMs - state.shownAtMs);
  const event: AnsweredEvent = { type: 'question-answered', question, answerText: line.trim(), grade, durationMs, atMs: nowMs, rating: ratingFor(grade.isCorrect, durationMs) };
  const next: PracticeState = { ...state, index: state.index + 1, shownAtMs: nowMs, correctCount: state.correctCount + (grade.isCorrect ? 1 : 0) };
  return { state: next, event };
}

// ---- mock exam ----

export interface ExamState {
  readonly exam: ExamId;
  readonly format: ExamFormat;
  readonly items: readonly ExamItem[];
  readonly answers: readonly (Answer | null)[];
  readonly flagged: readonly boolean[];
  readonly current: number;
  readonly startedAtMs: number;
  readonly endedAtMs: number | null;
  readonly endReason: 'submitted' | 'time-up' | null;
}

export type ExamAction =
  | { readonly type: 'answer'; readonly line: string }
  | { readonly type: 'toggle-flag' }
  | { readonly type: 'go-to'; readonly index: number }
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'submit' };

export function startExam(exam: ExamId, format: ExamFormat, items: readonly ExamItem[], nowMs: number): ExamState {
  return {
    exam,
    format,
    items,
    answers: items.map(() => null),
    flagged: items.map(() => false),
    current: 0,
    startedAtMs: nowMs,
    endedAtMs: null,
    endReason: null,
  };
}

export function remainingMs(state: ExamState, nowMs: number): number {
  const endMs = state.endedAtMs ?? nowMs;
  return Math.max(0, state.startedAtMs + state.format.timeLimitMs - endMs);
}

function clampIndex(state: ExamState, index: number): number {
  return Math.min(Math.max(0, index), state.items.length - 1);
}

/** One exam action at `nowMs`. Past the time limit the exam ends and the action is ignored. */
export function stepExam(state: ExamState, action: ExamAction, nowMs: number): { state: ExamState; problem?: string } {
  if (state.endReason !== null) return { state, problem: 'the exam has ended' };
  const deadlineMs = state.startedAtMs + state.format.timeLimitMs;
  if (nowMs >= deadlineMs) return { state: { ...state, endedAtMs: deadlineMs, endReason: 'time-up' }, problem: 'time is up' };
  switch (action.type) {
    case 'answer': {
      const item = state.items[state.current];
      if (item === undefined) return { state, problem: 'there is no question here' };
      const read = readAnswer(item.question, action.line);
      if (!read.ok) return { state, problem: read.message };
      return { state: { ...state, answers: state.answers.map((answer, i) => (i === state.current ? read.answer : answer)) } };
    }
    case 'toggle-flag':
      return { state: { ...state, flagged: state.flagged.map((flag, i) => (i === state.current ? !flag : flag)) } };
    case 'go-to':
      return { state: { ...state, current: clampIndex(state, action.index) } };
    case 'next':
      return { state: { ...state, current: clampIndex(state, state.current + 1) } };
    case 'previous':
      return { state: { ...state, current: clampIndex(state, state.current - 1) } };
    case 'submit':
      return { state: { ...state, endedAtMs: nowMs, endReason: 'submitted' } };
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

export interface DomainReport {
  readonly domain: string;
  readonly title: string;
  readonly weightPercent: number;
  readonly correct: number;
  readonly total: number;
}

export interface ExamResult {
  readonly exam: ExamId;
  readonly correct: number;
  readonly total: number;
  readonly unanswered: number;
  readonly scaledScore: number;
  readonly isPassed: boolean;
  readonly durationMs: number;
  readonly endReason: 'submitted' | 'time-up';
  readonly domains: readonly DomainReport[];
  /** Per question, in exam order: the grade (unscored ones included, for the review after the end). */
  readonly grades: readonly Grade[];
}

/** The result of an ended exam: only scored questions count; each domain with its guide weight. */
export function examResult(state: ExamState): ExamResult | undefined {
  if (state.endReason === null || state.endedAtMs === null) return undefined;
  const grades = state.items.map((item, i) => {
    const answer = state.answers[i];
    return answer === null || answer === undefined ? { ...gradeAnswer(item.question, { kind: 'choices', letters: [] }), isCorrect: false } : gradeAnswer(item.question, answer);
  });
  const scored = state.items.flatMap((item, i) => (item.isScored ? [{ item, isCorrect: grades[i]!.isCorrect }] : []));
  const correct = scored.filter((entry) => entry.isCorrect).length;
  const weights = DOMAIN_WEIGHTS[state.exam];
  const domains = Object.entries(weights).map(([domain, weightPercent]) => {
    const inDomain = scored.filter((entry) => entry.item.domain === domain);
    return { domain, title: DOMAIN_TITLES[domain] ?? domain, weightPercent, correct: inDomain.filter((entry) => entry.isCorrect).length, total: inDomain.length };
  });
  const scaledScore = scaledScoreEstimate(correct, scored.length);
  return {
    exam: state.exam,
    correct,
    total: scored.length,
    unanswered: state.answers.filter((answer) => answer === null).length,
    scaledScore,
    isPassed: scaledScore >= PASSING_SCALED,
    durationMs: state.endedAtMs - state.startedAtMs,
    endReason: state.endReason,
    domains,
    grades,
  };
}
