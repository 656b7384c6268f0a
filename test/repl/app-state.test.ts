// Proves how the shell moves between screens: every home entry reaches its screen (unbuilt ones would
// open the "not available yet" screen), help opens help, and going back returns home with the
// selection kept.
import { describe, expect, it } from 'vitest';
import { appReducer, initialAppState } from '../../src/repl/app-state.js';
import { HOME_ENTRIES } from '../../src/repl/screens/home/home-entries.js';

describe('appReducer', () => {
  it('opens the unavailable screen for every entry that is not built yet', () => {
    for (const entry of HOME_ENTRIES.filter((e) => !e.isAvailable)) {
      expect(appReducer(initialAppState, { type: 'open', entry: entry.id }).screen).toEqual({ kind: 'unavailable', entry: entry.id });
    }
  });

  it('gives every home entry but Quit a screen of its own (Scenarios, Quiz, Review, Mock exam, Progress, Sandbox REPL, Help)', () => {
    const kinds = HOME_ENTRIES.filter((e) => e.id !== 'quit').map((e) => appReducer(initialAppState, { type: 'open', entry: e.id }).screen.kind);
    expect(kinds).toEqual(['scenarios', 'quiz', 'quiz', 'exam', 'progress', 'repl', 'help']);
  });

  it('opens help', () => {
    expect(appReducer(initialAppState, { type: 'open', entry: 'help' }).screen).toEqual({ kind: 'help' });
  });

  it('opens the sandbox REPL with a fresh log, keeping the history of the visit before', () => {
    const first = appReducer(initialAppState, { type: 'open', entry: 'repl' });
    expect(first.screen).toEqual({ kind: 'repl' });
    const typed = appReducer(first, { type: 'repl', action: { type: 'insert', text: 'sim clock' } });
    const submitted = appReducer(typed, { type: 'repl', action: { type: 'submit' } });
    const again = appReducer(appReducer(submitted, { type: 'back' }), { type: 'open', entry: 'repl' });
    expect(again.repl).toMatchObject({ history: ['sim clock'], pending: [], leaveTo: 'home' });
  });

  it('keeps the home selection across a visit to another screen', () => {
    const moved = appReducer(initialAppState, { type: 'home', action: { type: 'move-down' } });
    const away = appReducer(moved, { type: 'open', entry: 'quiz' });
    const back = appReducer(away, { type: 'back' });
    expect({ screen: back.screen, home: back.home }).toEqual({ screen: { kind: 'home' }, home: { selectedIndex: 1 } });
  });
});
