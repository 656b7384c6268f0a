// Every key binding of the shell, as data: the key hooks resolve keys through these tables, and the
// help screen and footers are generated from them, so a binding cannot exist without its description.
import type { Key } from 'ink';

/** A key as the tables name it: a printable character ("j", "?") or a named key. */
export type KeyName = 'up' | 'down' | 'enter' | 'escape' | 'tab' | (string & {});

export interface Binding<Action extends string> {
  readonly keys: readonly KeyName[];
  readonly action: Action;
  /** Shown in the help screen. */
  readonly description: string;
  /** Shown in footers when the description is too long for a 60-column line. */
  readonly short?: string;
}

export type HomeKeyAction = 'move-up' | 'move-down' | 'choose' | 'open-help' | 'quit' | `jump-${number}`;
export type BackKeyAction = 'back' | 'quit';

export const HOME_KEYS: readonly Binding<HomeKeyAction>[] = [
  { keys: ['up', 'k'], action: 'move-up', description: 'move up' },
  { keys: ['down', 'j'], action: 'move-down', description: 'move down' },
  { keys: ['enter'], action: 'choose', description: 'open the highlighted entry', short: 'open' },
  ...[1, 2, 3, 4, 5, 6, 7, 8].map(
    (n): Binding<HomeKeyAction> => ({ keys: [String(n)], action: `jump-${n}`, description: `open entry ${n}` }),
  ),
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
  { keys: ['2', 'q'], action: 'quit', description: 'quit, keeping everything as it is', short: 'quit' },
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
  // ink 6 reports the Backspace key of most terminals (DEL, 0x7f) as `delete`.
  if (key.backspace || key.delete) return ['backspace'];
  if (key.ctrl || key.meta) return [];
  return [...input].map((char) => (char === '\r' || char === '\n' ? 'enter' : char));
}

export function resolveKey<Action extends string>(
  bindings: readonly Binding<Action>[],
  name: KeyName,
): Action | undefined {
  return bindings.find((binding) => binding.keys.includes(name))?.action;
}

/** "↑/k move up · ↓/j move down": the footer line for a table of bindings. */
export function describeBindings(bindings: readonly Binding<string>[]): string {
  const labels: Readonly<Record<string, string>> = { up: '↑', down: '↓', left: '←', right: '→', enter: 'Enter', escape: 'Esc', tab: 'Tab', backspace: 'Backspace', ' ': 'Space' };
  const label = (name: KeyName): string => labels[name] ?? name;
  return bindings
    .filter((binding) => !binding.action.startsWith('jump-'))
    .map((binding) => `${binding.keys.map(label).join('/')} ${binding.short ?? binding.description}`)
    .join(' · ');
}
