// The root of the shell: one reducer decides which screen shows; screens send intents back up.
import { useApp } from 'ink';
import { useCallback, useReducer, useState } from 'react';
import type { ProgressProblem, ProgressRepository } from '../progress/index.js';
import { appReducer, initialAppState } from './app-state.js';
import type { BackKeyAction } from './keymap.js';
import type { HomeEntryId } from './screens/home/home-entries.js';
import { HelpScreen } from './screens/help/help-screen.js';
import { HomeScreen } from './screens/home/home-screen.js';
import { ProgressProblemScreen } from './screens/progress-problem/progress-problem-screen.js';
import type { HomeAction } from './screens/home/home-state.js';
import { UnavailableScreen } from './screens/unavailable/unavailable-screen.js';

export interface AppProps {
  readonly version: string;
  /** Where progress is kept; the app loaded it before drawing (run-app.tsx). */
  readonly repository?: ProgressRepository;
  /** Why the progress could not be loaded, if it could not: shown first, before anything else. */
  readonly progressProblem?: ProgressProblem;
}

export function App({ version, repository, progressProblem }: AppProps) {
  const { exit } = useApp();
  const [state, dispatch] = useReducer(appReducer, initialAppState);
  const choose = useCallback(
    (entry: HomeEntryId) => (entry === 'quit' ? exit() : dispatch({ type: 'open', entry })),
    [exit],
  );
  const onBackKey = useCallback(
    (action: BackKeyAction) => (action === 'quit' ? exit() : dispatch({ type: 'back' })),
    [exit],
  );
  const onHomeAction = useCallback((action: HomeAction) => dispatch({ type: 'home', action }), []);
  const [problem, setProblem] = useState(progressProblem);
  const startFresh = useCallback(() => {
    if (repository === undefined) return setProblem(undefined);
    void repository.reset().then((result) => setProblem(result.ok ? undefined : result.problem));
  }, [repository]);
  if (problem !== undefined) {
    return <ProgressProblemScreen version={version} problem={problem} onStartFresh={startFresh} onQuit={exit} />;
  }
  const { screen } = state;
  switch (screen.kind) {
    case 'home':
      return <HomeScreen version={version} state={state.home} dispatch={onHomeAction} onChoose={choose} />;
    case 'help':
      return <HelpScreen version={version} onAction={onBackKey} />;
    case 'unavailable':
      return <UnavailableScreen version={version} entry={screen.entry} onAction={onBackKey} />;
    default: {
      const unreachable: never = screen;
      return unreachable;
    }
  }
}
