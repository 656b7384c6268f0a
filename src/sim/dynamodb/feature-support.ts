// Small helpers the DynamoDB feature modules (Streams, TTL, DAX, global tables) share: comparing items,
// canonical JSON for cache keys, timestamps and IDs. Finding tables is the core's (state.ts), and so is
// the "table not found" error (errors.ts).
import type { Item } from './model.js';

/** JSON with object keys sorted at every level: equal data gives an equal string. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

/** Whether two images hold the same data (attribute order does not matter). Allocation-free: every write asks. */
export function sameItem(a: Item | undefined, b: Item | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return sameData(a, b);
}

/** Structural equality of JSON-shaped data, ignoring object key order. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  let aCount = 0;
  for (const key in aRecord) {
    aCount++;
    if (!Object.hasOwn(bRecord, key) || !sameData(aRecord[key], bRecord[key])) return false;
  }
  let bCount = 0;
  for (const _key in bRecord) bCount++;
  return aCount === bCount;
}

/** `2026-01-01T00:00:00.000` style (UTC, no zone suffix), as stream labels use. */
export function isoLabel(timeMs: number): string {
  return new Date(timeMs).toISOString().slice(0, -1);
}

let lastTimestamp = { seconds: Number.NaN, text: '' }; // one-entry cache: many records share a second

/** `2026-01-01T00:00:00+00:00`: how the AWS CLI v2 prints timestamps (cli_timestamp_format iso8601). */
export function cliTimestamp(timeMs: number): string {
  const seconds = Math.floor(timeMs / 1_000);
  if (seconds !== lastTimestamp.seconds) lastTimestamp = { seconds, text: `${new Date(seconds * 1_000).toISOString().slice(0, 19)}+00:00` };
  return lastTimestamp.text;
}

/** Lower-case hex of 32-bit words, e.g. four draws → a 32-character event ID. */
export function hexId(words: readonly number[]): string {
  return words.map((word) => word.toString(16).padStart(8, '0')).join('');
}
