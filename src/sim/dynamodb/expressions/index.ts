// Public surface of DynamoDB expressions: parse once per request, evaluate per item. Every parse returns
// a Result whose error is the ValidationException DynamoDB would answer; evaluation never fails.
import type { Result } from '../../result.js';
import type { ConditionAst } from './ast.js';
import { parseCondition as parseConditionAt } from './condition-parser.js';
import type { AttributeNames, AttributeValues } from './cursor.js';
import { finish, openCursor } from './cursor.js';

export type {
  Comparator,
  ConditionAst,
  ConditionFunctionName,
  DocPath,
  Operand,
  PathElement,
  ProjectionAst,
  SetValue,
  UpdateAction,
  UpdateAst,
} from './ast.js';
export { pathsOfCondition } from './ast.js';
export type { AttributeNames, AttributeValues } from './cursor.js';
export { MAX_EXPRESSION_LENGTH_BYTES } from './cursor.js';
export type { ExpressionKind } from './errors.js';
export { evaluateCondition } from './condition-eval.js';
export type { KeyCondition, SortKeyPredicate } from './key-condition.js';
export { matchesKeyCondition, matchesSortKey, parseKeyCondition } from './key-condition.js';
export { parseUpdate, pathsOfUpdate } from './update-parser.js';
export { applyUpdate } from './update-apply.js';
export { parseProjection, project } from './projection.js';
export { resolvePath } from './paths.js';
export type { ExpressionUsageInput } from './usage.js';
export { checkExpressionAttributeUsage } from './usage.js';
export {
  addNumbers,
  compareNumbers,
  isNumberText,
  normalizeNumber,
  numberRangeProblem,
  subtractNumbers,
} from './numbers.js';
export type { AttributeTypeTag } from './values.js';
export { attributeValuesEqual, compareBinary, compareScalars, compareStrings, typeOf } from './values.js';
export { isReservedWord } from './reserved-words.js';

/**
 * Parses a ConditionExpression (or, with `kind: 'FilterExpression'`, a filter: same grammar, and AWS
 * names the parameter in its messages).
 */
export function parseCondition(
  text: string,
  names: AttributeNames,
  values: AttributeValues,
  kind: 'ConditionExpression' | 'FilterExpression' = 'ConditionExpression',
): Result<ConditionAst> {
  const cursor = openCursor(kind, text, names, values);
  if (!cursor.ok) return cursor;
  const parsed = parseConditionAt(cursor.value);
  return parsed.ok ? finish(cursor.value, parsed.value) : parsed;
}
