// The root of the shell: one reducer decides which screen shows; screens send intents back up.
import { useApp, useInput } from 'ink';
import { useCallback, useReducer, useRef, useState } from 'react';
import type { ProgressProblem, ProgressRepository } from '../progress/index.js';
import { routeKeys } from './app-keys.js';
import { appReducer, initialAppState } from './app-state.js';
import { keyNamesOf } from './keymap.js';
import { HelpScreen } from './screens/help/help-screen.js';
import { HomeScreen } from './screens/home/home-screen.js';
import { ProgressProblemScreen } from './screens/progress-problem/progress-problem-screen.js';
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
  const [problem, setProblem] = useState(progressProblem);
  // One subscription for the whole app, with a handler that never changes: it reads the latest state
  // through a ref and keeps it current itself, so keys arriving before React re-renders act on the
  // right screen.
  const latest = useRef(state);
  latest.current = state;
  const onInput = useCallback<Parameters<typeof useInput>[0]>(
    (input, key) => {
      const outcome = routeKeys(latest.current, keyNamesOf(input, key));
      for (const action of outcome.actions) {
        latest.current = appReducer(latest.current, action);
        dispatch(action);
      }
      if (outcome.shouldQuit) exit();
    },
    [exit],
  );
  useInput(onInput, { isActive: problem === undefined });
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
      return <HomeScreen version={version} state={state.home} />;
    case 'help':
      return <HelpScreen version={version} />;
    case 'unavailable':
      return <UnavailableScreen version={version} entry={screen.entry} />;
    default: {
      const unreachable: never = screen;
      return unreachable;
    }
  }
}
