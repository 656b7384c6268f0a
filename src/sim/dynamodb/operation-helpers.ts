// Pieces every item operation shares: reading the common request members, recording the outcome in
// the trace, and the conditional write sequence (condition → capacity → applyItemWrite).
import { fail, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import { itemWriteUnits } from './capacity.js';
import { addConsumed, consumedCapacity, totalUnits, RETURN_CONSUMED_CAPACITY_CHOICES, type ConsumedUnits, type ReturnConsumedCapacity } from './consumed.js';
import { conditionFailed } from './errors.js';
import { checkCondition, checkUsage, type ExpressionInputs } from './expression-adapter.js';
import { applyItemWrite } from './item-changes.js';
import { sizeOrZero } from './item-size.js';
import type { AttributeValue, ChangeCause, Item, TableState } from './model.js';
import { attributeValueProblem } from './attribute-values.js';
import { constraintError, isRecord, optionalChoice } from './request.js';
import { chargeFailedWrite, chargeItemWrite } from './write-path.js';
import { checkMrscWrite } from './global-tables.js';

type Request = Readonly<Record<string, unknown>>;

export function expressionInputs(request: Request): ExpressionInputs {
  const names = request.ExpressionAttributeNames;
  const values = request.ExpressionAttributeValues;
  return {
    names: isRecord(names) ? (names as Readonly<Record<string, string>>) : undefined,
    values: isRecord(values) ? (values as Readonly<Record<string, AttributeValue>>) : undefined,
  };
}

export function optionalExpression(request: Request, member: string): string | undefined {
  const value = request[member];
  return typeof value === 'string' ? value : undefined;
}

const NO_PLACEHOLDERS: Result<true> = { ok: true, value: true };

/** Every placeholder given must be used by one of the request's expressions (checked before anything runs). */
export function checkExpressions(request: Request, members: readonly string[]): Result<true> {
  if (request.ExpressionAttributeNames === undefined && request.ExpressionAttributeValues === undefined) return NO_PLACEHOLDERS;
  const values = request.ExpressionAttributeValues;
  if (values !== undefined && !isRecord(values)) return fail(constraintError('ExpressionAttributeValues', values, 'Member must be a map'));
  for (const name in values) {
    const problem = attributeValueProblem(values[name]);
    if (problem !== undefined) return fail(problem);
  }
  const names = request.ExpressionAttributeNames;
  if (names !== undefined && (!isRecord(names) || Object.values(names).some((name) => typeof name !== 'string'))) {
    return fail(constraintError('ExpressionAttributeNames', names, 'Member must be a map of strings'));
  }
  return checkUsage(expressionInputs(request), members.map((member) => optionalExpression(request, member)));
}

export function returnConsumedCapacityOf(request: Request): Result<ReturnConsumedCapacity> {
  return optionalChoice(request, 'ReturnConsumedCapacity', RETURN_CONSUMED_CAPACITY_CHOICES, 'NONE');
}

/** Adds ConsumedCapacity to a response when asked for. */
export function withConsumed<T extends Record<string, unknown>>(response: T, consumed: ConsumedUnits, mode: ReturnConsumedCapacity): T {
  const shaped = consumedCapacity(consumed, mode);
  if (shaped !== undefined) (response as Record<string, unknown>).ConsumedCapacity = shaped;
  return response;
}

/** Appends the operation's outcome to the trace: table, units consumed, and the error name if any. */
export function recordItemOperation(world: World, operation: string, tableName: unknown, error: AwsError | undefined, consumed: ConsumedUnits | undefined): void {
  // Built without spreads: this runs once per request, also under `sim load`.
  const detail: Record<string, unknown> = {
    tableName: typeof tableName === 'string' ? tableName : null,
    consumedCapacityUnits: consumed === undefined ? 0 : totalUnits(consumed),
  };
  const reasons = error?.details?.ThrottlingReasons;
  if (reasons !== undefined) detail.throttlingReasons = reasons;
  world.record({ service: 'dynamodb', operation, outcome: error === undefined ? 'ok' : error.name, detail });
}

export function failed<T>(world: World, operation: string, tableName: unknown, error: AwsError, consumed?: ConsumedUnits): Result<T> {
  recordItemOperation(world, operation, tableName, error, consumed);
  return fail(error);
}

export interface WriteStep {
  readonly table: TableState;
  readonly key: Item;
  /** `itemKeyString` of the key, with which the caller looked the old item up. */
  readonly keyString: string;
  readonly oldImage: Item | undefined;
  readonly newImage: Item | undefined;
}

const CONDITION_HOLDS: Result<boolean> = { ok: true, value: true };

/** Item returned with ConditionalCheckFailedException when ReturnValuesOnConditionCheckFailure = ALL_OLD. */
function conditionFailure(request: Request, oldImage: Item | undefined): AwsError {
  return request.ReturnValuesOnConditionCheckFailure === 'ALL_OLD' && oldImage !== undefined ? conditionFailed(oldImage) : conditionFailed();
}

/**
 * The conditional write every single-item write shares. A false condition still consumes the table's
 * write units (DDB-02); a throttle takes nothing; success stores the item through `applyItemWrite`.
 */
export function conditionalWrite(world: World, operation: string, step: WriteStep, request: Request, cause: ChangeCause = 'user'): Result<ConsumedUnits> {
  const { table, key, oldImage, newImage } = step;
  const expression = optionalExpression(request, 'ConditionExpression');
  const condition = expression === undefined ? CONDITION_HOLDS : checkCondition(expression, expressionInputs(request), oldImage);
  if (!condition.ok) return failed(world, operation, table.name, condition.error);
  if (!condition.value) {
    const units = itemWriteUnits(sizeOrZero(oldImage), sizeOrZero(newImage));
    const charged = chargeFailedWrite(world.nowMs, table, key, units);
    if (!charged.ok) return failed(world, operation, table.name, charged.error);
    return failed(world, operation, table.name, conditionFailure(request, oldImage), charged.value);
  }
  const mrsc = checkMrscWrite(world, table.region, table.name, key, operation); // DDB-21; records its own event
  if (!mrsc.ok) return fail(mrsc.error);
  const charged = chargeItemWrite(world.nowMs, table, key, oldImage, newImage, false);
  if (!charged.ok) return failed(world, operation, table.name, charged.error);
  applyItemWrite(world, table, key, newImage, cause, step.keyString);
  recordItemOperation(world, operation, table.name, undefined, charged.value);
  return charged;
}

/** Totals per table for batch answers (ConsumedCapacity is a list there, one entry per table). */
export function consumedList(totals: ReadonlyMap<string, ConsumedUnits>, mode: ReturnConsumedCapacity): Record<string, unknown>[] | undefined {
  if (mode === 'NONE') return undefined;
  return [...totals.keys()].sort().map((name) => consumedCapacity(totals.get(name) as ConsumedUnits, mode) as Record<string, unknown>);
}

export function addToTotals(totals: Map<string, ConsumedUnits>, consumed: ConsumedUnits): void {
  const existing = totals.get(consumed.tableName);
  if (existing === undefined) totals.set(consumed.tableName, { tableName: consumed.tableName, tableUnits: 0 });
  addConsumed(totals.get(consumed.tableName) as ConsumedUnits, consumed);
}

