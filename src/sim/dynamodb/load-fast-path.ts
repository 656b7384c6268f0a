// The fast path of `sim load` for PutItem and GetItem (docs/dynamodb.md, "Speed"). A load sends one
// command millions of times; only the {{n}} / {{rand N}} placeholders change between its requests. So
// the request is compiled once: everything that cannot depend on a placeholder (table, options, key
// types, the 400 KB and key-size limits, attribute shapes) is checked here against the largest and
// smallest values the placeholders can take, and each request then only builds its item or key and
// runs the same capacity and write functions the operation runs (`chargeItemWrite`, `applyItemWrite`,
// `chargeRead`). A template this file cannot prove valid for every request is refused: the sandbox then
// runs `putItem` / `getItem` on each filled request, which stays the reference (a property test holds
// the two paths equal). The contract is src/sim/load-request.ts.
import { fail, ok, type Result } from '../result.js';
import type { LoadPlaceholderText, LoadTemplate, PreparedLoadRequest } from '../load-request.js';
import type { RandomStream } from '../rng.js';
import type { World } from '../world.js';
import { readUnits } from './capacity.js';
import { totalUnits, type ConsumedUnits } from './consumed.js';
import { checkMrscWrite } from './global-tables.js';
import { applyItemWrite } from './item-changes.js';
import { attributeValueBytes, itemSizeBytes, rememberItemSize, sizeOrZero, utf8Bytes } from './item-size.js';
import { checkItemKeys, checkKey, partitionKeyName, scalarText } from './keys.js';
import { MAX_ITEM_SIZE_BYTES } from './limits.js';
import { itemKeyString, type AttributeValue, type Item, type TableState } from './model.js';
import { RETURN_CONSUMED_CAPACITY_CHOICES } from './consumed.js';
import { isRecord, requireItem } from './request.js';
import { lookUpTable } from './state.js';
import { chargeItemWrite, chargeRead } from './write-path.js';

type Request = Readonly<Record<string, unknown>>;

/** One answer for every request that succeeds: the load engine reads only `ok`. */
const SUCCEEDED: Result<unknown> = ok(undefined);

/** `{{rand N}}` values are cached per drawn number (one shared attribute value each) up to this N. */
const MAX_CACHED_RAND = 65_536;

/** Numbers with placeholders stay plain integers of at most this many digits: always valid (DDB-03). */
const MAX_NUMBER_DIGITS = 15;

type Fill = (n: number, random: RandomStream) => AttributeValue;

interface CompiledItem {
  /** The template map: attributes without placeholders are shared with every request, as the slow path shares them. */
  readonly base: Item;
  readonly names: readonly string[];
  readonly fills: readonly Fill[];
  /** Bytes of the template's fixed attributes (names included), and of each filled attribute's name (DDB-03). */
  readonly fixedBytes: number;
  readonly nameBytes: readonly number[];
  /** For a single-attribute key filled from a cache: one entry per cached key value (see `KeyEntry`). */
  readonly keyStrings: Map<AttributeValue, KeyEntry> | undefined;
  readonly keyName: string;
  /** Two samples with every placeholder at its shortest and longest text, for the checks made once. */
  readonly shortest: Item;
  readonly longest: Item;
  /** Bytes the longest request can add over `longest` (numbers whose trailing literal zeros hide digits). */
  readonly sizeMarginBytes: number;
}

const digitsOf = (value: number): number => String(Math.max(0, value)).length;

function fillText(text: LoadPlaceholderText, n: number, random: RandomStream): string {
  let out = text.literals[0] as string;
  for (let i = 0; i < text.slots.length; i++) {
    const slot = text.slots[i] as number;
    out += slot === 0 ? n : random.nextInt(slot);
    out += text.literals[i + 1] as string;
  }
  return out;
}

function sampleText(text: LoadPlaceholderText, maxN: number, isLongest: boolean): string {
  let out = text.literals[0] as string;
  text.slots.forEach((slot, i) => {
    out += isLongest ? '9'.repeat(digitsOf(slot === 0 ? maxN : slot - 1)) : '1';
    out += text.literals[i + 1] as string;
  });
  return out;
}

function isCachedFill(text: LoadPlaceholderText): boolean {
  const slot = text.slots[0] as number;
  return text.slots.length === 1 && slot > 0 && slot <= MAX_CACHED_RAND;
}

