// Parses the words after `aws`: the service, the command, the operation's flags (from its OperationSpec
// row) and the global flags the AWS CLI accepts anywhere on the line. Errors use the AWS CLI's words.
import type { OperationSpec, ParamSpec, PositionalSpec } from './operation-spec.js';
import { readParamValue } from './param-value.js';
import { groupFlags, invalidChoice, isFlagWord, parseError, unknownOption, type ParseError } from './parse-result.js';
import { isCommercialRegion } from './regions.js';
import { MAX_RETRIES } from './retry-delay.js';
import type { AwsGlobals, CommandTable, ParsedAwsCommand, SandboxIo } from './sim-command-spec.js';
import type { Word } from './tokenize.js';

/** Global flags of the AWS CLI that the sandbox accepts, plus its own `--retries`. */
/** `value` names the flag's value in help (`--region REGION`); flags without one take no value. */
export const AWS_GLOBAL_FLAGS: readonly { readonly flag: `--${string}`; readonly value?: string; readonly description: string }[] = [
  { flag: '--region', value: 'REGION', description: 'Runs this command in another Region (a real commercial Region name).' },
  { flag: '--output', value: 'FORMAT', description: 'Output format: json (the default). text and table are refused with a message.' },
  { flag: '--profile', value: 'NAME', description: 'Runs the command as a saved set of credentials (sim profile save/use); S3 and sts get-caller-identity honour it.' },
  { flag: '--no-cli-pager', description: 'Accepted and ignored: the sandbox never pages.' },
  { flag: '--retries', value: 'N', description: 'Sandbox only: retry throttled requests up to N times with SDK-like backoff in virtual time (default 0: every throttle is visible).' },
];

interface GlobalsDraft {
  region?: string;
  profile?: string;
  retries: number;
}

function applyGlobal(draft: GlobalsDraft, flag: Word, value: Word | undefined): ParseError | undefined {
  if (value === undefined) return parseError(flag.column, `aws: error: argument ${flag.text}: expected one argument`);
  switch (flag.text) {
    case '--region':
      if (!isCommercialRegion(value.text)) return parseError(value.column, `aws: error: argument --region: '${value.text}' is not an AWS Region name (e.g. us-east-1, eu-west-1)`);
      draft.region = value.text;
      return undefined;
    case '--output':
      if (value.text === 'json') return undefined;
      if (['text', 'table', 'yaml', 'yaml-stream'].includes(value.text)) {
        return parseError(value.column, `aws: error: argument --output: '${value.text}' is not available in the sandbox; use json (the default)`);
      }
      return invalidChoice('aws', '--output', value, ['json', 'text', 'table', 'yaml', 'yaml-stream']);
    case '--profile':
      draft.profile = value.text;
      return undefined;
    default:
      if (!/^\d+$/.test(value.text) || Number(value.text) > MAX_RETRIES) {
        return parseError(value.column, `aws: error: argument --retries: expected a whole number from 0 to ${MAX_RETRIES}, got '${value.text}'`);
      }
      draft.retries = Number(value.text);
      return undefined;
  }
}

/** Takes the global flags (and their values) out of the words, wherever they are. */
function extractGlobals(words: readonly Word[]): { rest: Word[]; globals: AwsGlobals } | ParseError {
  const draft: GlobalsDraft = { retries: 0 };
  const rest: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const global = isFlagWord(word) ? AWS_GLOBAL_FLAGS.find((g) => g.flag === word.text) : undefined;
    if (global === undefined) {
      rest.push(word);
      continue;
    }
    if (global.value === undefined) continue;
    const value = words[i + 1];
    const problem = applyGlobal(draft, word, value !== undefined && !isFlagWord(value) ? value : undefined);
    if (problem !== undefined) return problem;
    i++;
  }
  return { rest, globals: draft };
}

function findParam(spec: OperationSpec, flag: string): { param: ParamSpec; negated: boolean } | undefined {
  const direct = spec.params.find((p) => p.flag === flag);
  if (direct !== undefined) return { param: direct, negated: false };
  const negated = spec.params.find((p) => p.type === 'boolean' && `--no-${p.flag.slice(2)}` === flag);
  return negated === undefined ? undefined : { param: negated, negated: true };
}

