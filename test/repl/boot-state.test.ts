// Proves what keys do before the app is loaded (boot-state.ts), without React: home moves show at once,
// a key that opens a screen waits for the load, every key is kept in order for the app to replay, and
// q / Ctrl+C / the Quit entry quit at once.
import { describe, expect, it } from 'vitest';
import { bootKeys, initialBootState } from '../../src/repl/boot-state.js';
import { routeKeys } from '../../src/repl/app-keys.js';
import { initialAppState } from '../../src/repl/app-state.js';

describe('bootKeys', () => {
  it('moves the home selection at once and keeps every key', () => {
    const state = bootKeys(initialBootState(), ['j', 'down', 'x', 'k']);
    expect(state.home.selectedIndex).toBe(1);
    expect(state.keys).toEqual(['j', 'down', 'x', 'k']);
    expect(state.waitingFor).toBeUndefined();
  });

  it('waits for the load once a key opens a screen, keeping the keys after it unread', () => {
    const state = bootKeys(initialBootState(), ['j', 'enter', 'j', 'q']);
    expect(state.waitingFor).toBe('Quiz');
    // `q` after opening is the quiz's to read (it quits there too), so it is replayed, not acted on.
    expect(state.shouldQuit).toBe(false);
    expect(state.keys).toEqual(['j', 'enter', 'j', 'q']);
  });

  it('names the screen a number, ? or c opens', () => {
    expect(bootKeys(initialBootState(), ['6']).waitingFor).toBe('Sandbox REPL');
    expect(bootKeys(initialBootState(), ['?']).waitingFor).toBe('Help');
    expect(bootKeys(initialBootState(), ['c']).waitingFor).toBe('your scenario');
    expect(bootKeys(initialBootState(), ['9']).waitingFor).toBeUndefined();
  });

  it('quits on q, on the Quit entry and on Ctrl+C, even while waiting', () => {
    expect(bootKeys(initialBootState(), ['q']).shouldQuit).toBe(true);
    expect(bootKeys(initialBootState(), ['8']).shouldQuit).toBe(true);
    expect(bootKeys(initialBootState(), ['k', 'enter']).shouldQuit).toBe(true);
    expect(bootKeys(initialBootState('Sandbox REPL'), ['a', 'ctrl-c']).shouldQuit).toBe(true);
  });

  it('only keeps keys while a screen opened at start loads (trainer repl types q)', () => {
    const state = bootKeys(initialBootState('Sandbox REPL'), ['q', 'j']);
    expect(state).toEqual({ ...initialBootState('Sandbox REPL'), keys: ['q', 'j'] });
  });

  it('agrees with the app: replaying the kept keys selects the same home entry', () => {
    const keys = ['j', 'j', 'k', 'up', 'down', 'down', '3', 'x'] as const;
    const boot = bootKeys(initialBootState(), keys.slice(0, 6));
    const replayed = routeKeys(initialAppState, boot.keys).state;
    expect(replayed.home).toEqual(boot.home);
  });
});
