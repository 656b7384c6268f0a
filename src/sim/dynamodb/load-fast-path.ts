// The fast path of `sim load` for PutItem and GetItem (docs/dynamodb.md, "Speed"). A load sends one
// command millions of times; only the {{n}} / {{rand N}} placeholders change between its requests. So
// the request is compiled once: everything that cannot depend on a placeholder (table, options, key
// types, the 400 KB and key-size limits, attribute shapes) is checked here against the largest and
// smallest values the placeholders can take, and each request then only builds its item or key and
// runs the same capacity and write steps the operation runs (`takeTableUnits`, `applyItemWrite`). A
// run of requests the engine hands over at once (`runBatch`) goes through the quiet loops of
// load-quiet-batch.ts when the table allows it, else request by request. A template this file cannot
// prove valid for every request is refused: the sandbox then runs `putItem` / `getItem` on each filled
// request, which stays the reference (property tests hold the paths equal). The contract is
// src/sim/load-request.ts.
import { fail, ok, type Result } from '../result.js';
import type { LimitType } from './throughput/charge.js';
import type { Direction } from './throughput/meter.js';
import type { LoadBatch, LoadTemplate, PreparedLoadRequest } from '../load-request.js';
import type { RandomStream } from '../rng.js';
import type { World } from '../world.js';
import { itemWriteUnits, readUnits } from './capacity.js';
import { checkMrscWrite } from './global-tables.js';
import { applyItemWrite } from './item-changes.js';
import { itemSizeBytes, rememberItemSize, sizeOrZero } from './item-size.js';
import { buildItem, builtItemBytes, builtKeyEntry, compileItem, hasPlaceholders, type CompiledItem } from './load-item-template.js';
import { checkItemKeys, checkKey, partitionKeyName, scalarText } from './keys.js';
import { MAX_ITEM_SIZE_BYTES } from './limits.js';
import { itemKeyString, type BillingMode, type Item, type TableState } from './model.js';
import { RETURN_CONSUMED_CAPACITY_CHOICES } from './consumed.js';
import { requireItem } from './request.js';
import { lookUpTable } from './state.js';
import { takeTableUnits, throttleAnswer } from './write-path.js';
import { isQuietTable, quietGets, quietPuts, SUCCEEDED } from './load-quiet-batch.js';


/** The members a compiled request may have beside its item or key, none with placeholders. */
function optionsAreFixed(template: LoadTemplate, member: 'Item' | 'Key', allowed: readonly string[]): boolean {
  const request = template.request;
  for (const name in request) {
    if (name === member) continue;
    if (!allowed.includes(name) || hasPlaceholders(request[name], template)) return false;
  }
  const mode = request.ReturnConsumedCapacity;
  return mode === undefined || (RETURN_CONSUMED_CAPACITY_CHOICES as readonly unknown[]).includes(mode);
}

/** The table as compiled, with what its checks depend on; a request whose table differs runs the slow way. */
function tableGuard(world: World, template: LoadTemplate): ((world: World) => boolean) | undefined {
  const tableName = template.request.TableName;
  const table = typeof tableName === 'string' ? lookUpTable(world, world.region, tableName) : undefined;
  if (table === undefined || typeof tableName !== 'string' || table.indexes.length > 0) return undefined;
  const { keySchema, attributeDefinitions } = table;
  return (now) =>
    lookUpTable(now, now.region, tableName) === table && table.indexes.length === 0 && table.keySchema === keySchema && table.attributeDefinitions === attributeDefinitions;
}

type Member = 'Item' | 'Key';

/** Compiles the request's item or key and checks both samples as the operation would; undefined when any check fails. */
function compileChecked(template: LoadTemplate, table: TableState, member: Member, allowed: readonly string[], check: (table: TableState, sample: Item) => Result<Item>): CompiledItem | undefined {
  const compiled = compileItem(template.request[member], template, table.keySchema.map((element) => element.AttributeName));
  if (compiled === undefined || !optionsAreFixed(template, member, allowed)) return undefined;
  for (const sample of [compiled.shortest, compiled.longest]) {
    if (!requireItem({ [member]: sample }, member).ok || !check(table, sample).ok) return undefined;
  }
  return compiled;
}

/** One request's step: the units it consumed when it succeeded, else its failure. */
type Step = (now: World, built: Item) => number | Result<unknown>;

/** The sandbox's shape around one operation's per-request step: build, remember for a retry, report units. */
/** A batch's tight loop when the world allows it (load-quiet-batch.ts): how many requests it ran, or undefined. */
type QuietLoop = (now: World, batch: LoadBatch) => number | undefined;

function preparedLoad(template: LoadTemplate, member: Member, compiled: CompiledItem, canRun: (world: World) => boolean, step: Step, quiet: QuietLoop): PreparedLoadRequest {
  let last: Item = compiled.base;
  let units = 0;
  const run = (now: World, n: number, random: RandomStream): Result<unknown> => {
    last = buildItem(compiled, n, random);
    const outcome = step(now, last);
    if (typeof outcome !== 'number') {
      units = 0;
      return outcome;
    }
    units = outcome;
    return SUCCEEDED;
  };
  const runBatch = (now: World, batch: LoadBatch): number => {
    const ran = canRun(now) ? quiet(now, batch) : undefined;
    if (ran !== undefined) return ran;
    const firstN = batch.firstN;
    const endN = firstN + batch.count;
    let n = firstN;
    // Each request exactly as the engine would issue it alone; a timer due first, or a changed table, ends the batch.
    for (; n < endN; n++) {
      const timeMs = batch.timeMsOf(n);
      if (now.clock.nextDueMs() <= timeMs || !canRun(now)) break;
      if (timeMs > now.nowMs) now.advanceTo(timeMs);
      const result = run(now, n, batch.random);
      batch.settle(result, units);
    }
    return n - firstN;
  };
  return { canRun, run, unitsConsumed: () => units, lastRequest: () => ({ ...template.request, [member]: last }), runBatch };
}

