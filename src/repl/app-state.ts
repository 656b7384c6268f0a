// Which screen the shell shows, and the home menu's selection (kept while other screens are open, so
// Esc returns to the entry you left from). Pure.
import type { HomeEntryId } from './screens/home/home-entries.js';
import { HOME_ENTRIES } from './screens/home/home-entries.js';
import { homeReducer, initialHomeState, type HomeAction, type HomeState } from './screens/home/home-state.js';
import { initialReplState, replReducer, type ReplAction, type ReplState } from './screens/repl/repl-state.js';

export type Screen =
  | { readonly kind: 'home' }
  | { readonly kind: 'help' }
  | { readonly kind: 'repl' }
  | { readonly kind: 'unavailable'; readonly entry: HomeEntryId };

export type AppAction =
  | { readonly type: 'open'; readonly entry: HomeEntryId }
  | { readonly type: 'back' }
  | { readonly type: 'home'; readonly action: HomeAction }
  /** `leaveTo: 'quit'` for `trainer repl`, where leaving the sandbox leaves trainer. */
  | { readonly type: 'open-repl'; readonly leaveTo: 'home' | 'quit'; readonly seed?: number }
  | { readonly type: 'repl'; readonly action: ReplAction };

export interface AppState {
  readonly screen: Screen;
  readonly home: HomeState;
  readonly repl: ReplState;
}

export const initialAppState: AppState = { screen: { kind: 'home' }, home: initialHomeState, repl: initialReplState() };

/** Quitting is not a state: the app component unmounts ink instead. */
export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'back':
      return { ...state, screen: { kind: 'home' } };
    case 'open':
      return open(state, action.entry);
    case 'home':
      return { ...state, home: homeReducer(state.home, action.action) };
    case 'open-repl':
      // Each visit starts a fresh world (the session lives in the screen); the history stays.
      return { ...state, screen: { kind: 'repl' }, repl: { ...initialReplState(action.leaveTo, action.seed ?? 1), history: state.repl.history } };
    case 'repl':
      return { ...state, repl: replReducer(state.repl, action.action) };
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

function open(state: AppState, entry: HomeEntryId): AppState {
  const screen = screenFor(entry);
  return screen.kind === 'repl' ? appReducer(state, { type: 'open-repl', leaveTo: 'home' }) : { ...state, screen };
}

function screenFor(entry: HomeEntryId): Screen {
  if (entry === 'help') return { kind: 'help' };
  const spec = HOME_ENTRIES.find((candidate) => candidate.id === entry);
  if (spec === undefined || !spec.isAvailable) return { kind: 'unavailable', entry };
  if (entry === 'repl') return { kind: 'repl' };
  // Entries that become available get their own screen kinds here as their features land.
  return { kind: 'unavailable', entry };
}
