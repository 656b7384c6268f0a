// Proves what keys do on the Scenarios screens: the browser's moves, filter and open; printable keys
// typed into the filter or the sandbox prompt (so `q` there is a letter, not quit); answer letters;
// Tab for a hint; Enter for the next step; Esc to leave; q to quit where nothing is being typed.
import { describe, expect, it } from 'vitest';
import { scenarioKeys } from '../../../../src/repl/screens/scenarios/scenario-keys.js';
import { initialScenariosState, scenariosReducer, type ScenariosAction, type ScenariosState } from '../../../../src/repl/screens/scenarios/scenarios-state.js';
import { testLibrary } from '../../../helpers/scenario-library.js';

const browsing = initialScenariosState(testLibrary);
const apply = (state: ScenariosState, ...actions: ScenariosAction[]) => actions.reduce(scenariosReducer, state);
const press = (state: ScenariosState, ...names: string[]): ScenariosState =>
  names.reduce((current, name) => {
    const result = scenarioKeys(current, name);
    return typeof result === 'string' ? current : apply(current, ...result);
  }, state);
const running = apply(browsing, { type: 'open-scenario', id: 'fixture/tiny' });

describe('keys of the scenario browser', () => {
  it('moves, opens the highlighted scenario, goes back and quits', () => {
    expect(scenarioKeys(browsing, 'j')).toEqual([{ type: 'browser', action: { type: 'move-down' } }]);
    expect(scenarioKeys(browsing, 'enter')).toEqual([{ type: 'open-scenario', id: 'apigateway/caching' }]);
    expect(scenarioKeys(browsing, 'escape')).toBe('back');
    expect(scenarioKeys(browsing, 'q')).toBe('quit');
  });

  it('types every printable key into the filter once / is pressed, q and j included', () => {
    const filtering = press(browsing, '/', 'q', 'j', ' ', 'backspace');
    expect(filtering.browser).toEqual({ selectedId: undefined, filter: 'qj', isFiltering: true });
    expect(scenarioKeys(filtering, 'tab')).toEqual([]);
    expect(press(filtering, 'enter').browser.isFiltering).toBe(false);
  });
});

describe('keys of the scenario runner', () => {
  it('moves to the next step with Enter, Space or n, and leaves with Esc', () => {
    expect(scenarioKeys(running, 'enter')).toEqual([{ type: 'run', action: { type: 'runner', action: { type: 'next' } } }]);
    expect(scenarioKeys(running, ' ')).toEqual(scenarioKeys(running, 'n'));
    expect(scenarioKeys(running, 'r')).toEqual([{ type: 'run', action: { type: 'runner', action: { type: 'retry-step' } } }]);
    expect(scenarioKeys(running, 'escape')).toEqual([{ type: 'close-run' }]);
    expect(scenarioKeys(running, 'q')).toBe('quit');
  });

  it('answers a prediction with its letter and ignores letters past the choices', () => {
    const asked = press(running, 'enter', 'enter');
    expect(scenarioKeys(asked, 'b')).toEqual([{ type: 'run', action: { type: 'runner', action: { type: 'answer', choice: 1 } } }]);
    expect(press(asked, 'd').run?.notice).toBe('answer with a letter from a to b');
    expect(scenarioKeys(asked, 'enter')).toEqual([]);
  });

  it('types into the prompt during a task (q is a letter there), Tab shows a hint', () => {
    const task = press(running, 'enter', 'enter', 'b', 'enter', 'a', 'enter');
    expect(task.run?.runner.phase).toBe('working');
    expect(press(task, 'q', 'x', 'backspace').run?.line).toBe('q');
    expect(press(task, 'tab').run?.runner.hintsShown).toBe(1);
    expect(scenarioKeys(task, 'escape')).toEqual([{ type: 'close-run' }]);
  });

  it('offers leave, run again and quit when the scenario is finished', () => {
    let state = running;
    for (let turn = 0; turn < 20 && state.run?.runner.phase !== 'finished'; turn++) {
      state = state.run?.runner.phase === 'working' ? press(state, ...'skip', 'enter') : press(state, 'a', 'enter');
    }
    expect(state.run?.runner.phase).toBe('finished');
    expect(scenarioKeys(state, 'enter')).toEqual([{ type: 'close-run' }]);
    expect(press(state, 'r').run?.runner.stepIndex).toBe(0);
    expect(scenarioKeys(state, 'q')).toBe('quit');
  });
});
