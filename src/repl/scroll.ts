// Scrolling long content, pure: the app keeps one scroll position (content taller than the terminal is
// drawn through components/scroll-view.tsx, which reports how far it can scroll), keys move it, and any
// other action puts it back at the start, so a new question or step never opens scrolled.
import type { StyledLine } from './styled-line.js';
import { line } from './styled-line.js';

export interface ScrollState {
  /** Lines moved away from where the content is anchored (its top, or its end for the runner). */
  readonly offsetLines: number;
  /** How far the content on screen can move (0 when it fits), as the view last reported it. */
  readonly maxOffsetLines: number;
  /** Lines one PgUp/PgDn moves: the room the view has. */
  readonly pageLines: number;
}

export const initialScroll: ScrollState = { offsetLines: 0, maxOffsetLines: 0, pageLines: 1 };

/** Where the content is held when it does not move: its first lines, or its last (a scenario step). */
export type ScrollAnchor = 'top' | 'end';

export type ScrollAction =
  /** `lines` towards the end of the content (negative: towards its start); `page` counts in pages. */
  | { readonly type: 'scroll'; readonly lines: number; readonly unit: 'line' | 'page' }
  | { readonly type: 'scroll-room'; readonly maxOffsetLines: number; readonly pageLines: number };

const clamp = (value: number, max: number): number => Math.max(0, Math.min(max, value));

/** `anchor` turns "towards the end" into the offset's direction (away from the end, for an end anchor). */
export function scrollReducer(state: ScrollState, action: ScrollAction, anchor: ScrollAnchor): ScrollState {
  if (action.type === 'scroll-room') {
    return { maxOffsetLines: action.maxOffsetLines, pageLines: Math.max(1, action.pageLines), offsetLines: clamp(state.offsetLines, action.maxOffsetLines) };
  }
  const step = action.unit === 'page' ? action.lines * state.pageLines : action.lines;
  const offset = state.offsetLines + (anchor === 'top' ? step : -step);
  return { ...state, offsetLines: clamp(offset, state.maxOffsetLines) };
}

export interface ScrollWindow {
  readonly shown: readonly StyledLine[];
  /** The status line under the shown lines when some are hidden ("↑ 3 earlier lines · ↓ 12 more lines"). */
  readonly status: StyledLine | undefined;
  readonly maxOffsetLines: number;
  /** Rows for the content itself (the room minus the status line). */
  readonly pageLines: number;
}

/**
 * The lines that fit in `rows` (the status line included when the content does not fit), `offsetLines`
 * away from the anchor; the offset is clamped, so a stale one (after a resize) still draws a full window.
 */
export function scrollWindow(lines: readonly StyledLine[], rows: number, offsetLines: number, anchor: ScrollAnchor, keysHint: string): ScrollWindow {
  const room = Math.max(1, rows);
  if (lines.length <= room) return { shown: lines, status: undefined, maxOffsetLines: 0, pageLines: room };
  // A room of one row has no space for the status line.
  const pageLines = room === 1 ? 1 : room - 1;
  const maxOffsetLines = lines.length - pageLines;
  const offset = clamp(offsetLines, maxOffsetLines);
  const first = anchor === 'top' ? offset : maxOffsetLines - offset;
  const above = first;
  const below = lines.length - first - pageLines;
  const parts = [above > 0 ? `↑ ${above} earlier ${above === 1 ? 'line' : 'lines'}` : '', below > 0 ? `↓ ${below} more ${below === 1 ? 'line' : 'lines'}` : '', keysHint];
  const status = room === 1 ? undefined : line(parts.filter((part) => part !== '').join(' · '), 'muted');
  return { shown: lines.slice(first, first + pageLines), status, maxOffsetLines, pageLines };
}