function fillOf(type: 'S' | 'N', text: LoadPlaceholderText): Fill {
  const slot = text.slots[0] as number;
  if (isCachedFill(text)) {
    const cache: (AttributeValue | undefined)[] = [];
    const [before, after] = text.literals as [string, string];
    return (_n, random) => {
      const drawn = random.nextInt(slot);
      return (cache[drawn] ??= (type === 'S' ? { S: before + drawn + after } : { N: before + drawn + after }) as AttributeValue);
    };
  }
  return (n, random) => (type === 'S' ? { S: fillText(text, n, random) } : { N: fillText(text, n, random) });
}

function hasPlaceholders(value: unknown, template: LoadTemplate): boolean {
  if (typeof value === 'string') return template.placeholdersOf(value) !== undefined;
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some((child) => hasPlaceholders(child, template));
}

/** A number text that stays a plain integer of ≤ 15 digits whatever digits fill its placeholders. */
function isPlainNumber(text: LoadPlaceholderText, maxN: number): boolean {
  const literalDigits = text.literals.join('');
  if (!/^[0-9]*$/.test(literalDigits)) return false;
  const slotDigits = text.slots.reduce((sum, slot) => sum + digitsOf(slot === 0 ? maxN : slot - 1), 0);
  return literalDigits.length + slotDigits <= MAX_NUMBER_DIGITS;
}

/** Compiles an item or key map whose placeholders sit only in top-level S and N values. */
function compileItem(value: unknown, template: LoadTemplate, keyNames: readonly string[]): CompiledItem | undefined {
  if (!isRecord(value)) return undefined;
  const names: string[] = [];
  const fills: Fill[] = [];
  let keyStrings: Map<AttributeValue, KeyEntry> | undefined;
  const shortest: Record<string, unknown> = { ...value };
  const longest: Record<string, unknown> = { ...value };
  let sizeMarginBytes = 0;
  for (const [name, attribute] of Object.entries(value)) {
    if (!hasPlaceholders(attribute, template)) continue;
    if (!isRecord(attribute) || Object.keys(attribute).length !== 1) return undefined;
    const type = 'S' in attribute ? 'S' : 'N' in attribute ? 'N' : undefined;
    const text = type === undefined || typeof attribute[type] !== 'string' ? undefined : template.placeholdersOf(attribute[type]);
    if (type === undefined || text === undefined || (type === 'N' && !isPlainNumber(text, template.maxN))) return undefined;
    if (type === 'N') sizeMarginBytes += MAX_NUMBER_DIGITS;
    names.push(name);
    fills.push(fillOf(type, text));
    if (keyNames.length === 1 && keyNames[0] === name && isCachedFill(text)) keyStrings = new Map();
    shortest[name] = { [type]: sampleText(text, template.maxN, false) };
    longest[name] = { [type]: sampleText(text, template.maxN, true) };
  }
  let fixedBytes = 0;
  for (const name in value) if (!names.includes(name)) fixedBytes += utf8Bytes(name) + attributeValueBytes(value[name] as AttributeValue);
  const nameBytes = names.map(utf8Bytes);
  return { base: value as Item, names, fills, fixedBytes, nameBytes, keyStrings, keyName: keyNames[0] ?? '', shortest: shortest as Item, longest: longest as Item, sizeMarginBytes };
}

/** Request n's item (or key), its size remembered for the write path (the same sum `itemSizeBytes` makes). */
function buildItem(compiled: CompiledItem, n: number, random: RandomStream): Item {
  const item: Record<string, AttributeValue> = { ...compiled.base };
  let bytes = compiled.fixedBytes;
  // Placeholders are filled in the template's order, as the slow path's template builder draws them.
  for (let i = 0; i < compiled.names.length; i++) {
    const value = (compiled.fills[i] as Fill)(n, random);
    item[compiled.names[i] as string] = value;
    bytes += (compiled.nameBytes[i] as number) + attributeValueBytes(value);
  }
  builtBytes = bytes;
  return item;
}

/** The size of the item `buildItem` returned last (a second answer without allocating one). */
let builtBytes = 0;

/** `itemKeyString` of a built item, from the per-value cache when the key comes from one. */
function keyStringOf(compiled: CompiledItem, table: TableState, item: Item): string {
  return keyEntryOf(compiled, table, item)?.keyString ?? itemKeyString(table.keySchema, item);
}

/**
 * A key this load writes again and again ({{rand N}}): its key string, built once (so the Map hashes
 * it once), and the item this load stored under it last with that item's size. When the table still
 * holds that very item (identity: items are immutable), the next write knows its old image's size.
 */
