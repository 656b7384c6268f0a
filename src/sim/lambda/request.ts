// Reading API request members (`FunctionName`, `MemorySize` ...) and AWS's validation-error wording.
// The sandbox parser hands over numbers for integer flags and objects for JSON flags; values typed by
// hand in tests may be strings, so numbers are accepted in either form.
import { awsError, type AwsError } from '../result.js';
import type { ApiDocument } from '../cli/operation-spec.js';

export function readString(request: ApiDocument, member: string): string | undefined {
  const value = request[member];
  return typeof value === 'string' ? value : undefined;
}

export function readInteger(request: ApiDocument, member: string): number | undefined {
  const value = request[member];
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

export function readObject(request: ApiDocument, member: string): Readonly<Record<string, unknown>> | undefined {
  const value = request[member];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** One constraint failure in AWS's words: `Value '64' at 'memorySize' failed to satisfy constraint: ...`. */
export function constraintProblem(value: unknown, path: string, constraint: string): string {
  return `Value '${String(value)}' at '${path}' failed to satisfy constraint: ${constraint}`;
}

/** Checks `value` is within [min, max]; returns the AWS problem text when not. */
export function rangeProblem(value: number | undefined, path: string, min: number, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (value < min) return constraintProblem(value, path, `Member must have value greater than or equal to ${min}`);
  if (value > max) return constraintProblem(value, path, `Member must have value less than or equal to ${max}`);
  return undefined;
}

/** AWS's collected validation error: "2 validation errors detected: ...; ...". */
export function validationProblems(problems: readonly (string | undefined)[]): AwsError | undefined {
  const found = problems.filter((problem): problem is string => problem !== undefined);
  if (found.length === 0) return undefined;
  const count = found.length === 1 ? '1 validation error' : `${found.length} validation errors`;
  return awsError('ValidationException', 400, `${count} detected: ${found.join('; ')}`);
}

export function missingMember(member: string): AwsError {
  return awsError('ValidationException', 400, `1 validation error detected: Value null at '${member.charAt(0).toLowerCase()}${member.slice(1)}' failed to satisfy constraint: Member must not be null`);
}

export function invalidParameter(message: string): AwsError {
  return awsError('InvalidParameterValueException', 400, message);
}
