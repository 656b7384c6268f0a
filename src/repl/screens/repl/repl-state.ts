// The sandbox REPL's state and transitions, pure so they are tested without React: the prompt line
// and its cursor, history recall, Tab completion, the output log and its scroll position, and the
// queue of submitted lines. Running a line is an effect (use-sandbox-runner.ts): the reducer only
// queues it, and takes the result back as an action.
import { DEFAULT_START_TIME_MS, defaultCommandTable } from '../../../sim/index.js';
import { completeLine, type WorldNames } from './completion.js';
import { appendLog, type LogLine } from './log-lines.js';

/** Lines scrolled per PgUp / PgDn. */
export const PAGE_LINES = 10;

export interface RunningJob {
  readonly line: string;
  /** 0 to 1: how much of the line's virtual time has run. */
  readonly fraction: number;
  readonly isCancelling: boolean;
}

export interface ReplState {
  readonly input: string;
  /** Where the cursor is in `input` (0 = before the first character). */
  readonly cursor: number;
  /** Commands typed, oldest first (loaded from and saved to the history file). */
  readonly history: readonly string[];
  /** While recalling: the history entry shown; null while editing a new line. */
  readonly historyIndex: number | null;
  /** The line being typed before recall started, given back by ↓ past the newest entry. */
  readonly draft: string;
  readonly log: readonly LogLine[];
  /** How many rows the log view is scrolled up from its newest row. */
  readonly scrollBack: number;
  /** Submitted lines waiting to run, oldest first. */
  readonly pending: readonly string[];
  readonly job: RunningJob | null;
  /** Candidates listed by a second Tab; null when none are shown. */
  readonly candidates: readonly string[] | null;
  readonly wasTab: boolean;
  readonly names: WorldNames;
  readonly seed: number;
  /** The world's virtual time after the last line (epoch ms). */
  readonly timeMs: number;
  /** The lines that ran without an error, in order: what `sim export FILE` saves. */
  readonly succeeded: readonly string[];
  /** What Esc and `exit` do: back to the home screen, or quit (`trainer repl`). */
  readonly leaveTo: 'home' | 'quit';
}

export type ReplAction =
  | { readonly type: 'insert'; readonly text: string }
  | { readonly type: 'erase' }
  | { readonly type: 'move-left' }
  | { readonly type: 'move-right' }
  | { readonly type: 'submit' }
  | { readonly type: 'history-back' }
  | { readonly type: 'history-forward' }
  | { readonly type: 'complete' }
  | { readonly type: 'page-up' }
  | { readonly type: 'page-down' }
  | { readonly type: 'cancel-job' }
  | { readonly type: 'history-loaded'; readonly lines: readonly string[] }
  | { readonly type: 'line-started'; readonly line: string }
  | { readonly type: 'job-progress'; readonly fraction: number }
  | { readonly type: 'line-finished'; readonly lines: readonly LogLine[]; readonly succeeded?: string; readonly names: WorldNames; readonly seed: number; readonly timeMs: number }
  | { readonly type: 'notice'; readonly text: string };

export function initialReplState(leaveTo: 'home' | 'quit' = 'home', seed = 1): ReplState {
  return {
    input: '',
    cursor: 0,
    history: [],
    historyIndex: null,
    draft: '',
    log: [{ kind: 'notice', text: `A new world with seed ${seed}. Type help for the commands, Tab to complete, Esc or exit to leave.` }],
    scrollBack: 0,
    pending: [],
    job: null,
    candidates: null,
    wasTab: false,
    names: {},
    seed,
    timeMs: DEFAULT_START_TIME_MS,
    succeeded: [],
    leaveTo,
  };
}

/** Adds a command to the history, unless it is blank or repeats the newest entry. */
export function pushHistory(history: readonly string[], line: string, max = 1_000): readonly string[] {
  if (line.trim() === '' || history[history.length - 1] === line) return history;
  const next = [...history, line];
  return next.length > max ? next.slice(next.length - max) : next;
}

