// Evaluates a condition against an item with DynamoDB's rules: a missing attribute or a type mismatch
// makes `=`, ordering, BETWEEN, IN and the functions false; `<>` is true unless both sides exist and are
// equal (so a missing attribute is "not equal" to anything, even another missing one: behaviour measured
// against DynamoDB by ScyllaDB's Alternator test suite, test_condition_expression.py, issue #8511).
import type { AttributeValue, Item } from '../model.js';
import type { ConditionAst, Operand } from './ast.js';
import { resolvePath } from './paths.js';
import { attributeValuesEqual, base64Bytes, compareScalars, typeOf } from './values.js';

/**
 * `size()`: bytes of a string (UTF-8; AWS says "length of the string", non-ASCII behaviour UNCONFIRMED)
 * or binary, elements of a set, list or map. Undefined for numbers, booleans and nulls.
 */
export function sizeOf(value: AttributeValue): number | undefined {
  if ('S' in value) return new TextEncoder().encode(value.S).length;
  if ('B' in value) return base64Bytes(value.B).length;
  if ('SS' in value) return value.SS.length;
  if ('NS' in value) return value.NS.length;
  if ('BS' in value) return value.BS.length;
  if ('L' in value) return value.L.length;
  if ('M' in value) return Object.keys(value.M).length;
  return undefined;
}

function operandValue(operand: Operand, item: Item): AttributeValue | undefined {
  switch (operand.kind) {
    case 'value':
      return operand.value;
    case 'path':
      return resolvePath(item, operand.path);
    case 'size': {
      const target = resolvePath(item, operand.path);
      const sizeCount = target === undefined ? undefined : sizeOf(target);
      return sizeCount === undefined ? undefined : { N: String(sizeCount) };
    }
    default: {
      const never: never = operand;
      return never;
    }
  }
}

function ordered(left: AttributeValue | undefined, right: AttributeValue | undefined): -1 | 0 | 1 | undefined {
  return left === undefined || right === undefined ? undefined : compareScalars(left, right);
}

function isEqual(left: AttributeValue | undefined, right: AttributeValue | undefined): boolean {
  return left !== undefined && right !== undefined && attributeValuesEqual(left, right);
}

/** `begins_with`: a string prefix of a string, or a byte prefix of a binary value. */
export function beginsWith(value: AttributeValue, prefix: AttributeValue): boolean {
  if ('S' in value && 'S' in prefix) return value.S.startsWith(prefix.S);
  if ('B' in value && 'B' in prefix) {
    const bytes = base64Bytes(value.B);
    const head = base64Bytes(prefix.B);
    return head.length <= bytes.length && head.every((byte, index) => bytes[index] === byte);
  }
  return false;
}

function contains(value: AttributeValue, member: AttributeValue): boolean {
  if ('S' in value) return 'S' in member && value.S.includes(member.S);
  if ('SS' in value) return 'S' in member && value.SS.includes(member.S);
  if ('NS' in value) return 'N' in member && value.NS.some((n) => attributeValuesEqual({ N: n }, member));
  if ('BS' in value) return 'B' in member && value.BS.some((b) => attributeValuesEqual({ B: b }, member));
  if ('L' in value) return value.L.some((element) => attributeValuesEqual(element, member));
  return false;
}

function evaluateFunction(condition: Extract<ConditionAst, { kind: 'function' }>, item: Item): boolean {
  const [first, second] = condition.args.map((operand) => operandValue(operand, item));
  switch (condition.name) {
    case 'attribute_exists':
      return first !== undefined;
    case 'attribute_not_exists':
      return first === undefined;
    case 'attribute_type':
      return first !== undefined && second !== undefined && 'S' in second && typeOf(first) === second.S;
    case 'begins_with':
      return first !== undefined && second !== undefined && beginsWith(first, second);
    case 'contains':
      return first !== undefined && second !== undefined && contains(first, second);
    default: {
      const never: never = condition.name;
      return never;
    }
  }
}

function evaluateComparison(condition: Extract<ConditionAst, { kind: 'compare' }>, item: Item): boolean {
  const left = operandValue(condition.left, item);
  const right = operandValue(condition.right, item);
  if (condition.comparator === '=') return isEqual(left, right);
  if (condition.comparator === '<>') return !isEqual(left, right);
  const order = ordered(left, right);
  if (order === undefined) return false;
  switch (condition.comparator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    default: {
      const never: never = condition.comparator;
      return never;
    }
  }
}

/** Whether `item` satisfies `condition`. An absent item is evaluated as `{}` by the caller. */
export function evaluateCondition(condition: ConditionAst, item: Item): boolean {
  switch (condition.kind) {
    case 'compare':
      return evaluateComparison(condition, item);
    case 'between': {
      const value = operandValue(condition.operand, item);
      const low = ordered(value, operandValue(condition.low, item));
      const high = ordered(value, operandValue(condition.high, item));
      return low !== undefined && high !== undefined && low >= 0 && high <= 0;
    }
    case 'in': {
      const value = operandValue(condition.operand, item);
      return condition.candidates.some((candidate) => isEqual(value, operandValue(candidate, item)));
    }
    case 'and':
      return evaluateCondition(condition.left, item) && evaluateCondition(condition.right, item);
    case 'or':
      return evaluateCondition(condition.left, item) || evaluateCondition(condition.right, item);
    case 'not':
      return !evaluateCondition(condition.condition, item);
    case 'function':
      return evaluateFunction(condition, item);
    default: {
      const never: never = condition;
      return never;
    }
  }
}
