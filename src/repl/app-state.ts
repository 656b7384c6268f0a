// Which screen the shell shows, and the home menu's selection (kept while other screens are open, so
// Esc returns to the entry you left from). Pure.
import type { HomeEntryId } from './screens/home/home-entries.js';
import { HOME_ENTRIES } from './screens/home/home-entries.js';
import { homeReducer, initialHomeState, type HomeAction, type HomeState } from './screens/home/home-state.js';

export type Screen =
  | { readonly kind: 'home' }
  | { readonly kind: 'help' }
  | { readonly kind: 'unavailable'; readonly entry: HomeEntryId };

export type AppAction =
  | { readonly type: 'open'; readonly entry: HomeEntryId }
  | { readonly type: 'back' }
  | { readonly type: 'home'; readonly action: HomeAction };

export interface AppState {
  readonly screen: Screen;
  readonly home: HomeState;
}

export const initialAppState: AppState = { screen: { kind: 'home' }, home: initialHomeState };

/** Quitting is not a state: the app component unmounts ink instead. */
export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'back':
      return { ...state, screen: { kind: 'home' } };
    case 'open':
      return { ...state, screen: screenFor(action.entry) };
    case 'home':
      return { ...state, home: homeReducer(state.home, action.action) };
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

function screenFor(entry: HomeEntryId): Screen {
  if (entry === 'help') return { kind: 'help' };
  const spec = HOME_ENTRIES.find((candidate) => candidate.id === entry);
  if (spec === undefined || !spec.isAvailable) return { kind: 'unavailable', entry };
  // Entries that become available get their own screen kinds here as their features land.
  return { kind: 'unavailable', entry };
}
