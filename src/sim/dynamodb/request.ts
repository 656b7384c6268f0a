// Reading API requests that arrive as plain JSON (from the sandbox, scenarios or code): each reader
// returns the member or the ValidationException AWS sends for a missing or malformed one. Messages use
// AWS's "1 validation error detected" form with the member path in camelCase, as the service does.
import { fail, ok, validationError, type AwsError, type Result } from '../result.js';
import { attributeValueProblem } from './attribute-values.js';
import type { Item } from './model.js';

const lowerFirst = (path: string): string => path.replace(/(^|\.)([A-Z])/g, (_m, dot: string, c: string) => dot + c.toLowerCase());

export function constraintError(path: string, value: unknown, constraint: string): AwsError {
  const shown = value === undefined || value === null ? 'null' : `'${typeof value === 'object' ? JSON.stringify(value) : String(value)}'`;
  return validationError(`1 validation error detected: Value ${shown} at '${lowerFirst(path)}' failed to satisfy constraint: ${constraint}`);
}

export const missing = (path: string): AwsError => constraintError(path, undefined, 'Member must not be null');

export function requireString(request: Readonly<Record<string, unknown>>, member: string): Result<string> {
  const value = request[member];
  if (typeof value !== 'string') return fail(missing(member));
  if (value.length === 0) return fail(constraintError(member, value, 'Member must have length greater than or equal to 1'));
  return ok(value);
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An item or key map: every member an attribute value (AWS's message for a malformed one). */
export function requireItem(request: Readonly<Record<string, unknown>>, member: string): Result<Item> {
  const value = request[member];
  if (!isRecord(value)) return fail(missing(member));
  for (const name in value) {
    const problem = attributeValueProblem(value[name]);
    if (problem !== undefined) return fail(problem);
  }
  return ok(value as Item);
}

export function optionalItem(request: Readonly<Record<string, unknown>>, member: string): Result<Item | undefined> {
  return request[member] === undefined ? ok(undefined) : requireItem(request, member);
}

const fallbackResults = new Map<string, Result<string>>();

/** One shared (immutable) `ok(fallback)` per value: enumeration defaults are read on every request. */
function fallbackResult<T extends string>(fallback: T): Result<T> {
  let result = fallbackResults.get(fallback);
  if (result === undefined) {
    result = ok(fallback);
    fallbackResults.set(fallback, result);
  }
  return result as Result<T>;
}

/** An enumeration member (`ReturnConsumedCapacity`, `Select` ...) with AWS's "enum value set" message. */
export function optionalChoice<T extends string>(request: Readonly<Record<string, unknown>>, member: string, choices: readonly T[], fallback: T): Result<T> {
  const value = request[member];
  if (value === undefined) return fallbackResult(fallback);
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return ok(value as T);
  return fail(constraintError(member, value, `Member must satisfy enum value set: [${choices.join(', ')}]`));
}

export function optionalBoolean(request: Readonly<Record<string, unknown>>, member: string, fallback: boolean): boolean {
  const value = request[member];
  return typeof value === 'boolean' ? value : fallback;
}

export function optionalPositiveInteger(request: Readonly<Record<string, unknown>>, member: string): Result<number | undefined> {
  const value = request[member];
  if (value === undefined) return ok(undefined);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    return fail(constraintError(member, value, 'Member must have value greater than or equal to 1'));
  }
  return ok(value);
}

/** ExpressionAttributeNames / ExpressionAttributeValues, passed through to the expression module. */
export function stringMap(request: Readonly<Record<string, unknown>>, member: string): Readonly<Record<string, string>> | undefined {
  const value = request[member];
  return isRecord(value) ? (value as Readonly<Record<string, string>>) : undefined;
}
