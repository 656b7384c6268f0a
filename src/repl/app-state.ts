// Which screen the shell shows, the home menu's selection (kept while other screens are open, so
// Esc returns to the entry you left from) and each screen's own state slot. Pure.
import type { Scenario } from '../scenarios/index.js';
import { initialLearningState, learningReducer, type LearningAction, type LearningState } from './learning-state.js';
import type { HomeEntryId } from './screens/home/home-entries.js';
import { HOME_ENTRIES } from './screens/home/home-entries.js';
import { homeReducer, initialHomeState, type HomeAction, type HomeState } from './screens/home/home-state.js';
import { initialScenariosState, scenariosReducer, type ScenariosAction, type ScenariosState } from './screens/scenarios/scenarios-state.js';
import { initialReplState, replReducer, type ReplAction, type ReplState } from './screens/repl/repl-state.js';
import { initialScroll, scrollReducer, type ScrollAction, type ScrollState } from './scroll.js';

export type Screen =
  | { readonly kind: 'home' }
  /** Help over the screen it was opened from (`from`; none: the home screen), which Esc returns to. */
  | { readonly kind: 'help'; readonly from?: Exclude<Screen, { kind: 'help' }> }
  /** The scenario browser, or the runner while a scenario is open (`scenarios.run`). */
  | { readonly kind: 'scenarios' }
  | { readonly kind: 'repl' }
  /** Quiz and review (topic picker, questions, feedback), the mock exam, the progress dashboard. */
  | { readonly kind: 'quiz' }
  | { readonly kind: 'exam' }
  | { readonly kind: 'progress' }
  | { readonly kind: 'unavailable'; readonly entry: HomeEntryId };

export type AppAction =
  | { readonly type: 'open'; readonly entry: HomeEntryId }
  | { readonly type: 'back' }
  /** `?`: help for the screen on show. */
  | { readonly type: 'open-help' }
  | ScrollAction
  | { readonly type: 'home'; readonly action: HomeAction }
  | { readonly type: 'scenarios'; readonly action: ScenariosAction }
  /** `leaveTo: 'quit'` for `trainer repl`, where leaving the sandbox leaves trainer. */
  | { readonly type: 'open-repl'; readonly leaveTo: 'home' | 'quit'; readonly seed?: number }
  | { readonly type: 'repl'; readonly action: ReplAction }
  /** Quiz, review and exam actions carry the clock reading they happen at (answer times, the exam limit). */
  | { readonly type: 'learning'; readonly action: LearningAction; readonly nowMs: number }
  /** The scenario the home screen offers to continue (from the progress store), or none. */
  | { readonly type: 'set-resume'; readonly scenarioId: string | undefined }
  /** Home's `c`: opens that scenario (from its first step: the world is rebuilt step by step). */
  | { readonly type: 'resume' };

export interface AppState {
  readonly screen: Screen;
  readonly home: HomeState;
  readonly scenarios: ScenariosState;
  readonly repl: ReplState;
  readonly learning: LearningState;
  /** The in-progress scenario with the latest activity, which home's `c` opens; undefined when none. */
  readonly resume: string | undefined;
  /** How far long content on the screen is scrolled (one position: one screen shows at a time). */
  readonly scroll: ScrollState;
}

export const initialAppState: AppState = {
  screen: { kind: 'home' },
  home: initialHomeState,
  scenarios: initialScenariosState(),
  repl: initialReplState(),
  learning: initialLearningState(),
  resume: undefined,
  scroll: initialScroll,
};

/** How the shell starts: a scenario already open (`trainer run ID`), or the sandbox (`trainer repl`). */
export type StartIn = { readonly kind: 'scenario'; readonly id: string; readonly seed: number } | { readonly kind: 'repl'; readonly seed: number };

/** The first state: the scenario library loaded, and a scenario or the sandbox already open. */
export function createAppState(library: readonly Scenario[], start?: StartIn): AppState {
  const state: AppState = { ...initialAppState, scenarios: initialScenariosState(library) };
  if (start === undefined) return state;
  if (start.kind === 'repl') return appReducer(state, { type: 'open-repl', leaveTo: 'quit', seed: start.seed });
  return openScenario(state, start.id, start.seed);
}

/** The runner on `id`, with the home selection on Scenarios so that leaving comes back there. */
function openScenario(state: AppState, id: string, seed: number): AppState {
  const home = homeReducer(state.home, { type: 'select', index: HOME_ENTRIES.findIndex((entry) => entry.id === 'scenarios') });
  return appReducer({ ...state, home, screen: { kind: 'scenarios' } }, { type: 'scenarios', action: { type: 'open-scenario', id, seed } });
}

/** A scenario step keeps its newest lines in view; everything else starts at its top. */
export function scrollAnchorOf(state: AppState): 'top' | 'end' {
  const run = state.screen.kind === 'scenarios' ? state.scenarios.run : undefined;
  return run !== undefined && run.runner.phase !== 'finished' ? 'end' : 'top';
}

/** The exam's clock tick redraws the countdown: it must not move what the learner scrolled to. */
function keepsScroll(action: AppAction): boolean {
  return action.type === 'learning' && action.action.type === 'exam' && action.action.action.type === 'tick';
}

/** Quitting is not a state: the app component unmounts ink instead. */
export function appReducer(state: AppState, action: AppAction): AppState {
  if (action.type === 'scroll' || action.type === 'scroll-room') return { ...state, scroll: scrollReducer(state.scroll, action, scrollAnchorOf(state)) };
  const next = screenReducer(state, action);
  return keepsScroll(action) || next.scroll.offsetLines === 0 ? next : { ...next, scroll: { ...next.scroll, offsetLines: 0 } };
}

function screenReducer(state: AppState, action: Exclude<AppAction, ScrollAction>): AppState {
  switch (action.type) {
    case 'back':
      return { ...state, screen: state.screen.kind === 'help' && state.screen.from !== undefined ? state.screen.from : { kind: 'home' } };
    case 'open-help':
      if (state.screen.kind === 'help') return state;
      return { ...state, screen: state.screen.kind === 'home' ? { kind: 'help' } : { kind: 'help', from: state.screen } };
    case 'open':
      return open(state, action.entry);
    case 'home':
      return { ...state, home: homeReducer(state.home, action.action) };
    case 'scenarios':
      return { ...state, scenarios: scenariosReducer(state.scenarios, action.action) };
    case 'open-repl':
      // Each visit starts a fresh world (the session lives in the screen); the history stays.
      return { ...state, screen: { kind: 'repl' }, repl: { ...initialReplState(action.leaveTo, action.seed ?? 1), history: state.repl.history } };
    case 'repl':
      return { ...state, repl: replReducer(state.repl, action.action) };
    case 'learning':
      return { ...state, learning: learningReducer(state.learning, action.action, action.nowMs) };
    case 'set-resume':
      return { ...state, resume: action.scenarioId };
    case 'resume':
      return state.resume === undefined ? state : openScenario(state, state.resume, 1);
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
  if (entry === 'scenarios') return { kind: 'scenarios' };
  if (entry === 'repl') return { kind: 'repl' };
  if (entry === 'quiz' || entry === 'review') return { kind: 'quiz' };
  if (entry === 'exam' || entry === 'progress') return { kind: entry };
  // Entries that become available get their own screen kinds here as their features land.
  return { kind: 'unavailable', entry };
}
