// Turns the words after one AWS CLI flag into the API member's value, by the row's ParamType: JSON when
// the value starts with `{` or `[`, `file://path` read through the injected io, the CLI's shorthand
// otherwise, and several words as a list (`--key-schema A=id,KeyType=HASH A=sk,KeyType=RANGE`).
import { closestMatches } from './suggest.js';
import { locateJsonProblem } from './json-errors.js';
import type { ParamSpec } from './operation-spec.js';
import { parseShorthand } from './shorthand.js';
import type { SandboxIo } from './sim-command-spec.js';
import type { Word } from './tokenize.js';

export type ParamResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly column: number; readonly message: string };

/** API members that are lists even when one shorthand structure is given (the CLI knows from its model). */
const LIST_MEMBERS = new Set([
  'KeySchema', 'AttributeDefinitions', 'GlobalSecondaryIndexes', 'LocalSecondaryIndexes', 'GlobalSecondaryIndexUpdates',
  'ReplicaUpdates', 'ReplicationGroup', 'TransactItems', 'Tags', 'TagKeys', 'AttributesToGet', 'Statements',
]);

const FILE_PREFIX = 'file://';

function problem(word: Word, offset: number, message: string): ParamResult {
  return { ok: false, column: word.column + offset, message };
}

function parseJsonWord(spec: ParamSpec, word: Word, text: string, isFromFile: boolean): ParamResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const found = locateJsonProblem(text);
    const before = text.slice(0, found.offset).split('\n');
    const where = `line ${before.length} column ${before[before.length - 1]!.length + 1}`;
    const message = `Error parsing parameter '${spec.flag}': Invalid JSON: ${found.reason} (${where} of the value)\nJSON received: ${text}`;
    // A quoted word ('{...}') starts one column after its quote.
    return problem(word, isFromFile ? 0 : found.offset + (word.isQuoted ? 1 : 0), message);
  }
}

function parseStructuredWord(spec: ParamSpec, word: Word, io: SandboxIo): ParamResult {
  let text = word.text;
  let isFromFile = false;
  if (text.startsWith(FILE_PREFIX)) {
    const read = io.readText(text.slice(FILE_PREFIX.length));
    if (!read.ok) return problem(word, 0, `Error parsing parameter '${spec.flag}': Unable to load paramfile ${text}: ${read.message}`);
    text = read.value.trim();
    isFromFile = true;
  }
  if (text.startsWith('{') || text.startsWith('[')) return parseJsonWord(spec, word, text, isFromFile);
  const parsed = parseShorthand(text);
  if (parsed.ok) return { ok: true, value: parsed.value };
  return problem(word, isFromFile ? 0 : parsed.error.offset, `Error parsing parameter '${spec.flag}': ${parsed.error.message}`);
}

function readJson(spec: ParamSpec, words: readonly Word[], io: SandboxIo): ParamResult {
  const values: unknown[] = [];
  for (const word of words) {
    const parsed = parseStructuredWord(spec, word, io);
    if (!parsed.ok) return parsed;
    values.push(parsed.value);
  }
  const isList = spec.isList ?? LIST_MEMBERS.has(spec.member);
  if (values.length === 1 && !(isList && !Array.isArray(values[0]))) return { ok: true, value: values[0] };
  return { ok: true, value: values.flatMap((value) => (Array.isArray(value) ? (value as unknown[]) : [value])) };
}

/** A blob member: the file's text (`file://` or `fileb://`, read through the io) or the word itself. */
function readBlob(spec: ParamSpec, word: Word, io: SandboxIo): ParamResult {
  const prefix = [FILE_PREFIX, 'fileb://'].find((p) => word.text.startsWith(p));
  if (prefix === undefined) return { ok: true, value: word.text };
  const read = io.readText(word.text.slice(prefix.length));
  return read.ok ? { ok: true, value: read.value } : problem(word, 0, `Error parsing parameter '${spec.flag}': Unable to load paramfile ${word.text}: ${read.message}`);
}

function readScalar(spec: ParamSpec, word: Word): ParamResult {
  const text = word.text;
  if (spec.type === 'integer' && !/^-?\d+$/.test(text)) {
    return problem(word, 0, `Error parsing parameter '${spec.flag}': expected a whole number, received: '${text}'`);
  }
  if (spec.type === 'number' && !/^-?\d+(\.\d+)?$/.test(text)) {
    return problem(word, 0, `Error parsing parameter '${spec.flag}': expected a number, received: '${text}'`);
  }
  if (spec.choices !== undefined && !spec.choices.includes(text)) return choiceProblem(spec, word);
  return { ok: true, value: spec.type === 'string' ? text : Number(text) };
}

function choiceProblem(spec: ParamSpec, word: Word): ParamResult {
  const choices = spec.choices ?? [];
  const near = closestMatches(word.text, choices);
  const listed = near.length > 0 ? near : choices;
  const lead = near.length > 0 ? 'maybe you meant' : 'valid choices are';
  const message = `aws: error: argument ${spec.flag}: Invalid choice: '${word.text}', ${lead}:\n${listed.map((c) => `  * ${c}`).join('\n')}`;
  return problem(word, 0, message);
}

/**
 * The value of `spec` from the words that followed its flag (`words` may be empty only for booleans).
 * `negated` is true for `--no-consistent-read`.
 */
export function readParamValue(spec: ParamSpec, flagWord: Word, words: readonly Word[], negated: boolean, io: SandboxIo): ParamResult {
  if (spec.type === 'boolean') {
    if (words.length > 0) return problem(words[0]!, 0, `aws: error: argument ${spec.flag}: ignored explicit argument '${words[0]!.text}'`);
    return { ok: true, value: !negated };
  }
  if (words.length === 0) return problem(flagWord, 0, `aws: error: argument ${spec.flag}: expected one argument`);
  if (spec.type === 'json') return readJson(spec, words, io);
  if (spec.type === 'string-list') return { ok: true, value: words.map((word) => word.text) };
  if (words.length > 1) return problem(words[1]!, 0, `aws: error: argument ${spec.flag}: expected one argument, got ${words.length}`);
  return spec.type === 'blob' ? readBlob(spec, words[0]!, io) : readScalar(spec, words[0]!);
}
