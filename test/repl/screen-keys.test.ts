// Proves help and the key tables agree: `?` opens help over the screen it was pressed on (browser,
// runner, quiz, exam, dashboard, REPL), help lists that screen's key tables and then the global
// keys, Esc returns to the same screen with its state; every key table is shown by some screen's
// help; `?` is typed where a line is typed; and which keys scroll on which screen.
import { describe, expect, it } from 'vitest';
import { routeKeys } from '../../src/repl/app-keys.js';
import { appReducer, createAppState, initialAppState, type AppState } from '../../src/repl/app-state.js';
import * as keymap from '../../src/repl/keymap.js';
import { initialLearningState } from '../../src/repl/learning-state.js';
import { keysOfScreen, scrollKeysOf } from '../../src/repl/screen-keys.js';
import { helpLines } from '../../src/repl/screens/help/help-lines.js';
import * as quizKeymap from '../../src/repl/screens/quiz/quiz-keymap.js';
import { REPL_KEYS } from '../../src/repl/screens/repl/repl-keys.js';
import type { StyledLine } from '../../src/repl/styled-line.js';
import { numericQuestion, singleQuestion } from '../helpers/questions.js';
import { testLibrary } from '../helpers/scenario-library.js';

const after = (state: AppState, names: readonly string[]) => routeKeys(state, names, 1_000).actions.reduce(appReducer, state);
const text = (lines: readonly StyledLine[]): string => lines.map((styled) => styled.map((segment) => segment.text).join('')).join('\n');
const base: AppState = { ...createAppState(testLibrary), learning: initialLearningState([singleQuestion('test/q', { topic: 'test-topic' })]) };

/** Each screen help can be opened from, reached by keys from home. */
const SCREENS: readonly (readonly [string, readonly string[], string])[] = [
  ['the scenario browser', ['1'], 'filter by text'],
  ['the scenario runner', ['1', 'k', 'enter'], 'retry this step (the world goes back to its start)'],
  ['the quiz and review', ['2'], 'rate: again'],
  ['the mock exam', ['4'], 'mark (flag) or unflag the question for review'],
  ['the progress dashboard', ['5'], 'back to the home screen'],
  ['the sandbox REPL', ['6'], 'complete the word (twice: list what fits)'],
];

describe('help for the screen it was opened from', () => {
  it.each(SCREENS)('lists the keys of %s, then the global keys; Esc goes back to it', (name, keys, description) => {
    const screen = after(base, keys);
    const help = after(screen, ['?']);
    expect(help.screen).toEqual({ kind: 'help', from: screen.screen });
    const keysOf = keysOfScreen(help.screen.kind === 'help' ? help.screen.from : undefined, help);
    expect(keysOf.name).toBe(name);
    const shown = text(helpLines(keysOf));
    expect(shown).toContain(`Keys of ${name}`);
    expect(shown).toContain(description);
    expect(shown.indexOf('Everywhere')).toBeGreaterThan(shown.indexOf(description));
    for (const binding of keysOf.sections.flatMap((section) => section.bindings)) expect(shown).toContain(binding.description);
    const back = after(help, ['escape']);
    expect(back.screen).toEqual(screen.screen);
    expect(back.scenarios).toBe(screen.scenarios);
  });

  it('lists the keys of what the screen is doing first: rating after a quiz answer, the filter while typing one', () => {
    const feedback = after(base, ['2', 'j', 'enter', 'b', 'enter']);
    expect(keysOfScreen(feedback.screen, feedback).sections[0]?.bindings).toBe(quizKeymap.RATING_KEYS);
    const filtering = after(base, ['1', '/']);
    expect(keysOfScreen(filtering.screen, filtering).sections[0]?.bindings).toBe(keymap.BROWSER_FILTER_KEYS);
  });

  it('shows every key table of the shell on some screen (the help screen and the progress problem show theirs in the footer)', () => {
    const shownTables = SCREENS.flatMap(([, keys]) => keysOfScreen(after(base, keys).screen, after(base, keys)).sections.map((section) => section.bindings));
    shownTables.push(...keysOfScreen(undefined, base).sections.map((section) => section.bindings));
    const shownBindings = new Set(shownTables.flat());
    const entries: [string, unknown][] = [...Object.entries(keymap), ...Object.entries(quizKeymap), ['REPL_KEYS', REPL_KEYS]];
    const tables = entries.filter((entry): entry is [string, readonly keymap.Binding<string>[]] => Array.isArray(entry[1]) && typeof entry[1][0] === 'object');
    const unshown = tables.filter(([name, table]) => !['GLOBAL_KEYS', 'HELP_KEYS', 'PROGRESS_PROBLEM_KEYS'].includes(name) && !table.every((binding) => shownBindings.has(binding)));
    expect(unshown.map(([name]) => name)).toEqual([]);
  });

  it('types ? where a line is typed: the REPL prompt with text, the browser filter, a numeric answer', () => {
    const repl = after(base, ['6', 'x', '?']);
    expect(repl.screen.kind).toBe('repl');
    expect(repl.repl.input).toBe('x?');
    expect(after(base, ['6', '?']).screen).toMatchObject({ kind: 'help', from: { kind: 'repl' } });
    expect(after(base, ['1', '/', '?']).scenarios.browser.filter).toBe('?');
    const numeric = { ...initialAppState, learning: initialLearningState([{ ...numericQuestion('test/n'), tags: { ...numericQuestion().tags, topic: 'test-topic' } }]) };
    expect(after(numeric, ['2', 'j', 'enter', '?']).learning.practice?.typed).toBe('?');
  });

  it('scrolls with ↑/↓ and PgUp/PgDn where ↑/↓ are free, with PgUp/PgDn only during a task, and not in lists', () => {
    const names = (state: AppState) => scrollKeysOf(state).flatMap((binding) => binding.keys);
    expect(names(after(base, ['5']))).toEqual(['pageup', 'up', 'pagedown', 'down']);
    expect(names(after(base, ['1']))).toEqual([]);
    expect(names(after(base, ['2']))).toEqual([]);
    expect(names(after(base, ['2', 'j', 'enter']))).toEqual(['pageup', 'up', 'pagedown', 'down']);
    const runner = after(base, ['1', 'k', 'enter']);
    expect(names(runner)).toEqual(['pageup', 'up', 'pagedown', 'down']);
  });
});
