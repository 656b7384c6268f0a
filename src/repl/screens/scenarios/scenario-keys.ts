// What keys do on the Scenarios screens (browser and runner), as a pure function the app's single
// input handler calls (app-keys.ts). While the filter or the sandbox prompt has focus, printable keys
// are typed into it, so `q` or `j` there are letters, not shortcuts.
import {
  BROWSER_FILTER_KEYS,
  BROWSER_KEYS,
  RUN_FINISHED_KEYS,
  RUN_QUESTION_KEYS,
  RUN_READING_KEYS,
  RUN_TASK_KEYS,
  resolveKey,
  type KeyName,
} from '../../keymap.js';
import type { RunScreenAction, RunScreenState } from '../scenario-run/run-state.js';
import { selectedScenario } from './browser-state.js';
import type { ScenariosAction, ScenariosState } from './scenarios-state.js';

export type ScenarioKeyResult = readonly ScenariosAction[] | 'back' | 'quit';

/** A single printable character (named keys such as `up` or `tab` are longer). */
function isPrintable(name: KeyName): boolean {
  return [...name].length === 1 && name >= ' ';
}

function browserKeys(state: ScenariosState, name: KeyName): ScenarioKeyResult {
  const browse = (action: ScenariosAction & { type: 'browser' }): ScenarioKeyResult => [action];
  if (state.browser.isFiltering) {
    const action = resolveKey(BROWSER_FILTER_KEYS, name);
    if (action === 'erase') return browse({ type: 'browser', action: { type: 'erase-filter' } });
    if (action !== undefined) return browse({ type: 'browser', action: { type: action } });
    return isPrintable(name) ? browse({ type: 'browser', action: { type: 'type-filter', text: name } }) : [];
  }
  const action = resolveKey(BROWSER_KEYS, name);
  switch (action) {
    case undefined:
      return [];
    case 'back':
    case 'quit':
      return action;
    case 'open': {
      const scenario = selectedScenario(state.library, state.browser);
      return scenario === undefined ? [] : [{ type: 'open-scenario', id: scenario.id }];
    }
    default:
      return browse({ type: 'browser', action: { type: action } });
  }
}

function runKeys(run: RunScreenState, name: KeyName): ScenarioKeyResult {
  const act = (action: RunScreenAction): ScenarioKeyResult => [{ type: 'run', action }];
  const leave: ScenarioKeyResult = [{ type: 'close-run' }];
  switch (run.runner.phase) {
    case 'working': {
      const action = resolveKey(RUN_TASK_KEYS, name);
      if (action === undefined) return isPrintable(name) ? act({ type: 'type', text: name }) : [];
      if (action === 'leave') return leave;
      if (action === 'hint') return act({ type: 'runner', action: { type: 'hint' } });
      return act({ type: action });
    }
    case 'awaiting-answer': {
      const action = resolveKey(RUN_QUESTION_KEYS, name);
      if (action === undefined || action === 'quit') return action === 'quit' ? 'quit' : [];
      if (action === 'leave') return leave;
      return act({ type: 'runner', action: { type: 'answer', choice: name.charCodeAt(0) - 'a'.charCodeAt(0) } });
    }
    case 'finished': {
      const action = resolveKey(RUN_FINISHED_KEYS, name);
      if (action === 'quit') return 'quit';
      if (action === 'leave') return leave;
      return action === 'restart' ? act({ type: 'runner', action: { type: 'restart' } }) : [];
    }
    default: {
      const action = resolveKey(RUN_READING_KEYS, name);
      if (action === undefined || action === 'quit') return action === 'quit' ? 'quit' : [];
      if (action === 'leave') return leave;
      return act({ type: 'runner', action: { type: action } });
    }
  }
}

export function scenarioKeys(state: ScenariosState, name: KeyName): ScenarioKeyResult {
  return state.run === undefined ? browserKeys(state, name) : runKeys(state.run, name);
}
