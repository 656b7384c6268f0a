// Which screen the shell shows, the home menu's selection (kept while other screens are open, so
// Esc returns to the entry you left from) and each screen's own state slot. Pure.
import type { Scenario } from '../scenarios/index.js';
import type { HomeEntryId } from './screens/home/home-entries.js';
import { HOME_ENTRIES } from './screens/home/home-entries.js';
import { homeReducer, initialHomeState, type HomeAction, type HomeState } from './screens/home/home-state.js';
import { initialScenariosState, scenariosReducer, type ScenariosAction, type ScenariosState } from './screens/scenarios/scenarios-state.js';

export type Screen =
  | { readonly kind: 'home' }
  | { readonly kind: 'help' }
  /** The scenario browser, or the runner while a scenario is open (`scenarios.run`). */
  | { readonly kind: 'scenarios' }
  | { readonly kind: 'unavailable'; readonly entry: HomeEntryId };

export type AppAction =
  | { readonly type: 'open'; readonly entry: HomeEntryId }
  | { readonly type: 'back' }
  | { readonly type: 'home'; readonly action: HomeAction }
  | { readonly type: 'scenarios'; readonly action: ScenariosAction };

export interface AppState {
  readonly screen: Screen;
  readonly home: HomeState;
  readonly scenarios: ScenariosState;
}

export const initialAppState: AppState = { screen: { kind: 'home' }, home: initialHomeState, scenarios: initialScenariosState() };

/** The first state: the scenario library loaded, and a scenario already open for `trainer run ID`. */
export function createAppState(library: readonly Scenario[], open?: { readonly id: string; readonly seed: number }): AppState {
  const state: AppState = { ...initialAppState, scenarios: initialScenariosState(library) };
  if (open === undefined) return state;
  return appReducer({ ...state, screen: { kind: 'scenarios' } }, { type: 'scenarios', action: { type: 'open-scenario', ...open } });
}

/** Quitting is not a state: the app component unmounts ink instead. */
export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'back':
      return { ...state, screen: { kind: 'home' } };
    case 'open':
      return { ...state, screen: screenFor(action.entry) };
    case 'home':
      return { ...state, home: homeReducer(state.home, action.action) };
    case 'scenarios':
      return { ...state, scenarios: scenariosReducer(state.scenarios, action.action) };
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
  if (entry === 'scenarios') return { kind: 'scenarios' };
  // Entries that become available get their own screen kinds here as their features land.
  return { kind: 'unavailable', entry };
}
