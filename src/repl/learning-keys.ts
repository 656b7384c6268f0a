// What keys do on the quiz, review and mock exam screens, as a pure function the app's single input
// handler calls (app-keys.ts). While a numeric or ordering answer is typed, printable keys go into it,
// so `q` there is a letter, not quit.
import { resolveKey, type KeyName } from './keymap.js';
import type { LearningAction, LearningState } from './learning-state.js';
import type { ExamScreenAction, ExamScreenState } from './screens/exam/exam-screen-state.js';
import { questionOnScreen, type PracticeAction, type PracticeScreenState } from './screens/quiz/practice-state.js';
import {
  CHOICE_KEYS,
  CHOICE_LETTERS,
  DONE_KEYS,
  EXAM_CONFIRM_KEYS,
  EXAM_INTRO_KEYS,
  EXAM_OVERVIEW_KEYS,
  EXAM_QUESTION_KEYS,
  EXAM_RESULTS_KEYS,
  RATING_KEYS,
  TOPIC_KEYS,
  TYPING_KEYS,
} from './screens/quiz/quiz-keymap.js';
import type { Question } from '../quiz/index.js';

export type LearningKeyResult = readonly LearningAction[] | 'back' | 'quit';

const isPrintable = (name: KeyName): boolean => [...name].length === 1 && name >= ' ';

/** The letter's choice exists on this question (f and g only on questions that long). */
function isChoiceLetter(question: Question | undefined, name: KeyName): boolean {
  if (question === undefined || !('choices' in question)) return false;
  const index = (CHOICE_LETTERS as readonly string[]).indexOf(name);
  return index >= 0 && index < question.choices.length;
}

function questionKeys(state: PracticeScreenState, name: KeyName): PracticeAction[] | 'back' | 'quit' {
  const question = questionOnScreen(state);
  if (question?.type === 'numeric' || question?.type === 'ordering') {
    const action = resolveKey(TYPING_KEYS, name);
    if (action === 'back') return 'back';
    if (action !== undefined) return [{ type: action }];
    return isPrintable(name) ? [{ type: 'type', text: name }] : [];
  }
  if (isChoiceLetter(question, name)) return [{ type: 'pick', letter: name }];
  const action = resolveKey(CHOICE_KEYS, name);
  if (action === 'back' || action === 'quit') return action;
  return action === 'submit' ? [{ type: 'submit' }] : [];
}

function practiceKeys(state: PracticeScreenState, name: KeyName): PracticeAction[] | 'back' | 'quit' {
  switch (state.phase) {
    case 'topics': {
      const action = resolveKey(TOPIC_KEYS, name);
      if (action === 'back' || action === 'quit') return action;
      if (action === 'start') return [{ type: 'choose-topic' }];
      return action === undefined ? [] : [{ type: 'move-topic', delta: action === 'move-up' ? -1 : 1 }];
    }
    case 'question':
      return questionKeys(state, name);
    case 'feedback': {
      const action = resolveKey(RATING_KEYS, name);
      if (action === 'back' || action === 'quit') return action;
      return action === undefined ? [] : [{ type: 'rate', rating: action }];
    }
    default:
      return resolveKey(DONE_KEYS, name) ?? [];
  }
}

function examQuestionKeys(exam: ExamScreenState, name: KeyName): ExamScreenAction[] {
  const question = exam.session?.items[exam.session.current]?.question;
  if (isChoiceLetter(question, name)) return [{ type: 'pick', letter: name }];
  const action = resolveKey(EXAM_QUESTION_KEYS, name);
  switch (action) {
    case 'previous':
    case 'next':
      return [{ type: 'move', delta: action === 'next' ? 1 : -1 }];
    case 'toggle-flag':
    case 'overview':
    case 'ask-submit':
      return [{ type: action }];
    default:
      return [];
  }
}

const OVERVIEW_STEPS = { left: -1, right: 1, up: -10, down: 10 } as const;

function examKeys(exam: ExamScreenState, name: KeyName): ExamScreenAction[] | 'back' | 'quit' {
  switch (exam.phase) {
    case 'intro': {
      const action = resolveKey(EXAM_INTRO_KEYS, name);
      if (action === 'back' || action === 'quit') return action;
      return action === undefined ? [] : [{ type: action }];
    }
    case 'question':
      return examQuestionKeys(exam, name);
    case 'overview': {
      const action = resolveKey(EXAM_OVERVIEW_KEYS, name);
      if (action === 'open' || action === 'ask-submit') return [{ type: action === 'open' ? 'open-question' : 'ask-submit' }];
      return action === undefined ? [] : [{ type: 'move', delta: OVERVIEW_STEPS[action] }];
    }
    case 'confirm': {
      const action = resolveKey(EXAM_CONFIRM_KEYS, name);
      return action === undefined ? [] : [{ type: action === 'submit' ? 'submit' : 'cancel-submit' }];
    }
    default: {
      const action = resolveKey(EXAM_RESULTS_KEYS, name);
      if (action === 'back' || action === 'quit') return action;
      return action === undefined ? [] : [{ type: 'move', delta: action === 'next' ? 1 : -1 }];
    }
  }
}

/** Keys on the quiz/review screen (`screen` 'quiz') or the mock exam screen ('exam'). */
export function learningKeys(state: LearningState, screen: 'quiz' | 'exam', name: KeyName): LearningKeyResult {
  if (screen === 'quiz') {
    if (state.practice === null) return resolveKey(DONE_KEYS, name) ?? [];
    const result = practiceKeys(state.practice, name);
    return typeof result === 'string' ? result : result.map((action) => ({ type: 'practice', action }));
  }
  if (state.exam === null) return resolveKey(DONE_KEYS, name) ?? [];
  const result = examKeys(state.exam, name);
  return typeof result === 'string' ? result : result.map((action) => ({ type: 'exam', action }));
}
