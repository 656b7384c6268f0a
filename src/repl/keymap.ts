// Every key binding of the shell, as data: the key hooks resolve keys through these tables, and the
// help screen and footers are generated from them, so a binding cannot exist without its description.
import type { Key } from 'ink';

/** A key as the tables name it: a printable character ("j", "?") or a named key. */
export type KeyName = 'up' | 'down' | 'left' | 'right' | 'pageup' | 'pagedown' | 'enter' | 'escape' | 'tab' | 'backspace' | 'ctrl-c' | (string & {});

export interface Binding<Action extends string> {
  readonly keys: readonly KeyName[];
  readonly action: Action;
  /** Shown in the help screen. */
  readonly description: string;
  /** Shown in footers when the description is too long for a 60-column line. */
  readonly short?: string;
}

export type HomeKeyAction = 'move-up' | 'move-down' | 'choose' | 'continue' | 'open-help' | 'quit' | `jump-${number}`;
export type BackKeyAction = 'back' | 'quit';

export const HOME_KEYS: readonly Binding<HomeKeyAction>[] = [
  { keys: ['up', 'k'], action: 'move-up', description: 'move up' },
  { keys: ['down', 'j'], action: 'move-down', description: 'move down' },
  { keys: ['enter'], action: 'choose', description: 'open the highlighted entry', short: 'open' },
  ...[1, 2, 3, 4, 5, 6, 7, 8].map(
    (n): Binding<HomeKeyAction> => ({ keys: [String(n)], action: `jump-${n}`, description: `open entry ${n}` }),
  ),
  { keys: ['c'], action: 'continue', description: 'continue the scenario you left off (the "Continue" line)', short: 'continue' },
  { keys: ['?'], action: 'open-help', description: 'help' },
  { keys: ['q'], action: 'quit', description: 'quit (Ctrl+C quits from any screen)', short: 'quit' },
];

/** Keys on every screen that is not the home screen. */
export const BACK_KEYS: readonly Binding<BackKeyAction>[] = [
  { keys: ['escape', 'enter', 'b'], action: 'back', description: 'back to the home screen', short: 'back' },
  { keys: ['q'], action: 'quit', description: 'quit' },
];

export type ProgressProblemKeyAction = 'move-up' | 'move-down' | 'choose' | 'start-fresh' | 'quit';

/** Keys on the screen shown when the progress file could not be used. */
export const PROGRESS_PROBLEM_KEYS: readonly Binding<ProgressProblemKeyAction>[] = [
  { keys: ['up', 'k'], action: 'move-up', description: 'move up' },
  { keys: ['down', 'j'], action: 'move-down', description: 'move down' },
  { keys: ['enter'], action: 'choose', description: 'choose the highlighted answer', short: 'choose' },
  { keys: ['1'], action: 'start-fresh', description: 'start fresh' },
  { keys: ['2', 'q', 'ctrl-c'], action: 'quit', description: 'quit, keeping everything as it is', short: 'quit' },
];

export type BrowserKeyAction = 'move-up' | 'move-down' | 'open' | 'start-filter' | 'back' | 'quit';

/** Keys of the scenario browser. */
export const BROWSER_KEYS: readonly Binding<BrowserKeyAction>[] = [
  { keys: ['up', 'k'], action: 'move-up', description: 'move up' },
  { keys: ['down', 'j'], action: 'move-down', description: 'move down' },
  { keys: ['enter'], action: 'open', description: 'open the highlighted scenario', short: 'open' },
  { keys: ['/'], action: 'start-filter', description: 'filter by text', short: 'filter' },
  { keys: ['escape'], action: 'back', description: 'back to the home screen', short: 'back' },
  { keys: ['q'], action: 'quit', description: 'quit' },
];

export type BrowserFilterKeyAction = 'move-up' | 'move-down' | 'end-filter' | 'clear-filter' | 'erase';

/** Keys while typing a filter in the scenario browser (other keys are typed into the filter). */
export const BROWSER_FILTER_KEYS: readonly Binding<BrowserFilterKeyAction>[] = [
  { keys: ['up'], action: 'move-up', description: 'move up' },
  { keys: ['down'], action: 'move-down', description: 'move down' },
  { keys: ['enter'], action: 'end-filter', description: 'keep the filter and go back to the list', short: 'done' },
  { keys: ['escape'], action: 'clear-filter', description: 'clear the filter', short: 'clear' },
  { keys: ['backspace'], action: 'erase', description: 'erase a character', short: 'erase' },
];

export type RunReadingKeyAction = 'next' | 'retry-step' | 'leave' | 'quit';

