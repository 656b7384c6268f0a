// The seam between the core operations and the expression module (branch wip/ddb-expr,
// `src/sim/dynamodb/expressions/`). Operations call only these functions; until the expression
// module is merged, any expression is refused with a ValidationException that says so.
import { fail, ok, validationError, type Result } from '../result.js';
import type { AttributeValue, Item, KeySchemaElement } from './model.js';

export interface ExpressionInputs {
  readonly names: Readonly<Record<string, string>> | undefined;
  readonly values: Readonly<Record<string, AttributeValue>> | undefined;
}

/** A parsed key condition: the partition key value, and a test on the sort key value. */
export interface KeyCondition {
  readonly partitionValue: AttributeValue;
  readonly matchesSortKey: (value: AttributeValue | undefined) => boolean;
}

const notAvailable = <T>(kind: string): Result<T> => fail(validationError(`${kind} expressions are not available in this build of the simulator yet`));

/** Whether `item` (undefined = no item) satisfies a ConditionExpression; no expression = true. */
export function checkCondition(expression: string | undefined, _inputs: ExpressionInputs, _item: Item | undefined): Result<boolean> {
  return expression === undefined ? ok(true) : notAvailable('Condition');
}

/** Whether a FilterExpression keeps `item`; no expression = true. */
export function checkFilter(expression: string | undefined, _inputs: ExpressionInputs, _item: Item): Result<boolean> {
  return expression === undefined ? ok(true) : notAvailable('Filter');
}

/** The item after an UpdateExpression (`item` undefined: the update creates it from `key`). */
export function applyUpdate(_expression: string, _inputs: ExpressionInputs, _item: Item | undefined, _key: Item): Result<Item> {
  return notAvailable('Update');
}

/** The attributes a ProjectionExpression keeps; no expression = the whole item. */
export function projectItem(expression: string | undefined, _inputs: ExpressionInputs, item: Item): Result<Item> {
  return expression === undefined ? ok(item) : notAvailable('Projection');
}

export function parseKeyCondition(_expression: string, _inputs: ExpressionInputs, _keySchema: readonly KeySchemaElement[]): Result<KeyCondition> {
  return notAvailable('Key condition');
}
