// Proves scrolling as pure functions: the window of lines that fits a room, anchored at the top or
// (a scenario step) at the end, with a status line saying "↑ N earlier lines" / "↓ N more lines";
// keys move by a line or a page and stop at both ends, whatever they are pressed in any order; and
// the app puts the position back at the start on any other action, but not on the exam clock's tick.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appReducer, initialAppState } from '../../src/repl/app-state.js';
import { initialScroll, scrollReducer, scrollWindow } from '../../src/repl/scroll.js';
import type { StyledLine } from '../../src/repl/styled-line.js';

const rows = (count: number): StyledLine[] => Array.from({ length: count }, (_, i) => [{ text: `row ${i}` }]);
const textOf = (styled: StyledLine | undefined): string => (styled ?? []).map((segment) => segment.text).join('');

describe('scrollWindow', () => {
  it('shows everything, with no status line, when the lines fit', () => {
    const view = scrollWindow(rows(5), 5, 3, 'top', 'keys');
    expect(view).toMatchObject({ maxOffsetLines: 0, status: undefined });
    expect(view.shown).toHaveLength(5);
  });

  it('from the top: the first lines, then "↓ N more lines" and the keys', () => {
    const view = scrollWindow(rows(10), 4, 0, 'top', 'PgUp/PgDn scroll');
    expect(view.shown.map(textOf)).toEqual(['row 0', 'row 1', 'row 2']);
    expect(textOf(view.status)).toBe('↓ 7 more lines · PgUp/PgDn scroll');
    expect(view).toMatchObject({ maxOffsetLines: 7, pageLines: 3 });
    const moved = scrollWindow(rows(10), 4, 2, 'top', 'k');
    expect(moved.shown.map(textOf)).toEqual(['row 2', 'row 3', 'row 4']);
    expect(textOf(moved.status)).toBe('↑ 2 earlier lines · ↓ 5 more lines · k');
  });

  it('from the end (a scenario step): the newest lines, and scrolling goes back', () => {
    expect(scrollWindow(rows(10), 4, 0, 'end', 'k').shown.map(textOf)).toEqual(['row 7', 'row 8', 'row 9']);
    const back = scrollWindow(rows(10), 4, 7, 'end', 'k');
    expect(back.shown.map(textOf)).toEqual(['row 0', 'row 1', 'row 2']);
    expect(textOf(back.status)).toBe('↓ 7 more lines · k');
  });

  it('never draws more rows than the room, and clamps a stale offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 200 }), fc.constantFrom('top' as const, 'end' as const), (count, room, offset, anchor) => {
        const view = scrollWindow(rows(count), room, offset, anchor, 'k');
        const drawn = view.shown.length + (view.status === undefined ? 0 : 1);
        expect(drawn).toBe(Math.min(count, room));
      }),
    );
  });
});

describe('scrollReducer', () => {
  const room = scrollReducer(initialScroll, { type: 'scroll-room', maxOffsetLines: 12, pageLines: 5 }, 'top');

  it('moves by a line or a page and stops at both ends, for any sequence of keys', () => {
    expect(scrollReducer(room, { type: 'scroll', lines: 1, unit: 'page' }, 'top').offsetLines).toBe(5);
    expect(scrollReducer(room, { type: 'scroll', lines: 1, unit: 'line' }, 'end').offsetLines).toBe(0);
    expect(scrollReducer(room, { type: 'scroll', lines: -1, unit: 'line' }, 'end').offsetLines).toBe(1);
    fc.assert(
      fc.property(fc.array(fc.record({ lines: fc.constantFrom(1, -1), unit: fc.constantFrom('line' as const, 'page' as const) })), (moves) => {
        const end = moves.reduce((state, move) => scrollReducer(state, { type: 'scroll', ...move }, 'top'), room);
        expect(end.offsetLines).toBeGreaterThanOrEqual(0);
        expect(end.offsetLines).toBeLessThanOrEqual(12);
      }),
    );
  });

  it('is put back at the start by any other action, but not by the exam clock', () => {
    const scrolled = appReducer({ ...initialAppState, screen: { kind: 'progress' }, scroll: room }, { type: 'scroll', lines: 2, unit: 'line' });
    expect(scrolled.scroll.offsetLines).toBe(2);
    const tick = { type: 'learning', action: { type: 'exam', action: { type: 'tick' } }, nowMs: 0 } as const;
    expect(appReducer(scrolled, tick).scroll.offsetLines).toBe(2);
    expect(appReducer(scrolled, { type: 'back' }).scroll.offsetLines).toBe(0);
  });
});
