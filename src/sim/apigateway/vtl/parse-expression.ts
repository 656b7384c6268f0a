// The expression part of mapping templates: what sits inside `#set(...)`, `#if(...)`, `#foreach(... in
// ...)` and method-call arguments. Literals (strings, numbers, booleans, null, lists, ranges `[1..3]`,
// maps), references, `! not -`, and the binary operators by precedence (`|| or`, `&& and`,
// `== != eq ne`, `< <= > >= lt le gt ge`, `+ -`, `* / %`).
import type { BinaryOp, Expr, Node, RefExpr } from './ast.js';

/** What the expression reader needs from the template parser (parse.ts). */
export interface ExpressionSource {
  readonly src: string;
  pos: number;
  fail(message: string, pos?: number): never;
  startsWith(text: string): boolean;
  skipSpaces(): void;
  expect(text: string, what: string): void;
  identifier(): string | undefined;
  reference(inText: boolean): { ref: RefExpr; isQuiet: boolean };
  /** A double-quoted string's content parsed as text with references. */
  interpolated(raw: string): Node[];
}

const IDENT_PART = /[A-Za-z0-9_]/;

/** Binary operators from the loosest to the tightest binding, each with its word form. */
const LEVELS: readonly (readonly [string, BinaryOp][])[] = [
  [['||', '||'], ['or', '||']],
  [['&&', '&&'], ['and', '&&']],
  [['==', '=='], ['!=', '!='], ['eq', '=='], ['ne', '!=']],
  [['<=', '<='], ['>=', '>='], ['<', '<'], ['>', '>'], ['le', '<='], ['ge', '>='], ['lt', '<'], ['gt', '>']],
  [['+', '+'], ['-', '-']],
  [['*', '*'], ['/', '/'], ['%', '%']],
];

export function readArguments(p: ExpressionSource, close: string): Expr[] {
  const args: Expr[] = [];
  p.skipSpaces();
  if (p.startsWith(close)) {
    p.pos += close.length;
    return args;
  }
  for (;;) {
    args.push(readExpression(p));
    p.skipSpaces();
    if (p.startsWith(close)) {
      p.pos += close.length;
      return args;
    }
    p.expect(',', `, or ${close}`);
  }
}

export function readExpression(p: ExpressionSource): Expr {
  return binary(p, 0);
}

function binary(p: ExpressionSource, level: number): Expr {
  const ops = LEVELS[level];
  if (ops === undefined) return unary(p);
  let left = binary(p, level + 1);
  for (;;) {
    p.skipSpaces();
    const found = ops.find(([text]) => p.startsWith(text) && !(/[a-z]/.test(text) && IDENT_PART.test(p.src[p.pos + text.length] ?? '')));
    if (found === undefined) return left;
    p.pos += found[0].length;
    left = { kind: 'binary', op: found[1], left, right: binary(p, level + 1) };
  }
}

function unary(p: ExpressionSource): Expr {
  p.skipSpaces();
  if (p.startsWith('!') || (p.startsWith('not') && !IDENT_PART.test(p.src[p.pos + 3] ?? ''))) {
    p.pos += p.startsWith('!') ? 1 : 3;
    return { kind: 'not', operand: unary(p) };
  }
  if (p.startsWith('-') && !/[0-9]/.test(p.src[p.pos + 1] ?? '')) {
    p.pos++;
    return { kind: 'negate', operand: unary(p) };
  }
  return primary(p);
}

function primary(p: ExpressionSource): Expr {
  p.skipSpaces();
  const c = p.src[p.pos];
  if (c === '(') {
    p.pos++;
    const inner = readExpression(p);
    p.expect(')', ')');
    return inner;
  }
  if (c === '$') return p.reference(false).ref;
  if (c === "'" || c === '"') return stringLiteral(p, c);
  if (c === '[') return listOrRange(p);
  if (c === '{') {
    p.pos++;
    return mapLiteral(p);
  }
  const number = /^-?\d+(\.\d+)?/.exec(p.src.slice(p.pos, p.pos + 40));
  if (number !== null) {
    p.pos += number[0].length;
    return { kind: 'literal', value: Number(number[0]) };
  }
  const word = p.identifier();
  if (word === 'true' || word === 'false') return { kind: 'literal', value: word === 'true' };
  if (word === 'null') return { kind: 'literal', value: null };
  return p.fail(word === undefined ? `unexpected ${c === undefined ? 'end of template' : `"${c}"`} in an expression` : `unexpected word "${word}" in an expression`);
}

function stringLiteral(p: ExpressionSource, quote: string): Expr {
  const start = p.pos + 1;
  let at = start;
  let raw = '';
  for (;;) {
    const close = p.src.indexOf(quote, at);
    if (close === -1) p.fail(`unterminated string`, start - 1);
    raw += p.src.slice(at, close);
    if (p.src[close + 1] === quote) {
      raw += quote;
      at = close + 2;
      continue;
    }
    p.pos = close + 1;
    break;
  }
  if (quote === "'" || !raw.includes('$')) return { kind: 'literal', value: raw };
  return { kind: 'interpolated', parts: p.interpolated(raw) };
}

function listOrRange(p: ExpressionSource): Expr {
  p.pos++;
  p.skipSpaces();
  if (p.startsWith(']')) {
    p.pos++;
    return { kind: 'list', items: [] };
  }
  const first = readExpression(p);
  p.skipSpaces();
  if (p.startsWith('..')) {
    p.pos += 2;
    const to = readExpression(p);
    p.expect(']', '] closing a range');
    return { kind: 'range', from: first, to };
  }
  if (p.startsWith(']')) {
    p.pos++;
    return { kind: 'list', items: [first] };
  }
  p.expect(',', ', or ]');
  return { kind: 'list', items: [first, ...readArguments(p, ']')] };
}

function mapLiteral(p: ExpressionSource): Expr {
  const entries: (readonly [Expr, Expr])[] = [];
  p.skipSpaces();
  if (p.startsWith('}')) {
    p.pos++;
    return { kind: 'map', entries };
  }
  for (;;) {
    const key = readExpression(p);
    p.expect(':', ': in a map');
    entries.push([key, readExpression(p)]);
    p.skipSpaces();
    if (p.startsWith('}')) {
      p.pos++;
      return { kind: 'map', entries };
    }
    p.expect(',', ', or }');
  }
}
