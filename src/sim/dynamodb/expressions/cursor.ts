// The parser's reading position over the tokens of one expression, plus what every expression shares:
// document paths with `#name` substitution, `:value` look-ups, and the rule that problems with names
// and values (reserved words, undefined placeholders) are reported only when the syntax is valid.
import type { AttributeValue } from '../model.js';
import type { AwsError, Result } from '../../result.js';
import { fail, invariant, ok } from '../../result.js';
import type { DocPath, PathElement } from './ast.js';
import type { ExpressionKind } from './errors.js';
import { invalidExpression } from './errors.js';
import { isReservedWord } from './reserved-words.js';
import type { Token } from './tokens.js';
import { syntaxError, tokenize } from './tokens.js';

/** `ExpressionAttributeNames` of the request (`{"#n": "name"}`). */
export type AttributeNames = Readonly<Record<string, string>>;
/** `ExpressionAttributeValues` of the request (`{":v": {"N": "1"}}`). */
export type AttributeValues = Readonly<Record<string, AttributeValue>>;

// The longest expression string DynamoDB accepts: 4 KB. Source: DynamoDB Developer Guide, Constraints.html
// ("Expression parameters"); not yet in shared/aws-facts.md. The message wording is UNCONFIRMED.
export const MAX_EXPRESSION_LENGTH_BYTES = 4_096;

export interface Cursor {
  readonly kind: ExpressionKind;
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly names: AttributeNames;
  readonly values: AttributeValues;
  index: number;
  /** The first problem of each kind, reported by priority once the whole expression parsed. */
  problems: Partial<Record<ProblemKind, AwsError>>;
}

/**
 * Kinds of non-syntax problems, in the order DynamoDB reports them when an expression has several
 * (syntax errors always come first). Order taken from emulators that match AWS's answers (dynalite's
 * condition grammar); within a kind, the first one met in the text wins.
 */
export const PROBLEM_PRIORITY = [
  'redundant-parentheses',
  'unknown-function',
  'misused-function',
  'reserved-word',
  'path-depth',
  'duplicate-section',
  'undefined-placeholder',
  'operand-count',
  'distinct-operands',
  'operand-type',
  'path-clash',
] as const;
export type ProblemKind = (typeof PROBLEM_PRIORITY)[number];

/** A cursor at the start of `text`, or the error for an empty, oversized or untokenizable expression. */
export function openCursor(
  kind: ExpressionKind,
  text: string,
  names: AttributeNames,
  values: AttributeValues,
): Result<Cursor> {
  if (text.trim().length === 0) return fail(invalidExpression(kind, 'The expression can not be empty;'));
  const sizeBytes = new TextEncoder().encode(text).length;
  if (sizeBytes > MAX_EXPRESSION_LENGTH_BYTES) {
    const detail = `Expression size has exceeded the maximum allowed size; expression size: ${sizeBytes}`;
    return fail(invalidExpression(kind, detail));
  }
  const tokens = tokenize(kind, text);
  if (!tokens.ok) return tokens;
  return ok({ kind, text, tokens: tokens.value, names, values, index: 0, problems: {} });
}

export function peek(cursor: Cursor, offset = 0): Token {
  const token = cursor.tokens[Math.min(cursor.index + offset, cursor.tokens.length - 1)];
  invariant(token !== undefined, 'a cursor always holds an eof token');
  return token;
}

export function advance(cursor: Cursor): Token {
  const token = peek(cursor);
  if (cursor.index < cursor.tokens.length - 1) cursor.index += 1;
  return token;
}

export function isSymbol(token: Token, symbol: string): boolean {
  return token.kind === 'symbol' && token.text === symbol;
}

/** Keywords (AND, OR, NOT, BETWEEN, IN, SET, REMOVE, ADD, DELETE) are case-insensitive. */
export function isKeyword(token: Token, keyword: string): boolean {
  return token.kind === 'word' && token.text.toUpperCase() === keyword;
}

export function syntaxErrorHere<T = never>(cursor: Cursor): Result<T> {
  return fail(syntaxError(cursor.kind, cursor.text, cursor.tokens, cursor.index));
}

export function expectSymbol(cursor: Cursor, symbol: string): Result<Token> {
  return isSymbol(peek(cursor), symbol) ? ok(advance(cursor)) : syntaxErrorHere(cursor);
}

/** Notes a non-syntax problem (the first of each kind is kept); parsing goes on to find syntax errors. */
export function report(cursor: Cursor, kind: ProblemKind, detail: string): void {
  cursor.problems[kind] ??= invalidExpression(cursor.kind, detail);
}

/** Notes a problem whose whole AwsError is already built. */
export function reportError(cursor: Cursor, kind: ProblemKind, error: AwsError): void {
  cursor.problems[kind] ??= error;
}

