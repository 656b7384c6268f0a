// The item (or key) template of a compiled `sim load` request (load-fast-path.ts): its placeholders
// compiled to fills, its fixed bytes counted once, the two samples the compile-time checks run on, and
// the per-key cache of key strings and last-stored items. docs/dynamodb.md, "Speed".
import type { LoadPlaceholderText, LoadTemplate } from '../load-request.js';
import type { RandomStream } from '../rng.js';
import { attributeValueBytes, numberBytes, utf8Bytes } from './item-size.js';
import { itemKeyString, type AttributeValue, type Item, type TableState } from './model.js';
import { partitionKeyName } from './keys.js';
import { isRecord } from './request.js';

/** `{{rand N}}` values are cached per drawn number (one shared attribute value each) up to this N. */
const MAX_CACHED_RAND = 65_536;

/** Numbers with placeholders stay plain integers of at most this many digits: always valid (DDB-03). */
const MAX_NUMBER_DIGITS = 15;

/**
 * One value a `{{rand N}}` fill can take (N ≤ 65,536), made once and shared by every request that
 * draws it: the attribute value with its size, its scalar text, and the memos the batch loops keep
 * per value (load-quiet-batch.ts): the key range it hashed to for a partition count, and, when this
 * attribute is the table's whole key, its key string and the item this load stored under it last.
 */
export interface CachedValue {
  readonly value: AttributeValue;
  /** `attributeValueBytes(value)` (DDB-03). */
  readonly bytes: number;
  /** `scalarText(value)`: the partition key text when this attribute is the partition key. */
  readonly text: string;
  /** Key-range memo (throughput/charge-run.ts): the range for `rangeCount` partitions; -1 before the first. */
  rangeCount: number;
  range: number;
  /** An item stored under this key (this load's last, or one read there), with its size; its key string once asked for. */
  keyString: string | undefined;
  item: Item | undefined;
  itemBytes: number;
  /** When this equals the template's `knowledge.epoch`, `item` is what the table holds under this key now (undefined: nothing). */
  knownEpoch: number;
}

/**
 * What a quiet batch may trust of the table between batches (load-quiet-batch.ts): the values whose
 * `knownEpoch` is `epoch`. A new epoch starts when `itemWritesSoFar()` moved since `writesSeen`.
 */
export interface TableKnowledge {
  epoch: number;
  writesSeen: number;
}

/** How one placeholder attribute is filled: from the per-value cache (`cache` set) or as fresh text. */
export interface FillPlan {
  readonly type: 'S' | 'N';
  readonly text: LoadPlaceholderText;
  /** N of a cached `{{rand N}}`; 0 when the value is built fresh for each request. */
  readonly slot: number;
  readonly cache: (CachedValue | undefined)[] | undefined;
}

export interface CompiledItem {
  /** The template map: attributes without placeholders are shared with every request, as the slow path shares them. */
  readonly base: Item;
  readonly names: readonly string[];
  readonly plans: readonly FillPlan[];
  /** Bytes of the template's fixed attributes (names included), and of each filled attribute's name (DDB-03). */
  readonly fixedBytes: number;
  readonly nameBytes: readonly number[];
  /** The plan filling the partition key from a cache (-1: none), and whether that attribute is the whole key. */
  readonly partitionPlan: number;
  readonly isWholeKey: boolean;
  /** Two samples with every placeholder at its shortest and longest text, for the checks made once. */
  readonly shortest: Item;
  readonly longest: Item;
  /** Bytes the longest request can add over `longest` (numbers whose trailing literal zeros hide digits). */
  readonly sizeMarginBytes: number;
  readonly knowledge: TableKnowledge;
}

const digitsOf = (value: number): number => String(Math.max(0, value)).length;

