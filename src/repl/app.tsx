// The root of the shell: one reducer decides which screen shows; screens send intents back up.
import { useApp, useInput } from 'ink';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { ProgressData, ProgressProblem, ProgressRepository } from '../progress/index.js';
import type { CardRecord, Question } from '../quiz/index.js';
import type { Scenario } from '../scenarios/index.js';
import { routeKeys, type KeyOutcome } from './app-keys.js';
import { appReducer, createAppState, type AppAction, type AppState, type StartIn } from './app-state.js';
import type { InputHandler } from './boot.js';
import { HelpOverlay } from './components/help-overlay.js';
import { keyNamesOf, type KeyName } from './keymap.js';
import { initialLearningState, type LearningAction } from './learning-state.js';
import { LearningScreen } from './learning-screen.js';
import { HOME_ENTRIES } from './screens/home/home-entries.js';
import { HomeScreen } from './screens/home/home-screen.js';
import { scenarioToContinue } from './screens/home/home-summary.js';
import { ReplScreen } from './screens/repl/repl-screen.js';
import { ProgressProblemScreen } from './screens/progress-problem/progress-problem-screen.js';
import { ScenariosScreen } from './screens/scenarios/scenarios-screen.js';
import { UnavailableScreen } from './screens/unavailable/unavailable-screen.js';
import { useProgressOutbox } from './use-progress-outbox.js';
import { useHomeSummary } from './use-home-summary.js';
import { useScenarioProgress } from './use-scenario-progress.js';

/** What `trainer quiz | review | exam` in a terminal opens at once. */
export type OpenLearning = { readonly entry: 'quiz' | 'review' | 'exam'; readonly action: LearningAction };

export interface AppProps {
  readonly version: string;
  /** Where progress is kept; loaded (shell-loader.ts) before the app is drawn, right after the home screen's first frame. */
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
  /** The question bank and the learner's review cards, for the quiz, review and exam screens. */
  readonly bank?: readonly Question[];
  readonly cards?: Readonly<Record<string, CardRecord>>;
  /** `trainer quiz | review | exam`: the screen to open at once. */
  readonly openLearning?: OpenLearning;
  /** The wall clock, for progress timestamps and the quiz and exam (tests pass a fake one). @default Date.now */
  readonly now?: () => number;
  /** How often the exam countdown redraws and checks the time limit. @default 1000 */
  readonly clockTickMs?: number;
  /** Keys pressed on the boot screen before the app was loaded (boot.tsx): replayed from the first state. */
  readonly pendingKeys?: readonly KeyName[];
  /** Given by the boot screen, which holds the one input subscription: the app puts its handler here. */
  readonly inputRef?: RefObject<InputHandler | undefined>;
}

function startIn({ openScenario, startInRepl = false, seed = 1 }: AppProps): StartIn | undefined {
  if (openScenario !== undefined) return { kind: 'scenario', ...openScenario };
  return startInRepl ? { kind: 'repl', seed } : undefined;
}

function firstState(props: AppProps): AppState {
  const { library, bank, cards, openLearning, progress, now = Date.now } = props;
  const resume = progress === undefined ? undefined : scenarioToContinue(progress, library ?? [])?.scenarioId;
  const state: AppState = { ...createAppState(library ?? [], startIn(props)), learning: initialLearningState(bank, cards), resume };
  if (openLearning === undefined) return state;
  // Esc then lands on the entry of the screen that was open, as if it had been opened from home.
  const index = HOME_ENTRIES.findIndex((entry) => entry.id === openLearning.entry);
  const selected = appReducer(state, { type: 'home', action: { type: 'select', index } });
  const opened = appReducer(selected, { type: 'open', entry: openLearning.entry });
  return appReducer(opened, { type: 'learning', action: openLearning.action, nowMs: now() });
}

/** The exam's countdown: while the exam runs, a tick redraws the time left and ends it when it runs out. */
function useExamClock(isExamRunning: boolean, send: (action: AppAction) => void, now: () => number, clockTickMs: number): void {
  useEffect(() => {
    if (!isExamRunning) return;
    const timer = setInterval(() => send({ type: 'learning', action: { type: 'exam', action: { type: 'tick' } }, nowMs: now() }), clockTickMs);
    return () => clearInterval(timer);
  }, [isExamRunning, send, now, clockTickMs]);
}

const NO_SCENARIOS: readonly Scenario[] = [];

/**
 * Where the app's keys come from: the boot screen's subscription, which the app hands its handler to
 * in a layout effect (the same turn as the hand-over, so no key falls between), or its own when it is
 * rendered alone (component tests). Inactive while the progress-problem screen reads its own keys.
 */
