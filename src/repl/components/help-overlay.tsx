// Draws the screen on show, or help over the screen it was opened from: that screen stays mounted but
// not drawn (the REPL's session lives in its screen; the tree keeps its shape so nothing remounts) and
// scrolls nothing meanwhile. Also gives the screens the app's scroll position (scroll-view.tsx).
import { Box } from 'ink';
import { useCallback, useMemo, type ReactNode } from 'react';
import type { AppAction, AppState } from '../app-state.js';
import { keysOfScreen } from '../screen-keys.js';
import { HelpScreen } from '../screens/help/help-screen.js';
import { initialScroll } from '../scroll.js';
import { ScrollContext } from './scroll-view.js';

const INERT_SCROLL = { scroll: initialScroll, report: () => undefined };

export interface HelpOverlayProps {
  readonly version: string;
  readonly state: AppState;
  readonly send: (action: AppAction) => void;
  /** The screen on show, or the one help was opened from. */
  readonly children: ReactNode;
}

export function HelpOverlay({ version, state, send, children }: HelpOverlayProps) {
  const report = useCallback((maxOffsetLines: number, pageLines: number) => send({ type: 'scroll-room', maxOffsetLines, pageLines }), [send]);
  const scroll = useMemo(() => ({ scroll: state.scroll, report }), [state.scroll, report]);
  const { screen } = state;
  return (
    <>
      <Box flexDirection="column" display={screen.kind === 'help' ? 'none' : 'flex'}>
        <ScrollContext.Provider value={screen.kind === 'help' ? INERT_SCROLL : scroll}>{children}</ScrollContext.Provider>
      </Box>
      {screen.kind === 'help' ? (
        <ScrollContext.Provider value={scroll}>
          <HelpScreen version={version} keys={keysOfScreen(screen.from, state)} />
        </ScrollContext.Provider>
      ) : null}
    </>
  );
}
