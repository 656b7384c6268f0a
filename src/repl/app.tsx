// The root of the shell: one reducer decides which screen shows; screens send intents back up.
import { useApp, useInput } from 'ink';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ProgressProblem, ProgressRepository } from '../progress/index.js';
import type { CardRecord, Question } from '../quiz/index.js';
import { routeKeys } from './app-keys.js';
import { appReducer, initialAppState, type AppState } from './app-state.js';
import { keyNamesOf } from './keymap.js';
import { initialLearningState, type LearningAction } from './learning-state.js';
import { LearningScreen } from './learning-screen.js';
import { HelpScreen } from './screens/help/help-screen.js';
import { HOME_ENTRIES } from './screens/home/home-entries.js';
import { HomeScreen } from './screens/home/home-screen.js';
import { ProgressProblemScreen } from './screens/progress-problem/progress-problem-screen.js';
import { UnavailableScreen } from './screens/unavailable/unavailable-screen.js';
import { useProgressOutbox } from './use-progress-outbox.js';

/** What `trainer quiz | review | exam` in a terminal opens at once. */
export type OpenLearning = { readonly entry: 'quiz' | 'review' | 'exam'; readonly action: LearningAction };

export interface AppProps {
  readonly version: string;
  /** Where progress is kept; the app loaded it before drawing (run-app.tsx). */
  readonly repository?: ProgressRepository;
  /** Why the progress could not be loaded, if it could not: shown first, before anything else. */
  readonly progressProblem?: ProgressProblem;
  /** The question bank and the learner's review cards, for the quiz, review and exam screens. */
  readonly bank?: readonly Question[];
  readonly cards?: Readonly<Record<string, CardRecord>>;
  readonly openLearning?: OpenLearning;
  /** The wall clock (tests pass a fake one). @default Date.now */
  readonly now?: () => number;
  /** How often the exam countdown redraws and checks the time limit. @default 1000 */
  readonly clockTickMs?: number;
}

function firstState({ bank, cards, openLearning, now = Date.now }: AppProps): AppState {
  const state: AppState = { ...initialAppState, learning: initialLearningState(bank, cards) };
  if (openLearning === undefined) return state;
  // Esc then lands on the entry of the screen that was open, as if it had been opened from home.
  const index = HOME_ENTRIES.findIndex((entry) => entry.id === openLearning.entry);
  const selected = appReducer(state, { type: 'home', action: { type: 'select', index } });
  const opened = appReducer(selected, { type: 'open', entry: openLearning.entry });
  return appReducer(opened, { type: 'learning', action: openLearning.action, nowMs: now() });
}

export function App(props: AppProps) {
  const { version, repository, progressProblem, now = Date.now, clockTickMs = 1_000 } = props;
  const { exit } = useApp();
  const [state, dispatch] = useReducer(appReducer, props, firstState);
  const [problem, setProblem] = useState(progressProblem);
  const outbox = useProgressOutbox(repository, state.learning.outbox);
  // One subscription for the whole app, with a handler that never changes: it reads the latest state
  // through a ref and keeps it current itself, so keys arriving before React re-renders act on the
  // right screen.
  const latest = useRef(state);
  latest.current = state;
  const onInput = useCallback<Parameters<typeof useInput>[0]>(
    (input, key) => {
      const outcome = routeKeys(latest.current, keyNamesOf(input, key), now());
      for (const action of outcome.actions) {
        latest.current = appReducer(latest.current, action);
        dispatch(action);
      }
      if (outcome.shouldQuit) exit();
    },
    [exit, now],
  );
  useInput(onInput, { isActive: problem === undefined });
  // The exam's countdown: a tick redraws the time left and ends the exam when it runs out.
  const isExamRunning = state.screen.kind === 'exam' && state.learning.exam?.session?.endReason === null;
  useEffect(() => {
    if (!isExamRunning) return;
    const timer = setInterval(() => dispatch({ type: 'learning', action: { type: 'exam', action: { type: 'tick' } }, nowMs: now() }), clockTickMs);
    return () => clearInterval(timer);
  }, [isExamRunning, now, clockTickMs]);
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
    case 'quiz':
    case 'exam':
    case 'progress':
      return <LearningScreen version={version} screen={screen.kind} learning={state.learning} outbox={outbox} repository={repository} now={now} />;
    case 'unavailable':
      return <UnavailableScreen version={version} entry={screen.entry} />;
    default: {
      const unreachable: never = screen;
      return unreachable;
    }
  }
}
