// One sandbox line → a command object or a parse error with its column and a suggestion. Lines start
// with `aws` (the AWS CLI subset) or `sim` (the sandbox's own commands); `#` starts a comment.
import { parseAwsWords } from './parse-aws.js';
import { invalidChoice, parseError, type ParseError, type ParsedCommand } from './parse-result.js';
import { parseSimWords } from './parse-sim.js';
import type { CommandTable, SandboxIo } from './sim-command-spec.js';
import { tokenize } from './tokenize.js';

export interface ParseOptions {
  readonly table: CommandTable;
  readonly io: SandboxIo;
}

export function parseLine(line: string, options: ParseOptions): ParsedCommand | ParseError {
  const tokens = tokenize(line);
  if (tokens.kind === 'tokenize-error') return parseError(tokens.column, `sandbox: error: ${tokens.message}`);
  const [first, ...rest] = tokens.words;
  if (first === undefined) return { kind: 'empty' };
  if (first.text === 'aws' && !first.isQuoted) return parseAwsWords(rest, first, options.table, options.io);
  if (first.text === 'sim' && !first.isQuoted) return parseSimWords(line, rest, first, options.table, options.io);
  return invalidChoice('sandbox', 'program', first, ['aws', 'sim']);
}
