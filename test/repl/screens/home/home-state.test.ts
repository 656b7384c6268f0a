// Proves the home menu's movement rules without React: wrap-around both ways and guarded jumps.
import { describe, expect, it } from 'vitest';
import { HOME_ENTRIES } from '../../../../src/repl/screens/home/home-entries.js';
import { homeReducer, initialHomeState, selectedEntry } from '../../../../src/repl/screens/home/home-state.js';

describe('homeReducer', () => {
  it('starts on the first entry, Scenarios', () => {
    expect(selectedEntry(initialHomeState).id).toBe('scenarios');
  });

  it('wraps from the first entry up to the last, and from the last down to the first', () => {
    const last = homeReducer(initialHomeState, { type: 'move-up' });
    expect(selectedEntry(last).id).toBe('quit');
    expect(homeReducer(last, { type: 'move-down' })).toEqual(initialHomeState);
  });

  it('selects by index only inside the menu', () => {
    expect(homeReducer(initialHomeState, { type: 'select', index: 2 }).selectedIndex).toBe(2);
    expect(homeReducer(initialHomeState, { type: 'select', index: HOME_ENTRIES.length })).toBe(initialHomeState);
    expect(homeReducer(initialHomeState, { type: 'select', index: -1 })).toBe(initialHomeState);
  });
});
