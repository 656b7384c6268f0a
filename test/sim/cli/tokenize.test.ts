// Proves the tokenizer splits sandbox lines as a POSIX shell would for the commands learners type
// (quotes, escapes, comments), keeps each word's column for error messages, and keeps `sim load`
// placeholders whole. Table-driven: line → words.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/sim/cli/tokenize.js';

function texts(line: string): string[] | string {
  const result = tokenize(line);
  return result.kind === 'words' ? result.words.map((w) => w.text) : `error at ${result.column}: ${result.message}`;
}

describe('tokenize', () => {
  it.each([
    ['aws dynamodb scan --table-name Orders', ['aws', 'dynamodb', 'scan', '--table-name', 'Orders']],
    ['  spaced\tout  ', ['spaced', 'out']],
    [`--item '{"id": {"S": "a b"}}'`, ['--item', '{"id": {"S": "a b"}}']],
    [`--x "say \\"hi\\" \\\\ there"`, ['--x', 'say "hi" \\ there']],
    [`--x 'no \\escape in single'`, ['--x', 'no \\escape in single']],
    ['a\\ b c', ['a b', 'c']],
    [`mixed'quo'"ted"`, ['mixedquoted']],
    ['sim clock # a comment', ['sim', 'clock']],
    ['# only a comment', []],
    ['', []],
    ['--key id={S=k{{rand 10}}}', ['--key', 'id={S=k{{rand 10}}}']],
    ['x a#b', ['x', 'a#b']],
  ])('%s', (line, expected) => {
    expect(texts(line)).toEqual(expected);
  });

  it('keeps the 1-based column where each word starts, and whether it was quoted', () => {
    const result = tokenize(`aws  '--x' y`);
    expect(result).toEqual({
      kind: 'words',
      words: [
        { text: 'aws', column: 1, isQuoted: false },
        { text: '--x', column: 6, isQuoted: true },
        { text: 'y', column: 12, isQuoted: false },
      ],
    });
  });

  it('names the column of an unterminated quote', () => {
    expect(texts(`aws x --item '{"a":1}`)).toMatchInlineSnapshot(`"error at 14: unterminated single quote: add the closing '"`);
    expect(texts('aws "x')).toMatchInlineSnapshot(`"error at 5: unterminated double quote: add the closing ""`);
  });
});
