// Splits one sandbox line into words the way a POSIX shell would for the commands learners type:
// single quotes keep everything literally, double quotes keep spaces and allow \" and \\, a backslash
// outside quotes escapes the next character, and `#` at the start of a word begins a comment. Each word
// keeps the column where it starts (1-based), so errors can point at it.
//
// One addition to the shell: a `{{ ... }}` placeholder of `sim load` (`{{rand 10}}`) is kept whole even
// though it contains a space, so `--key id={S=k{{rand 10}}}` stays one word without quoting.

export interface Word {
  readonly text: string;
  /** 1-based column of the word's first character in the line. */
  readonly column: number;
  /** True when any part of the word was quoted (a quoted `--x` is a value, never a flag). */
  readonly isQuoted: boolean;
}

export interface TokenizeError {
  readonly kind: 'tokenize-error';
  readonly column: number;
  readonly message: string;
}

export type TokenizeResult = { readonly kind: 'words'; readonly words: readonly Word[] } | TokenizeError;

interface Cursor {
  readonly line: string;
  index: number;
}

function readQuoted(cursor: Cursor, quote: string): string | TokenizeError {
  const start = cursor.index;
  cursor.index++;
  let text = '';
  while (cursor.index < cursor.line.length) {
    const ch = cursor.line[cursor.index]!;
    if (ch === quote) {
      cursor.index++;
      return text;
    }
    const next = cursor.line[cursor.index + 1];
    if (quote === '"' && ch === '\\' && (next === '"' || next === '\\' || next === '$' || next === '`')) {
      text += next;
      cursor.index += 2;
      continue;
    }
    text += ch;
    cursor.index++;
  }
  const name = quote === '"' ? 'double' : 'single';
  return { kind: 'tokenize-error', column: start + 1, message: `unterminated ${name} quote: add the closing ${quote}` };
}

function readPlaceholder(cursor: Cursor): string {
  const end = cursor.line.indexOf('}}', cursor.index + 2);
  const stop = end === -1 ? cursor.line.length : end + 2;
  const text = cursor.line.slice(cursor.index, stop);
  cursor.index = stop;
  return text;
}

function readWord(cursor: Cursor): Word | TokenizeError {
  const column = cursor.index + 1;
  let text = '';
  let isQuoted = false;
  while (cursor.index < cursor.line.length) {
    const ch = cursor.line[cursor.index]!;
    if (ch === ' ' || ch === '\t') break;
    if (ch === "'" || ch === '"') {
      const quoted = readQuoted(cursor, ch);
      if (typeof quoted !== 'string') return quoted;
      text += quoted;
      isQuoted = true;
    } else if (ch === '\\' && cursor.index + 1 < cursor.line.length) {
      text += cursor.line[cursor.index + 1];
      cursor.index += 2;
    } else if (ch === '{' && cursor.line[cursor.index + 1] === '{') {
      text += readPlaceholder(cursor);
    } else {
      text += ch;
      cursor.index++;
    }
  }
  return { text, column, isQuoted };
}

export function tokenize(line: string): TokenizeResult {
  const cursor: Cursor = { line, index: 0 };
  const words: Word[] = [];
  while (cursor.index < line.length) {
    const ch = line[cursor.index]!;
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      cursor.index++;
      continue;
    }
    if (ch === '#') break;
    const word = readWord(cursor);
    if ('kind' in word) return word;
    words.push(word);
  }
  return { kind: 'words', words };
}
