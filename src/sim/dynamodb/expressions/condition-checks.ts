// Checks DynamoDB makes while parsing a condition, before any item is read: the number and kind of a
// function's operands, distinct operands, and the types of request values given to functions and
// ordering operators. A wrongly typed request value is a ValidationException; a wrongly typed item
// attribute only makes the condition false. Problems are noted on the cursor and reported by priority.
import type { AttributeValue } from '../model.js';
import type { Operand } from './ast.js';
import type { Cursor } from './cursor.js';
import { report } from './cursor.js';
import { formatPathForMessage, operandCountDetail, operandTypeDetail, requiresPathDetail } from './errors.js';
import { typeOf } from './values.js';

// IN takes at most 100 values. Source: DynamoDB Developer Guide, Constraints.html ("Expression
// parameters"); not yet in shared/aws-facts.md.
export const MAX_IN_OPERANDS = 100;

const ARITY: Readonly<Record<string, number>> = {
  attribute_exists: 1,
  attribute_not_exists: 1,
  attribute_type: 2,
  begins_with: 2,
  contains: 2,
  size: 1,
};

/** The type names attribute_type accepts, in the order AWS lists them in its message. */
const TYPE_NAMES_AS_LISTED = ['B', 'NULL', 'SS', 'BOOL', 'L', 'BS', 'N', 'NS', 'S', 'M'];

/** A constant placeholder for an operand whose problem is already noted, so parsing can go on. */
export const PLACEHOLDER_OPERAND: Operand = { kind: 'value', value: { NULL: true }, ref: '' };

function valueOf(operand: Operand | undefined): AttributeValue | undefined {
  return operand?.kind === 'value' ? operand.value : undefined;
}

function reportOperandType(cursor: Cursor, operator: string, type: string): void {
  report(cursor, 'operand-type', operandTypeDetail(operator, type));
}

/** `a = a`, `begins_with(a, a)`: DynamoDB refuses the same path on both sides. */
export function checkDistinct(
  cursor: Cursor,
  operator: string,
  first: Operand | undefined,
  second: Operand | undefined,
): void {
  if (first?.kind !== 'path' || second?.kind !== 'path') return;
  if (first.path.length !== second.path.length || first.path.some((step, index) => step !== second.path[index])) return;
  const detail =
    'The first operand must be distinct from the remaining operands for this operator or function; ' +
    `operator: ${operator}, first operand: ${formatPathForMessage(first.path)}`;
  report(cursor, 'distinct-operands', detail);
}

function checkAttributeTypeName(cursor: Cursor, operand: Operand | undefined): void {
  if (operand?.kind !== 'value') {
    // AWS answers a path here with the list of types it wanted, in this odd form (seen in dynalite).
    reportOperandType(cursor, 'attribute_type', '{NS,SS,L,BS,N,M,B,BOOL,NULL,S}');
    return;
  }
  const value = operand.value;
  if (!('S' in value)) reportOperandType(cursor, 'attribute_type', typeOf(value));
  else if (!TYPE_NAMES_AS_LISTED.includes(value.S)) {
    const validTypes = `{${TYPE_NAMES_AS_LISTED.join(',')}}`;
    report(cursor, 'operand-type', `Invalid attribute type name found; type: ${value.S}, valid types: ${validTypes}`);
  }
}

/** Arity, path-ness, distinctness and literal operand types of a condition function call. */
export function checkFunctionCall(cursor: Cursor, name: string, args: readonly Operand[]): void {
  const arity = ARITY[name];
  if (arity !== undefined && args.length !== arity) {
    report(cursor, 'operand-count', operandCountDetail(name, args.length));
    return;
  }
  if (args.length === 2) checkDistinct(cursor, name, args[0], args[1]);
  if ((name === 'attribute_exists' || name === 'attribute_not_exists') && args[0]?.kind !== 'path') {
    report(cursor, 'operand-type', requiresPathDetail(name));
  }
  if (name === 'attribute_type') checkAttributeTypeName(cursor, args[1]);
  const literals = args.map(valueOf).filter((value) => value !== undefined);
  for (const type of literals.map(typeOf)) {
    if (name === 'begins_with' && type !== 'S' && type !== 'B') reportOperandType(cursor, name, type);
    if (name === 'size' && (type === 'N' || type === 'BOOL' || type === 'NULL')) reportOperandType(cursor, name, type);
  }
}

/** `<`, `<=`, `>`, `>=` and BETWEEN order only strings, numbers and binary values. */
export function checkOrderedOperand(cursor: Cursor, operator: string, operand: Operand): void {
  const value = valueOf(operand);
  if (value === undefined) return;
  const type = typeOf(value);
  if (type !== 'S' && type !== 'N' && type !== 'B') reportOperandType(cursor, operator, type);
}

function formatScalar(value: AttributeValue): string {
  const type = typeOf(value);
  const text = 'S' in value ? value.S : 'N' in value ? value.N : 'B' in value ? value.B : JSON.stringify(value);
  return `{${type}:${text}}`;
}

/**
 * `x BETWEEN :low AND :high` with two request values needs them of one type and `:low <= :high`.
 * `order` is the comparison of low with high (undefined when they are of different types).
 */
export function checkBetweenBounds(cursor: Cursor, low: Operand, high: Operand, order: -1 | 0 | 1 | undefined): void {
  const lowValue = valueOf(low);
  const highValue = valueOf(high);
  if (lowValue === undefined || highValue === undefined) return;
  const bounds =
    `lower bound operand: AttributeValue: ${formatScalar(lowValue)}, ` +
    `upper bound operand: AttributeValue: ${formatScalar(highValue)}`;
  if (typeOf(lowValue) !== typeOf(highValue)) {
    const detail = `The BETWEEN operator requires same data type for lower and upper bounds; ${bounds}`;
    report(cursor, 'operand-type', detail);
  } else if (order === 1) {
    const detail = `The BETWEEN operator requires upper bound to be greater than or equal to lower bound; ${bounds}`;
    report(cursor, 'operand-type', detail);
  }
}
