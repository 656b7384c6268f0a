// How big DynamoDB considers an item (DDB-01/02/03): the sum of attribute-name bytes and value bytes.
// Sizes drive capacity, the 400 KB limit and the 1 MB page, so they sit on the hot path of every
// request. Small items are measured each time (cheaper than a cache entry per fresh request object);
// items over 4 KB are cached by object identity (items are immutable values).
//
// Approximations (docs/dynamodb.md): AWS documents numbers only as "about 1 byte per two significant
// digits plus 1"; this model uses ceil(digits / 2) + 1 with leading/trailing zeros trimmed. Sets are
// counted as the sum of their elements (AWS gives no per-set overhead); lists and maps cost 3 bytes plus
// 1 byte per element, as documented.
import type { AttributeValue, Item } from './model.js';

const sizeCache = new WeakMap<Item, number>();

/** UTF-8 length without allocating: ASCII costs 1, then 2/3/4 bytes by code point. */
export function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 2; // a surrogate pair: 2 UTF-16 units → 4 bytes
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** Bytes of a number as DynamoDB stores it: about one byte per two significant digits, plus one. */
export function numberBytes(text: string): number {
  let first = -1;
  let last = -1;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 101 || code === 69) break; // e / E: the exponent does not count
    if (code < 48 || code > 57) continue;
    digits++;
    if (code !== 48) {
      if (first === -1) first = digits;
      last = digits;
    }
  }
  const significant = first === -1 ? 1 : last - first + 1;
  return Math.ceil(significant / 2) + 1;
}

/** Decoded length of a base64 string. */
export function base64Bytes(text: string): number {
  let padding = 0;
  if (text.endsWith('==')) padding = 2;
  else if (text.endsWith('=')) padding = 1;
  return Math.floor((text.length * 3) / 4) - padding;
}

export function attributeValueBytes(value: AttributeValue): number {
  if ('S' in value) return utf8Bytes(value.S);
  if ('N' in value) return numberBytes(value.N);
  if ('B' in value) return base64Bytes(value.B);
  if ('BOOL' in value || 'NULL' in value) return 1;
  if ('SS' in value) return sum(value.SS, utf8Bytes);
  if ('NS' in value) return sum(value.NS, numberBytes);
  if ('BS' in value) return sum(value.BS, base64Bytes);
  if ('L' in value) return 3 + sum(value.L, (element) => attributeValueBytes(element) + 1);
  let bytes = 3;
  for (const name in value.M) bytes += utf8Bytes(name) + attributeValueBytes(value.M[name] as AttributeValue) + 1;
  return bytes;
}

function sum<T>(values: readonly T[], bytesOf: (value: T) => number): number {
  let bytes = 0;
  for (const value of values) bytes += bytesOf(value);
  return bytes;
}

/** Above this many bytes a computed size is cached (measuring is then dearer than a WeakMap entry). */
const CACHE_FROM_BYTES = 4_096;

/** Size of a whole item (DDB-03: attribute names count). */
export function itemSizeBytes(item: Item): number {
  // One write asks for the sizes of the same old and new item several times (limit, capacity,
  // TableSizeBytes): two identity slots answer those without a WeakMap entry per request object.
  if (item === recentItems[0]) return recentSizes[0] as number;
  if (item === recentItems[1]) return recentSizes[1] as number;
  const cached = sizeCache.get(item);
  if (cached !== undefined) return cached;
  let bytes = 0;
  for (const name in item) bytes += utf8Bytes(name) + attributeValueBytes(item[name] as AttributeValue);
  rememberItemSize(item, bytes);
  return bytes;
}

/**
 * Tells the memo an item's size, measured by its caller part by part (`sim load`'s fast path knows
 * the bytes of the template's fixed attributes and measures only the filled ones). `bytes` must equal
 * what `itemSizeBytes` would compute; the fast path's property test holds that.
 */
export function rememberItemSize(item: Item, bytes: number): void {
  if (bytes > CACHE_FROM_BYTES) sizeCache.set(item, bytes);
  recentSlot ^= 1;
  recentItems[recentSlot] = item;
  recentSizes[recentSlot] = bytes;
}

// A code-side memo (never state): items are immutable, so an identity hit is always right.
const recentItems: (Item | undefined)[] = [undefined, undefined];
const recentSizes: number[] = [0, 0];
let recentSlot = 0;

/** Size of an optional item: a missing item weighs nothing (but reading it still costs, DDB-01). */
export function sizeOrZero(item: Item | undefined): number {
  return item === undefined ? 0 : itemSizeBytes(item);
}
