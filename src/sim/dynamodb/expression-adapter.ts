// The seam between the core operations and the expression module (`./expressions/`): each expression
// is parsed once per request into a function the operation then applies per item, so a Query filter
// over a thousand items parses its filter once.
import { ok, type Result } from '../result.js';
import {
  applyUpdate as applyUpdateAst,
  checkExpressionAttributeUsage,
  evaluateCondition,
  matchesSortKey,
  parseCondition,
  parseKeyCondition,
  parseProjection,
  parseUpdate,
  project,
} from './expressions/index.js';
import type { AttributeDefinition, AttributeValue, Item, KeySchemaElement } from './model.js';

export interface ExpressionInputs {
  readonly names: Readonly<Record<string, string>> | undefined;
  readonly values: Readonly<Record<string, AttributeValue>> | undefined;
}

/** A parsed key condition: the partition key value, and a test on the sort key value. */
export interface KeyConditionTest {
  readonly partitionValue: AttributeValue;
  readonly matchesSortKey: (value: AttributeValue | undefined) => boolean;
}

export type ItemTest = (item: Item | undefined) => boolean;
export type ItemProjection = (item: Item) => Item;

const EMPTY_ITEM: Item = {};
const ALWAYS: ItemTest = () => true;
const WHOLE_ITEM: ItemProjection = (item) => item;

/** A ConditionExpression or FilterExpression as a test (an absent item is tested as `{}`); none = always true. */
export function prepareCondition(
  expression: string | undefined,
  inputs: ExpressionInputs,
  kind: 'ConditionExpression' | 'FilterExpression' = 'ConditionExpression',
): Result<ItemTest> {
  if (expression === undefined) return ok(ALWAYS);
  const parsed = parseCondition(expression, inputs.names ?? {}, inputs.values ?? {}, kind);
  if (!parsed.ok) return parsed;
  const ast = parsed.value;
  return ok((item) => evaluateCondition(ast, item ?? EMPTY_ITEM));
}

/** Whether `item` (undefined = no item) satisfies a ConditionExpression; no expression = true. */
export function checkCondition(expression: string | undefined, inputs: ExpressionInputs, item: Item | undefined): Result<boolean> {
  const test = prepareCondition(expression, inputs);
  return test.ok ? ok(test.value(item)) : test;
}

/** A ProjectionExpression as a function; none = the whole item. */
export function prepareProjection(expression: string | undefined, inputs: ExpressionInputs): Result<ItemProjection> {
  if (expression === undefined) return ok(WHOLE_ITEM);
  const parsed = parseProjection(expression, inputs.names ?? {});
  if (!parsed.ok) return parsed;
  const paths = parsed.value;
  return ok((item) => project(item, paths));
}

/** The item after an UpdateExpression (`item` undefined: the update starts from the key alone). */
export function applyUpdate(expression: string, inputs: ExpressionInputs, item: Item | undefined, key: Item): Result<Item> {
  const parsed = parseUpdate(expression, inputs.names ?? {}, inputs.values ?? {});
  return parsed.ok ? applyUpdateAst(parsed.value, item ?? key) : parsed;
}

export function prepareKeyCondition(
  expression: string,
  inputs: ExpressionInputs,
  keySchema: readonly KeySchemaElement[],
  definitions: readonly AttributeDefinition[],
): Result<KeyConditionTest> {
  const parsed = parseKeyCondition(expression, inputs.names ?? {}, inputs.values ?? {}, keySchema, definitions);
  if (!parsed.ok) return parsed;
  const sortKey = parsed.value.sortKey;
  return ok({
    partitionValue: parsed.value.partitionValue,
    matchesSortKey: (value) => sortKey === undefined || (value !== undefined && matchesSortKey(sortKey.predicate, value)),
  });
}

/** DynamoDB refuses placeholders that none of the request's expressions uses. */
export function checkUsage(inputs: ExpressionInputs, expressions: readonly (string | undefined)[]): Result<true> {
  return checkExpressionAttributeUsage({ expressions, names: inputs.names, values: inputs.values });
}
