// Finds where a JSON parameter value goes wrong, in our own words. JSON.parse does the real parsing;
// this scanner runs only after it failed, because JSON.parse's messages differ between Node versions
// and would make the pinned error texts flaky.

import { StopAt, TextCursor } from './text-cursor.js';

export interface JsonProblem {
  /** 0-based offset of the first character that cannot be right. */
  readonly offset: number;
  readonly reason: string;
}

class Scanner extends TextCursor {
  skipSpace(): void {
    while (/\s/.test(this.text[this.index] ?? '')) this.index++;
  }

  describe(): string {
    const ch = this.text[this.index];
    return ch === undefined ? 'the end of the value' : `'${ch}'`;
  }

  fail(expected: string): never {
    throw new StopAt(this.index, `expected ${expected} but found ${this.describe()}`);
  }

  value(): void {
    this.skipSpace();
    const ch = this.text[this.index];
    if (ch === '{') return this.container('}', true);
    if (ch === '[') return this.container(']', false);
    if (ch === '"') return this.string();
    const literal = /^(true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?)/.exec(this.text.slice(this.index));
    if (literal === null) this.fail('a value');
    this.index += literal[0].length;
  }

  string(): void {
    this.index++;
    for (;;) {
      const ch = this.text[this.index];
      if (ch === undefined) throw new StopAt(this.index, 'a string is not closed: add the closing "');
      if (ch === '\\') this.index++;
      else if (ch === '"') break;
      this.index++;
    }
    this.index++;
  }

  container(closer: string, isObject: boolean): void {
    this.index++;
    this.skipSpace();
    if (this.text[this.index] === closer) {
      this.index++;
      return;
    }
    for (;;) {
      if (isObject) this.member();
      else this.value();
      this.skipSpace();
      const ch = this.text[this.index];
      if (ch === closer) {
        this.index++;
        return;
      }
      if (ch !== ',') this.fail(`',' or '${closer}'`);
      this.index++;
    }
  }

  member(): void {
    this.skipSpace();
    if (this.text[this.index] !== '"') this.fail('a property name in double quotes');
    this.string();
    this.skipSpace();
    if (this.text[this.index] !== ':') this.fail("':'");
    this.index++;
    this.value();
  }
}

/** Where and why `text` is not JSON (call it after JSON.parse failed). */
export function locateJsonProblem(text: string): JsonProblem {
  const scanner = new Scanner(text);
  try {
    scanner.value();
    scanner.skipSpace();
    if (scanner.index < text.length) scanner.fail('the end of the value');
    return { offset: text.length, reason: 'the value is not valid JSON' };
  } catch (error) {
    if (error instanceof StopAt) return { offset: error.offset, reason: error.detail };
    throw error;
  }
}
