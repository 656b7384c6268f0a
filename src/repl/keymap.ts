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

/** The home screen's number keys, as help shows them (one row for 1–8). */
export const HOME_JUMP_HELP: Binding<'jump'> = { keys: ['1-8'], action: 'jump', description: 'open an entry by its number' };

/** Keys on screens that only show something (the dashboard, "not available yet"). */
export const BACK_KEYS: readonly Binding<BackKeyAction>[] = [
  { keys: ['escape', 'enter', 'b'], action: 'back', description: 'back to the home screen', short: 'back' },
  { keys: ['q'], action: 'quit', description: 'quit' },
];

export type GlobalKeyAction = 'open-help' | 'back' | 'quit' | 'quit-anywhere';

/**
 * Keys that mean the same on every screen (help lists them last). `?` and `q` are typed instead where
 * a line is being typed (the REPL, a task's prompt, the browser's filter, a numeric answer).
 */
export const GLOBAL_KEYS: readonly Binding<GlobalKeyAction>[] = [
  { keys: ['?'], action: 'open-help', description: 'help: the keys of the screen you are on', short: 'help' },
  { keys: ['escape'], action: 'back', description: 'go back (leave the screen, the scenario, the filter)', short: 'back' },
  { keys: ['q'], action: 'quit', description: 'quit, after saving (not while typing, nor during an exam)', short: 'quit' },
  { keys: ['ctrl-c'], action: 'quit-anywhere', description: 'quit from any screen, after saving (in the REPL it first stops long work)', short: 'quit' },
];

export type ScrollKeyAction = 'scroll-up' | 'scroll-down';

/** Scrolling long content, where ↑/↓ have no other use on the screen. */
export const SCROLL_KEYS: readonly Binding<ScrollKeyAction>[] = [
  { keys: ['pageup', 'up'], action: 'scroll-up', description: 'scroll up (PgUp a page, ↑ a line)', short: 'scroll' },
  { keys: ['pagedown', 'down'], action: 'scroll-down', description: 'scroll down (PgDn a page, ↓ a line)', short: 'scroll' },
];

/** Scrolling where ↑/↓ are taken (a task's prompt recalls lines with them). */
export const PAGE_KEYS: readonly Binding<ScrollKeyAction>[] = [
  { keys: ['pageup'], action: 'scroll-up', description: 'scroll the step up a page', short: 'scroll' },
  { keys: ['pagedown'], action: 'scroll-down', description: 'scroll the step down a page', short: 'scroll' },
];

export type HelpKeyAction = 'back' | 'quit';

/** Keys of the help overlay (besides scrolling): back to the screen it was opened from. */
export const HELP_KEYS: readonly Binding<HelpKeyAction>[] = [
  { keys: ['escape', 'enter', 'b', '?'], action: 'back', description: 'back to the screen help was opened from', short: 'back' },
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

export type RunQuestionKeyAction = 'answer' | 'leave' | 'quit';

/** Keys of the scenario runner while a prediction waits for an answer (the letters its choices have). */
export const RUN_QUESTION_KEYS: readonly Binding<RunQuestionKeyAction>[] = [
  { keys: ['a', 'b', 'c', 'd', 'e', 'f'], action: 'answer', description: 'answer with that choice (the commands run after)', short: 'answer' },
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
  if (key.pageUp) return ['pageup'];
  if (key.pageDown) return ['pagedown'];
  // ink 6 reports the Backspace key of most terminals (DEL, 0x7f) as `delete`.
  if (key.backspace || key.delete) return ['backspace'];
  // The app reads Ctrl+C itself (run-app.tsx turns ink's exitOnCtrlC off) so the REPL can stop long work with it.
  if (key.ctrl && input === 'c') return ['ctrl-c'];
  if (key.ctrl || key.meta) return [];
  // Ctrl+C typed right after other keys arrives inside their event, as its control character.
  return [...input].map((char) => (char === '\r' || char === '\n' ? 'enter' : char === '\t' ? 'tab' : char === '\u0003' ? 'ctrl-c' : char));
}

export function resolveKey<Action extends string>(
  bindings: readonly Binding<Action>[],
  name: KeyName,
): Action | undefined {
  return bindings.find((binding) => binding.keys.includes(name))?.action;
}

/**
 * "↑/k move up · ↓/j move down": the footer line for a table of bindings. When that is wider than
 * `columns`, each binding shows only its first key ("↑ move up"), then the separators tighten, so
 * every action stays named.
 */
export function describeBindings(bindings: readonly Binding<string>[], columns = Number.POSITIVE_INFINITY): string {
  const shown = bindings.filter((binding) => !binding.action.startsWith('jump-'));
  const describe = (keysOf: (binding: Binding<string>) => readonly KeyName[], separator: string): string =>
    shown.map((binding) => `${keysLabel(keysOf(binding))} ${binding.short ?? binding.description}`).join(separator);
  const full = describe((binding) => binding.keys, ' · ');
  if ([...full].length <= columns) return full;
  // A letter range stays whole: "a–d pick" names keys, not aliases.
  const firstKeys = (binding: Binding<string>): readonly KeyName[] => (keysLabel(binding.keys).includes('–') ? binding.keys : binding.keys.slice(0, 1));
  const short = describe(firstKeys, ' · ');
  return [...short].length <= columns ? short : describe(firstKeys, '·').replaceAll('Ctrl+C', '^C');
}

const KEY_LABELS: Readonly<Record<string, string>> = { up: '↑', down: '↓', left: '←', right: '→', pageup: 'PgUp', pagedown: 'PgDn', enter: 'Enter', escape: 'Esc', tab: 'Tab', backspace: 'Backspace', 'ctrl-c': 'Ctrl+C', ' ': 'Space' };

/** "↑/k", "Esc/Enter"; a run of three or more letters in a row reads as a range ("a–e"). */
export function keysLabel(keys: readonly KeyName[]): string {
  const isLetterRun = keys.length >= 3 && keys.every((key, i) => /^[a-z]$/.test(key) && (i === 0 || key.charCodeAt(0) === keys[i - 1]!.charCodeAt(0) + 1));
  if (isLetterRun) return `${keys[0]}–${keys.at(-1)}`;
  return keys.map((name) => KEY_LABELS[name] ?? name).join('/');
}

/** The choice letters of a question with `count` choices: the pick binding narrowed to them. */
export function withChoiceCount<Action extends string>(bindings: readonly Binding<Action>[], pick: Action, count: number): Binding<Action>[] {
  return bindings.map((binding) => (binding.action === pick ? { ...binding, keys: binding.keys.slice(0, count) } : binding));
}
