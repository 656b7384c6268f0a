// The home menu's state and transitions, pure so they are tested without React.
import { HOME_ENTRIES, type HomeEntry } from './home-entries.js';

export interface HomeState {
  readonly selectedIndex: number;
}

export type HomeAction = { readonly type: 'move-up' } | { readonly type: 'move-down' } | { readonly type: 'select'; readonly index: number };

export const initialHomeState: HomeState = { selectedIndex: 0 };

/** Moves wrap around, so the last entry is one key away from the first. */
export function homeReducer(state: HomeState, action: HomeAction): HomeState {
  const entryCount = HOME_ENTRIES.length;
  switch (action.type) {
    case 'move-up':
      return { selectedIndex: (state.selectedIndex - 1 + entryCount) % entryCount };
    case 'move-down':
      return { selectedIndex: (state.selectedIndex + 1) % entryCount };
    case 'select':
      return action.index >= 0 && action.index < entryCount ? { selectedIndex: action.index } : state;
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

export function selectedEntry(state: HomeState): HomeEntry {
  const entry = HOME_ENTRIES[state.selectedIndex];
  if (entry === undefined) throw new Error(`home selection ${state.selectedIndex} is outside the menu`);
  return entry;
}
