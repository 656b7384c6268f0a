// The mock exam screen's state, pure: an intro (which exam, full or quick), the questions (letters
// picked, flag, move, the overview of all questions), the confirm-before-submit, and the results with
// explanations to page through. The exam itself is the quiz engine's (`stepExam`, `examResult`); the
// time limit is checked against the `nowMs` every action carries, and a clock tick ends the exam when
// time is up even if no key is pressed.
import {
  FULL_EXAM,
  QUICK_EXAM,
  examPool,
  examRecord,
  examResult,
  planExam,
  startExam,
  stepExam,
  type ExamId,
  type ExamRecord,
  type ExamResult,
  type ExamState,
  type Question,
} from '../../../quiz/index.js';

export type ExamPhase = 'intro' | 'question' | 'overview' | 'confirm' | 'results';

export interface ExamScreenState {
  readonly phase: ExamPhase;
  readonly exam: ExamId;
  readonly isQuick: boolean;
  readonly session: ExamState | null;
  readonly result: ExamResult | null;
  /** The last clock reading, for the countdown. */
  readonly nowMs: number;
  /** The highlighted question of the overview, and the question whose explanation the results show. */
  readonly cursor: number;
  /** What the bank could not fill, or why an action did nothing ("time is up"). */
  readonly notice: string | null;
}

export type ExamScreenAction =
  | { readonly type: 'switch-exam' }
  | { readonly type: 'toggle-quick' }
  | { readonly type: 'start'; readonly seed?: number }
  | { readonly type: 'pick'; readonly letter: string }
  | { readonly type: 'toggle-flag' }
  | { readonly type: 'move'; readonly delta: number }
  | { readonly type: 'overview' }
  | { readonly type: 'open-question' }
  | { readonly type: 'ask-submit' }
  | { readonly type: 'cancel-submit' }
  | { readonly type: 'submit' }
  | { readonly type: 'tick' };

export interface ExamStep {
  readonly state: ExamScreenState;
  /** Set once, when the exam ends: the result for the progress store. */
  readonly record?: ExamRecord;
}

export function examIntro(exam: ExamId, isQuick: boolean, nowMs: number): ExamScreenState {
  return { phase: 'intro', exam, isQuick, session: null, result: null, nowMs, cursor: 0, notice: null };
}

function start(state: ExamScreenState, bank: readonly Question[], nowMs: number, seed: number): ExamScreenState {
  const format = state.isQuick ? QUICK_EXAM : FULL_EXAM;
  const plan = planExam(examPool(bank, seed), state.exam, format, seed);
  if (plan.items.length === 0) return { ...state, notice: `The bank has no single or multiple choice questions for ${state.exam}.` };
  const notice = plan.items.length < format.questionCount ? `The bank has only ${plan.items.length} questions for ${state.exam}; this exam is shorter.` : null;
  return { ...state, phase: 'question', session: startExam(state.exam, format, plan.items, nowMs), nowMs, cursor: 0, notice };
}

/** The letters picked for the current question (none when unanswered). */
export function pickedLetters(session: ExamState): readonly string[] {
  const answer = session.answers[session.current];
  return answer === null || answer === undefined || answer.kind !== 'choices' ? [] : answer.letters;
}

/** Single choice: the letter replaces the answer. Multiple response: it toggles; none left clears it. */
function pick(session: ExamState, letter: string, nowMs: number): { session: ExamState; problem?: string } {
  const question = session.items[session.current]?.question;
  if (question === undefined || (question.type !== 'single' && question.type !== 'multiple')) return { session };
  if (letter.charCodeAt(0) - 'a'.charCodeAt(0) >= question.choices.length) return { session };
  const before = pickedLetters(session);
  const letters = question.type === 'single' ? [letter] : before.includes(letter) ? before.filter((l) => l !== letter) : [...before, letter];
  if (letters.length === 0) return { session: { ...session, answers: session.answers.map((answer, i) => (i === session.current ? null : answer)) } };
  const step = stepExam(session, { type: 'answer', line: [...letters].sort().join(' ') }, nowMs);
  return step.problem === undefined ? { session: step.state } : { session: step.state, problem: step.problem };
}

/** Applies an engine step; when it ended the exam (submitted or out of time), shows the results. */
function settle(state: ExamScreenState, session: ExamState, problem: string | undefined, nowMs: number): ExamStep {
  const next: ExamScreenState = { ...state, session, nowMs, notice: problem ?? null };
  if (session.endReason === null) return { state: next };
  const result = examResult(session);
  if (result === undefined) return { state: next };
  return { state: { ...next, phase: 'results', result, cursor: 0, notice: null }, record: examRecord(session, result) };
}

function sessionStep(state: ExamScreenState, session: ExamState, action: ExamScreenAction, nowMs: number): ExamStep {
  const engine = (step: { state: ExamState; problem?: string }): ExamStep => settle(state, step.state, step.problem, nowMs);
  switch (action.type) {
    case 'pick': {
      const picked = pick(session, action.letter, nowMs);
      return settle(state, picked.session, picked.problem, nowMs);
    }
    case 'toggle-flag':
      return engine(stepExam(session, { type: 'toggle-flag' }, nowMs));
    case 'move':
      return engine(stepExam(session, { type: 'go-to', index: session.current + action.delta }, nowMs));
    case 'open-question':
      return settle({ ...state, phase: 'question' }, stepExam(session, { type: 'go-to', index: state.cursor }, nowMs).state, undefined, nowMs);
    case 'submit':
      return engine(stepExam(session, { type: 'submit' }, nowMs));
    case 'tick':
      // Past the limit any engine action ends the exam as "time-up"; before it, a move to where we are is a no-op.
      return engine(stepExam(session, { type: 'go-to', index: session.current }, nowMs));
    case 'overview':
      return settle({ ...state, phase: 'overview', cursor: session.current }, session, undefined, nowMs);
    case 'ask-submit':
      return settle({ ...state, phase: 'confirm' }, session, undefined, nowMs);
    case 'cancel-submit':
      return settle({ ...state, phase: 'question' }, session, undefined, nowMs);
    default:
      return { state };
  }
}

/** One action at `nowMs`. */
export function examScreenReducer(state: ExamScreenState, action: ExamScreenAction, bank: readonly Question[], nowMs: number): ExamStep {
  if (state.phase === 'intro') {
    if (action.type === 'switch-exam') return { state: { ...state, exam: state.exam === 'DVA-C02' ? 'SAA-C03' : 'DVA-C02' } };
    if (action.type === 'toggle-quick') return { state: { ...state, isQuick: !state.isQuick } };
    if (action.type === 'start') return { state: start(state, bank, nowMs, action.seed ?? nowMs % 1_000_000) };
    return { state };
  }
  if (state.phase === 'results') {
    const total = state.session?.items.length ?? 0;
    if (action.type === 'move' && total > 0) return { state: { ...state, cursor: Math.min(total - 1, Math.max(0, state.cursor + action.delta)) } };
    return { state };
  }
  if (state.session === null) return { state };
  if (state.phase === 'overview' && action.type === 'move') {
    return { state: { ...state, nowMs, cursor: Math.min(state.session.items.length - 1, Math.max(0, state.cursor + action.delta)) } };
  }
  return sessionStep(state, state.session, action, nowMs);
}