function fillText(text: LoadPlaceholderText, n: number, random: RandomStream): string {
  if (text.slots.length === 1) {
    const slot = text.slots[0] as number;
    return (text.literals[0] as string) + (slot === 0 ? n : random.nextInt(slot)) + (text.literals[1] as string);
  }
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

function planOf(type: 'S' | 'N', text: LoadPlaceholderText): FillPlan {
  return isCachedFill(text) ? { type, text, slot: text.slots[0] as number, cache: [] } : { type, text, slot: 0, cache: undefined };
}

/** The shared value of a cached plan for the drawn number. */
export function cachedValue(plan: FillPlan, drawn: number): CachedValue {
  const cache = plan.cache as (CachedValue | undefined)[];
  let cached = cache[drawn];
  if (cached === undefined) {
    const text = (plan.text.literals[0] as string) + drawn + (plan.text.literals[1] as string);
    const value = (plan.type === 'S' ? { S: text } : { N: text }) as AttributeValue;
    cached = { value, bytes: attributeValueBytes(value), text, rangeCount: -1, range: 0, keyString: undefined, item: undefined, itemBytes: 0, knownEpoch: -1 };
    cache[drawn] = cached;
  }
  return cached;
}

/** A value built fresh for request n (placeholders filled in order, drawing from `random`); its bytes in `freshBytes`. */
export function freshValue(plan: FillPlan, n: number, random: RandomStream): AttributeValue {
  const text = fillText(plan.text, n, random);
  // attributeValueBytes of the value, without asking which type it is (DDB-03).
  if (plan.type === 'S') {
    freshBytes = utf8Bytes(text);
    return { S: text };
  }
  freshBytes = numberBytes(text);
  return { N: text };
}

/** The size of the value `freshValue` returned last (a second answer without allocating one). */
let freshBytes = 0;

export const freshValueBytes = (): number => freshBytes;

export function hasPlaceholders(value: unknown, template: LoadTemplate): boolean {
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
export function compileItem(value: unknown, template: LoadTemplate, keyNames: readonly string[]): CompiledItem | undefined {
  if (!isRecord(value)) return undefined;
  const names: string[] = [];
  const plans: FillPlan[] = [];
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
    plans.push(planOf(type, text));
    shortest[name] = { [type]: sampleText(text, template.maxN, false) };
    longest[name] = { [type]: sampleText(text, template.maxN, true) };
  }
  let fixedBytes = 0;
  for (const name in value) if (!names.includes(name)) fixedBytes += utf8Bytes(name) + attributeValueBytes(value[name] as AttributeValue);
  const keyPlan = names.indexOf(keyNames[0] ?? '');
  const partitionPlan = keyPlan >= 0 && plans[keyPlan]?.cache !== undefined ? keyPlan : -1;
  return { base: value as Item, names, plans, fixedBytes, nameBytes: names.map(utf8Bytes), partitionPlan, isWholeKey: keyNames.length === 1, shortest: shortest as Item, longest: longest as Item, sizeMarginBytes, knowledge: { epoch: 0, writesSeen: -1 } };
}

/** The item (or key) from its filled values (`values[i]` for `plans[i]`), attributes in template order. */
export function assembleItem(compiled: CompiledItem, values: readonly AttributeValue[]): Item {
  // A copy of the template keeps its attribute order; the filled attributes are then replaced in place.
  const item: Record<string, AttributeValue> = { ...compiled.base };
  const names = compiled.names;
  for (let i = 0; i < names.length; i++) item[names[i] as string] = values[i] as AttributeValue;
  return item;
}

const builtValues: AttributeValue[] = [];

/** Request n's item (or key), its size remembered for the write path (the same sum `itemSizeBytes` makes). */
export function buildItem(compiled: CompiledItem, n: number, random: RandomStream): Item {
  let bytes = compiled.fixedBytes;
  builtPartition = undefined;
  // Placeholders are filled in the template's order, as the slow path's template builder draws them.
  for (let i = 0; i < compiled.plans.length; i++) {
    const plan = compiled.plans[i] as FillPlan;
    let value: AttributeValue;
    if (plan.cache === undefined) {
      value = freshValue(plan, n, random);
      bytes += (compiled.nameBytes[i] as number) + freshBytes;
    } else {
      const cached = cachedValue(plan, random.nextInt(plan.slot));
      if (i === compiled.partitionPlan) builtPartition = cached;
      value = cached.value;
      bytes += (compiled.nameBytes[i] as number) + cached.bytes;
    }
    builtValues[i] = value;
  }
  builtBytes = bytes;
  return assembleItem(compiled, builtValues);
}

/** The size of the item `buildItem` returned last, and its cached partition key value (second answers without allocating). */
let builtBytes = 0;
let builtPartition: CachedValue | undefined;

export const builtItemBytes = (): number => builtBytes;

/**
 * The cached value of the key `buildItem` built last, when that attribute is the table's whole key
 * ({{rand N}}): its key string, built once (so the Map hashes it once), and the item this load stored
 * under it last with that item's size. When the table still holds that very item (identity: items are
 * immutable), the next write knows its old image's size.
 */
export function builtKeyEntry(compiled: CompiledItem, table: TableState): CachedValue | undefined {
  if (builtPartition === undefined || !compiled.isWholeKey) return undefined;
  return withKeyString(builtPartition, table);
}

/** Makes sure a whole-key cached value knows its key string (`itemKeyString` of the one-attribute key). */
export function withKeyString(cached: CachedValue, table: TableState): CachedValue {
  cached.keyString ??= itemKeyString(table.keySchema, { [partitionKeyName(table.keySchema)]: cached.value });
  return cached;
}
