// What the parser answers for one line: a command to run, nothing (a blank line or a comment), or a
// parse error that names the column and, when one is close, the nearest valid word.
import type { ParsedAwsCommand, SimCommandSpec, SimInput } from './sim-command-spec.js';
import { closestMatches } from './suggest.js';
import type { Word } from './tokenize.js';

export interface ParsedSimCommand {
  readonly kind: 'sim';
  readonly spec: SimCommandSpec;
  readonly input: SimInput;
}

export interface ParsedEmpty {
  readonly kind: 'empty';
}

export type ParsedCommand = ParsedAwsCommand | ParsedSimCommand | ParsedEmpty;

export interface ParseError {
  readonly kind: 'parse-error';
  /** 1-based column in the line where the problem starts. */
  readonly column: number;
  /** The message in the AWS CLI's words (`aws: error: ...`, `Error parsing parameter ...`). */
  readonly message: string;
  /** The nearest valid words, nearest first (may be empty). */
  readonly suggestions: readonly string[];
}

export function parseError(column: number, message: string, suggestions: readonly string[] = []): ParseError {
  return { kind: 'parse-error', column, message, suggestions };
}

/** The AWS CLI's "Invalid choice" error, with its "maybe you meant" list when something is close. */
export function invalidChoice(prefix: string, argument: string, word: Word, choices: readonly string[]): ParseError {
  const near = closestMatches(word.text, choices);
  const head = `${prefix}: error: argument ${argument}: Invalid choice: '${word.text}'`;
  if (near.length === 0) {
    return parseError(word.column, `${head}, valid choices are:\n${choices.map((c) => `  * ${c}`).join('\n')}`);
  }
  return parseError(word.column, `${head}, maybe you meant:\n${near.map((c) => `  * ${c}`).join('\n')}`, near);
}

/** An unknown `--flag`, with the nearest known flags. */
export function unknownOption(prefix: string, word: Word, flags: readonly string[]): ParseError {
  const near = closestMatches(word.text, flags);
  const tail = near.length === 0 ? '' : `, maybe you meant:\n${near.map((c) => `  * ${c}`).join('\n')}`;
  return parseError(word.column, `${prefix}: error: Unknown options: ${word.text}${tail}`, near);
}

export function isFlagWord(word: Word): boolean {
  return !word.isQuoted && word.text.startsWith('--') && word.text.length > 2;
}

/** Splits words into runs: each flag word with the value words that follow it. */
export function groupFlags(words: readonly Word[]): { readonly flag: Word; readonly values: readonly Word[] }[] | Word {
  const groups: { flag: Word; values: Word[] }[] = [];
  for (const word of words) {
    if (isFlagWord(word)) groups.push({ flag: word, values: [] });
    else if (groups.length === 0) return word;
    else groups[groups.length - 1]!.values.push(word);
  }
  return groups;
}
