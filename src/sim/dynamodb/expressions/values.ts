// Attribute-value helpers shared by conditions, key conditions and updates: the type tag of a value,
// DynamoDB equality (sets ignore order, numbers compare as decimals) and ordering of scalars (numbers
// numerically, strings by UTF-8 bytes, binary by unsigned bytes).
import type { AttributeValue } from '../model.js';
import { compareNumbers } from './numbers.js';

export type AttributeTypeTag = 'S' | 'N' | 'B' | 'BOOL' | 'NULL' | 'SS' | 'NS' | 'BS' | 'L' | 'M';

export const ATTRIBUTE_TYPE_TAGS: readonly AttributeTypeTag[] = ['S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'L', 'M'];

/** The type tag of a value (`{"N": "1"}` → `N`). */
export function typeOf(value: AttributeValue): AttributeTypeTag {
  if ('S' in value) return 'S';
  if ('N' in value) return 'N';
  if ('B' in value) return 'B';
  if ('BOOL' in value) return 'BOOL';
  if ('NULL' in value) return 'NULL';
  if ('SS' in value) return 'SS';
  if ('NS' in value) return 'NS';
  if ('BS' in value) return 'BS';
  if ('L' in value) return 'L';
  return 'M';
}

/** The bytes of a base64 `B` value. */
export function base64Bytes(base64: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    // Requests are validated before they reach expressions; treat undecodable text as its own bytes.
    binary = base64;
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index) & 0xff;
  return bytes;
}

function compareBytes(a: Uint8Array, b: Uint8Array): -1 | 0 | 1 {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const left = a[index] ?? 0;
    const right = b[index] ?? 0;
    if (left !== right) return left < right ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** A UTF-16 code unit moved so that code-unit order equals code-point order (surrogates go last). */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  return unit >= 0xe000 ? unit - 0x800 : unit;
}

/**
 * Compares strings in UTF-8 byte order, which is code-point order. JavaScript's `<` compares UTF-16 code
 * units instead and puts emoji (surrogate pairs) before U+E000..U+FFFF, unlike DynamoDB.
 */
export function compareStrings(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const x = a.charCodeAt(index);
    const y = b.charCodeAt(index);
    if (x !== y) return codePointRank(x) < codePointRank(y) ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}

/** Compares two binary values (base64) by their unsigned bytes. */
export function compareBinary(a: string, b: string): -1 | 0 | 1 {
  return compareBytes(base64Bytes(a), base64Bytes(b));
}

/**
 * Orders two scalar values of the same type (S, N or B) as DynamoDB sorts keys; undefined when they are
 * not comparable (different types, or a type without an order such as BOOL, a set, a list or a map).
 */
export function compareScalars(a: AttributeValue, b: AttributeValue): -1 | 0 | 1 | undefined {
  if ('S' in a && 'S' in b) return compareStrings(a.S, b.S);
  if ('N' in a && 'N' in b) return compareNumbers(a.N, b.N);
  if ('B' in a && 'B' in b) return compareBinary(a.B, b.B);
  return undefined;
}

function sameMembers(a: readonly string[], b: readonly string[], equal: (x: string, y: string) => boolean): boolean {
  if (a.length !== b.length) return false;
  return a.every((x) => b.some((y) => equal(x, y))) && b.every((y) => a.some((x) => equal(x, y)));
}

function mapsEqual(a: Readonly<Record<string, AttributeValue>>, b: Readonly<Record<string, AttributeValue>>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => {
    const left = a[key];
    const right = b[key];
    return left !== undefined && right !== undefined && attributeValuesEqual(left, right);
  });
}

/**
 * DynamoDB equality: same type and same value. Numbers compare as decimals (`1.0` = `1`), sets ignore
 * order, lists compare element by element, maps key by key. Values of different types are never equal.
 */
export function attributeValuesEqual(a: AttributeValue, b: AttributeValue): boolean {
  if ('S' in a) return 'S' in b && a.S === b.S;
  if ('N' in a) return 'N' in b && compareNumbers(a.N, b.N) === 0;
  if ('B' in a) return 'B' in b && compareBinary(a.B, b.B) === 0;
  if ('BOOL' in a) return 'BOOL' in b && a.BOOL === b.BOOL;
  if ('NULL' in a) return 'NULL' in b;
  if ('SS' in a) return 'SS' in b && sameMembers(a.SS, b.SS, (x, y) => x === y);
  if ('NS' in a) return 'NS' in b && sameMembers(a.NS, b.NS, (x, y) => compareNumbers(x, y) === 0);
  if ('BS' in a) return 'BS' in b && sameMembers(a.BS, b.BS, (x, y) => compareBinary(x, y) === 0);
  if ('L' in a) {
    return 'L' in b && a.L.length === b.L.length && a.L.every((x, index) => {
      const y = b.L[index];
      return y !== undefined && attributeValuesEqual(x, y);
    });
  }
  return 'M' in b && mapsEqual(a.M, b.M);
}
