// The AWS CLI's shorthand syntax for structured parameters, as learners type it:
//   ReadCapacityUnits=5,WriteCapacityUnits=5          → {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}
//   id={S=42},sk={N=7}                               → {"id": {"S": "42"}, "sk": {"N": "7"}}
//   AttributeName=id,KeyType=HASH                    → one structure (a list of one when the flag is a list)
//   Tags=[{Key=a,Value=b}]  or  a,b,c                → lists
// The real CLI converts scalars with the service model; the sandbox has no model, so it converts by
// rule: values of the attribute-value keys S, N, B (and the items of SS, NS, BS) stay strings, BOOL and
// NULL become booleans, and elsewhere numbers become numbers and true/false booleans.

import { StopAt, TextCursor } from './text-cursor.js';

export interface ShorthandError {
  /** 0-based offset in the value where parsing stopped. */
  readonly offset: number;
  /** The AWS CLI's own form: `Expected: '=', received: 'EOF' for input:` plus a caret line. */
  readonly message: string;
}

export type ShorthandResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: ShorthandError };

const STRING_KEYS = new Set(['S', 'N', 'B', 'SS', 'NS', 'BS']);
const BOOLEAN_KEYS = new Set(['BOOL', 'NULL']);
const NUMBER_PATTERN = /^-?\d+(\.\d+)?$/;

class Reader extends TextCursor {
  expect(ch: string): void {
    if (this.peek() !== ch) throw new StopAt(this.index, ch);
    this.index++;
  }
}

function convertScalar(text: string, key: string | undefined): unknown {
  if (key !== undefined && STRING_KEYS.has(key)) return text;
  if (key !== undefined && BOOLEAN_KEYS.has(key)) return text === 'true';
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (NUMBER_PATTERN.test(text)) return Number(text);
  return text;
}

function readScalar(reader: Reader): string {
  const start = reader.index;
  for (;;) {
    const ch = reader.peek();
    if (ch === undefined || ch === ',' || ch === '}' || ch === ']') break;
    if (ch === '{' && reader.text[reader.index + 1] === '{') {
      // a `sim load` placeholder such as {{rand 10}} is part of the scalar
      const end = reader.text.indexOf('}}', reader.index);
      reader.index = end === -1 ? reader.text.length : end + 2;
      continue;
    }
    reader.index++;
  }
  return reader.text.slice(start, reader.index);
}

function readValue(reader: Reader, key: string | undefined): unknown {
  const ch = reader.peek();
  if (ch === '{' && reader.text[reader.index + 1] !== '{') {
    reader.index++;
    const value = readStructure(reader, '}');
    reader.expect('}');
    return value;
  }
  if (ch === '[') {
    reader.index++;
    const items: unknown[] = [];
    while (reader.peek() !== ']' && reader.peek() !== undefined) {
      items.push(readValue(reader, key));
      if (reader.peek() === ',') reader.index++;
    }
    reader.expect(']');
    return items;
  }
  return convertScalar(readScalar(reader), key);
}

function readKey(reader: Reader): string {
  const start = reader.index;
  while (reader.peek() !== undefined && reader.peek() !== '=' && reader.peek() !== ',' && reader.peek() !== '}') reader.index++;
  const key = reader.text.slice(start, reader.index);
  if (key.length === 0) throw new StopAt(reader.index, 'key');
  reader.expect('=');
  return key;
}

function readStructure(reader: Reader, closer: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let guard = 0; guard < reader.text.length + 1; guard++) {
    if (reader.peek() === closer) break;
    const key = readKey(reader);
    const value = readValue(reader, key);
    // `Key=a,b` (a list without brackets) continues while the next part has no `=`.
    if (!Array.isArray(value) && reader.peek() === ',' && !looksLikeKey(reader)) {
      const list: unknown[] = [value];
      while (reader.peek() === ',' && !looksLikeKey(reader)) {
        reader.index++;
        list.push(readValue(reader, key));
      }
      out[key] = list;
    } else {
      out[key] = value;
    }
    if (reader.peek() !== ',') break;
    reader.index++;
  }
  return out;
}

/** After a comma: does a `key=` follow (a new member) rather than another list item? */
function looksLikeKey(reader: Reader): boolean {
  const rest = reader.text.slice(reader.index + 1);
  const match = /^[^=,{}[\]]*=/.exec(rest);
  return match !== null;
}

function caretMessage(text: string, error: StopAt): string {
  const received = text[error.offset] === undefined ? "'EOF'" : `'${text[error.offset]}'`;
  const expected = error.detail === 'key' ? 'a key' : `'${error.detail}'`;
  return `Expected: ${expected}, received: ${received} for input:\n${text}\n${' '.repeat(error.offset)}^`;
}

/** Parses one shorthand word. A word without `=` is a scalar list (`a,b,c`) or a single scalar. */
export function parseShorthand(text: string): ShorthandResult {
  const reader = new Reader(text);
  try {
    if (!text.includes('=')) {
      const items = text.split(',').map((part) => convertScalar(part, undefined));
      return { ok: true, value: items.length === 1 ? items[0] : items };
    }
    const value = readStructure(reader, undefined);
    if (reader.index < text.length) throw new StopAt(reader.index, ',');
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof StopAt)) throw error;
    return { ok: false, error: { offset: error.offset, message: caretMessage(text, error) } };
  }
}
