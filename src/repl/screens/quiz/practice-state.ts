// The quiz and review screen's state, pure: the topic picker, then one question at a time (letters
// picked or text typed), feedback with the rating row, and the summary. Grading and selection are the
// quiz engine's (src/quiz); this adds what the screen needs around them. The record of each rated
// answer (attempt + FSRS card) comes from the engine's `answerRecord`, the same as the plain mode's.
import {
  answerPractice,
  answerRecord,
  cardIdOf,
  currentQuestion,
  practicePool,
  selectPractice,
  selectReview,
  startPractice,
  type AnsweredEvent,
  type AnswerRecord,
  type CardRecord,
  type PracticeState,
  type Question,
  type SelfRating,
} from '../../../quiz/index.js';

/** What the quiz screens read: the question bank and the learner's cards as they are now. */
export interface QuizData {
  readonly bank: readonly Question[];
  readonly cards: Readonly<Record<string, CardRecord>>;
}

export type PracticePhase = 'topics' | 'question' | 'feedback' | 'done';

export interface PracticeScreenState {
  readonly mode: 'practice' | 'review';
  readonly phase: PracticePhase;
  readonly count: number;
  /** The highlighted row of the topic picker (0 is "all topics"). */
  readonly topicIndex: number;
  readonly session: PracticeState | null;
  /** Letters picked for a single or multiple response question, in the order picked. */
  readonly selected: readonly string[];
  /** Text typed for a numeric or ordering question. */
  readonly typed: string;
  /** Why the last submit was not an answer (nothing picked, not a number ...). */
  readonly problem: string | null;
  /** The answer being shown in feedback. */
  readonly answered: AnsweredEvent | null;
  /** Shown on the summary when there was nothing to ask. */
  readonly message: string | null;
}

export type PracticeAction =
  | { readonly type: 'move-topic'; readonly delta: number }
  | { readonly type: 'choose-topic' }
  | { readonly type: 'pick'; readonly letter: string }
  | { readonly type: 'type'; readonly text: string }
  | { readonly type: 'erase' }
  | { readonly type: 'submit' }
  | { readonly type: 'rate'; readonly rating: SelfRating | 'derived' };

export interface TopicRow {
  /** null: every topic. */
  readonly topic: string | null;
  readonly questionCount: number;
  readonly dueCount: number;
}

/** The picker's rows: all topics first, then each topic of the bank with its questions and due cards. */
export function topicRows(data: QuizData, nowMs: number): TopicRow[] {
  const isDue = (question: Question): boolean => (data.cards[cardIdOf(question)]?.due ?? Infinity) <= nowMs;
  const rowOf = (topic: string | null, questions: readonly Question[]): TopicRow => ({ topic, questionCount: questions.length, dueCount: questions.filter(isDue).length });
  const topics = [...new Set(data.bank.map((question) => question.tags.topic))].sort();
  return [rowOf(null, data.bank), ...topics.map((topic) => rowOf(topic, data.bank.filter((question) => question.tags.topic === topic)))];
}

const EMPTY: Omit<PracticeScreenState, 'mode' | 'phase' | 'count'> = { topicIndex: 0, session: null, selected: [], typed: '', problem: null, answered: null, message: null };

/** The topic picker of `trainer quiz` without --topic (and of the home screen's Quiz entry). */
export function pickTopic(count: number): PracticeScreenState {
  return { ...EMPTY, mode: 'practice', phase: 'topics', count };
}

/** Starts asking: practice over `topic` (null for all), or review of what is due. */
export function startSession(mode: PracticeScreenState['mode'], data: QuizData, topic: string | null, count: number, nowMs: number): PracticeScreenState {
  const seed = nowMs % 1_000_000;
  const pool = practicePool(data.bank, topic, seed);
  const questions = mode === 'practice' ? selectPractice(pool, data.cards, count, nowMs, seed) : selectReview(pool, data.cards, count, nowMs);
  const base: PracticeScreenState = { ...EMPTY, mode, count, phase: 'question', session: startPractice(mode, questions, nowMs) };
  if (questions.length > 0) return base;
  const message = mode === 'review' ? 'Nothing is due for review now. Practise with the Quiz to fill your review cards.' : 'There are no questions for this topic.';
  return { ...base, phase: 'done', message };
}

/** The question on screen: the one answered while feedback shows, else the next one to answer. */
export function questionOnScreen(state: PracticeScreenState): Question | undefined {
  if (state.phase === 'feedback') return state.answered?.question;
  return state.session === null ? undefined : currentQuestion(state.session);
}

function pick(state: PracticeScreenState, question: Question, letter: string): PracticeScreenState {
  if (question.type !== 'single' && question.type !== 'multiple') return state;
  if (letter.charCodeAt(0) - 'a'.charCodeAt(0) >= question.choices.length) return state;
  if (question.type === 'single') return { ...state, selected: [letter], problem: null };
  const selected = state.selected.includes(letter) ? state.selected.filter((l) => l !== letter) : [...state.selected, letter];
  return { ...state, selected, problem: null };
}

function submit(state: PracticeScreenState, question: Question, nowMs: number): PracticeScreenState {
  if (state.session === null) return state;
  const isTyped = question.type === 'numeric' || question.type === 'ordering';
  const line = isTyped ? state.typed : [...state.selected].sort().join(' ');
  if (line.trim() === '') return { ...state, problem: isTyped ? 'type your answer first' : 'pick a choice first' };
  const step = answerPractice(state.session, line, nowMs);
  if ('problem' in step) return { ...state, problem: step.problem };
  return { ...state, session: step.state, phase: 'feedback', answered: step.event, problem: null };
}

export interface PracticeStep {
  readonly state: PracticeScreenState;
  /** Set when an answer was rated: what to record, and the card's new state. */
  readonly record?: AnswerRecord;
}

/** Rates the answer shown; the next question's answer time starts now, not at the answer before. */
function rate(state: PracticeScreenState, rating: SelfRating | 'derived', data: QuizData, nowMs: number): PracticeStep {
  if (state.answered === null || state.session === null) return { state };
  const record = answerRecord(data.cards, state.answered, rating === 'derived' ? state.answered.rating : rating);
  const isDone = currentQuestion(state.session) === undefined;
  const session = { ...state.session, shownAtMs: nowMs };
  return { state: { ...state, session, phase: isDone ? 'done' : 'question', answered: null, selected: [], typed: '' }, record };
}

/** One action at `nowMs` (the time answers are stamped with and measured from). */
export function practiceReducer(state: PracticeScreenState, action: PracticeAction, data: QuizData, nowMs: number): PracticeStep {
  const question = questionOnScreen(state);
  switch (action.type) {
    case 'move-topic': {
      const rowCount = topicRows(data, nowMs).length;
      return { state: { ...state, topicIndex: (state.topicIndex + action.delta + rowCount) % rowCount } };
    }
    case 'choose-topic': {
      const row = topicRows(data, nowMs)[state.topicIndex];
      return { state: row === undefined ? state : startSession('practice', data, row.topic, state.count, nowMs) };
    }
    case 'pick':
      return { state: state.phase === 'question' && question !== undefined ? pick(state, question, action.letter) : state };
    case 'type':
      return { state: state.phase === 'question' ? { ...state, typed: state.typed + action.text, problem: null } : state };
    case 'erase':
      return { state: { ...state, typed: state.typed.slice(0, -1) } };
    case 'submit':
      return { state: state.phase === 'question' && question !== undefined ? submit(state, question, nowMs) : state };
    case 'rate':
      return state.phase === 'feedback' ? rate(state, action.rating, data, nowMs) : { state };
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}
