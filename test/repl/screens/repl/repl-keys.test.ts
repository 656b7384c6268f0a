// Proves how keys act in the sandbox REPL through the root's routing: characters are typed (also when
// several arrive in one event), Enter submits, `exit` and Esc leave (back home, or quit for `trainer
// repl`), Ctrl+C stops long work when some runs and quits otherwise (and quits from other screens),
// and every REPL key has a description.
import { describe, expect, it } from 'vitest';
import { routeKeys } from '../../../../src/repl/app-keys.js';
import { appReducer, initialAppState, type AppState } from '../../../../src/repl/app-state.js';
import { REPL_KEYS } from '../../../../src/repl/screens/repl/repl-keys.js';

const inRepl = (leaveTo: 'home' | 'quit'): AppState => appReducer(initialAppState, { type: 'open-repl', leaveTo });
const after = (state: AppState, names: string[]): AppState => routeKeys(state, names).actions.reduce(appReducer, state);

describe('REPL keys', () => {
  it('types characters, q and ? included, and submits with Enter', () => {
    const state = after(inRepl('home'), [...'sim help q?']);
    expect(state.repl.input).toBe('sim help q?');
    expect(after(state, ['enter']).repl.pending).toEqual(['sim help q?']);
  });

  it('leaves with Esc or exit: home when opened from home, quits for trainer repl', () => {
    expect(after(inRepl('home'), ['escape']).screen).toEqual({ kind: 'home' });
    expect(after(inRepl('home'), [...'exit', 'enter']).screen).toEqual({ kind: 'home' });
    expect(routeKeys(inRepl('quit'), ['escape']).shouldQuit).toBe(true);
    expect(routeKeys(inRepl('quit'), [...' exit ', 'enter']).shouldQuit).toBe(true);
  });

  it('stops long work with Ctrl+C, and quits when nothing runs', () => {
    const running = appReducer(inRepl('home'), { type: 'repl', action: { type: 'line-started', line: 'sim clock advance 1h' } });
    expect(routeKeys(running, ['ctrl-c'])).toMatchObject({ actions: [{ type: 'repl', action: { type: 'cancel-job' } }], shouldQuit: false });
    expect(routeKeys(inRepl('home'), ['ctrl-c']).shouldQuit).toBe(true);
    expect(routeKeys(initialAppState, ['ctrl-c']).shouldQuit).toBe(true);
  });

  it('ignores named keys it has no binding for', () => {
    expect(routeKeys(inRepl('home'), ['f5']).actions).toEqual([]);
  });

  it('binds each key once, each with a description', () => {
    const keys = REPL_KEYS.flatMap((binding) => binding.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const binding of REPL_KEYS) expect(binding.description).not.toBe('');
  });
});
