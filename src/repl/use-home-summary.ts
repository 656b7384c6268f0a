// The home screen's lines about the learner, kept current: computed from the progress last read and the
// review cards as they stand, re-read from the store whenever the learner comes back home (the quiz
// screens write to it), and the scenario to continue handed to the key router (`c`) as state.
import { useEffect, useMemo, useRef } from 'react';
import { emptyProgress, type ProgressData } from '../progress/index.js';
import type { CardRecord } from '../quiz/index.js';
import type { Scenario } from '../scenarios/index.js';
import type { AppAction } from './app-state.js';
import { homeSummary, type HomeSummary } from './screens/home/home-summary.js';

export interface HomeSummaryInputs {
  /** The store's data as last read; undefined when there is no store (treated as a learner with nothing yet). */
  readonly progress: ProgressData | undefined;
  readonly cards: Readonly<Record<string, CardRecord>>;
  readonly library: readonly Scenario[];
  readonly isHome: boolean;
  readonly now: () => number;
  send(action: AppAction): void;
  /** Re-reads the store once the writes queued so far are done. */
  refresh(): void;
}

export function useHomeSummary({ progress, cards, library, isHome, now, send, refresh }: HomeSummaryInputs): HomeSummary {
  const summary = useMemo(() => homeSummary(progress ?? emptyProgress(), cards, library, now()), [progress, cards, library, now]);
  const resume = summary.continueWith?.scenarioId;
  useEffect(() => send({ type: 'set-resume', scenarioId: resume }), [resume, send]);
  // Only on coming back: the first frame's data was read just before the app started.
  const wasHome = useRef(isHome);
  useEffect(() => {
    if (isHome && !wasHome.current) refresh();
    wasHome.current = isHome;
  }, [isHome, refresh]);
  return summary;
}
