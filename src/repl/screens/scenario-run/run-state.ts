// The runner screen's state: the pure scenario runner's state plus what only the screen needs (the
// prompt line, its history within the task, a notice). Every change of the scenario goes through the
// runner's own `step`; nothing here decides what AWS does or what is right.
import { actionForLine, start, step, templateFiles, type RunnerAction, type RunnerEvent, type RunnerState, type Scenario } from '../../../scenarios/index.js';

export interface RunScreenState {
  readonly runner: RunnerState;
  /** What is typed at the sandbox prompt, not yet submitted. */
  readonly line: string;
  /** Lines submitted during the current task, oldest first (↑ recalls them). */
  readonly history: readonly string[];
  /** Position in `history` while ↑/↓ browse it; undefined while typing a new line. */
  readonly historyIndex: number | undefined;
  /** Why the last action did nothing (the runner's own reason), or a problem in the scenario; shown until the next action. */
  readonly notice: string | undefined;
}

export type RunScreenAction =
  | { readonly type: 'runner'; readonly action: RunnerAction }
  | { readonly type: 'type'; readonly text: string }
  | { readonly type: 'erase' }
  | { readonly type: 'submit' }
  | { readonly type: 'history-back' }
  | { readonly type: 'history-forward' };

/** What the learner should read about a transition: why an action was refused, or a problem in the scenario. */
function noticeOf(events: readonly RunnerEvent[]): string | undefined {
  for (const event of events) {
    if (event.type === 'action-refused') return event.reason;
    // The scenario itself is wrong: said plainly, in plain mode's words, so it gets reported.
    if (event.type === 'content-problem') return `This scenario has a problem at step ${event.stepId}: ${event.message}. Please report it.`;
  }
  return undefined;
}

export function startRun(scenario: Scenario, seed = 1): RunScreenState {
  const runner = start(scenario, { seed, io: templateFiles() });
  return { runner, line: '', history: [], historyIndex: undefined, notice: noticeOf(runner.events) };
}

function applyRunner(state: RunScreenState, action: RunnerAction): RunScreenState {
  const runner = step(state.runner, action);
  const notice = noticeOf(runner.events);
  const hasNewStep = runner.stepIndex !== state.runner.stepIndex || runner.phase === 'finished' || action.type === 'restart';
  return {
    ...state,
    runner,
    notice,
    history: hasNewStep ? [] : state.history,
    historyIndex: undefined,
  };
}

/** Enter at the prompt: the same words as plain mode (hint, skip, retry, restart), else a command. */
function submit(state: RunScreenState): RunScreenState {
  const line = state.line.trim();
  if (line === '') return state;
  const cleared: RunScreenState = { ...state, line: '', historyIndex: undefined, history: [...state.history, line] };
  const meaning = actionForLine(state.runner, line);
  if (meaning === 'quit') return { ...cleared, notice: 'Press Esc to leave the scenario, or Ctrl+C to quit trainer.' };
  if ('retry' in meaning) return { ...cleared, notice: meaning.retry === '' ? undefined : meaning.retry };
  return applyRunner(cleared, meaning);
}

function recall(state: RunScreenState, by: 1 | -1): RunScreenState {
  if (state.history.length === 0) return state;
  const from = state.historyIndex ?? state.history.length;
  const index = Math.min(state.history.length, Math.max(0, from + by));
  if (index === state.history.length) return { ...state, historyIndex: undefined, line: '' };
  return { ...state, historyIndex: index, line: state.history[index] ?? '' };
}

export function runScreenReducer(state: RunScreenState, action: RunScreenAction): RunScreenState {
  switch (action.type) {
    case 'runner':
      return applyRunner(state, action.action);
    case 'type':
      return { ...state, line: state.line + action.text, notice: undefined };
    case 'erase':
      return { ...state, line: state.line.slice(0, -1) };
    case 'submit':
      return submit(state);
    case 'history-back':
      return recall(state, -1);
    case 'history-forward':
      return recall(state, 1);
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/** True when typed keys go to the sandbox prompt (a task is open) rather than acting as shortcuts. */
export function isPromptActive(state: RunScreenState): boolean {
  return state.runner.phase === 'working';
}