interface KeyEntry {
  readonly keyString: string;
  item: Item | undefined;
  bytes: number;
}

function keyEntryOf(compiled: CompiledItem, table: TableState, item: Item): KeyEntry | undefined {
  const cache = compiled.keyStrings;
  if (cache === undefined) return undefined;
  const value = item[compiled.keyName] as AttributeValue;
  let entry = cache.get(value);
  if (entry === undefined) {
    entry = { keyString: itemKeyString(table.keySchema, item), item: undefined, bytes: 0 };
    cache.set(value, entry);
  }
  return entry;
}

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

/** The sandbox's shape around one operation's per-request step: build, remember for a retry, report units. */
function preparedLoad(template: LoadTemplate, member: Member, compiled: CompiledItem, canRun: (world: World) => boolean, step: (now: World, built: Item) => Result<ConsumedUnits>): PreparedLoadRequest {
  let last: Item = compiled.base;
  let units = 0;
  const run = (now: World, n: number, random: RandomStream): Result<unknown> => {
    last = buildItem(compiled, n, random);
    const charged = step(now, last);
    units = charged.ok ? totalUnits(charged.value) : 0;
    return charged.ok ? SUCCEEDED : charged;
  };
  return { canRun, run, unitsConsumed: () => units, lastRequest: () => ({ ...template.request, [member]: last }) };
}

function preparePut(template: LoadTemplate, table: TableState, canRun: (world: World) => boolean): PreparedLoadRequest | undefined {
  const item = compileChecked(template, table, 'Item', ['TableName', 'ReturnConsumedCapacity'], checkItemKeys);
  if (item === undefined || itemSizeBytes(item.longest) + item.sizeMarginBytes > MAX_ITEM_SIZE_BYTES) return undefined; // DDB-03
  return preparedLoad(template, 'Item', item, canRun, (now, newImage) => {
    // From here on exactly `putItem` after its checks: conditionalWrite without a condition.
    const newBytes = builtBytes;
    const entry = keyEntryOf(item, table, newImage);
    const keyString = entry?.keyString ?? itemKeyString(table.keySchema, newImage);
    const oldImage = table.items.get(keyString);
    // The write path asks both sizes (limit, units, TableSizeBytes): the memo's two slots answer them.
    if (oldImage !== undefined && oldImage === entry?.item) rememberItemSize(oldImage, entry.bytes);
    rememberItemSize(newImage, newBytes);
    const mrsc = checkMrscWrite(now, table.region, table.name, newImage); // DDB-21
    if (!mrsc.ok) return fail(mrsc.error);
    const charged = chargeItemWrite(now.nowMs, table, newImage, oldImage, newImage, false);
    if (!charged.ok) return charged;
    applyItemWrite(now, table, newImage, newImage, 'user', keyString);
    if (entry !== undefined) {
      entry.item = newImage;
      entry.bytes = newBytes;
    }
    return charged;
  });
}

function prepareGet(template: LoadTemplate, table: TableState, canRun: (world: World) => boolean): PreparedLoadRequest | undefined {
  const consistentRead = template.request.ConsistentRead;
  if (consistentRead !== undefined && typeof consistentRead !== 'boolean') return undefined;
  const key = compileChecked(template, table, 'Key', ['TableName', 'ReturnConsumedCapacity', 'ConsistentRead'], checkKey);
  if (key === undefined) return undefined;
  const consistency = consistentRead === true ? 'strong' : 'eventual';
  const partitionKey = partitionKeyName(table.keySchema);
  return preparedLoad(template, 'Key', key, canRun, (now, requestKey) => {
    // Exactly `getItem` after its checks, without a projection or a response.
    const item = table.items.get(keyStringOf(key, table, requestKey));
    return chargeRead(now.nowMs, table, undefined, scalarText(requestKey[partitionKey]), readUnits(sizeOrZero(item), consistency)); // DDB-01
  });
}

/** `LoadMeterSpec.prepare` for DynamoDB: PutItem and GetItem on a table without secondary indexes. */
export function prepareDynamoDbLoad(world: World, template: LoadTemplate): PreparedLoadRequest | undefined {
  if (template.operation !== 'PutItem' && template.operation !== 'GetItem') return undefined;
  const canRun = tableGuard(world, template);
  const table = canRun === undefined ? undefined : lookUpTable(world, world.region, template.request.TableName as string);
  if (canRun === undefined || table === undefined) return undefined;
  return template.operation === 'PutItem' ? preparePut(template, table, canRun) : prepareGet(template, table, canRun);
}
