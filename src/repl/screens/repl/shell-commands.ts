// The REPL's own words on top of the sandbox language, read from a submitted line. Pure: `help` becomes
// `sim help`, `sim export FILE` asks the shell to write a script (the simulator never writes files),
// and everything else goes to the sandbox as typed. `clear` and `exit` act on keys (repl-state.ts,
// repl-keys.ts) and never get here.

export type ShellCommand =
  | { readonly kind: 'sandbox'; readonly line: string; readonly isRecorded: boolean }
  | { readonly kind: 'export'; readonly file: string }
  | { readonly kind: 'export-usage' };

export function readShellCommand(line: string): ShellCommand {
  const words = line.trim().split(/\s+/);
  if (words[0] === 'help' && words.length <= 2) return { kind: 'sandbox', line: `sim help${words[1] === undefined ? '' : ` ${words[1]}`}`, isRecorded: false };
  if (words[0] === 'sim' && words[1] === 'export') {
    const file = line.trim().slice(line.trim().indexOf('export') + 'export'.length).trim().replace(/^(['"])(.*)\1$/, '$2');
    return file === '' ? { kind: 'export-usage' } : { kind: 'export', file };
  }
  return { kind: 'sandbox', line, isRecorded: !/^sim\s+help(\s|$)/.test(line.trim()) };
}

/**
 * The session as a script for `trainer sim FILE`: the lines that ran without an error, in order. The
 * REPL's world starts with seed 1, as `trainer sim` does, and `sim seed` lines are kept, so the script
 * rebuilds the same world.
 */
export function exportScript(succeeded: readonly string[], savedAtIso: string): string {
  const head = [`# Saved from trainer repl at ${savedAtIso}: the ${succeeded.length} line(s) that ran without an error.`, '# Run it again with: trainer sim THIS_FILE'];
  return `${[...head, ...succeeded].join('\n')}\n`;
}