/** The attribute name a path step stands for: a bare word (not reserved) or a defined `#name`. */
function readPathName(cursor: Cursor): Result<string> {
  const token = peek(cursor);
  if (token.kind === 'word') {
    advance(cursor);
    if (isReservedWord(token.text)) {
      report(cursor, 'reserved-word', `Attribute name is a reserved keyword; reserved keyword: ${token.text}`);
    }
    return ok(token.text);
  }
  if (token.kind === 'name-ref') {
    advance(cursor);
    const name = cursor.names[token.text];
    if (name !== undefined) return ok(name);
    const detail = `An expression attribute name used in the document path is not defined; attribute name: ${token.text}`;
    report(cursor, 'undefined-placeholder', detail);
    return ok(token.text);
  }
  return syntaxErrorHere(cursor);
}

/** Whether the next token can begin a document path. */
export function startsPath(cursor: Cursor): boolean {
  const token = peek(cursor);
  return token.kind === 'word' || token.kind === 'name-ref';
}

/** A document path: `name`, `#n`, then any of `.name`, `.#n`, `[index]`. */
export function parsePath(cursor: Cursor): Result<DocPath> {
  const first = readPathName(cursor);
  if (!first.ok) return first;
  const path: PathElement[] = [first.value];
  // Each turn consumes tokens, so the loop ends within the token count.
  for (;;) {
    if (isSymbol(peek(cursor), '.')) {
      advance(cursor);
      const name = readPathName(cursor);
      if (!name.ok) return name;
      path.push(name.value);
    } else if (isSymbol(peek(cursor), '[')) {
      advance(cursor);
      const index = peek(cursor);
      if (index.kind !== 'integer') return syntaxErrorHere(cursor);
      advance(cursor);
      const close = expectSymbol(cursor, ']');
      if (!close.ok) return close;
      path.push(Number(index.text));
    } else {
      checkPathDepth(cursor, path);
      return ok(path);
    }
  }
}

// Items nest at most 32 levels deep (DDB-03), so a longer document path can never match. The message
// stem is DynamoDB's own; its suffix with the count is UNCONFIRMED.
export const MAX_PATH_DEPTH = 32;

function checkPathDepth(cursor: Cursor, path: readonly PathElement[]): void {
  if (path.length <= MAX_PATH_DEPTH) return;
  report(cursor, 'path-depth', `The document path has too many nesting levels; nesting levels: ${path.length}`);
}

/** A `:value` placeholder and the value it stands for. */
export function parseValueRef(cursor: Cursor): Result<{ readonly value: AttributeValue; readonly ref: string }> {
  const token = peek(cursor);
  if (token.kind !== 'value-ref') return syntaxErrorHere(cursor);
  advance(cursor);
  const value = cursor.values[token.text];
  if (value !== undefined) return ok({ value, ref: token.text });
  const detail = `An expression attribute value used in expression is not defined; attribute value: ${token.text}`;
  report(cursor, 'undefined-placeholder', detail);
  return ok({ value: { NULL: true }, ref: token.text });
}

/** A path or a `:value`: the operands conditions and updates share. */
export type PathOrValue =
  | { readonly kind: 'path'; readonly path: DocPath }
  | { readonly kind: 'value'; readonly value: AttributeValue; readonly ref: string };

export function parsePathOrValue(cursor: Cursor): Result<PathOrValue> {
  if (startsPath(cursor)) {
    const path = parsePath(cursor);
    return path.ok ? ok({ kind: 'path', path: path.value }) : path;
  }
  const value = parseValueRef(cursor);
  return value.ok ? ok({ kind: 'value', ...value.value }) : value;
}

/** Whether the cursor is on `name(`, a function call. */
export function isFunctionCall(cursor: Cursor): boolean {
  return peek(cursor).kind === 'word' && isSymbol(peek(cursor, 1), '(');
}

/** `item, item, ...`: one or more items separated by commas. */
export function parseCommaList<T>(cursor: Cursor, parseItem: (cursor: Cursor) => Result<T>): Result<T[]> {
  const items: T[] = [];
  // Each turn consumes at least one token, so the loop ends within the token count.
  for (;;) {
    const item = parseItem(cursor);
    if (!item.ok) return item;
    items.push(item.value);
    if (!isSymbol(peek(cursor), ',')) return ok(items);
    advance(cursor);
  }
}

/** `( item, item ... )`, the cursor on the opening parenthesis. */
export function parseParenthesisedList<T>(cursor: Cursor, parseItem: (cursor: Cursor) => Result<T>): Result<T[]> {
  const open = expectSymbol(cursor, '(');
  if (!open.ok) return open;
  const items = parseCommaList(cursor, parseItem);
  if (!items.ok) return items;
  const close = expectSymbol(cursor, ')');
  return close.ok ? items : close;
}

/** Ends a parse: a syntax error if tokens remain, else the highest-priority problem, else the value. */
export function finish<T>(cursor: Cursor, value: T): Result<T> {
  if (peek(cursor).kind !== 'eof') return syntaxErrorHere(cursor);
  for (const kind of PROBLEM_PRIORITY) {
    const problem = cursor.problems[kind];
    if (problem !== undefined) return fail(problem);
  }
  return ok(value);
}
