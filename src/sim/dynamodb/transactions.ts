// TransactWriteItems and TransactGetItems (DDB-14..17): up to 100 actions on distinct items, all or
// nothing, every unit doubled, and ClientRequestToken idempotency for 10 minutes.
//
// What is modelled (docs/dynamodb.md): a transaction runs in one instant of virtual time, so no other
// request can ever see it in flight; TransactionConflictException and the TransactionConflict reason
// are therefore never produced. Capacity is checked against the table/GSI totals (not per partition),
// and a cancelled transaction consumes nothing. A ConditionCheck costs transactional read units.
import { fail, ok, validationError, type Result } from '../result.js';
import type { World } from '../world.js';
import { itemWriteUnits, readUnits } from './capacity.js';
import { addConsumed, type ConsumedUnits, type ReturnConsumedCapacity } from './consumed.js';
import { idempotentMismatch, itemTooLarge, transactionCanceled } from './errors.js';
import { applyUpdate, checkCondition, prepareProjection } from './expression-adapter.js';
import { applyItemWrite } from './item-changes.js';
import { itemSizeBytes, sizeOrZero } from './item-size.js';
import { indexWriteUnits } from './index-writes.js';
import { checkItemKeys, checkKey } from './keys.js';
import { IDEMPOTENCY_WINDOW_MS, MAX_ITEM_SIZE_BYTES, MAX_TRANSACTION_ACTIONS } from './limits.js';
import { itemKeyString, type Item, type TableState, type ThroughputState } from './model.js';
import { addToTotals, checkExpressions, consumedList, expressionInputs, failed, optionalExpression, recordItemOperation, returnConsumedCapacityOf } from './operation-helpers.js';
import { constraintError, isRecord, requireItem } from './request.js';
import { findTable } from './state.js';
import { checkCharge, commitCharge, noteThrottle } from './throughput/charge.js';
import type { Direction } from './throughput/meter.js';

type Request = Readonly<Record<string, unknown>>;
const WRITE_KINDS = ['ConditionCheck', 'Put', 'Delete', 'Update'] as const;
type WriteKind = (typeof WRITE_KINDS)[number];

interface TokenRecord {
  readonly fingerprint: string;
  readonly completedAtMs: number;
  readonly readUnitsByTable: Record<string, number>;
}

interface TransactionState {
  readonly tokens: Record<string, TokenRecord>;
}

const transactionState = (world: World): TransactionState => world.service<TransactionState>('dynamodb.transactions', () => ({ tokens: {} }));

interface Action {
  readonly kind: WriteKind | 'Get';
  readonly table: TableState;
  readonly key: Item;
  readonly oldImage: Item | undefined;
  readonly newImage: Item | undefined;
  readonly spec: Request;
}

function checkCount(items: unknown): Result<readonly unknown[]> {
  if (!Array.isArray(items)) return fail(constraintError('TransactItems', undefined, 'Member must not be null'));
  if (items.length < 1) return fail(constraintError('TransactItems', items, 'Member must have length greater than or equal to 1'));
  if (items.length > MAX_TRANSACTION_ACTIONS) {
    return fail(constraintError('TransactItems', items, `Member must have length less than or equal to ${MAX_TRANSACTION_ACTIONS}`));
  }
  return ok(items);
}

function parseAction(world: World, entry: unknown, kinds: readonly (WriteKind | 'Get')[]): Result<Action> {
  const kind = isRecord(entry) ? kinds.find((candidate) => isRecord(entry[candidate])) : undefined;
  if (kind === undefined) return fail(validationError(`Each transaction item must contain exactly one of: ${kinds.join(', ')}`));
  const spec = (entry as Request)[kind] as Request;
  const usage = checkExpressions(spec, ['ConditionExpression', 'UpdateExpression', 'ProjectionExpression']);
  if (!usage.ok) return usage;
  const table = findTable(world, spec.TableName);
  if (!table.ok) return table;
  const member = kind === 'Put' ? 'Item' : 'Key';
  const value = requireItem(spec, member);
  if (!value.ok) return value;
  const key = kind === 'Put' ? checkItemKeys(table.value, value.value) : checkKey(table.value, value.value);
  if (!key.ok) return key;
  const oldImage = table.value.items.get(itemKeyString(table.value.keySchema, key.value));
  const newImage = kind === 'Put' ? ok(value.value) : kind === 'Update' ? updated(spec, oldImage, key.value) : ok(kind === 'Delete' ? undefined : oldImage);
  if (!newImage.ok) return newImage;
  if (newImage.value !== undefined && itemSizeBytes(newImage.value) > MAX_ITEM_SIZE_BYTES) return fail(itemTooLarge());
  return ok({ kind, table: table.value, key: key.value, oldImage, newImage: newImage.value, spec });
}

