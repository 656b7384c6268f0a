// What keys do before the app's engines are loaded (pure). The home screen is drawn first and reacts at
// once to moves; every key is also kept, so that once the app is loaded it replays all of them through
// its own router (app-keys.ts) from its first state: the result is exactly what the keys would have done
// had everything been loaded from the start. A key that opens a screen shows "Loading…" until then.
import { HOME_KEYS, resolveKey, type KeyName } from './keymap.js';
import { homeReducer, initialHomeState, selectedEntry, type HomeState } from './screens/home/home-state.js';

export interface BootState {
  readonly home: HomeState;
  /** Every key pressed so far, in order, for the app to replay. */
  readonly keys: readonly KeyName[];
  /** The title of the screen asked for (or opened at start, as by `trainer repl`); undefined on home. */
  readonly waitingFor: string | undefined;
  readonly shouldQuit: boolean;
}

export function initialBootState(waitingFor?: string): BootState {
  return { home: initialHomeState, keys: [], waitingFor, shouldQuit: false };
}

const quit = (state: BootState): BootState => ({ ...state, shouldQuit: true });

/** The home screen's answer to one key, as app-keys.ts gives it (moves here; opening waits for the load). */
function homeKey(state: BootState, name: KeyName): BootState {
  const action = resolveKey(HOME_KEYS, name);
  if (action === undefined) return state;
  if (action === 'move-up' || action === 'move-down') return { ...state, home: homeReducer(state.home, { type: action }) };
  if (action === 'quit') return quit(state);
  if (action === 'open-help') return { ...state, waitingFor: 'Help' };
  if (action === 'continue') return { ...state, waitingFor: 'your scenario' };
  const home = action === 'choose' ? state.home : homeReducer(state.home, { type: 'select', index: Number(action.slice('jump-'.length)) - 1 });
  if (home === state.home && action !== 'choose') return state;
  const entry = selectedEntry(home);
  return entry.id === 'quit' ? quit({ ...state, home }) : { ...state, home, waitingFor: entry.label };
}

export function bootKeys(state: BootState, names: readonly KeyName[]): BootState {
  let current = state;
  for (const name of names) {
    if (current.shouldQuit) return current;
    // Ctrl+C quits from anywhere (nothing is running yet that it could stop).
    if (name === 'ctrl-c') return quit(current);
    const kept = { ...current, keys: [...current.keys, name] };
    current = current.waitingFor === undefined ? homeKey(kept, name) : kept;
  }
  return current;
}
