// What keys do, as one pure function of the app state: the root component subscribes to input once
// and routes every key through here. A screen never subscribes on its own, so no key is lost in the
// moment between a new screen being drawn and its handler being attached (ink subscribes in an
// effect, after the frame), and several keys in one input event act in order across screens.
import type { RunnerEvent } from '../scenarios/index.js';
import { appReducer, type AppAction, type AppState } from './app-state.js';
import { BACK_KEYS, HELP_KEYS, HOME_KEYS, resolveKey, type KeyName } from './keymap.js';
import { learningKeys } from './learning-keys.js';
import { QUIZ_COUNT, REVIEW_COUNT, type LearningAction } from './learning-state.js';
import { HOME_ENTRIES } from './screens/home/home-entries.js';
import { selectedEntry } from './screens/home/home-state.js';
import { scenarioKeys } from './screens/scenarios/scenario-keys.js';
import { runnerEventsOf } from './screens/scenarios/scenarios-state.js';
import { replKeys } from './screens/repl/repl-keys.js';
import { isTyping, scrollKeysOf } from './screen-keys.js';

/** Runner events of one transition, for the progress store. */
export interface ScenarioEvents {
  readonly scenarioId: string;
  readonly events: readonly RunnerEvent[];
}

export interface KeyOutcome {
  /** Actions to dispatch, in order. */
  readonly actions: readonly AppAction[];
  /** The state after them (the app takes it as is, so no transition is computed twice). */
  readonly state: AppState;
  /** What the scenario runner emitted on the way, in order, to record in the progress store. */
  readonly scenarioEvents: readonly ScenarioEvents[];
  readonly shouldQuit: boolean;
}

/** Opening the quiz, review or exam from the home screen also starts that screen's state. */
function learningStart(action: AppAction): LearningAction | undefined {
  if (action.type !== 'open') return undefined;
  if (action.entry === 'quiz') return { type: 'open-quiz', count: QUIZ_COUNT };
  if (action.entry === 'review') return { type: 'open-review', count: REVIEW_COUNT };
  return action.entry === 'exam' ? { type: 'open-exam', exam: 'DVA-C02', isQuick: false } : undefined;
}

function withLearningStart(action: AppAction, nowMs: number): AppAction[] {
  const start = learningStart(action);
  return start === undefined ? [action] : [action, { type: 'learning', action: start, nowMs }];
}

function learningScreenKeys(state: AppState, screen: 'quiz' | 'exam', name: KeyName, nowMs: number): AppAction[] | 'quit' {
  const result = learningKeys(state.learning, screen, name);
  if (result === 'quit') return 'quit';
  return result === 'back' ? [{ type: 'back' }] : result.map((action) => ({ type: 'learning', action, nowMs }));
}

function screenKeys(state: AppState, name: KeyName, nowMs: number): AppAction[] | 'quit' {
  if (state.screen.kind === 'quiz' || state.screen.kind === 'exam') return learningScreenKeys(state, state.screen.kind, name, nowMs);
  if (state.screen.kind === 'repl') {
    const outcome = replKeys(state.repl, name);
    if (outcome === 'leave') return state.repl.leaveTo === 'quit' ? 'quit' : [{ type: 'back' }];
    return outcome === 'quit' ? 'quit' : outcome.map((action) => ({ type: 'repl', action }));
  }
  if (state.screen.kind === 'scenarios') {
    const result = scenarioKeys(state.scenarios, name);
    if (result === 'quit') return 'quit';
    return result === 'back' ? [{ type: 'back' }] : result.map((action) => ({ type: 'scenarios', action }));
  }
  const action = resolveKey(BACK_KEYS, name);
  if (action === undefined) return [];
  return action === 'quit' ? 'quit' : [{ type: 'back' }];
}

/** PgUp/PgDn (and ↑/↓ where the screen has no other use for them) scroll long content. */
function scrollKeys(state: AppState, name: KeyName): AppAction[] | undefined {
  const action = resolveKey(scrollKeysOf(state), name);
  if (action === undefined) return undefined;
  const direction = action === 'scroll-down' ? 1 : -1;
  return [{ type: 'scroll', lines: direction, unit: name === 'pageup' || name === 'pagedown' ? 'page' : 'line' }];
}

function helpKeys(name: KeyName): AppAction[] | 'quit' {
  const action = resolveKey(HELP_KEYS, name);
  if (action === undefined) return [];
  return action === 'quit' ? 'quit' : [{ type: 'back' }];
}

function actionsForKey(state: AppState, name: KeyName, nowMs: number): AppAction[] | 'quit' {
  // Ctrl+C quits from every screen but the REPL, where it may stop long work (the app reads it
  // itself: see keymap.ts).
  if (name === 'ctrl-c' && state.screen.kind !== 'repl') return 'quit';
  const scrolled = scrollKeys(state, name);
  if (scrolled !== undefined) return scrolled;
  if (state.screen.kind === 'help') return helpKeys(name);
  if (name === '?' && !isTyping(state)) return [{ type: 'open-help' }];
  if (state.screen.kind !== 'home') return screenKeys(state, name, nowMs);
  const action = resolveKey(HOME_KEYS, name);
  switch (action) {
    case undefined:
      return [];
    case 'move-up':
    case 'move-down':
      return [{ type: 'home', action: { type: action } }];
    case 'open-help':
      return [{ type: 'open', entry: 'help' }];
    case 'continue':
      return state.resume === undefined ? [] : [{ type: 'resume' }];
    case 'quit':
      return 'quit';
    case 'choose': {
      const entry = selectedEntry(state.home).id;
      return entry === 'quit' ? 'quit' : [{ type: 'open', entry }];
    }
    default: {
      const index = Number(action.slice('jump-'.length)) - 1;
      const entry = HOME_ENTRIES[index];
      if (entry === undefined) return [];
      return entry.id === 'quit' ? 'quit' : [{ type: 'home', action: { type: 'select', index } }, { type: 'open', entry: entry.id }];
    }
  }
}

/**
 * The actions that `names`, pressed in order from `state` at `nowMs` (the clock reading quiz and exam
 * actions carry), cause; stops at a quit.
 */
export function routeKeys(state: AppState, names: readonly KeyName[], nowMs = 0): KeyOutcome {
  const actions: AppAction[] = [];
  const scenarioEvents: ScenarioEvents[] = [];
  let current = state;
  for (const name of names) {
    const result = actionsForKey(current, name, nowMs);
    if (result === 'quit') return { actions, state: current, scenarioEvents, shouldQuit: true };
    for (const action of result.flatMap((opened) => withLearningStart(opened, nowMs))) {
      actions.push(action);
      const next = appReducer(current, action);
      const emitted = runnerEventsOf(current.scenarios, next.scenarios);
      if (emitted !== undefined) scenarioEvents.push(emitted);
      current = next;
    }
  }
  return { actions, state: current, scenarioEvents, shouldQuit: false };
}
