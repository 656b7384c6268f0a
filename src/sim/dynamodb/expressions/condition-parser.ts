// Parses condition, filter and key-condition expressions. Grammar (keywords case-insensitive, function
// names case-sensitive, as in DynamoDB):
//   condition := and (OR and)*          and := not (AND not)*          not := NOT not | primary
//   primary   := '(' condition ')' | function '(' operands ')'
//              | operand comparator operand | operand BETWEEN operand AND operand | operand IN '(' operands ')'
//   operand   := path | :value | size '(' operand ')' | '(' operand ')'
// Problems other than syntax are noted on the cursor and reported by priority when the parse ends.
import type { Result } from '../../result.js';
import { ok } from '../../result.js';
import type { Comparator, ConditionAst, Operand } from './ast.js';
import {
  checkBetweenBounds,
  checkDistinct,
  checkFunctionCall,
  checkOrderedOperand,
  MAX_IN_OPERANDS,
  PLACEHOLDER_OPERAND,
} from './condition-checks.js';
import { sizeOf } from './condition-eval.js';
import type { Cursor } from './cursor.js';
import {
  advance,
  expectSymbol,
  isKeyword,
  isSymbol,
  isFunctionCall,
  parseParenthesisedList,
  parsePathOrValue,
  peek,
  report,
  syntaxErrorHere,
} from './cursor.js';
import { compareScalars } from './values.js';

const COMPARATORS: readonly Comparator[] = ['=', '<>', '<', '<=', '>', '>='];
const BOOLEAN_FUNCTIONS = [
  'attribute_exists',
  'attribute_not_exists',
  'attribute_type',
  'begins_with',
  'contains',
] as const;
const UPDATE_FUNCTIONS = ['if_not_exists', 'list_append'];
const PLACEHOLDER_CONDITION: ConditionAst = { kind: 'function', name: 'attribute_exists', args: [PLACEHOLDER_OPERAND] };

type BooleanFunction = (typeof BOOLEAN_FUNCTIONS)[number];

function isBooleanFunction(name: string): name is BooleanFunction {
  return (BOOLEAN_FUNCTIONS as readonly string[]).includes(name);
}

function startsComparison(cursor: Cursor): boolean {
  const token = peek(cursor);
  const isComparator = COMPARATORS.some((comparator) => isSymbol(token, comparator));
  return isComparator || isKeyword(token, 'BETWEEN') || isKeyword(token, 'IN');
}

/** Notes a function that has no place in a condition (unknown, or an update-only one). */
function reportForeignFunction(cursor: Cursor, name: string): void {
  const detail = UPDATE_FUNCTIONS.includes(name)
    ? `The function is not allowed in a condition expression; function: ${name}`
    : `Invalid function name; function: ${name}`;
  report(cursor, 'unknown-function', detail);
}

function reportMisused(cursor: Cursor, name: string): void {
  const detail = `The function is not allowed to be used this way in an expression; function: ${name}`;
  report(cursor, 'misused-function', detail);
}

/**
 * `((x))`: the parenthesis just opened (the cursor is after it) holds nothing but another parenthesised
 * group. DynamoDB refuses that. `close` is the index of the matching `)`.
 */
function checkRedundantParentheses(cursor: Cursor, innerStart: number, close: number): void {
  if (!isSymbol(cursor.tokens[innerStart] ?? peek(cursor), '(')) return;
  let depth = 0;
  for (let index = innerStart; index < close; index += 1) {
    const token = cursor.tokens[index];
    if (token !== undefined && isSymbol(token, '(')) depth += 1;
    if (token !== undefined && isSymbol(token, ')')) depth -= 1;
    if (depth === 0) {
      if (index === close - 1) report(cursor, 'redundant-parentheses', 'The expression has redundant parentheses;');
      return;
    }
  }
}

function parseOperandList(cursor: Cursor): Result<readonly Operand[]> {
  return parseParenthesisedList(cursor, parseOperand);
}

/** `size(x)` as an operand: the size of a path, or a constant for a request value. */
function sizeOperand(cursor: Cursor, args: readonly Operand[]): Operand {
  checkFunctionCall(cursor, 'size', args);
  const [target] = args;
  if (target?.kind === 'path') return { kind: 'size', path: target.path };
  if (target?.kind !== 'value') return PLACEHOLDER_OPERAND;
  const sizeCount = sizeOf(target.value);
  return sizeCount === undefined ? PLACEHOLDER_OPERAND : { kind: 'value', value: { N: String(sizeCount) }, ref: target.ref };
}

