// Parses the words after `sim` against the SimCommandSpec rows: the longest row whose words match, then
// its positional arguments and flags, typed by the row (durations, rates, Regions ...), and for rows
// that take one, the `aws ...` command after `--`.
import { parseAwsWords } from './parse-aws.js';
import { groupFlags, invalidChoice, isFlagWord, parseError, unknownOption, type ParseError, type ParsedSimCommand } from './parse-result.js';
import type { CommandTable, ParsedAwsCommand, SandboxIo, SimCommandSpec, SimFlagSpec, SimInput, SimValue } from './sim-command-spec.js';
import { readSimValue } from './sim-values.js';
import type { Word } from './tokenize.js';

/** The row whose words match the most leading words, or the position and choices where none did. */
function matchRow(words: readonly Word[], rows: readonly SimCommandSpec[]): { row: SimCommandSpec; used: number } | { depth: number; choices: string[] } {
  let best: { row: SimCommandSpec; used: number } | undefined;
  for (const row of rows) {
    const matches = row.words.every((w, i) => words[i]?.text === w && !words[i]!.isQuoted);
    if (matches && (best === undefined || row.words.length > best.used)) best = { row, used: row.words.length };
  }
  if (best !== undefined) return best;
  let depth = 0;
  let candidates = rows;
  for (;;) {
    const word = words[depth];
    const next = candidates.filter((row) => word !== undefined && row.words[depth] === word.text);
    if (next.length === 0) break;
    candidates = next;
    depth++;
  }
  const choices = [...new Set(candidates.map((row) => row.words[depth]).filter((w): w is string => w !== undefined))];
  return { depth, choices };
}

/** Short aliases (`-H`) become their long flag, so the rest of the parser sees one spelling. */
function expandShortFlags(row: SimCommandSpec, words: readonly Word[]): Word[] {
  return words.map((word) => {
    const spec = word.isQuoted ? undefined : row.flags.find((f) => f.short !== undefined && f.short === word.text);
    return spec === undefined ? word : { ...word, text: spec.flag };
  });
}

function readFlags(row: SimCommandSpec, original: readonly Word[]): { flags: Record<string, SimValue>; positionals: Word[] } | ParseError {
  const words = expandShortFlags(row, original);
  const flags: Record<string, SimValue> = {};
  const firstFlag = words.findIndex(isFlagWord);
  const positionals = firstFlag === -1 ? [...words] : words.slice(0, firstFlag);
  const groups = groupFlags(firstFlag === -1 ? [] : words.slice(firstFlag));
  if (!Array.isArray(groups)) return parseError(groups.column, `sim: error: unrecognized arguments: ${groups.text}`);
  for (const { flag, values } of groups) {
    const spec: SimFlagSpec | undefined = row.flags.find((f) => f.flag === flag.text);
    if (spec === undefined) return unknownOption('sim', flag, row.flags.map((f) => f.flag));
    const key = spec.flag.slice(2);
    if (spec.type === 'boolean') {
      if (values.length > 0) return parseError(values[0]!.column, `sim: error: argument ${spec.flag}: takes no value, got '${values[0]!.text}'`);
      flags[key] = true;
      continue;
    }
    if (values.length !== 1) return parseError(flag.column, `sim: error: argument ${spec.flag}: expected one argument`);
    const read = readSimValue(spec.type, values[0]!.text);
    if (!read.ok) return parseError(values[0]!.column, `sim: error: argument ${spec.flag}: ${read.message}`);
    const previous = flags[key];
    flags[key] = previous === undefined || spec.repeatable !== true ? read.value : `${String(previous)}\n${String(read.value)}`;
  }
  const missing = row.flags.filter((f) => f.required && !(f.flag.slice(2) in flags)).map((f) => f.flag);
  if (missing.length > 0) return parseError(words[0]?.column ?? 1, `sim: error: the following arguments are required: ${missing.join(', ')}`);
  return { flags, positionals };
}

function readArgs(row: SimCommandSpec, positionals: readonly Word[], after: Word): { args: Record<string, SimValue> } | ParseError {
  const args: Record<string, SimValue> = {};
  if (positionals.length > row.args.length) {
    const extra = positionals.slice(row.args.length);
    return parseError(extra[0]!.column, `sim: error: unrecognized arguments: ${extra.map((w) => w.text).join(' ')}`);
  }
  for (const [i, spec] of row.args.entries()) {
    const word = positionals[i];
    if (word === undefined) {
      if (spec.required) return parseError(after.column, `sim: error: the following arguments are required: ${spec.name}`);
      continue;
    }
    const read = readSimValue(spec.type, word.text);
    if (!read.ok) return parseError(word.column, `sim: error: argument ${spec.name}: ${read.message}`);
    args[spec.name] = read.value;
  }
  return { args };
}

interface SplitWords {
  own: Word[];
  awsWords?: Word[];
}

/** Splits a row's words at `--` (for rows that take an aws command). */
function splitCommand(row: SimCommandSpec, words: readonly Word[]): SplitWords | ParseError {
  if (row.takesCommand !== true) return { own: [...words] };
  const separator = words.findIndex((w) => w.text === '--' && !w.isQuoted);
  const last = words[words.length - 1];
  if (separator === -1) return parseError(last === undefined ? 1 : last.column, `sim: error: expected -- followed by an aws command, e.g. ${row.example}`);
  return { own: words.slice(0, separator), awsWords: words.slice(separator + 1) };
}

function readCommand(line: string, awsWords: readonly Word[], separator: Word | undefined, table: CommandTable, io: SandboxIo): { command: ParsedAwsCommand; commandText: string } | ParseError {
  const [awsWord, ...rest] = awsWords;
  if (awsWord === undefined || awsWord.text !== 'aws') {
    return parseError(awsWord?.column ?? separator?.column ?? 1, 'sim: error: the command after -- must start with aws');
  }
  const command = parseAwsWords(rest, awsWord, table, io);
  if (command.kind === 'parse-error') return command;
  return { command, commandText: line.slice(awsWord.column - 1).trim() };
}

/** `words` are those after `sim`; `simWord` is `sim` itself. */
export function parseSimWords(line: string, words: readonly Word[], simWord: Word, table: CommandTable, io: SandboxIo): ParsedSimCommand | ParseError {
  const matched = matchRow(words, table.simCommands);
  if (!('row' in matched)) {
    const word = words[matched.depth];
    if (word === undefined) return parseError((words[matched.depth - 1] ?? simWord).column, `sim: error: the following arguments are required: ${matched.choices.join('|')}`);
    return invalidChoice('sim', 'command', word, matched.choices);
  }
  const { row, used } = matched;
  const after = words[used - 1] ?? simWord;
  const split = splitCommand(row, words.slice(used));
  if ('kind' in split) return split;
  const read = readFlags(row, split.own);
  if ('kind' in read) return read;
  const readArgsResult = readArgs(row, read.positionals, after);
  if ('kind' in readArgsResult) return readArgsResult;
  const { args } = readArgsResult;
  let input: SimInput = { args, flags: read.flags };
  if (split.awsWords !== undefined) {
    const command = readCommand(line, split.awsWords, words[used + split.own.length], table, io);
    if ('kind' in command) return command;
    input = { ...input, ...command };
  }
  const problem = row.validate?.(input);
  if (problem !== undefined) return parseError(after.column, `sim: error: ${problem}`);
  return { kind: 'sim', spec: row, input };
}
