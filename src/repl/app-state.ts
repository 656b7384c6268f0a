// Which screen the shell shows, and the home menu's selection (kept while other screens are open, so
// Esc returns to the entry you left from). Pure.
import { initialLearningState, learningReducer, type LearningAction, type LearningState } from './learning-state.js';
import type { HomeEntryId } from './screens/home/home-entries.js';
import { HOME_ENTRIES } from './screens/home/home-entries.js';
import { homeReducer, initialHomeState, type HomeAction, type HomeState } from './screens/home/home-state.js';

export type Screen =
  | { readonly kind: 'home' }
  | { readonly kind: 'help' }
  /** Quiz and review (topic picker, questions, feedback), the mock exam, the progress dashboard. */
  | { readonly kind: 'quiz' }
  | { readonly kind: 'exam' }
  | { readonly kind: 'progress' }
  | { readonly kind: 'unavailable'; readonly entry: HomeEntryId };

export type AppAction =
  | { readonly type: 'open'; readonly entry: HomeEntryId }
  | { readonly type: 'back' }
  | { readonly type: 'home'; readonly action: HomeAction }
  /** Quiz, review and exam actions carry the clock reading they happen at (answer times, the exam limit). */
  | { readonly type: 'learning'; readonly action: LearningAction; readonly nowMs: number };

export interface AppState {
  readonly screen: Screen;
  readonly home: HomeState;
  readonly learning: LearningState;
}

export const initialAppState: AppState = { screen: { kind: 'home' }, home: initialHomeState, learning: initialLearningState() };

/** Quitting is not a state: the app component unmounts ink instead. */
export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'back':
      return { ...state, screen: { kind: 'home' } };
    case 'open':
      return { ...state, screen: screenFor(action.entry) };
    case 'home':
      return { ...state, home: homeReducer(state.home, action.action) };
    case 'learning':
      return { ...state, learning: learningReducer(state.learning, action.action, action.nowMs) };
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
  if (entry === 'quiz' || entry === 'review') return { kind: 'quiz' };
  if (entry === 'exam' || entry === 'progress') return { kind: entry };
  // Entries that become available get their own screen kinds here as their features land.
  return { kind: 'unavailable', entry };
}
