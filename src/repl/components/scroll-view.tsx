// Draws lines that may be taller than their room: the window the app's scroll position shows, and a
// status line saying what is hidden and which keys scroll. It reports how far the content can move, so
// the keys (routed by the app) stop at its ends. Lines are word-wrapped to the width here.
import { createContext, useContext, useEffect, useMemo } from 'react';
import { initialScroll, scrollWindow, type ScrollAnchor, type ScrollState } from '../scroll.js';
import { wrapLine } from '../screens/scenario-run/transcript-lines.js';
import type { StyledLine } from '../styled-line.js';
import { StyledLines } from './styled-lines.js';

export interface ScrollContextValue {
  readonly scroll: ScrollState;
  readonly report: (maxOffsetLines: number, pageLines: number) => void;
}

/** Outside the app (a screen rendered alone), nothing scrolls and nothing is reported. */
export const ScrollContext = createContext<ScrollContextValue>({ scroll: initialScroll, report: () => undefined });

/** Lines word-wrapped to `width` (an empty line stays one empty row). */
export function wrapLines(lines: readonly StyledLine[], width: number): StyledLine[] {
  return lines.flatMap((styled) => (styled.length === 0 ? [styled] : wrapLine(styled, width)));
}

export interface ScrollViewProps {
  readonly lines: readonly StyledLine[];
  readonly width: number;
  readonly rows: number;
  readonly anchor?: ScrollAnchor;
  /** The keys that scroll here, for the status line. @default "PgUp/PgDn ↑/↓ scroll" */
  readonly keysHint?: string;
}

export function ScrollView({ lines, width, rows, anchor = 'top', keysHint = 'PgUp/PgDn ↑/↓ scroll' }: ScrollViewProps) {
  const { scroll, report } = useContext(ScrollContext);
  const wrapped = useMemo(() => wrapLines(lines, width), [lines, width]);
  const view = scrollWindow(wrapped, rows, scroll.offsetLines, anchor, keysHint);
  const { maxOffsetLines, pageLines } = view;
  useEffect(() => {
    if (maxOffsetLines !== scroll.maxOffsetLines || pageLines !== scroll.pageLines) report(maxOffsetLines, pageLines);
  }, [maxOffsetLines, pageLines, scroll.maxOffsetLines, scroll.pageLines, report]);
  return <StyledLines lines={view.status === undefined ? view.shown : [...view.shown, view.status]} />;
}
