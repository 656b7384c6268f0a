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
import { advance, expectSymbol, finish, isKeyword, isSymbol, openCursor, parsePath, parseValueRef, peek, semanticError, startsPath, syntaxErrorHere } from './cursor.js';
import { incorrectOperandType, invalidExpression, requiresDocumentPath } from './errors.js';
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

function literalType(value: SetValue): string | undefined {
  return value.kind === 'value' ? typeOf(value.value) : undefined;
}

function parseFunctionValue(cursor: Cursor): Result<SetValue> {
  const name = advance(cursor).text;
  advance(cursor); // the '(' seen by the caller
  if (name !== 'if_not_exists' && name !== 'list_append') {
    const known = ['attribute_exists', 'attribute_not_exists', 'attribute_type', 'begins_with', 'contains', 'size'];
    // Wording for condition functions inside an update is UNCONFIRMED.
    const detail = known.includes(name)
      ? `The function is not allowed in an update expression; function: ${name}`
      : `Invalid function name; function: ${name}`;
    return semanticError(cursor, invalidExpression(KIND, detail));
  }
  const first = parseSetValue(cursor);
  if (!first.ok) return first;
  const comma = expectSymbol(cursor, ',');
  if (!comma.ok) return comma;
  const second = parseSetValue(cursor);
  if (!second.ok) return second;
  const close = expectSymbol(cursor, ')');
  if (!close.ok) return close;
  if (name === 'if_not_exists') {
    if (first.value.kind !== 'path') return semanticError(cursor, requiresDocumentPath(KIND, name));
    return ok({ kind: 'if-not-exists', path: first.value.path, fallback: second.value });
  }
  for (const operand of [first.value, second.value]) {
    const type = literalType(operand);
    if (type !== undefined && type !== 'L') return semanticError(cursor, incorrectOperandType(KIND, name, type));
  }
  return ok({ kind: 'list-append', first: first.value, second: second.value });
}

function parseSetOperand(cursor: Cursor): Result<SetValue> {
  if (peek(cursor).kind === 'word' && isSymbol(peek(cursor, 1), '(')) return parseFunctionValue(cursor);
  if (startsPath(cursor)) {
    const path = parsePath(cursor);
    return path.ok ? ok({ kind: 'path', path: path.value }) : path;
  }
  const value = parseValueRef(cursor);
  return value.ok ? ok({ kind: 'value', ...value.value }) : value;
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
  for (const operand of [left.value, right.value]) {
    const type = literalType(operand);
    if (type !== undefined && type !== 'N') return semanticError(cursor, incorrectOperandType(KIND, operator, type));
  }
  return ok({ kind: operator === '+' ? 'plus' : 'minus', left: left.value, right: right.value });
}

/** ADD takes a number or a set; DELETE takes a set. */
function checkAddDeleteValue(cursor: Cursor, clause: 'ADD' | 'DELETE', value: AttributeValue): Result<true> {
  const type = typeOf(value);
  const allowed = clause === 'ADD' ? ['N', 'SS', 'NS', 'BS'] : ['SS', 'NS', 'BS'];
  if (allowed.includes(type)) return ok(true);
  const detail =
    `Incorrect operand type for operator or function; operator: ${clause}, ` +
    `operand type: ${LONG_TYPE_NAMES[type] ?? type}, typeSet: ALLOWED_FOR_${clause}_OPERAND`;
  return semanticError(cursor, invalidExpression(KIND, detail));
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
  const checked = checkAddDeleteValue(cursor, clause, value.value.value);
  if (!checked.ok) return checked;
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
      return semanticError(cursor, invalidExpression(KIND, `The "${clause}" section can only be used once in an update expression;`));
    }
    seen.add(clause);
    advance(cursor);
    for (;;) {
      const action = parseAction(cursor, clause);
      if (!action.ok) return action;
      actions.push(action.value);
      if (!isSymbol(peek(cursor), ',')) break;
      advance(cursor);
    }
  }
  return ok(actions);
}

/** Parses an UpdateExpression; refuses a repeated clause and overlapping paths. */
export function parseUpdate(text: string, names: AttributeNames, values: AttributeValues): Result<UpdateAst> {
  const cursor = openCursor(KIND, text, names, values);
  if (!cursor.ok) return cursor;
  const actions = parseClauses(cursor.value);
  if (!actions.ok) return actions;
  const finished = finish(cursor.value, actions.value);
  if (!finished.ok) return finished;
  const clash = findPathClash(KIND, finished.value.map((action) => action.path));
  return clash === undefined ? ok({ actions: finished.value }) : semanticError(cursor.value, clash);
}

/**
 * The document paths an update writes or removes, in the order written. UpdateItem uses them to refuse
 * updates of key attributes (their first step) and to shape `ReturnValues: UPDATED_OLD | UPDATED_NEW`
 * (project the old or new item on these paths).
 */
export function pathsOfUpdate(update: UpdateAst): readonly DocPath[] {
  return update.actions.map((action) => action.path);
}
