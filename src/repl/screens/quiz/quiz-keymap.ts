// Key bindings of the quiz, review and mock exam screens, as data (the footers and help are generated
// from them, as for keymap.ts). Choices are picked with a–g (the schema allows 7); the key functions
// check the letter against the question, and footers narrow the letters to the question's choices.
import type { Binding } from '../../keymap.js';

/** Every letter that can pick a choice; only those within the question's choices do. */
export const CHOICE_LETTERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const;

export type TopicKeyAction = 'move-up' | 'move-down' | 'start' | 'back' | 'quit';
export const TOPIC_KEYS: readonly Binding<TopicKeyAction>[] = [
  { keys: ['up', 'k'], action: 'move-up', description: 'move up' },
  { keys: ['down', 'j'], action: 'move-down', description: 'move down' },
  { keys: ['enter'], action: 'start', description: 'start a quiz on the highlighted topic', short: 'start' },
  { keys: ['escape'], action: 'back', description: 'back to the home screen', short: 'back' },
  { keys: ['q'], action: 'quit', description: 'quit' },
];

export type ChoiceKeyAction = 'pick' | 'submit' | 'back' | 'quit';
export const CHOICE_KEYS: readonly Binding<ChoiceKeyAction>[] = [
  { keys: CHOICE_LETTERS, action: 'pick', description: 'pick a choice (on "choose N" a second press unpicks it)', short: 'pick' },
  { keys: ['enter'], action: 'submit', description: 'submit the answer', short: 'submit' },
  { keys: ['escape'], action: 'back', description: 'leave the quiz (rated answers are saved)', short: 'leave' },
  { keys: ['q'], action: 'quit', description: 'quit' },
];

export type TypingKeyAction = 'submit' | 'erase' | 'back';
/** Numeric and ordering questions: every other key is typed into the answer. */
export const TYPING_KEYS: readonly Binding<TypingKeyAction>[] = [
  { keys: ['enter'], action: 'submit', description: 'submit the answer', short: 'submit' },
  { keys: ['backspace'], action: 'erase', description: 'erase a character', short: 'erase' },
  { keys: ['escape'], action: 'back', description: 'leave the quiz (rated answers are saved)', short: 'leave' },
];

export type RatingKeyAction = 'again' | 'hard' | 'good' | 'easy' | 'derived' | 'back' | 'quit';
export const RATING_KEYS: readonly Binding<RatingKeyAction>[] = [
  { keys: ['1'], action: 'again', description: 'rate: again', short: 'again' },
  { keys: ['2'], action: 'hard', description: 'rate: hard', short: 'hard' },
  { keys: ['3'], action: 'good', description: 'rate: good', short: 'good' },
  { keys: ['4'], action: 'easy', description: 'rate: easy', short: 'easy' },
  { keys: ['enter'], action: 'derived', description: 'keep the rating derived from your answer and time', short: 'keep' },
  { keys: ['escape'], action: 'back', description: 'leave the quiz (this answer is not saved until rated)', short: 'leave' },
  { keys: ['q'], action: 'quit', description: 'quit' },
];

export type DoneKeyAction = 'back' | 'quit';
export const DONE_KEYS: readonly Binding<DoneKeyAction>[] = [
  { keys: ['enter', 'escape'], action: 'back', description: 'back to the home screen', short: 'back' },
  { keys: ['q'], action: 'quit', description: 'quit' },
];

export type ExamIntroKeyAction = 'start' | 'switch-exam' | 'toggle-quick' | 'back' | 'quit';
export const EXAM_INTRO_KEYS: readonly Binding<ExamIntroKeyAction>[] = [
  { keys: ['enter'], action: 'start', description: 'start the exam', short: 'start' },
  { keys: ['e'], action: 'switch-exam', description: 'switch between DVA-C02 and SAA-C03', short: 'exam' },
  { keys: ['u'], action: 'toggle-quick', description: 'switch between the full and the quick exam', short: 'full/quick' },
  { keys: ['escape'], action: 'back', description: 'back to the home screen', short: 'back' },
  { keys: ['q'], action: 'quit', description: 'quit' },
];

export type ExamQuestionKeyAction = 'pick' | 'previous' | 'next' | 'toggle-flag' | 'overview' | 'ask-submit';
/**
 * During the exam q does not quit (Ctrl+C still does): one stray key must not throw away an exam.
 * Flagging is `m` (mark) or `!`: every letter from a to g may be a choice.
 */
export const EXAM_QUESTION_KEYS: readonly Binding<ExamQuestionKeyAction>[] = [
  { keys: CHOICE_LETTERS, action: 'pick', description: 'pick a choice (on "choose N" a second press unpicks it)', short: 'pick' },
  { keys: ['left', 'p'], action: 'previous', description: 'previous question', short: 'prev' },
  { keys: ['right', 'n'], action: 'next', description: 'next question', short: 'next' },
  { keys: ['m', '!'], action: 'toggle-flag', description: 'mark (flag) or unflag the question for review', short: 'flag' },
  { keys: ['o', 'escape'], action: 'overview', description: 'overview of all questions', short: 'overview' },
  { keys: ['s'], action: 'ask-submit', description: 'submit the exam (asks first)', short: 'submit' },
];

export type ExamOverviewKeyAction = 'left' | 'right' | 'up' | 'down' | 'open' | 'ask-submit';
export const EXAM_OVERVIEW_KEYS: readonly Binding<ExamOverviewKeyAction>[] = [
  { keys: ['left'], action: 'left', description: 'previous question', short: 'prev' },
  { keys: ['right'], action: 'right', description: 'next question', short: 'next' },
  { keys: ['up'], action: 'up', description: 'ten questions back', short: '−10' },
  { keys: ['down'], action: 'down', description: 'ten questions on', short: '+10' },
  { keys: ['enter', 'escape'], action: 'open', description: 'go to the highlighted question', short: 'open' },
  { keys: ['s'], action: 'ask-submit', description: 'submit the exam (asks first)', short: 'submit' },
];

export type ExamConfirmKeyAction = 'submit' | 'cancel';
export const EXAM_CONFIRM_KEYS: readonly Binding<ExamConfirmKeyAction>[] = [
  { keys: ['y'], action: 'submit', description: 'yes, submit the exam', short: 'submit' },
  { keys: ['n', 'escape'], action: 'cancel', description: 'no, back to the questions', short: 'back to the questions' },
];

export type ExamResultsKeyAction = 'previous' | 'next' | 'back' | 'quit';
export const EXAM_RESULTS_KEYS: readonly Binding<ExamResultsKeyAction>[] = [
  { keys: ['left', 'p'], action: 'previous', description: 'previous explanation', short: 'prev' },
  { keys: ['right', 'n'], action: 'next', description: 'next explanation', short: 'next' },
  { keys: ['enter', 'escape'], action: 'back', description: 'back to the home screen', short: 'home' },
  { keys: ['q'], action: 'quit', description: 'quit' },
];
