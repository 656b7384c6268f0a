// Parses condition, filter and key-condition expressions. Grammar (keywords case-insensitive, function
// names case-sensitive, as in DynamoDB):
//   condition := and (OR and)*          and := not (AND not)*          not := NOT not | primary
//   primary   := '(' condition ')' | function '(' operands ')'
//              | operand comparator operand | operand BETWEEN operand AND operand | operand IN '(' operands ')'
//   operand   := path | :value | size '(' path ')'
import type { Result } from '../../result.js';
import { ok } from '../../result.js';
import type { Comparator, ConditionAst, Operand } from './ast.js';
import { checkBetweenBounds, checkFunctionCall, checkOrderedOperand, MAX_IN_OPERANDS } from './condition-checks.js';
import type { Cursor } from './cursor.js';
import {
  advance,
  expectSymbol,
  isKeyword,
  isSymbol,
  parsePath,
  parseValueRef,
  peek,
  semanticError,
  startsPath,
  syntaxErrorHere,
} from './cursor.js';
import { functionNotAllowedHere, invalidExpression } from './errors.js';

const COMPARATORS: readonly Comparator[] = ['=', '<>', '<', '<=', '>', '>='];
const BOOLEAN_FUNCTIONS = ['attribute_exists', 'attribute_not_exists', 'attribute_type', 'begins_with', 'contains'] as const;
const UPDATE_FUNCTIONS = ['if_not_exists', 'list_append'];

type BooleanFunction = (typeof BOOLEAN_FUNCTIONS)[number];

function isBooleanFunction(name: string): name is BooleanFunction {
  return (BOOLEAN_FUNCTIONS as readonly string[]).includes(name);
}

function unknownFunction<T>(cursor: Cursor, name: string): Result<T> {
  if (UPDATE_FUNCTIONS.includes(name)) return semanticError(cursor, functionNotAllowedHere(cursor.kind, name));
  return semanticError(cursor, invalidExpression(cursor.kind, `Invalid function name; function: ${name}`));
}

function isFunctionCall(cursor: Cursor): boolean {
  return peek(cursor).kind === 'word' && isSymbol(peek(cursor, 1), '(');
}

/** `( operand, operand ... )`, the cursor on the opening parenthesis. */
function parseOperandList(cursor: Cursor): Result<readonly Operand[]> {
  const open = expectSymbol(cursor, '(');
  if (!open.ok) return open;
  const operands: Operand[] = [];
  // Each turn consumes at least one token, so the loop ends within the token count.
  for (;;) {
    const operand = parseOperand(cursor);
    if (!operand.ok) return operand;
    operands.push(operand.value);
    if (!isSymbol(peek(cursor), ',')) break;
    advance(cursor);
  }
  const close = expectSymbol(cursor, ')');
  return close.ok ? ok(operands) : close;
}

/** An operand: a path, a `:value`, or `size(path)`. Boolean functions are refused here. */
export function parseOperand(cursor: Cursor): Result<Operand> {
  if (isFunctionCall(cursor)) {
    const name = advance(cursor).text;
    const args = parseOperandList(cursor);
    if (!args.ok) return args;
    if (name !== 'size') {
      return isBooleanFunction(name) ? semanticError(cursor, functionNotAllowedHere(cursor.kind, name)) : unknownFunction(cursor, name);
    }
    const checked = checkFunctionCall(cursor, 'size', args.value);
    if (!checked.ok) return checked;
    const [target] = args.value;
    return target?.kind === 'path' ? ok({ kind: 'size', path: target.path }) : syntaxErrorHere(cursor);
  }
  if (startsPath(cursor)) {
    const path = parsePath(cursor);
    return path.ok ? ok({ kind: 'path', path: path.value }) : path;
  }
  const value = parseValueRef(cursor);
  return value.ok ? ok({ kind: 'value', ...value.value }) : value;
}