function useKeyHandler(onInput: InputHandler, isActive: boolean, inputRef: RefObject<InputHandler | undefined> | undefined): void {
  useInput(onInput, { isActive: isActive && inputRef === undefined });
  useLayoutEffect(() => {
    if (inputRef === undefined) return;
    inputRef.current = isActive ? onInput : undefined;
    return () => {
      inputRef.current = undefined;
    };
  }, [inputRef, onInput, isActive]);
}

/** The first state, with the keys pressed before the app was loaded already acted on (none if progress could not be read). */
function firstOutcome(props: AppProps): KeyOutcome {
  const state = firstState(props);
  const keys = props.progressProblem === undefined ? (props.pendingKeys ?? []) : [];
  return routeKeys(state, keys, (props.now ?? Date.now)());
}

export function App(props: AppProps) {
  const { version, repository, progressProblem, progress: initialProgress, library, inputRef, now = Date.now, clockTickMs = 1_000 } = props;
  const { exit } = useApp();
  const [first] = useState(() => firstOutcome(props));
  const [state, setState] = useState(first.state);
  const scenarioProgress = useScenarioProgress(repository, initialProgress, now);
  const { record } = scenarioProgress;
  const outbox = useProgressOutbox(repository, state.learning.outbox);
  const { flush } = outbox;
  const [problem, setProblem] = useState(progressProblem);
  // One subscription for the whole app, with a handler that never changes: it reads the latest state
  // through a ref and keeps it current itself, so keys arriving before React re-renders act on the
  // right screen.
  // Every change goes through `latest` first (keys below, `send` from effects), so it is never behind;
  // it is not reset from a render, which React may do with an older state while a lower-priority
  // update (an effect's promise) waits, and which would then lose that update.
  const latest = useRef(first.state);
  // Screens with effects (the REPL's runner) send actions too; they go through the same latest state.
  const send = useCallback((action: AppAction) => {
    latest.current = appReducer(latest.current, action);
    setState(latest.current);
  }, []);
  const onInput = useCallback<InputHandler>(
    (input, key) => {
      const outcome = routeKeys(latest.current, keyNamesOf(input, key), now());
      latest.current = outcome.state;
      setState(outcome.state);
      record(outcome.scenarioEvents);
      // Answers rated by keys of this same event are written before the app goes (the writes finish
      // after ink unmounts: node stays until they are done).
      if (outcome.shouldQuit) void flush(outcome.state.learning.outbox).finally(exit);
    },
    [exit, record, now, flush],
  );
  const getState = useCallback(() => latest.current, []);
  const { refresh } = scenarioProgress;
  const { settled } = outbox;
  const refreshAfterWrites = useCallback(() => void settled().then(refresh), [settled, refresh]);
  const isHome = state.screen.kind === 'home';
  const summary = useHomeSummary({ progress: scenarioProgress.progress, cards: state.learning.cards, library: library ?? NO_SCENARIOS, isHome, now, send, refresh: refreshAfterWrites });
  // What the replayed keys did: recorded, or quit, once.
  useEffect(() => {
    record(first.scenarioEvents);
    if (first.shouldQuit) exit();
  }, [first, record, exit]);
  useKeyHandler(onInput, problem === undefined, inputRef);
  useExamClock(state.screen.kind === 'exam' && state.learning.exam?.session?.endReason === null, send, now, clockTickMs);
  const startFresh = useCallback(() => {
    if (repository === undefined) return setProblem(undefined);
    void repository.reset().then((result) => setProblem(result.ok ? undefined : result.problem));
  }, [repository]);
  if (problem !== undefined) {
    return <ProgressProblemScreen version={version} problem={problem} onStartFresh={startFresh} onQuit={exit} />;
  }
  return (
    <HelpOverlay version={version} state={state} send={send}>
      {screenOf(props, state, { outbox, scenarioProgress, send, getState, summary })}
    </HelpOverlay>
  );
}

interface ScreenDeps {
  readonly outbox: ReturnType<typeof useProgressOutbox>;
  readonly scenarioProgress: ReturnType<typeof useScenarioProgress>;
  readonly send: (action: AppAction) => void;
  readonly getState: () => AppState;
  readonly summary: ReturnType<typeof useHomeSummary>;
}

function screenOf(props: AppProps, state: AppState, deps: ScreenDeps): ReactNode {
  const { outbox, scenarioProgress, send, getState, summary } = deps;
  const { version, repository, historyDir, now = Date.now } = props;
  const { screen } = state;
  switch (screen.kind) {
    case 'home':
      return <HomeScreen version={version} state={state.home} summary={summary} />;
    case 'help':
      return screenOf(props, { ...state, screen: screen.from ?? { kind: 'home' } }, deps);
    case 'scenarios':
      return <ScenariosScreen version={version} state={state.scenarios} progress={scenarioProgress.progress} notice={scenarioProgress.notice} />;
    case 'repl':
      return <ReplScreen version={version} state={state.repl} send={send} getState={getState} {...(historyDir === undefined ? {} : { historyDir })} />;
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