function withInput(state: ReplState, input: string, cursor = input.length): ReplState {
  return { ...state, input, cursor };
}

function submit(state: ReplState): ReplState {
  const line = state.input;
  const base = { ...withInput(state, ''), history: pushHistory(state.history, line), historyIndex: null, draft: '', scrollBack: 0 };
  if (line.trim() === 'clear') return { ...base, log: [] };
  if (line.trim() === '') return { ...base, log: appendLog(state.log, [{ kind: 'command', text: '$' }]) };
  return { ...base, pending: [...state.pending, line] };
}

function recall(state: ReplState, step: -1 | 1): ReplState {
  const count = state.history.length;
  if (count === 0) return state;
  const current = state.historyIndex ?? count;
  const index = Math.min(count, Math.max(0, current + step));
  if (index === current) return state;
  if (index === count) return { ...withInput(state, state.draft), historyIndex: null };
  const draft = state.historyIndex === null ? state.input : state.draft;
  return { ...withInput(state, state.history[index]!), historyIndex: index, draft };
}

function complete(state: ReplState): ReplState {
  const result = completeLine(state.input, state.cursor, defaultCommandTable(), state.names);
  const next = { ...state, input: result.line, cursor: result.cursor, wasTab: true };
  const isListed = result.candidates.length > 1 && result.line === state.input && state.wasTab;
  return { ...next, candidates: isListed ? result.candidates : null };
}

function editing(state: ReplState, action: ReplAction): ReplState {
  const { input, cursor } = state;
  switch (action.type) {
    case 'insert':
      return withInput(state, input.slice(0, cursor) + action.text + input.slice(cursor), cursor + action.text.length);
    case 'erase':
      return cursor === 0 ? state : withInput(state, input.slice(0, cursor - 1) + input.slice(cursor), cursor - 1);
    case 'move-left':
      return { ...state, cursor: Math.max(0, cursor - 1) };
    case 'move-right':
      return { ...state, cursor: Math.min(input.length, cursor + 1) };
    default:
      return state;
  }
}

function running(state: ReplState, action: ReplAction): ReplState {
  switch (action.type) {
    case 'line-started':
      return { ...state, pending: state.pending.slice(1), job: { line: action.line, fraction: 0, isCancelling: false } };
    case 'job-progress':
      return state.job === null ? state : { ...state, job: { ...state.job, fraction: action.fraction } };
    case 'cancel-job':
      return state.job === null ? state : { ...state, job: { ...state.job, isCancelling: true } };
    case 'line-finished': {
      const succeeded = action.succeeded === undefined ? state.succeeded : [...state.succeeded, action.succeeded];
      return { ...state, job: null, log: appendLog(state.log, action.lines), names: action.names, seed: action.seed, timeMs: action.timeMs, succeeded };
    }
    default:
      return state;
  }
}

export function replReducer(state: ReplState, action: ReplAction): ReplState {
  const next = { ...state, wasTab: false, candidates: action.type === 'complete' ? state.candidates : null };
  switch (action.type) {
    case 'submit':
      return submit(next);
    case 'history-back':
      return recall(next, -1);
    case 'history-forward':
      return recall(next, 1);
    case 'complete':
      return complete(state);
    case 'page-up':
      return { ...next, scrollBack: Math.min(state.scrollBack + PAGE_LINES, Math.max(0, state.log.length - 1)) };
    case 'page-down':
      return { ...next, scrollBack: Math.max(0, state.scrollBack - PAGE_LINES) };
    case 'history-loaded':
      return { ...state, history: [...action.lines, ...state.history] };
    case 'notice':
      return { ...state, log: appendLog(state.log, [{ kind: 'notice', text: action.text }]) };
    case 'insert':
    case 'erase':
    case 'move-left':
    case 'move-right':
      return editing(next, action);
    default:
      return running(state, action);
  }
}
