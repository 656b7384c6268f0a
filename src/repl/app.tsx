// The root of the shell: one reducer decides which screen shows; screens send intents back up.
import { useApp, useInput } from 'ink';
import { useCallback, useReducer, useRef, useState } from 'react';
import type { ProgressProblem, ProgressRepository } from '../progress/index.js';
import { routeKeys } from './app-keys.js';
import { appReducer, initialAppState, type AppAction } from './app-state.js';
import { keyNamesOf } from './keymap.js';
import { HelpScreen } from './screens/help/help-screen.js';
import { HomeScreen } from './screens/home/home-screen.js';
import { ReplScreen } from './screens/repl/repl-screen.js';
import { ProgressProblemScreen } from './screens/progress-problem/progress-problem-screen.js';
import { UnavailableScreen } from './screens/unavailable/unavailable-screen.js';

export interface AppProps {
  readonly version: string;
  /** Where progress is kept; the app loaded it before drawing (run-app.tsx). */
  readonly repository?: ProgressRepository;
  /** Why the progress could not be loaded, if it could not: shown first, before anything else. */
  readonly progressProblem?: ProgressProblem;
  /** `trainer repl`: open the sandbox at once; leaving it quits. */
  readonly startInRepl?: boolean;
  /** Where the REPL keeps its history file (the progress folder); no history is saved without it. */
  readonly historyDir?: string;
  /** The seed of the sandbox's first world. @default 1 */
  readonly seed?: number;
}

export function App({ version, repository, progressProblem, startInRepl = false, historyDir, seed = 1 }: AppProps) {
  const { exit } = useApp();
  const [state, dispatch] = useReducer(appReducer, startInRepl, (isRepl) => (isRepl ? appReducer(initialAppState, { type: 'open-repl', leaveTo: 'quit', seed }) : initialAppState));
  const [problem, setProblem] = useState(progressProblem);
  // One subscription for the whole app, with a handler that never changes: it reads the latest state
  // through a ref and keeps it current itself, so keys arriving before React re-renders act on the
  // right screen.
  const latest = useRef(state);
  latest.current = state;
  const send = useCallback((action: AppAction) => {
    latest.current = appReducer(latest.current, action);
    dispatch(action);
  }, []);
  const onInput = useCallback<Parameters<typeof useInput>[0]>(
    (input, key) => {
      const outcome = routeKeys(latest.current, keyNamesOf(input, key));
      outcome.actions.forEach(send);
      if (outcome.shouldQuit) exit();
    },
    [exit, send],
  );
  const getState = useCallback(() => latest.current, []);
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
    case 'repl':
      return <ReplScreen version={version} state={state.repl} send={send} getState={getState} {...(historyDir === undefined ? {} : { historyDir })} />;
    case 'unavailable':
      return <UnavailableScreen version={version} entry={screen.entry} />;
    default: {
      const unreachable: never = screen;
      return unreachable;
    }
  }
}
