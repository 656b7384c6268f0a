// The item (or key) template of a compiled `sim load` request (load-fast-path.ts): its placeholders
// compiled to fills, its fixed bytes counted once, the two samples the compile-time checks run on, and
// the per-key cache of key strings and last-stored items. docs/dynamodb.md, "Speed".
import type { LoadPlaceholderText, LoadTemplate } from '../load-request.js';
import type { RandomStream } from '../rng.js';
import { attributeValueBytes, utf8Bytes } from './item-size.js';
import { itemKeyString, type AttributeValue, type Item, type TableState } from './model.js';
import { isRecord } from './request.js';

/** `{{rand N}}` values are cached per drawn number (one shared attribute value each) up to this N. */
const MAX_CACHED_RAND = 65_536;

/** Numbers with placeholders stay plain integers of at most this many digits: always valid (DDB-03). */
const MAX_NUMBER_DIGITS = 15;

type Fill = (n: number, random: RandomStream) => AttributeValue;

export interface CompiledItem {
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
export function buildItem(compiled: CompiledItem, n: number, random: RandomStream): Item {
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

export const builtItemBytes = (): number => builtBytes;

/** `itemKeyString` of a built item, from the per-value cache when the key comes from one. */
export function keyStringOf(compiled: CompiledItem, table: TableState, item: Item): string {
  return keyEntryOf(compiled, table, item)?.keyString ?? itemKeyString(table.keySchema, item);
}

/**
 * A key this load writes again and again ({{rand N}}): its key string, built once (so the Map hashes
 * it once), and the item this load stored under it last with that item's size. When the table still
 * holds that very item (identity: items are immutable), the next write knows its old image's size.
 */
export interface KeyEntry {
  readonly keyString: string;
  item: Item | undefined;
  bytes: number;
}

export function keyEntryOf(compiled: CompiledItem, table: TableState, item: Item): KeyEntry | undefined {
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