function parseFunctionCondition(cursor: Cursor): Result<ConditionAst> {
  const name = advance(cursor).text;
  const args = parseOperandList(cursor);
  if (!args.ok) return args;
  if (name === 'size') {
    // `size(a)` alone is not a condition; with a comparator after it, it is an operand.
    const operand = checkFunctionCall(cursor, 'size', args.value);
    if (!operand.ok) return operand;
    const [target] = args.value;
    if (target?.kind !== 'path') return syntaxErrorHere(cursor);
    return parseComparisonTail(cursor, { kind: 'size', path: target.path });
  }
  if (!isBooleanFunction(name)) return unknownFunction(cursor, name);
  const checked = checkFunctionCall(cursor, name, args.value);
  if (!checked.ok) return checked;
  const next = peek(cursor);
  if ((next.kind === 'symbol' && COMPARATORS.includes(next.text as Comparator)) || isKeyword(next, 'BETWEEN') || isKeyword(next, 'IN')) {
    return semanticError(cursor, functionNotAllowedHere(cursor.kind, name));
  }
  return ok({ kind: 'function', name, args: args.value });
}

function parseBetween(cursor: Cursor, operand: Operand): Result<ConditionAst> {
  const low = parseOperand(cursor);
  if (!low.ok) return low;
  if (!isKeyword(peek(cursor), 'AND')) return syntaxErrorHere(cursor);
  advance(cursor);
  const high = parseOperand(cursor);
  if (!high.ok) return high;
  for (const bound of [operand, low.value, high.value]) {
    const checked = checkOrderedOperand(cursor, 'BETWEEN', bound);
    if (!checked.ok) return checked;
  }
  const bounds = checkBetweenBounds(cursor, low.value, high.value);
  return bounds.ok ? ok({ kind: 'between', operand, low: low.value, high: high.value }) : bounds;
}

/** What follows a left operand: a comparator, BETWEEN or IN. */
function parseComparisonTail(cursor: Cursor, left: Operand): Result<ConditionAst> {
  const token = peek(cursor);
  if (isKeyword(token, 'BETWEEN')) {
    advance(cursor);
    return parseBetween(cursor, left);
  }
  if (isKeyword(token, 'IN')) {
    advance(cursor);
    const candidates = parseOperandList(cursor);
    if (!candidates.ok) return candidates;
    // Message wording close to AWS's, UNCONFIRMED.
    if (candidates.value.length > MAX_IN_OPERANDS) {
      const detail = `The IN operator is provided with too many operands; number of operands: ${candidates.value.length}`;
      return semanticError(cursor, invalidExpression(cursor.kind, detail));
    }
    return ok({ kind: 'in', operand: left, candidates: candidates.value });
  }
  const comparator = COMPARATORS.find((candidate) => isSymbol(token, candidate));
  if (comparator === undefined) return syntaxErrorHere(cursor);
  advance(cursor);
  const right = parseOperand(cursor);
  if (!right.ok) return right;
  if (comparator !== '=' && comparator !== '<>') {
    for (const operand of [left, right.value]) {
      const checked = checkOrderedOperand(cursor, comparator, operand);
      if (!checked.ok) return checked;
    }
  }
  return ok({ kind: 'compare', comparator, left, right: right.value });
}

function parsePrimary(cursor: Cursor): Result<ConditionAst> {
  if (isSymbol(peek(cursor), '(')) {
    advance(cursor);
    const inner = parseCondition(cursor);
    if (!inner.ok) return inner;
    const close = expectSymbol(cursor, ')');
    return close.ok ? inner : close;
  }
  if (isFunctionCall(cursor)) return parseFunctionCondition(cursor);
  const left = parseOperand(cursor);
  return left.ok ? parseComparisonTail(cursor, left.value) : left;
}

function parseNot(cursor: Cursor): Result<ConditionAst> {
  if (!isKeyword(peek(cursor), 'NOT')) return parsePrimary(cursor);
  advance(cursor);
  const inner = parseNot(cursor);
  return inner.ok ? ok({ kind: 'not', condition: inner.value }) : inner;
}

function parseBinary(cursor: Cursor, keyword: 'AND' | 'OR', parseSide: (cursor: Cursor) => Result<ConditionAst>): Result<ConditionAst> {
  let left = parseSide(cursor);
  // Each turn consumes the keyword and an operand, so the loop ends within the token count.
  while (left.ok && isKeyword(peek(cursor), keyword)) {
    advance(cursor);
    const right = parseSide(cursor);
    if (!right.ok) return right;
    left = ok({ kind: keyword === 'AND' ? 'and' : 'or', left: left.value, right: right.value });
  }
  return left;
}

/** A whole condition from the cursor's position (the caller checks that the text ends after it). */
export function parseCondition(cursor: Cursor): Result<ConditionAst> {
  return parseBinary(cursor, 'OR', (inner) => parseBinary(inner, 'AND', parseNot));
}