function parseFunctionOperand(cursor: Cursor): Result<Operand> {
  const name = advance(cursor).text;
  const args = parseOperandList(cursor);
  if (!args.ok) return args;
  if (name === 'size') return ok(sizeOperand(cursor, args.value));
  if (isBooleanFunction(name)) reportMisused(cursor, name);
  else reportForeignFunction(cursor, name);
  return ok(PLACEHOLDER_OPERAND);
}

/** An operand: a path, a `:value`, `size(...)`, or one of these in parentheses. */
export function parseOperand(cursor: Cursor): Result<Operand> {
  if (isSymbol(peek(cursor), '(')) {
    advance(cursor);
    const innerStart = cursor.index;
    const inner = parseOperand(cursor);
    if (!inner.ok) return inner;
    const close = expectSymbol(cursor, ')');
    if (!close.ok) return close;
    checkRedundantParentheses(cursor, innerStart, cursor.index - 1);
    return inner;
  }
  return isFunctionCall(cursor) ? parseFunctionOperand(cursor) : parsePathOrValue(cursor);
}

function parseFunctionCondition(cursor: Cursor): Result<ConditionAst> {
  const name = advance(cursor).text;
  const args = parseOperandList(cursor);
  if (!args.ok) return args;
  if (name === 'size') {
    const operand = sizeOperand(cursor, args.value);
    if (startsComparison(cursor)) return parseComparisonTail(cursor, operand);
    reportMisused(cursor, name);
    return ok(PLACEHOLDER_CONDITION);
  }
  if (!isBooleanFunction(name)) {
    reportForeignFunction(cursor, name);
    return startsComparison(cursor) ? parseComparisonTail(cursor, PLACEHOLDER_OPERAND) : ok(PLACEHOLDER_CONDITION);
  }
  checkFunctionCall(cursor, name, args.value);
  if (startsComparison(cursor)) {
    reportMisused(cursor, name);
    return parseComparisonTail(cursor, PLACEHOLDER_OPERAND);
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
  for (const bound of [operand, low.value, high.value]) checkOrderedOperand(cursor, 'BETWEEN', bound);
  const bothValues = low.value.kind === 'value' && high.value.kind === 'value';
  const order = bothValues ? compareScalars(low.value.value, high.value.value) : undefined;
  checkBetweenBounds(cursor, low.value, high.value, order);
  return ok({ kind: 'between', operand, low: low.value, high: high.value });
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
    // Message wording close to AWS's; its stem is DynamoDB's own, the count suffix is UNCONFIRMED.
    if (candidates.value.length > MAX_IN_OPERANDS) {
      const detail = `The IN operator is provided with too many operands; number of operands: ${candidates.value.length}`;
      report(cursor, 'operand-count', detail);
    }
    return ok({ kind: 'in', operand: left, candidates: candidates.value });
  }
  const comparator = COMPARATORS.find((candidate) => isSymbol(token, candidate));
  if (comparator === undefined) return syntaxErrorHere(cursor);
  advance(cursor);
  const right = parseOperand(cursor);
  if (!right.ok) return right;
  checkDistinct(cursor, comparator, left, right.value);
  if (comparator !== '=' && comparator !== '<>') {
    for (const operand of [left, right.value]) checkOrderedOperand(cursor, comparator, operand);
  }
  return ok({ kind: 'compare', comparator, left, right: right.value });
}

/** `( condition )`, or, when that does not parse, a comparison whose left operand is parenthesised. */
function parseParenthesised(cursor: Cursor): Result<ConditionAst> {
  const start = cursor.index;
  const problems = { ...cursor.problems };
  advance(cursor);
  const inner = parseCondition(cursor);
  const close = inner.ok ? expectSymbol(cursor, ')') : inner;
  if (inner.ok && close.ok) {
    checkRedundantParentheses(cursor, start + 1, cursor.index - 1);
    return inner;
  }
  // Backtrack: `(a) = :v` is a comparison of a parenthesised operand.
  const failedAt = cursor.index;
  cursor.index = start;
  cursor.problems = problems;
  const left = parseOperand(cursor);
  const comparison = left.ok && startsComparison(cursor) ? parseComparisonTail(cursor, left.value) : undefined;
  if (comparison?.ok === true) return comparison;
  cursor.index = failedAt;
  return close.ok ? syntaxErrorHere(cursor) : close;
}

function parsePrimary(cursor: Cursor): Result<ConditionAst> {
  if (isSymbol(peek(cursor), '(')) return parseParenthesised(cursor);
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

function parseBinary(
  cursor: Cursor,
  keyword: 'AND' | 'OR',
  parseSide: (cursor: Cursor) => Result<ConditionAst>,
): Result<ConditionAst> {
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
