// Tab completion for the sandbox REPL, computed from the command table (the same rows the parser reads)
// and the names the world holds. Pure: the line, the cursor, the table and the names go in; the new
// line and the candidates come out, so every case is tested without ink.
import { COMMERCIAL_REGIONS, type CommandTable, type OperationSpec } from '../../../sim/index.js';

/** Names of things in the world, by kind (`table`, `function` ...), for completing flag values. */
export type WorldNames = Readonly<Record<string, readonly string[]>>;

/** Which kind of name a flag or a sim argument takes. */
export const NAME_KINDS: Readonly<Record<string, string>> = {
  '--table-name': 'table',
  TABLE_NAME: 'table',
  '--function-name': 'function',
  FUNCTION_NAME: 'function',
  '--rest-api-id': 'rest-api',
  '--api-id': 'http-api',
  '--api': 'api-name',
  API_NAME: 'api-name',
  '--role-name': 'role',
  '--bucket': 'bucket',
  '--user-pool-id': 'user-pool',
  '--user-pool': 'user-pool',
  USER_POOL_ID: 'user-pool',
  '--identity-pool-id': 'identity-pool',
  '--identity-pool': 'identity-pool',
  '--client-id': 'client',
  '--client': 'client',
};

/** The REPL's own words, besides `aws` and `sim`. */
export const SHELL_WORDS = ['aws', 'sim', 'help', 'clear', 'exit'] as const;

/** Flags every aws command accepts (see AwsGlobals). */
const AWS_GLOBAL_FLAGS = ['--region', '--profile', '--retries'];

export interface Completion {
  /** The line after completing (unchanged when nothing could be added). */
  readonly line: string;
  readonly cursor: number;
  /** Every word that fits where the cursor is, sorted; empty when nothing fits. */
  readonly candidates: readonly string[];
}

interface Context {
  readonly table: CommandTable;
  readonly names: WorldNames;
}

function valuesFor(flag: string, names: WorldNames, choices?: readonly string[]): string[] {
  if (choices !== undefined) return [...choices];
  if (flag === '--region') return [...COMMERCIAL_REGIONS];
  const kind = NAME_KINDS[flag];
  return kind === undefined ? [] : [...(names[kind] ?? [])];
}

function awsCandidates(words: readonly string[], context: Context): string[] {
  const { table } = context;
  if (words.length === 0) return [...table.services];
  const [service, command, ...rest] = words;
  if (command === undefined) return table.operations.filter((op) => op.service === service).map((op) => op.command);
  const op = table.operations.find((row) => row.service === service && row.command === command);
  if (op === undefined) return [];
  return flagCandidates(op, rest, context);
}

function flagCandidates(op: OperationSpec, rest: readonly string[], context: Context): string[] {
  const previous = rest[rest.length - 1];
  const param = op.params.find((p) => p.flag === previous);
  if (param !== undefined && param.type !== 'boolean') return valuesFor(param.flag, context.names, param.choices);
  if (previous !== undefined && AWS_GLOBAL_FLAGS.includes(previous)) return valuesFor(previous, context.names);
  const used = new Set(rest);
  return [...op.params.map((p) => p.flag), ...AWS_GLOBAL_FLAGS].filter((flag) => !used.has(flag));
}

function simCandidates(words: readonly string[], context: Context): string[] {
  const { table, names } = context;
  const dashes = words.indexOf('--');
  if (dashes >= 0) return words[dashes + 1] === 'aws' ? awsCandidates(words.slice(dashes + 2), context) : dashes === words.length - 1 ? ['aws'] : [];
  const rows = table.simCommands.filter((row) => row.words.every((word, i) => i >= words.length || words[i] === word));
  const next = new Set(rows.filter((row) => row.words.length > words.length).map((row) => row.words[words.length]!));
  const row = table.simCommands.filter((r) => r.words.length <= words.length && r.words.every((word, i) => words[i] === word)).sort((a, b) => b.words.length - a.words.length)[0];
  if (row === undefined) return [...next];
  const rest = words.slice(row.words.length);
  const previous = rest[rest.length - 1];
  const flag = previous === undefined ? undefined : row.flags.find((f) => f.flag === previous || f.short === previous);
  if (flag !== undefined && flag.type !== 'boolean') return valuesFor(flag.flag, names);
  const positional = rest.filter((word, i) => !word.startsWith('-') && !isFlagValue(row.flags, rest, i));
  const arg = row.args[positional.length];
  const argValues = arg === undefined ? [] : valuesFor(arg.name, names);
  const used = new Set(rest);
  const flags = row.flags.map((f) => f.flag).filter((f) => !used.has(f));
  return [...next, ...argValues, ...flags, ...(row.takesCommand === true ? ['--'] : [])];
}

function isFlagValue(flags: readonly { flag: string; type: string }[], rest: readonly string[], index: number): boolean {
  const before = flags.find((f) => f.flag === rest[index - 1]);
  return before !== undefined && before.type !== 'boolean';
}

function helpTopics(table: CommandTable): string[] {
  return [...new Set([...table.simCommands.map((row) => row.words[0]!), ...table.services, ...table.operations.map((op) => op.command)])];
}

/** Every word that may stand where the last (partial) word is, before filtering by its prefix. */
export function candidatesAfter(words: readonly string[], context: Context): string[] {
  const [first, ...rest] = words;
  if (first === undefined) return [...SHELL_WORDS];
  if (first === 'aws') return awsCandidates(rest, context);
  // `sim export FILE` is the shell's own sim word (shell-commands.ts): offered beside the table's.
  if (first === 'sim') return rest.length === 0 ? [...simCandidates(rest, context), 'export'] : simCandidates(rest, context);
  if (first === 'help' && rest.length === 0) return helpTopics(context.table);
  return [];
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Completes the word before the cursor: a single fit is written out with a space after it; several fits extend to their common prefix. */
export function completeLine(line: string, cursor: number, table: CommandTable, names: WorldNames): Completion {
  const before = line.slice(0, cursor);
  const partial = /(\S*)$/.exec(before)?.[1] ?? '';
  const unchanged = { line, cursor, candidates: [] };
  if (partial.startsWith("'") || partial.startsWith('"') || /['"]/.test(before.slice(0, before.length - partial.length).replace(/'[^']*'|"[^"]*"/g, ''))) return unchanged;
  const words = before.slice(0, before.length - partial.length).split(/\s+/).filter((word) => word !== '');
  const candidates = [...new Set(candidatesAfter(words, { table, names }))].filter((word) => word.startsWith(partial)).sort();
  if (candidates.length === 0) return unchanged;
  const insert = candidates.length === 1 ? `${candidates[0]!} ` : commonPrefix(candidates);
  const head = before.slice(0, before.length - partial.length) + insert;
  const after = line.slice(cursor);
  const text = candidates.length === 1 && after.startsWith(' ') ? head.slice(0, -1) : head;
  return { line: text + after, cursor: text.length, candidates };
}
