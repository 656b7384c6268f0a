// Parses update expressions. Grammar (clause keywords case-insensitive, each clause at most once):
//   update  := clause+
//   clause  := SET path '=' value (',' path '=' value)* | REMOVE path (',' path)*
//            | ADD path :value (',' path :value)* | DELETE path :value (',' path :value)*
//   value   := operand (('+' | '-') operand)?
//   operand := path | :value | if_not_exists '(' path ',' value ')' | list_append '(' value ',' value ')'
import type { AttributeValue } from '../model.js';
import type { Result } from '../../result.js';
import { ok } from '../../result.js';
import type { DocPath, SetValue, UpdateAction, UpdateAst } from './ast.js';
import type { AttributeNames, AttributeValues, Cursor } from './cursor.js';
import { operandCountDetail, operandTypeDetail, requiresPathDetail } from './errors.js';
import {
  advance,
  expectSymbol,
  finish,
  isFunctionCall,
  isKeyword,
  isSymbol,
  openCursor,
  parseCommaList,
  parseParenthesisedList,
  parsePath,
  parsePathOrValue,
  parseValueRef,
  peek,
  report,
  reportError,
  syntaxErrorHere,
} from './cursor.js';
import { findPathClash } from './paths.js';
import { typeOf } from './values.js';

const KIND = 'UpdateExpression';
const CLAUSES = ['SET', 'REMOVE', 'ADD', 'DELETE'] as const;
type Clause = (typeof CLAUSES)[number];

/** DynamoDB's long type names, used in the ADD/DELETE operand messages. */
const LONG_TYPE_NAMES: Readonly<Record<string, string>> = {
  S: 'STRING', N: 'NUMBER', B: 'BINARY', BOOL: 'BOOLEAN', NULL: 'NULL',
  SS: 'STRING_SET', NS: 'NUMBER_SET', BS: 'BINARY_SET', L: 'LIST', M: 'MAP',
};

function clauseAt(cursor: Cursor): Clause | undefined {
  return CLAUSES.find((clause) => isKeyword(peek(cursor), clause));
}

/** Notes a request value given to `+`, `-` or list_append that is not of the type they need. */
function reportUnlessType(cursor: Cursor, operator: string, operand: SetValue, wanted: 'N' | 'L'): void {
  if (operand.kind !== 'value' || typeOf(operand.value) === wanted) return;
  report(cursor, 'operand-type', operandTypeDetail(operator, typeOf(operand.value)));
}

const PLACEHOLDER_VALUE: SetValue = { kind: 'value', value: { NULL: true }, ref: '' };
const CONDITION_FUNCTIONS = new Set([
  'attribute_exists',
  'attribute_not_exists',
  'attribute_type',
  'begins_with',
  'contains',
  'size',
]);

/** if_not_exists(path, value) or list_append(value, value); any other function is noted as a problem. */
function parseFunctionValue(cursor: Cursor): Result<SetValue> {
  const name = advance(cursor).text;
  const args = parseParenthesisedList(cursor, parseSetValue);
  if (!args.ok) return args;
  const [first, second] = args.value;
  if (name !== 'if_not_exists' && name !== 'list_append') {
    const detail = CONDITION_FUNCTIONS.has(name)
      ? `The function is not allowed in an update expression; function: ${name}`
      : `Invalid function name; function: ${name}`;
    report(cursor, 'unknown-function', detail);
    return ok(PLACEHOLDER_VALUE);
  }
  if (first === undefined || second === undefined || args.value.length !== 2) {
    report(cursor, 'operand-count', operandCountDetail(name, args.value.length));
    return ok(PLACEHOLDER_VALUE);
  }
  if (name === 'list_append') {
    for (const operand of args.value) reportUnlessType(cursor, name, operand, 'L');
    return ok({ kind: 'list-append', first, second });
  }
  if (first.kind === 'path') return ok({ kind: 'if-not-exists', path: first.path, fallback: second });
  report(cursor, 'operand-type', requiresPathDetail(name));
  return ok(second);
}

