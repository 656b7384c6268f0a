// Proves what keys do on each screen, as the root's single input handler routes them: moving,
// opening, jumping by number, going back, quitting, and several keys of one event acting in order
// across a screen change (the case a per-screen subscription could drop).
import { describe, expect, it } from 'vitest';
import { routeKeys } from '../../src/repl/app-keys.js';
import { appReducer, initialAppState, type AppState } from '../../src/repl/app-state.js';
import { initialLearningState } from '../../src/repl/learning-state.js';
import { singleQuestion } from '../helpers/questions.js';

const after = (state: AppState, names: string[]) => routeKeys(state, names).actions.reduce(appReducer, state);
const screenAndHome = (state: AppState) => ({ screen: state.screen, home: state.home });

describe('routeKeys', () => {
  it('moves the selection with arrows and j/k, wrapping at the ends', () => {
    expect(after(initialAppState, ['down', 'j']).home.selectedIndex).toBe(2);
    expect(after(initialAppState, ['k']).home.selectedIndex).toBe(7);
  });

  it('opens the highlighted entry with Enter, and the Help entry or ? opens help', () => {
    expect(after(initialAppState, ['down', 'enter']).screen).toEqual({ kind: 'quiz' });
    expect(after(initialAppState, ['enter']).screen).toEqual({ kind: 'scenarios' });
    expect(after(initialAppState, ['?']).screen).toEqual({ kind: 'help' });
  });

  it('jumps by number, moving the highlight there too', () => {
    expect(screenAndHome(after(initialAppState, ['4']))).toEqual({ screen: { kind: 'exam' }, home: { selectedIndex: 3 } });
  });

  it('goes back from any other screen with Esc, Enter or b', () => {
    for (const back of ['escape', 'enter', 'b']) {
      expect(after(initialAppState, ['?', back]).screen).toEqual({ kind: 'home' });
    }
  });

  it('quits with q anywhere, with Enter on Quit and with 8, keeping the actions before it', () => {
    expect(routeKeys(initialAppState, ['j', 'q'])).toMatchObject({ actions: [{ type: 'home', action: { type: 'move-down' } }], shouldQuit: true });
    expect(routeKeys(initialAppState, ['?', 'q']).shouldQuit).toBe(true);
    expect(routeKeys(initialAppState, ['k', 'enter']).shouldQuit).toBe(true);
    expect(routeKeys(initialAppState, ['8']).shouldQuit).toBe(true);
  });

  it('acts on keys of one event in order across a screen change', () => {
    expect(screenAndHome(after(initialAppState, ['6', 'escape', 'j', 'enter']))).toEqual({ screen: { kind: 'help' }, home: { selectedIndex: 6 } });
  });

  it('opening the quiz shows its topic picker, review starts at once, and the quiz keys act there', () => {
    expect(after(initialAppState, ['2']).learning.practice?.phase).toBe('topics');
    const withBank = { ...initialAppState, learning: initialLearningState([singleQuestion()]) };
    expect(after(withBank, ['2', 'j']).learning.practice?.topicIndex).toBe(1);
    expect(after(initialAppState, ['3']).learning.practice).toMatchObject({ mode: 'review', phase: 'done' });
    expect(routeKeys(initialAppState, ['2', 'q']).shouldQuit).toBe(true);
  });

  it('ignores keys that mean nothing on the current screen', () => {
    expect(routeKeys(initialAppState, ['x', 'tab', '9'])).toEqual({ actions: [], state: initialAppState, scenarioEvents: [], shouldQuit: false });
    expect(routeKeys({ ...initialAppState, screen: { kind: 'help' } }, ['j'])).toMatchObject({ actions: [], shouldQuit: false });
  });
});
