// Proves the key tables are sound: no key means two things on one screen, every binding is described,
// and pasted or fast-typed keys are split so none is lost.
import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import {
  BACK_KEYS,
  BROWSER_FILTER_KEYS,
  BROWSER_KEYS,
  HOME_KEYS,
  PROGRESS_PROBLEM_KEYS,
  RUN_FINISHED_KEYS,
  RUN_QUESTION_KEYS,
  RUN_READING_KEYS,
  RUN_TASK_KEYS,
  describeBindings,
  keyNamesOf,
  type Binding,
} from '../../src/repl/keymap.js';

const noKey: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};

describe.each([
  ['home', HOME_KEYS],
  ['other screens', BACK_KEYS],
  ['progress problem', PROGRESS_PROBLEM_KEYS],
  ['scenario browser', BROWSER_KEYS],
  ['scenario filter', BROWSER_FILTER_KEYS],
  ['runner while reading', RUN_READING_KEYS],
  ['runner question', RUN_QUESTION_KEYS],
  ['runner task', RUN_TASK_KEYS],
  ['runner finished', RUN_FINISHED_KEYS],
] as [string, readonly Binding<string>[]][])('the %s key table', (_name, table) => {
  it('binds each key to one action only', () => {
    const keys = table.flatMap((binding) => binding.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('describes every binding', () => {
    for (const binding of table) expect(binding.description.trim()).not.toBe('');
  });
});

describe('footers', () => {
  it('read letter runs as ranges, and keep only the first key of each binding when too wide', () => {
    const bindings: Binding<string>[] = [
      { keys: ['a', 'b', 'c', 'd'], action: 'pick', description: 'pick' },
      { keys: ['left', 'p'], action: 'prev', description: 'previous', short: 'prev' },
      { keys: ['escape', 'enter', 'b'], action: 'back', description: 'back' },
    ];
    expect(describeBindings(bindings)).toBe('a–d pick · ←/p prev · Esc/Enter/b back');
    expect(describeBindings(bindings, 30)).toBe('a–d pick · ← prev · Esc back');
  });
});

describe('keyNamesOf', () => {
  it('splits several printable keys that arrived as one event', () => {
    expect(keyNamesOf('jj\r', noKey)).toEqual(['j', 'j', 'enter']);
  });

  it('names Ctrl+C that arrived after other keys in one event', () => {
    expect(keyNamesOf('3\u0003', noKey)).toEqual(['3', 'ctrl-c']);
  });

  it('names arrows, Enter and Escape, and ignores Ctrl/Meta chords', () => {
    expect(keyNamesOf('', { ...noKey, upArrow: true })).toEqual(['up']);
    expect(keyNamesOf('\r', { ...noKey, return: true })).toEqual(['enter']);
    expect(keyNamesOf('', { ...noKey, escape: true, meta: true })).toEqual(['escape']);
    expect(keyNamesOf('x', { ...noKey, ctrl: true })).toEqual([]);
    // Backspace arrives as DEL, which ink 6 reports as `delete`.
    expect(keyNamesOf('', { ...noKey, delete: true })).toEqual(['backspace']);
    expect(keyNamesOf('a b', noKey)).toEqual(['a', ' ', 'b']);
  });
});

describe('describeBindings', () => {
  it('renders the footer line with arrow symbols, leaving out the numbered jumps', () => {
    expect(describeBindings(BACK_KEYS)).toBe('Esc/Enter/b back · q quit');
    expect(describeBindings(HOME_KEYS)).not.toContain('jump');
  });
});