/** Keys of the scenario runner while a step is read (narration, output, a graded answer, a solved task). */
export const RUN_READING_KEYS: readonly Binding<RunReadingKeyAction>[] = [
  { keys: ['enter', ' ', 'n'], action: 'next', description: 'next step', short: 'next' },
  { keys: ['r'], action: 'retry-step', description: 'retry this step (the world goes back to its start)', short: 'retry step' },
  { keys: ['escape'], action: 'leave', description: 'leave the scenario (finished steps are saved)', short: 'leave' },
  { keys: ['q'], action: 'quit', description: 'quit' },
];

export type RunQuestionKeyAction = `answer-${number}` | 'leave' | 'quit';

/** Keys of the scenario runner while a prediction waits for an answer. */
export const RUN_QUESTION_KEYS: readonly Binding<RunQuestionKeyAction>[] = [
  ...['a', 'b', 'c', 'd', 'e', 'f'].map((letter, index): Binding<RunQuestionKeyAction> => ({ keys: [letter], action: `answer-${index}`, description: `answer ${letter}` })),
  { keys: ['escape'], action: 'leave', description: 'leave the scenario (finished steps are saved)', short: 'leave' },
  { keys: ['q'], action: 'quit', description: 'quit' },
];

export type RunTaskKeyAction = 'submit' | 'history-back' | 'history-forward' | 'hint' | 'erase' | 'leave';

/** Keys of the scenario runner during a task; every other key is typed at the sandbox prompt. */
export const RUN_TASK_KEYS: readonly Binding<RunTaskKeyAction>[] = [
  { keys: ['enter'], action: 'submit', description: 'run the command (or hint, skip, retry, restart)', short: 'run' },
  { keys: ['up'], action: 'history-back', description: 'previous command of this task', short: 'history' },
  { keys: ['down'], action: 'history-forward', description: 'next command of this task', short: 'history' },
  { keys: ['tab'], action: 'hint', description: 'show the next hint', short: 'hint' },
  { keys: ['backspace'], action: 'erase', description: 'erase a character', short: 'erase' },
  { keys: ['escape'], action: 'leave', description: 'leave the scenario (finished steps are saved)', short: 'leave' },
];

export type RunFinishedKeyAction = 'leave' | 'restart' | 'quit';

/** Keys of the scenario runner once the scenario is finished. */
export const RUN_FINISHED_KEYS: readonly Binding<RunFinishedKeyAction>[] = [
  { keys: ['enter', 'escape'], action: 'leave', description: 'back to the scenario list', short: 'back' },
  { keys: ['r'], action: 'restart', description: 'run the scenario again', short: 'again' },
  { keys: ['q'], action: 'quit', description: 'quit' },
];

/**
 * Turns one ink input event into key names. Keys typed fast or pasted arrive as one event ("jj"), so
 * every printable character becomes its own key (PLATFORM.md, ink input pitfalls).
 */
export function keyNamesOf(input: string, key: Key): KeyName[] {
  if (key.upArrow) return ['up'];
  if (key.downArrow) return ['down'];
  if (key.leftArrow) return ['left'];
  if (key.rightArrow) return ['right'];
  if (key.return) return ['enter'];
  if (key.escape) return ['escape'];
  if (key.tab) return ['tab'];
  if (key.leftArrow) return ['left'];
  if (key.rightArrow) return ['right'];
  if (key.pageUp) return ['pageup'];
  if (key.pageDown) return ['pagedown'];
  // ink 6 reports the Backspace key of most terminals (DEL, 0x7f) as `delete`.
  if (key.backspace || key.delete) return ['backspace'];
  // The app reads Ctrl+C itself (run-app.tsx turns ink's exitOnCtrlC off) so the REPL can stop long work with it.
  if (key.ctrl && input === 'c') return ['ctrl-c'];
  if (key.ctrl || key.meta) return [];
  return [...input].map((char) => (char === '\r' || char === '\n' ? 'enter' : char === '\t' ? 'tab' : char));
}

export function resolveKey<Action extends string>(
  bindings: readonly Binding<Action>[],
  name: KeyName,
): Action | undefined {
  return bindings.find((binding) => binding.keys.includes(name))?.action;
}

/** "↑/k move up · ↓/j move down": the footer line for a table of bindings. */
export function describeBindings(bindings: readonly Binding<string>[]): string {
  const labels: Readonly<Record<string, string>> = { up: '↑', down: '↓', left: '←', right: '→', pageup: 'PgUp', pagedown: 'PgDn', enter: 'Enter', escape: 'Esc', tab: 'Tab', backspace: 'Backspace', 'ctrl-c': 'Ctrl+C', ' ': 'Space' };
  const label = (name: KeyName): string => labels[name] ?? name;
  return bindings
    .filter((binding) => !binding.action.startsWith('jump-'))
    .map((binding) => `${binding.keys.map(label).join('/')} ${binding.short ?? binding.description}`)
    .join(' · ');
}
