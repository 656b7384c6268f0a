// The state the quiz, review and mock exam screens share, pure: the question bank, the learner's cards
// as they stand (updated as answers are rated), each screen's own state, and the outbox of progress
// changes not yet written. The app writes the outbox through the progress store (use-progress-outbox.ts),
// so the reducers stay pure and a change is recorded once, in order.
import type { ProgressChange } from '../progress/index.js';
import type { ExamId, Question, CardRecord } from '../quiz/index.js';
import { examIntro, examScreenReducer, type ExamScreenAction, type ExamScreenState } from './screens/exam/exam-screen-state.js';
import { pickTopic, practiceReducer, startSession, type PracticeAction, type PracticeScreenState } from './screens/quiz/practice-state.js';

export interface OutboxEntry {
  /** 1, 2, 3 ... in the order the changes were made. */
  readonly seq: number;
  readonly changes: readonly ProgressChange[];
}

export interface LearningState {
  readonly bank: readonly Question[];
  readonly cards: Readonly<Record<string, CardRecord>>;
  readonly practice: PracticeScreenState | null;
  readonly exam: ExamScreenState | null;
  readonly outbox: readonly OutboxEntry[];
}

export type LearningAction =
  /** `topic` undefined: show the topic picker first. */
  | { readonly type: 'open-quiz'; readonly topic?: string | null; readonly count: number }
  | { readonly type: 'open-review'; readonly count: number }
  /** `start`: at once (`trainer exam`), seeded by `seed` or the clock; otherwise the intro asks which exam. */
  | { readonly type: 'open-exam'; readonly exam: ExamId; readonly isQuick: boolean; readonly start?: boolean; readonly seed?: number }
  | { readonly type: 'practice'; readonly action: PracticeAction }
  | { readonly type: 'exam'; readonly action: ExamScreenAction };

/** Questions asked per quiz and review opened from the home screen (the plain modes' defaults). */
export const QUIZ_COUNT = 10;
export const REVIEW_COUNT = 20;

export function initialLearningState(bank: readonly Question[] = [], cards: Readonly<Record<string, CardRecord>> = {}): LearningState {
  return { bank, cards, practice: null, exam: null, outbox: [] };
}

function withChanges(state: LearningState, changes: readonly ProgressChange[]): readonly OutboxEntry[] {
  return [...state.outbox, { seq: state.outbox.length + 1, changes }];
}

export function learningReducer(state: LearningState, action: LearningAction, nowMs: number): LearningState {
  switch (action.type) {
    case 'open-quiz':
      return { ...state, practice: action.topic === undefined ? pickTopic(action.count) : startSession('practice', state, action.topic, action.count, nowMs) };
    case 'open-review':
      return { ...state, practice: startSession('review', state, null, action.count, nowMs) };
    case 'open-exam': {
      const intro = examIntro(action.exam, action.isQuick, nowMs);
      if (action.start !== true) return { ...state, exam: intro };
      const start = action.seed === undefined ? { type: 'start' as const } : { type: 'start' as const, seed: action.seed };
      return { ...state, exam: examScreenReducer(intro, start, state.bank, nowMs).state };
    }
    case 'practice': {
      if (state.practice === null) return state;
      const step = practiceReducer(state.practice, action.action, state, nowMs);
      if (step.record === undefined) return { ...state, practice: step.state };
      return { ...state, practice: step.state, cards: { ...state.cards, [step.record.cardId]: step.record.card }, outbox: withChanges(state, step.record.changes) };
    }
    case 'exam': {
      if (state.exam === null) return state;
      const step = examScreenReducer(state.exam, action.action, state.bank, nowMs);
      return { ...state, exam: step.state, outbox: step.record === undefined ? state.outbox : withChanges(state, [step.record]) };
    }
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}