function flagNames(spec: OperationSpec): string[] {
  const own = spec.params.flatMap((p) => (p.type === 'boolean' ? [p.flag, `--no-${p.flag.slice(2)}`] : [p.flag]));
  return [...own, ...AWS_GLOBAL_FLAGS.map((g) => g.flag)];
}

/**
 * Takes the operation's positional argument out of the words: a word before any flag, or a word after
 * a flag that already has its one value (`--payload '{}' out.json`), as the AWS CLI reads it.
 */
function takePositional(spec: OperationSpec, positional: PositionalSpec | undefined, words: readonly Word[]): { rest: Word[]; positional?: Word } {
  if (positional === undefined) return { rest: [...words] };
  const takesOneValue = (flag: Word): boolean => {
    const found = findParam(spec, flag.text);
    return found !== undefined && found.param.type !== 'string-list' && found.param.isList !== true;
  };
  let currentFlag: Word | undefined;
  let valuesSeen = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (isFlagWord(word)) {
      currentFlag = word;
      valuesSeen = 0;
      continue;
    }
    valuesSeen++;
    const isExtra = currentFlag === undefined || (takesOneValue(currentFlag) && valuesSeen > 1) || (findParam(spec, currentFlag.text)?.param.type === 'boolean');
    if (isExtra) return { rest: words.filter((_, j) => j !== i), positional: word };
  }
  return { rest: [...words] };
}

function readRequest(spec: OperationSpec, allWords: readonly Word[], after: Word, io: SandboxIo): { request: Record<string, unknown> } | ParseError {
  const { rest: afterFirst, positional } = takePositional(spec, spec.positional, allWords);
  const { rest: words, positional: second } = takePositional(spec, spec.secondPositional, afterFirst);
  const groups = groupFlags(words);
  if (!Array.isArray(groups)) {
    return parseError(groups.column, `aws: error: Unknown options: ${groups.text} (a value must follow its flag, e.g. --table-name Orders)`);
  }
  const request: Record<string, unknown> = {};
  for (const { flag, values } of groups) {
    const found = findParam(spec, flag.text);
    if (found === undefined) return unknownOption('aws', flag, flagNames(spec));
    const value = readParamValue(found.param, flag, values, found.negated, io);
    if (!value.ok) return parseError(value.column, value.message);
    request[found.param.member] = value.value;
  }
  if (positional !== undefined && spec.positional !== undefined) request[spec.positional.member] = positional.text;
  if (second !== undefined && spec.secondPositional !== undefined) request[spec.secondPositional.member] = second.text;
  const missing: string[] = spec.params.filter((p) => p.required && !(p.member in request)).map((p) => p.flag);
  if (spec.positional?.required === true && positional === undefined) missing.push(spec.positional.name);
  if (spec.secondPositional?.required === true && second === undefined) missing.push(spec.secondPositional.name);
  if (missing.length > 0) return parseError(after.column, `aws: error: the following arguments are required: ${missing.join(', ')}`);
  return { request };
}

/** `words` are those after `aws`; `awsWord` is `aws` itself (for errors about what is missing). */
export function parseAwsWords(words: readonly Word[], awsWord: Word, table: CommandTable, io: SandboxIo): ParsedAwsCommand | ParseError {
  const extracted = extractGlobals(words);
  if ('kind' in extracted) return extracted;
  const [serviceWord, commandWord, ...flagWords] = extracted.rest;
  if (serviceWord === undefined || isFlagWord(serviceWord)) {
    return parseError(awsWord.column, 'aws: error: the following arguments are required: command');
  }
  if (!table.services.includes(serviceWord.text)) return invalidChoice('aws', 'command', serviceWord, table.services);
  const commands = table.operations.filter((op) => op.service === serviceWord.text).map((op) => op.command);
  if (commandWord === undefined || isFlagWord(commandWord)) {
    return parseError(serviceWord.column, 'aws: error: the following arguments are required: operation');
  }
  const spec = table.operations.find((op) => op.service === serviceWord.text && op.command === commandWord.text);
  if (spec === undefined) return invalidChoice('aws', 'operation', commandWord, commands);
  const read = readRequest(spec, flagWords, commandWord, io);
  if ('kind' in read) return read;
  return { kind: 'aws', spec, request: read.request, globals: extracted.globals };
}
