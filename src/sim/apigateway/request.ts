// Reading `aws apigateway` / `aws apigatewayv2` request members: the sandbox parser hands numbers for
// integer flags and objects for JSON flags; shorthand values arrive as strings, so numbers and booleans
// are accepted in either form.
import type { ApiDocument } from '../cli/operation-spec.js';
import { awsError, type AwsError } from '../result.js';

export function readString(request: ApiDocument, member: string): string | undefined {
  const value = request[member];
  return typeof value === 'string' ? value : undefined;
}

export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

export function readBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}

export function readRecord(request: ApiDocument, member: string): Readonly<Record<string, unknown>> | undefined {
  const value = request[member];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A JSON or shorthand map of strings (`--request-templates`, `--request-models` ...); non-strings are printed. */
export function readStringRecord(request: ApiDocument, member: string): Readonly<Record<string, string>> | undefined {
  const record = readRecord(request, member);
  if (record === undefined) return undefined;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

export function readList(request: ApiDocument, member: string): unknown[] {
  const value = request[member];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** API Gateway's 400 for a missing or malformed member. */
export function badMember(member: string, problem = 'is required'): AwsError {
  return awsError('BadRequestException', 400, `${member} ${problem}`);
}