function parseSetOperand(cursor: Cursor): Result<SetValue> {
  return isFunctionCall(cursor) ? parseFunctionValue(cursor) : parsePathOrValue(cursor);
}

/** A SET right-hand side: one operand, or two joined by `+` or `-` (both must be numbers). */
function parseSetValue(cursor: Cursor): Result<SetValue> {
  const left = parseSetOperand(cursor);
  if (!left.ok) return left;
  const operator = isSymbol(peek(cursor), '+') ? '+' : isSymbol(peek(cursor), '-') ? '-' : undefined;
  if (operator === undefined) return left;
  advance(cursor);
  const right = parseSetOperand(cursor);
  if (!right.ok) return right;
  for (const operand of [left.value, right.value]) reportUnlessType(cursor, operator, operand, 'N');
  return ok({ kind: operator === '+' ? 'plus' : 'minus', left: left.value, right: right.value });
}

/** ADD takes a number or a set; DELETE takes a set. */
function checkAddDeleteValue(cursor: Cursor, clause: 'ADD' | 'DELETE', value: AttributeValue): void {
  const type = typeOf(value);
  const allowed = clause === 'ADD' ? ['N', 'SS', 'NS', 'BS'] : ['SS', 'NS', 'BS'];
  if (allowed.includes(type)) return;
  const detail =
    `Incorrect operand type for operator or function; operator: ${clause}, ` +
    `operand type: ${LONG_TYPE_NAMES[type] ?? type}, typeSet: ALLOWED_FOR_${clause}_OPERAND`;
  report(cursor, 'operand-type', detail);
}

function parseAction(cursor: Cursor, clause: Clause): Result<UpdateAction> {
  const path = parsePath(cursor);
  if (!path.ok) return path;
  if (clause === 'REMOVE') return ok({ kind: 'remove', path: path.value });
  if (clause === 'SET') {
    const equals = expectSymbol(cursor, '=');
    if (!equals.ok) return equals;
    const value = parseSetValue(cursor);
    return value.ok ? ok({ kind: 'set', path: path.value, value: value.value }) : value;
  }
  const value = parseValueRef(cursor);
  if (!value.ok) return value;
  checkAddDeleteValue(cursor, clause, value.value.value);
  return ok({ kind: clause === 'ADD' ? 'add' : 'delete', path: path.value, value: value.value.value });
}

function parseClauses(cursor: Cursor): Result<readonly UpdateAction[]> {
  const actions: UpdateAction[] = [];
  const seen = new Set<Clause>();
  // Each turn consumes a keyword and at least one action, so the loop ends within the token count.
  while (peek(cursor).kind !== 'eof') {
    const clause = clauseAt(cursor);
    if (clause === undefined) return syntaxErrorHere(cursor);
    if (seen.has(clause)) {
      report(cursor, 'duplicate-section', `The "${clause}" section can only be used once in an update expression;`);
    }
    seen.add(clause);
    advance(cursor);
    const clauseActions = parseCommaList(cursor, (inner) => parseAction(inner, clause));
    if (!clauseActions.ok) return clauseActions;
    actions.push(...clauseActions.value);
  }
  return ok(actions);
}

/** Parses an UpdateExpression; refuses a repeated clause and overlapping paths. */
export function parseUpdate(text: string, names: AttributeNames, values: AttributeValues): Result<UpdateAst> {
  const cursor = openCursor(KIND, text, names, values);
  if (!cursor.ok) return cursor;
  const actions = parseClauses(cursor.value);
  if (!actions.ok) return actions;
  const clash = findPathClash(KIND, actions.value.map((action) => action.path));
  if (clash !== undefined) reportError(cursor.value, 'path-clash', clash);
  return finish(cursor.value, { actions: actions.value });
}

/**
 * The document paths an update writes or removes, in the order written. UpdateItem uses them to refuse
 * updates of key attributes (their first step) and to shape `ReturnValues: UPDATED_OLD | UPDATED_NEW`
 * (project the old or new item on these paths).
 */
export function pathsOfUpdate(update: UpdateAst): readonly DocPath[] {
  return update.actions.map((action) => action.path);
}