function updated(spec: Request, oldImage: Item | undefined, key: Item): Result<Item> {
  const expression = optionalExpression(spec, 'UpdateExpression');
  return expression === undefined ? fail(validationError('UpdateExpression must be specified for an Update in a transaction')) : applyUpdate(expression, expressionInputs(spec), oldImage, key);
}

function parseActions(world: World, items: readonly unknown[], kinds: readonly (WriteKind | 'Get')[]): Result<Action[]> {
  const actions: Action[] = [];
  const seen = new Set<string>();
  for (const entry of items) {
    const action = parseAction(world, entry, kinds);
    if (!action.ok) return action;
    const identity = `${action.value.table.arn}\u0000${itemKeyString(action.value.table.keySchema, action.value.key)}`;
    if (seen.has(identity)) return fail(validationError('Transaction request cannot include multiple operations on one item'));
    seen.add(identity);
    actions.push(action.value);
  }
  return ok(actions);
}

interface Charge {
  readonly table: TableState;
  readonly throughput: ThroughputState;
  readonly direction: Direction;
  units: number;
}

/** DDB-15: every action's units doubled; collected per table/GSI so they can be checked together. */
function planCharges(actions: readonly Action[]): { charges: Charge[]; consumed: ConsumedUnits[] } {
  const byThroughput = new Map<ThroughputState, Charge>();
  const add = (table: TableState, throughput: ThroughputState, direction: Direction, units: number): void => {
    const charge = byThroughput.get(throughput) ?? { table, throughput, direction, units: 0 };
    charge.units += units;
    byThroughput.set(throughput, charge);
  };
  const consumed: ConsumedUnits[] = [];
  for (const { kind, table, oldImage, newImage } of actions) {
    if (kind === 'Get' || kind === 'ConditionCheck') {
      const units = readUnits(sizeOrZero(oldImage), 'transactional');
      add(table, table.throughput, 'read', units);
      consumed.push({ tableName: table.name, tableUnits: units });
      continue;
    }
    const units: ConsumedUnits = { tableName: table.name, tableUnits: itemWriteUnits(sizeOrZero(oldImage), sizeOrZero(newImage), true) };
    add(table, table.throughput, 'write', units.tableUnits);
    for (const index of table.indexes) {
      const indexUnits = indexWriteUnits(table, index, oldImage, newImage, true);
      if (indexUnits === 0) continue;
      const throughput = index.throughput ?? table.throughput;
      add(table, throughput, 'write', indexUnits);
      if (index.throughput === undefined) (units.lsiUnits ??= {})[index.name] = indexUnits;
      else (units.gsiUnits ??= {})[index.name] = indexUnits;
    }
    consumed.push(units);
  }
  return { charges: [...byThroughput.values()], consumed };
}

/** Cancellation codes in request order: conditions first, then capacity (DDB-17). */
function cancellationCodes(world: World, actions: readonly Action[], charges: readonly Charge[]): Result<string[]> {
  const codes: string[] = [];
  for (const action of actions) {
    const expression = optionalExpression(action.spec, 'ConditionExpression');
    if (action.kind === 'ConditionCheck' && expression === undefined) return fail(validationError('ConditionExpression must be specified for a ConditionCheck'));
    const passed = checkCondition(expression, expressionInputs(action.spec), action.oldImage);
    if (!passed.ok) return passed;
    codes.push(passed.value ? 'None' : 'ConditionalCheckFailed');
  }
  const throttled = new Set<ThroughputState>();
  for (const charge of charges) {
    if (checkCharge(charge.throughput, charge.direction, world.nowMs, null, 0, charge.units) === undefined) continue;
    noteThrottle(charge.throughput, charge.direction, world.nowMs);
    throttled.add(charge.table.throughput);
  }
  return ok(codes.map((code, i) => (code === 'None' && throttled.has((actions[i] as Action).table.throughput) ? 'ThrottlingError' : code)));
}

function tokenAnswer(world: World, token: string | undefined, fingerprint: string): Result<TokenRecord | undefined> {
  if (token === undefined) return ok(undefined);
  const record = transactionState(world).tokens[token];
  if (record === undefined || world.nowMs - record.completedAtMs >= IDEMPOTENCY_WINDOW_MS) return ok(undefined);
  return record.fingerprint === fingerprint ? ok(record) : fail(idempotentMismatch());
}

/** DDB-16: a repeated token inside 10 minutes answers success again, reporting read units only. */
function replayAnswer(record: TokenRecord, mode: 'TOTAL' | 'INDEXES' | 'NONE'): Record<string, unknown> {
  if (mode === 'NONE') return {};
  const tables = Object.keys(record.readUnitsByTable).sort();
  return { ConsumedCapacity: tables.map((name) => ({ TableName: name, CapacityUnits: record.readUnitsByTable[name], ReadCapacityUnits: record.readUnitsByTable[name] })) };
}

interface Prepared {
  readonly actions: Action[];
  readonly consumed: ConsumedUnits[];
}

