// Checks DynamoDB makes while parsing a condition, before any item is read: the number and kind of a
// function's operands, and the types of request values given to ordering operators. A wrongly typed
// request value is a ValidationException; a wrongly typed item attribute only makes the condition false.
import type { AttributeValue } from '../model.js';
import type { Result } from '../../result.js';
import { ok } from '../../result.js';
import type { Operand } from './ast.js';
import type { Cursor } from './cursor.js';
import { semanticError } from './cursor.js';
import { incorrectOperandType, invalidExpression, requiresDocumentPath } from './errors.js';
import { ATTRIBUTE_TYPE_TAGS, compareScalars, typeOf } from './values.js';

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

/** Functions whose first operand must be a document path, not a value. */
const PATH_FIRST = new Set(['attribute_exists', 'attribute_not_exists', 'attribute_type', 'size']);

function valueOf(operand: Operand | undefined): AttributeValue | undefined {
  return operand?.kind === 'value' ? operand.value : undefined;
}

function checkAttributeTypeName(cursor: Cursor, operand: Operand | undefined): Result<true> {
  const value = valueOf(operand);
  if (value === undefined) return ok(true);
  if (!('S' in value)) return semanticError(cursor, incorrectOperandType(cursor.kind, 'attribute_type', typeOf(value)));
  if ((ATTRIBUTE_TYPE_TAGS as readonly string[]).includes(value.S)) return ok(true);
  // Wording close to AWS's, UNCONFIRMED.
  const detail = `Invalid attribute type name found; type: ${value.S}, valid types: { ${ATTRIBUTE_TYPE_TAGS.join(',')} }`;
  return semanticError(cursor, invalidExpression(cursor.kind, detail));
}

/** Arity, path-ness and literal operand types of a condition function call. */
export function checkFunctionCall(cursor: Cursor, name: string, args: readonly Operand[]): Result<true> {
  const arity = ARITY[name];
  if (arity !== undefined && args.length !== arity) {
    const detail = `Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${args.length}`;
    return semanticError(cursor, invalidExpression(cursor.kind, detail));
  }
  if (PATH_FIRST.has(name) && args[0]?.kind !== 'path') return semanticError(cursor, requiresDocumentPath(cursor.kind, name));
  if (name === 'attribute_type') return checkAttributeTypeName(cursor, args[1]);
  if (name === 'begins_with') {
    for (const operand of args) {
      const value = valueOf(operand);
      if (value !== undefined && !('S' in value) && !('B' in value)) {
        return semanticError(cursor, incorrectOperandType(cursor.kind, name, typeOf(value)));
      }
    }
  }
  return ok(true);
}

/** `<`, `<=`, `>`, `>=` and BETWEEN order only strings, numbers and binary values. */
export function checkOrderedOperand(cursor: Cursor, operator: string, operand: Operand): Result<true> {
  const value = valueOf(operand);
  if (value === undefined) return ok(true);
  const type = typeOf(value);
  if (type === 'S' || type === 'N' || type === 'B') return ok(true);
  return semanticError(cursor, incorrectOperandType(cursor.kind, operator, type));
}

function formatScalar(value: AttributeValue): string {
  if ('S' in value) return `{S:${value.S}}`;
  if ('N' in value) return `{N:${value.N}}`;
  if ('B' in value) return `{B:${value.B}}`;
  return JSON.stringify(value);
}

/** `x BETWEEN :low AND :high` with request values needs `:low <= :high` (AWS refuses the reverse). */
export function checkBetweenBounds(cursor: Cursor, low: Operand, high: Operand): Result<true> {
  const lowValue = valueOf(low);
  const highValue = valueOf(high);
  if (lowValue === undefined || highValue === undefined) return ok(true);
  if (compareScalars(lowValue, highValue) !== 1) return ok(true);
  // Wording as AWS prints it, in substance; the AttributeValue rendering is UNCONFIRMED.
  const detail =
    'The BETWEEN operator requires upper bound to be greater than or equal to lower bound; ' +
    `lower bound operand: AttributeValue: ${formatScalar(lowValue)}, upper bound operand: AttributeValue: ${formatScalar(highValue)}`;
  return semanticError(cursor, invalidExpression(cursor.kind, detail));
}
