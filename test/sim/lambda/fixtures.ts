// Shared set-up for the Lambda tests: a world at a fixed time and functions created through the real
// CreateFunction operation, so every test goes through the same validation as the sandbox.
import { expect } from 'vitest';
import type { ApiDocument } from '../../../src/sim/cli/operation-spec.js';
import { createFunction } from '../../../src/sim/lambda/operations.js';
import { invoke, type InvokeRequest, type InvokeResponse } from '../../../src/sim/lambda/invoke.js';
import type { AwsError, Result } from '../../../src/sim/result.js';
import type { TraceEvent } from '../../../src/sim/trace.js';
import { createWorld, type World } from '../../../src/sim/world.js';

export const ROLE = 'arn:aws:iam::123456789012:role/lambda-role';

export function newWorld(seed = 7): World {
  return createWorld({ seed });
}

export function makeFunction(world: World, name: string, members: ApiDocument = {}): void {
  const created = createFunction(world, { FunctionName: name, Runtime: 'nodejs22.x', Role: ROLE, Handler: 'catalog.echo', ...members });
  expect(created.ok, JSON.stringify(created)).toBe(true);
}

export function invokeSync(world: World, functionName: string, payload: unknown = {}, extra: Partial<InvokeRequest> = {}): Result<InvokeResponse> {
  return invoke(world, { functionName, invocationType: 'RequestResponse', payload: JSON.stringify(payload), ...extra });
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.name}: ${result.error.message}`);
  return result.value;
}

export function expectError<T>(result: Result<T>): AwsError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** The trace entries of successful runs (Invoke with outcome ok and a start kind). */
export function runs(world: World): TraceEvent[] {
  return world.trace.all().filter((event) => event.service === 'lambda' && event.operation === 'Invoke' && event.detail['start'] !== undefined);
}
