// Reading plain values out of a parsed OpenAPI document (YAML or JSON data of unknown shape): each helper
// answers the value when it has the expected type, else undefined, so the planner never trusts a cast.

export type Json = Readonly<Record<string, unknown>>;

export function asRecord(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Numbers written as numbers or as digits in a string (YAML authors quote both ways). */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  return value === 'true' || value === 'false' ? value === 'true' : undefined;
}

export function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The entries of an object member (empty when it is absent or not an object). */
export function entriesOf(value: unknown): [string, unknown][] {
  return Object.entries(asRecord(value) ?? {});
}

/** A string map (`requestTemplates`, `requestParameters`): non-string values are turned into text. */
export function stringMap(value: unknown): Record<string, string> | undefined {
  const record = asRecord(value);
  if (record === undefined) return undefined;
  return Object.fromEntries(Object.entries(record).map(([key, v]) => [key, typeof v === 'string' ? v : JSON.stringify(v)]));
}

/** Drops undefined members, so optional properties stay absent (exactOptionalPropertyTypes). */
export function compact<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
