// The REPL's keys as data (for the footer and the help screen) and the pure routing of one key: named
// keys edit, recall, complete or scroll; every other key is typed at the prompt. Esc and `exit` leave;
// Ctrl+C stops long work when some is running, and quits otherwise.
import { resolveKey, type Binding, type KeyName } from '../../keymap.js';
import type { ReplAction, ReplState } from './repl-state.js';

export type ReplKeyAction = 'submit' | 'history-back' | 'history-forward' | 'complete' | 'erase' | 'move-left' | 'move-right' | 'page-up' | 'page-down' | 'leave' | 'interrupt';

export const REPL_KEYS: readonly Binding<ReplKeyAction>[] = [
  { keys: ['enter'], action: 'submit', description: 'run the line', short: 'run' },
  { keys: ['up'], action: 'history-back', description: 'previous command (history is kept across sessions)', short: 'history' },
  { keys: ['down'], action: 'history-forward', description: 'next command in the history' },
  { keys: ['tab'], action: 'complete', description: 'complete the word (twice: list what fits)', short: 'complete' },
  { keys: ['backspace'], action: 'erase', description: 'erase the character before the cursor' },
  { keys: ['left'], action: 'move-left', description: 'move the cursor left' },
  { keys: ['right'], action: 'move-right', description: 'move the cursor right' },
  { keys: ['pageup'], action: 'page-up', description: 'scroll the output up', short: 'scroll' },
  { keys: ['pagedown'], action: 'page-down', description: 'scroll the output down' },
  { keys: ['escape'], action: 'leave', description: 'leave the sandbox (or type exit)', short: 'leave' },
  { keys: ['ctrl-c'], action: 'interrupt', description: 'stop long work (sim load, sim clock advance); quits when nothing runs', short: 'stop' },
];

/** What one key does in the REPL: actions for its reducer, or leaving (back or quit). */
export type ReplKeyOutcome = readonly ReplAction[] | 'leave' | 'quit';

export function replKeys(state: ReplState, name: KeyName): ReplKeyOutcome {
  const action = resolveKey(REPL_KEYS, name);
  switch (action) {
    case undefined:
      // Named keys without a binding (F-keys, Home ...) are ignored; a character is typed.
      return [...name].length === 1 ? [{ type: 'insert', text: name }] : [];
    case 'leave':
      return 'leave';
    case 'interrupt':
      return state.job !== null ? [{ type: 'cancel-job' }] : 'quit';
    case 'submit':
      return state.input.trim() === 'exit' ? 'leave' : [{ type: 'submit' }];
    default:
      return [{ type: action }];
  }
}
