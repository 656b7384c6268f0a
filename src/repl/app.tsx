// The root of the shell: one reducer decides which screen shows; screens send intents back up.
import { useApp, useInput } from 'ink';
import { useCallback, useRef, useState } from 'react';
import type { ProgressData, ProgressProblem, ProgressRepository } from '../progress/index.js';
import type { Scenario } from '../scenarios/index.js';
import { routeKeys } from './app-keys.js';
import { appReducer, createAppState, type AppAction, type StartIn } from './app-state.js';
import { keyNamesOf } from './keymap.js';
import { HelpScreen } from './screens/help/help-screen.js';
import { HomeScreen } from './screens/home/home-screen.js';
import { ReplScreen } from './screens/repl/repl-screen.js';
import { ProgressProblemScreen } from './screens/progress-problem/progress-problem-screen.js';
import { ScenariosScreen } from './screens/scenarios/scenarios-screen.js';
import { UnavailableScreen } from './screens/unavailable/unavailable-screen.js';
import { useScenarioProgress } from './use-scenario-progress.js';

export interface AppProps {
  readonly version: string;
  /** Where progress is kept; the app loaded it before drawing (run-app.tsx). */
  readonly repository?: ProgressRepository;
  /** Why the progress could not be loaded, if it could not: shown first, before anything else. */
  readonly progressProblem?: ProgressProblem;
  /** What the store held when the app started (for the scenario markers). */
  readonly progress?: ProgressData;
  /** The scenario library (built-in and the learner's packs). */
  readonly library?: readonly Scenario[];
  /** `trainer run ID`: the scenario to open at once, and its world's seed. */
  readonly openScenario?: { readonly id: string; readonly seed: number };
  /** `trainer repl`: open the sandbox at once; leaving it quits. */
  readonly startInRepl?: boolean;
  /** Where the REPL keeps its history file (the progress folder); no history is saved without it. */
  readonly historyDir?: string;
  /** The seed of the sandbox's first world. @default 1 */
  readonly seed?: number;
  /** The wall clock for progress timestamps. @default Date.now */
  readonly now?: () => number;
}

function startIn({ openScenario, startInRepl = false, seed = 1 }: AppProps): StartIn | undefined {
  if (openScenario !== undefined) return { kind: 'scenario', ...openScenario };
  return startInRepl ? { kind: 'repl', seed } : undefined;
}

export function App(props: AppProps) {
  const { version, repository, progressProblem, progress: initialProgress, library, historyDir, now = Date.now } = props;
  const { exit } = useApp();
  const [state, setState] = useState(() => createAppState(library ?? [], startIn(props)));
  const scenarioProgress = useScenarioProgress(repository, initialProgress, now);
  const { record } = scenarioProgress;
  const [problem, setProblem] = useState(progressProblem);
  // One subscription for the whole app, with a handler that never changes: it reads the latest state
  // through a ref and keeps it current itself, so keys arriving before React re-renders act on the
  // right screen.
  const latest = useRef(state);
  latest.current = state;
  // Screens with effects (the REPL's runner) send actions too; they go through the same latest state.
  const send = useCallback((action: AppAction) => {
    latest.current = appReducer(latest.current, action);
    setState(latest.current);
  }, []);
  const onInput = useCallback<Parameters<typeof useInput>[0]>(
    (input, key) => {
      const outcome = routeKeys(latest.current, keyNamesOf(input, key));
      latest.current = outcome.state;
      setState(outcome.state);
      record(outcome.scenarioEvents);
      if (outcome.shouldQuit) exit();
    },
    [exit, record],
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
    case 'scenarios':
      return <ScenariosScreen version={version} state={state.scenarios} progress={scenarioProgress.progress} notice={scenarioProgress.notice} />;
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