/**
 * The answer to a request the table refused, made once per billing mode and limit (what
 * `throttleError` builds; the throttle itself is counted by `takeTableUnits`). The load engine reads
 * only its name and `retryable`, so sharing one changes nothing it records.
 */
function throttleAnswers(table: TableState, direction: Direction): (limit: LimitType) => Result<unknown> {
  const answers: Record<BillingMode, Map<LimitType, Result<unknown>>> = { PROVISIONED: new Map(), PAY_PER_REQUEST: new Map() };
  return (limit) => {
    const forMode = answers[table.throughput.mode];
    let answer = forMode.get(limit);
    if (answer === undefined) {
      answer = fail(throttleAnswer(table.throughput, direction, limit, table));
      forMode.set(limit, answer);
    }
    return answer;
  };
}

function preparePut(template: LoadTemplate, table: TableState, canRun: (world: World) => boolean): PreparedLoadRequest | undefined {
  const item = compileChecked(template, table, 'Item', ['TableName', 'ReturnConsumedCapacity'], checkItemKeys);
  if (item === undefined || itemSizeBytes(item.longest) + item.sizeMarginBytes > MAX_ITEM_SIZE_BYTES) return undefined; // DDB-03
  const partitionKey = partitionKeyName(table.keySchema);
  const throttled = throttleAnswers(table, 'write');
  const quiet: QuietLoop = (now, batch) => (isQuietTable(now, table) ? quietPuts(now, batch, table, item, throttled) : undefined);
  return preparedLoad(template, 'Item', item, canRun, (now, newImage) => {
    // From here on exactly `putItem` after its checks: conditionalWrite without a condition, and
    // `chargeItemWrite` on a table without indexes (no LSI collection limit, no GSI, no LSI units).
    const newBytes = builtItemBytes();
    const entry = builtKeyEntry(item, table);
    const keyString = entry?.keyString ?? itemKeyString(table.keySchema, newImage);
    const oldImage = table.items.get(keyString);
    // The write path asks both sizes (limit, units, TableSizeBytes): the memo's two slots answer them.
    if (oldImage !== undefined && oldImage === entry?.item) rememberItemSize(oldImage, entry.itemBytes);
    rememberItemSize(newImage, newBytes);
    const mrsc = checkMrscWrite(now, table.region, table.name, newImage); // DDB-21
    if (!mrsc.ok) return mrsc;
    const units = itemWriteUnits(sizeOrZero(oldImage), newBytes); // DDB-02
    const limit = takeTableUnits(now.nowMs, table, 'write', scalarText(newImage[partitionKey]), units);
    if (limit !== undefined) return throttled(limit);
    applyItemWrite(now, table, newImage, newImage, 'user', keyString);
    if (entry !== undefined) {
      entry.item = newImage;
      entry.itemBytes = newBytes;
    }
    return units;
  }, quiet);
}

function prepareGet(template: LoadTemplate, table: TableState, canRun: (world: World) => boolean): PreparedLoadRequest | undefined {
  const consistentRead = template.request.ConsistentRead;
  if (consistentRead !== undefined && typeof consistentRead !== 'boolean') return undefined;
  const key = compileChecked(template, table, 'Key', ['TableName', 'ReturnConsumedCapacity', 'ConsistentRead'], checkKey);
  if (key === undefined) return undefined;
  const consistency = consistentRead === true ? 'strong' : 'eventual';
  const partitionKey = partitionKeyName(table.keySchema);
  const throttled = throttleAnswers(table, 'read');
  const quiet: QuietLoop = (now, batch) => quietGets(now, batch, table, key, consistency, throttled);
  return preparedLoad(template, 'Key', key, canRun, (now, requestKey) => {
    // Exactly `getItem` after its checks (`chargeRead` on the table), without a projection or a response.
    const item = table.items.get(builtKeyEntry(key, table)?.keyString ?? itemKeyString(table.keySchema, requestKey));
    const units = readUnits(sizeOrZero(item), consistency); // DDB-01
    const limit = takeTableUnits(now.nowMs, table, 'read', scalarText(requestKey[partitionKey]), units);
    return limit === undefined ? units : throttled(limit);
  }, quiet);
}

/** `LoadMeterSpec.prepare` for DynamoDB: PutItem and GetItem on a table without secondary indexes. */
export function prepareDynamoDbLoad(world: World, template: LoadTemplate): PreparedLoadRequest | undefined {
  if (template.operation !== 'PutItem' && template.operation !== 'GetItem') return undefined;
  const canRun = tableGuard(world, template);
  const table = canRun === undefined ? undefined : lookUpTable(world, world.region, template.request.TableName as string);
  if (canRun === undefined || table === undefined) return undefined;
  return template.operation === 'PutItem' ? preparePut(template, table, canRun) : prepareGet(template, table, canRun);
}