/** Parses, checks conditions and capacity, and takes the units: the shared core of both operations. */
function prepare(world: World, operation: string, items: readonly unknown[], kinds: readonly (WriteKind | 'Get')[]): Result<Prepared> {
  const actions = parseActions(world, items, kinds);
  if (!actions.ok) return failed(world, operation, null, actions.error);
  const { charges, consumed } = planCharges(actions.value);
  const codes = cancellationCodes(world, actions.value, charges);
  if (!codes.ok) return failed(world, operation, null, codes.error);
  if (codes.value.some((code) => code !== 'None')) return failed(world, operation, null, transactionCanceled(codes.value));
  for (const charge of charges) commitCharge(charge.throughput, charge.direction, world.nowMs, null, charge.units);
  return ok({ actions: actions.value, consumed });
}

/** Records the operation and adds ConsumedCapacity (one entry per table) when asked. */
function finish(world: World, operation: string, consumed: readonly ConsumedUnits[], mode: ReturnConsumedCapacity, response: Record<string, unknown>): Result<Record<string, unknown>> {
  const totals = new Map<string, ConsumedUnits>();
  for (const units of consumed) addToTotals(totals, units);
  recordItemOperation(world, operation, [...totals.keys()].join(','), undefined, sumOf(totals));
  const list = consumedList(totals, mode);
  return ok(list === undefined ? response : { ...response, ConsumedCapacity: list });
}

export function transactWriteItems(world: World, request: Request): Result<Record<string, unknown>> {
  const mode = returnConsumedCapacityOf(request);
  if (!mode.ok) return failed(world, 'TransactWriteItems', null, mode.error);
  const items = checkCount(request.TransactItems);
  if (!items.ok) return failed(world, 'TransactWriteItems', null, items.error);
  const token = typeof request.ClientRequestToken === 'string' ? request.ClientRequestToken : undefined;
  const fingerprint = JSON.stringify(items.value);
  const previous = tokenAnswer(world, token, fingerprint);
  if (!previous.ok) return failed(world, 'TransactWriteItems', null, previous.error);
  if (previous.value !== undefined) {
    recordItemOperation(world, 'TransactWriteItems', null, undefined, undefined);
    return ok(replayAnswer(previous.value, mode.value));
  }
  const prepared = prepare(world, 'TransactWriteItems', items.value, WRITE_KINDS);
  if (!prepared.ok) return prepared;
  const { actions, consumed } = prepared.value;
  for (const action of actions) if (action.kind !== 'ConditionCheck') applyItemWrite(world, action.table, action.key, action.newImage, 'transaction');
  if (token !== undefined) rememberToken(world, token, fingerprint, actions);
  return finish(world, 'TransactWriteItems', consumed, mode.value, {});
}

function rememberToken(world: World, token: string, fingerprint: string, actions: readonly Action[]): void {
  const readUnitsByTable: Record<string, number> = {};
  for (const action of actions) readUnitsByTable[action.table.name] = (readUnitsByTable[action.table.name] ?? 0) + readUnits(sizeOrZero(action.newImage ?? action.oldImage), 'strong');
  const tokens = transactionState(world).tokens as Record<string, TokenRecord>;
  for (const [name, record] of Object.entries(tokens)) if (world.nowMs - record.completedAtMs >= IDEMPOTENCY_WINDOW_MS) delete tokens[name];
  tokens[token] = { fingerprint, completedAtMs: world.nowMs, readUnitsByTable };
}

function sumOf(totals: ReadonlyMap<string, ConsumedUnits>): ConsumedUnits {
  const sum: ConsumedUnits = { tableName: '', tableUnits: 0 };
  for (const units of totals.values()) addConsumed(sum, units);
  return sum;
}

/** DDB-15: every item read twice (prepare + commit), each rounded up to 4 KB on its own. */
export function transactGetItems(world: World, request: Request): Result<Record<string, unknown>> {
  const mode = returnConsumedCapacityOf(request);
  if (!mode.ok) return failed(world, 'TransactGetItems', null, mode.error);
  const items = checkCount(request.TransactItems);
  if (!items.ok) return failed(world, 'TransactGetItems', null, items.error);
  const prepared = prepare(world, 'TransactGetItems', items.value, ['Get']);
  if (!prepared.ok) return prepared;
  const responses: Record<string, unknown>[] = [];
  for (const action of prepared.value.actions) {
    if (action.oldImage === undefined) {
      responses.push({});
      continue;
    }
    const projection = prepareProjection(optionalExpression(action.spec, 'ProjectionExpression'), expressionInputs(action.spec));
    if (!projection.ok) return failed(world, 'TransactGetItems', null, projection.error);
    responses.push({ Item: projection.value(action.oldImage) });
  }
  return finish(world, 'TransactGetItems', prepared.value.consumed, mode.value, { Responses: responses });
}
