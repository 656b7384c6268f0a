// Splits an expression into tokens: words (attribute names, keywords, function names), `#name` and
// `:value` placeholders, list indexes and symbols. Every token keeps its position so syntax errors can
// quote the text around it as DynamoDB does.
import type { Result } from '../../result.js';
import { fail, ok } from '../../result.js';
import type { ExpressionKind } from './errors.js';
import { invalidExpression } from './errors.js';

export type TokenKind = 'word' | 'name-ref' | 'value-ref' | 'integer' | 'symbol' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Offset of the first character in the expression text. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

const SYMBOLS = ['<>', '<=', '>=', '(', ')', '[', ']', ',', '.', '=', '<', '>', '+', '-'] as const;
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const PLACEHOLDER = /[#:][A-Za-z0-9_]+/y;
const INTEGER = /[0-9]+/y;
const SPACE = /\s+/y;

function matchAt(pattern: RegExp, text: string, offset: number): string | undefined {
  pattern.lastIndex = offset;
  return pattern.exec(text)?.[0];
}

function readToken(text: string, offset: number): Token | undefined {
  const word = matchAt(WORD, text, offset);
  if (word !== undefined) return { kind: 'word', text: word, start: offset, end: offset + word.length };
  const placeholder = matchAt(PLACEHOLDER, text, offset);
  if (placeholder !== undefined) {
    const kind = placeholder.startsWith('#') ? 'name-ref' : 'value-ref';
    return { kind, text: placeholder, start: offset, end: offset + placeholder.length };
  }
  const integer = matchAt(INTEGER, text, offset);
  if (integer !== undefined) return { kind: 'integer', text: integer, start: offset, end: offset + integer.length };
  const symbol = SYMBOLS.find((candidate) => text.startsWith(candidate, offset));
  if (symbol !== undefined) return { kind: 'symbol', text: symbol, start: offset, end: offset + symbol.length };
  return undefined;
}

/**
 * The `Syntax error; token: "<tok>", near: "<text>"` message. `near` quotes the expression from the
 * token before the bad one to the token after it, as AWS does (`token: "[", near: "([1"`;
 * `token: "<EOF>", near: ","`, seen in AWS answers quoted by SDK users and emulator test suites).
 */
export function syntaxError(kind: ExpressionKind, text: string, tokens: readonly Token[], index: number) {
  const token = tokens[index];
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  const isEof = token === undefined || token.kind === 'eof';
  const start = before?.start ?? token?.start ?? text.length;
  let end = token?.end ?? text.length;
  if (after !== undefined && after.kind !== 'eof') end = after.end;
  else if (isEof && before !== undefined) end = before.end;
  const shown = isEof ? '<EOF>' : token.text;
  return invalidExpression(kind, `Syntax error; token: "${shown}", near: "${text.slice(start, end)}"`);
}

/** The token after an unreadable character, so its syntax error can quote what follows. */
function tokenAfter(text: string, offset: number): Token | undefined {
  const spaced = offset + (matchAt(SPACE, text, offset)?.length ?? 0);
  if (spaced >= text.length) return undefined;
  return readToken(text, spaced) ?? { kind: 'symbol', text: text.charAt(spaced), start: spaced, end: spaced + 1 };
}

/** The tokens of `text`, ending with one `eof` token; a syntax error for a character DynamoDB rejects. */
export function tokenize(kind: ExpressionKind, text: string): Result<readonly Token[]> {
  const tokens: Token[] = [];
  let offset = 0;
  // Each turn consumes at least one character, so the loop ends within text.length turns.
  while (offset < text.length) {
    const space = matchAt(SPACE, text, offset);
    if (space !== undefined) {
      offset += space.length;
      continue;
    }
    const token = readToken(text, offset);
    if (token === undefined) {
      const bad: Token = { kind: 'symbol', text: text.charAt(offset), start: offset, end: offset + 1 };
      const next = tokenAfter(text, bad.end);
      return fail(syntaxError(kind, text, [...tokens, bad, ...(next === undefined ? [] : [next])], tokens.length));
    }
    tokens.push(token);
    offset = token.end;
  }
  tokens.push({ kind: 'eof', text: '', start: text.length, end: text.length });
  return ok(tokens);
}
