// Function configuration from CreateFunction / UpdateFunctionConfiguration requests, validated with
// AWS's limits, and rendered back as AWS's FunctionConfiguration JSON.
import { createHash } from 'node:crypto';
import type { ApiDocument } from '../cli/operation-spec.js';
import { closestMatch } from '../cli/suggest.js';
import { fail, ok, type Result } from '../result.js';
import { HANDLER_NAMES } from './handlers.js';
import {
  ENVIRONMENT_MAX_BYTES,
  EPHEMERAL_STORAGE_MAX_MB,
  EPHEMERAL_STORAGE_MIN_MB,
  MEMORY_MAX_MB,
  MEMORY_MIN_MB,
  RUNTIMES,
  TIMEOUT_MAX_SECONDS,
} from './limits.js';
import { utf8SizeBytes, type FunctionConfig, type FunctionState } from './model.js';
import { constraintProblem, invalidParameter, rangeProblem, readInteger, readObject, readString, validationProblems } from './request.js';

function environmentOf(request: ApiDocument): Record<string, string> | undefined {
  const variables = readObject(request, 'Environment')?.['Variables'];
  if (typeof variables !== 'object' || variables === null) return undefined;
  return Object.fromEntries(Object.entries(variables as Record<string, unknown>).map(([key, value]) => [key, String(value)]));
}

/** The configuration after applying the request's members over `base`. */
function mergeConfig(base: FunctionConfig, request: ApiDocument): FunctionConfig {
  const deadLetterTargetArn = readObject(request, 'DeadLetterConfig')?.['TargetArn'];
  const storageMb = readObject(request, 'EphemeralStorage')?.['Size'];
  const merged: FunctionConfig = {
    ...base,
    runtime: readString(request, 'Runtime') ?? base.runtime,
    role: readString(request, 'Role') ?? base.role,
    handler: readString(request, 'Handler') ?? base.handler,
    memorySizeMb: readInteger(request, 'MemorySize') ?? base.memorySizeMb,
    timeoutSeconds: readInteger(request, 'Timeout') ?? base.timeoutSeconds,
    ephemeralStorageMb: typeof storageMb === 'number' ? storageMb : Number(storageMb ?? base.ephemeralStorageMb),
    environment: environmentOf(request) ?? base.environment,
    description: readString(request, 'Description') ?? base.description,
  };
  return typeof deadLetterTargetArn === 'string' ? { ...merged, deadLetterTargetArn } : merged;
}

function handlerProblem(handler: string): string | undefined {
  if (HANDLER_NAMES.includes(handler)) return undefined;
  const suggestion = closestMatch(handler, HANDLER_NAMES);
  const hint = suggestion === undefined ? '' : ` Did you mean '${suggestion}'?`;
  return `The sandbox runs no code: --handler must name a catalogue handler (${HANDLER_NAMES.join(', ')}), got '${handler}'.${hint}`;
}

/**
 * Validates a configuration against LAM-01 (memory), LAM-03 (timeout), LAM-04 (/tmp) and the runtime
 * list (one collected ValidationException), then the handler catalogue and LAM-06 (environment size).
 */
export function validateConfig(config: FunctionConfig): Result<FunctionConfig> {
  const problems = validationProblems([
    rangeProblem(config.memorySizeMb, 'memorySize', MEMORY_MIN_MB, MEMORY_MAX_MB),
    rangeProblem(config.timeoutSeconds, 'timeout', 1, TIMEOUT_MAX_SECONDS),
    rangeProblem(config.ephemeralStorageMb, 'ephemeralStorage.size', EPHEMERAL_STORAGE_MIN_MB, EPHEMERAL_STORAGE_MAX_MB),
    RUNTIMES.includes(config.runtime) || config.packageType === 'Image' ? undefined : constraintProblem(config.runtime, 'runtime', `Member must satisfy enum value set: [${RUNTIMES.join(', ')}]`),
  ]);
  if (problems !== undefined) return fail(problems);
  const badHandler = handlerProblem(config.handler);
  if (badHandler !== undefined) return fail(invalidParameter(badHandler));
  const measured = JSON.stringify(config.environment);
  if (utf8SizeBytes(measured) > ENVIRONMENT_MAX_BYTES) {
    return fail(invalidParameter(
      `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${measured}`,
    ));
  }
  return ok(config);
}

export function configFromRequest(base: FunctionConfig, request: ApiDocument): Result<FunctionConfig> {
  return validateConfig(mergeConfig(base, request));
}

/** LastModified as the Lambda API prints it: `2026-01-01T00:00:00.000+0000`. */
export function lambdaTimestamp(timeMs: number): string {
  return new Date(timeMs).toISOString().replace('Z', '+0000');
}

/** AWS's FunctionConfiguration JSON for one version. */
export function renderConfiguration(fn: FunctionState, version: string, config: FunctionConfig): ApiDocument {
  const isImage = config.packageType === 'Image';
  return {
    FunctionName: fn.name,
    FunctionArn: version === '$LATEST' ? fn.arn : `${fn.arn}:${version}`,
    ...(isImage ? {} : { Runtime: config.runtime }),
    Role: config.role,
    ...(isImage ? {} : { Handler: config.handler }),
    CodeSize: 0,
    Description: config.description,
    Timeout: config.timeoutSeconds,
    MemorySize: config.memorySizeMb,
    LastModified: lambdaTimestamp(fn.lastModifiedMs),
    CodeSha256: createHash('sha256').update(config.handler).digest('base64'),
    Version: version,
    Environment: { Variables: config.environment },
    ...(config.deadLetterTargetArn === undefined ? {} : { DeadLetterConfig: { TargetArn: config.deadLetterTargetArn } }),
    EphemeralStorage: { Size: config.ephemeralStorageMb },
    PackageType: config.packageType,
    Architectures: ['x86_64'],
    State: config.failure === undefined ? 'Active' : 'Failed',
    ...(config.failure === undefined ? {} : { StateReason: config.failure.reason, StateReasonCode: config.failure.reasonCode }),
    LastUpdateStatus: 'Successful',
  };
}
