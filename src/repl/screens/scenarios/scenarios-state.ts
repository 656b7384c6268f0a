// The Scenarios entry's state: the library, the browser, and the scenario being run (if any). The
// app holds it in one slot; the runner screen shows while `run` is set. Pure.
import type { RunnerEvent, Scenario } from '../../../scenarios/index.js';
import { runScreenReducer, startRun, type RunScreenAction, type RunScreenState } from '../scenario-run/run-state.js';
import { browserReducer, initialBrowserState, type BrowserAction, type BrowserState } from './browser-state.js';

export interface ScenariosState {
  readonly library: readonly Scenario[];
  readonly browser: BrowserState;
  readonly run: RunScreenState | undefined;
}

export type ScenariosAction =
  | { readonly type: 'browser'; readonly action: BrowserAction }
  /** `seed`: the world's seed (`trainer run ID --seed N`). @default 1 */
  | { readonly type: 'open-scenario'; readonly id: string; readonly seed?: number }
  | { readonly type: 'run'; readonly action: RunScreenAction }
  | { readonly type: 'close-run' };

export function initialScenariosState(library: readonly Scenario[] = []): ScenariosState {
  return { library, browser: initialBrowserState, run: undefined };
}

export function scenariosReducer(state: ScenariosState, action: ScenariosAction): ScenariosState {
  switch (action.type) {
    case 'browser':
      return { ...state, browser: browserReducer(state.library, state.browser, action.action) };
    case 'open-scenario': {
      const scenario = state.library.find((candidate) => candidate.id === action.id);
      if (scenario === undefined) return state;
      return { ...state, browser: { ...state.browser, selectedId: scenario.id }, run: startRun(scenario, action.seed) };
    }
    case 'run':
      return state.run === undefined ? state : { ...state, run: runScreenReducer(state.run, action.action) };
    case 'close-run':
      return { ...state, run: undefined };
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/** What a transition made the runner emit (for the progress store): nothing when the runner did not move. */
export function runnerEventsOf(before: ScenariosState, after: ScenariosState): { readonly scenarioId: string; readonly events: readonly RunnerEvent[] } | undefined {
  const runner = after.run?.runner;
  if (runner === undefined || runner === before.run?.runner || runner.events.length === 0) return undefined;
  return { scenarioId: runner.scenario.id, events: runner.events };
}
