// Proves the quiz and exam key tables are sound (no key means two things on one screen, every binding
// described), that ←/→ and Backspace get names, and what keys do on the quiz and exam screens through
// the app's router: picks, rating, typed letters that are not shortcuts, and q that does not quit an exam.
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { routeKeys } from '../../../../src/repl/app-keys.js';
import { appReducer, initialAppState, type AppState } from '../../../../src/repl/app-state.js';
import { keyNamesOf, type Binding } from '../../../../src/repl/keymap.js';
import { initialLearningState } from '../../../../src/repl/learning-state.js';
import * as tables from '../../../../src/repl/screens/quiz/quiz-keymap.js';
import { numericQuestion, singleQuestion } from '../../../helpers/questions.js';

const noKey: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};

const TABLES = Object.entries(tables as Record<string, unknown>).filter((entry): entry is [string, readonly Binding<string>[]] => Array.isArray(entry[1]) && typeof entry[1][0] === 'object');

describe.each(TABLES)('the %s table', (_name, table) => {
  it('binds each key to one action only, and describes every binding', () => {
    const keys = table.flatMap((binding) => binding.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const binding of table) expect(binding.description.trim()).not.toBe('');
  });
});

describe('quiz and exam keys', () => {
  const NOW_MS = 1_000_000;
  const after = (state: AppState, names: string[]) => routeKeys(state, names, NOW_MS).actions.reduce(appReducer, state);
  const withBank = (bank = [singleQuestion('test/q', { topic: 'test-topic' })]): AppState => ({ ...initialAppState, learning: initialLearningState(bank) });

  it('names ←, → and Backspace', () => {
    expect(keyNamesOf('', { ...noKey, leftArrow: true })).toEqual(['left']);
    expect(keyNamesOf('', { ...noKey, rightArrow: true })).toEqual(['right']);
    expect(keyNamesOf('', { ...noKey, delete: true })).toEqual(['backspace']);
  });

  it('picks, submits and rates on the quiz, with the time of the key', () => {
    const state = after(withBank(), ['2', 'j', 'enter', 'b', 'enter']);
    expect(state.learning.practice).toMatchObject({ phase: 'feedback', answered: { atMs: NOW_MS, grade: { isCorrect: true } } });
    const rated = after(state, ['3']);
    expect(rated.learning.practice?.phase).toBe('done');
    expect(rated.learning.outbox).toHaveLength(1);
  });

  it('types q into a numeric answer instead of quitting', () => {
    const numeric = { ...numericQuestion('test/n'), tags: { ...numericQuestion().tags, topic: 'test-topic' } };
    const state = after(withBank([numeric]), ['2', 'j', 'enter']);
    const outcome = routeKeys(state, ['1', 'q'], NOW_MS);
    expect(outcome.shouldQuit).toBe(false);
    expect(outcome.actions.reduce(appReducer, state).learning.practice?.typed).toBe('1q');
  });

  it('does not quit a running exam on q, and Esc there opens the overview', () => {
    const exam = after(withBank(), ['4', 'enter']);
    expect(exam.learning.exam?.phase).toBe('question');
    expect(routeKeys(exam, ['q'], NOW_MS)).toMatchObject({ actions: [], shouldQuit: false });
    expect(after(exam, ['escape']).learning.exam?.phase).toBe('overview');
  });

  it('picks the sixth choice of a question with f, and flags with m or ! (f is never flag)', () => {
    const six = singleQuestion('test/six', { topic: 'test-topic' });
    const sixChoices = { ...six, choices: [...('choices' in six ? six.choices : []), { text: 'w4', correct: false, why: 'why w4' }, { text: 'w5', correct: false, why: 'why w5' }] } as typeof six;
    const exam = after(withBank([sixChoices]), ['4', 'enter']);
    const index = exam.learning.exam?.session?.items.findIndex((item) => item.question.id === 'test/six') ?? -1;
    expect(index).toBeGreaterThanOrEqual(0);
    const onSix = after(exam, Array.from({ length: index }, () => 'n'));
    const picked = after(onSix, ['f']);
    expect(picked.learning.exam?.session?.answers[index]).not.toBeNull();
    expect(picked.learning.exam?.session?.flagged[index]).not.toBe(true);
    expect(after(picked, ['m']).learning.exam?.session?.flagged[index]).toBe(true);
    expect(after(picked, ['!', '!']).learning.exam?.session?.flagged[index]).not.toBe(true);
    expect(tables.EXAM_QUESTION_KEYS.find((binding) => binding.action === 'toggle-flag')?.keys).toEqual(['m', '!']);
  });
});
