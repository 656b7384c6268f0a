// Proves how the shell moves between screens: unbuilt features open the "not available yet" screen,
// help opens help, and going back returns home with the selection kept.
import { describe, expect, it } from 'vitest';
import { appReducer, initialAppState } from '../../src/repl/app-state.js';
import { HOME_ENTRIES } from '../../src/repl/screens/home/home-entries.js';

describe('appReducer', () => {
  it('opens the unavailable screen for every entry that is not built yet', () => {
    for (const entry of HOME_ENTRIES.filter((e) => !e.isAvailable)) {
      expect(appReducer(initialAppState, { type: 'open', entry: entry.id }).screen).toEqual({ kind: 'unavailable', entry: entry.id });
    }
  });

  it('opens help', () => {
    expect(appReducer(initialAppState, { type: 'open', entry: 'help' }).screen).toEqual({ kind: 'help' });
  });

  it('keeps the home selection across a visit to another screen', () => {
    const moved = appReducer(initialAppState, { type: 'home', action: { type: 'move-down' } });
    const away = appReducer(moved, { type: 'open', entry: 'quiz' });
    const back = appReducer(away, { type: 'back' });
    expect({ screen: back.screen, home: back.home }).toEqual({ screen: { kind: 'home' }, home: { selectedIndex: 1 } });
  });
});
