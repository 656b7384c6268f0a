// Lambda's function-lifecycle operations (create, update, get, list, versions; aliases are in aliases.ts), each taking
// the API request members and answering with what the AWS CLI prints, or an AWS error.
import type { ApiDocument } from '../cli/operation-spec.js';
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { configFromRequest, renderConfiguration } from './config.js';
import { EPHEMERAL_STORAGE_DEFAULT_MB, MEMORY_DEFAULT_MB, TIMEOUT_DEFAULT_SECONDS } from './limits.js';
import { lambdaState, newFunctionState, type FunctionConfig, type FunctionState } from './model.js';
import { handlerOnImageError, imageFunctionParts } from './images.js';
import { invalidParameter, missingMember, readString } from './request.js';
import { findFunction, functionNotFound } from './target.js';

const DEFAULT_CONFIG: FunctionConfig = {
  runtime: 'nodejs22.x',
  role: '',
  handler: 'catalog.echo',
  memorySizeMb: MEMORY_DEFAULT_MB, // LAM-01
  timeoutSeconds: TIMEOUT_DEFAULT_SECONDS, // LAM-03
  ephemeralStorageMb: EPHEMERAL_STORAGE_DEFAULT_MB, // LAM-04
  environment: {},
  description: '',
  packageType: 'Zip',
};

function required(request: ApiDocument, members: readonly string[]): Result<void> {
  for (const member of members) if (readString(request, member) === undefined) return fail(missingMember(member));
  return ok(undefined);
}

/** Looks up the function named by the request's `FunctionName`. */
export function requestedFunction(world: World, request: ApiDocument): Result<FunctionState> {
  const name = readString(request, 'FunctionName');
  return name === undefined ? fail(missingMember('FunctionName')) : findFunction(world, name);
}

/**
 * The base a new function's configuration is merged over: a .zip function needs Runtime and Handler;
 * an image function takes its handler from the image (LAM-09) and must not name either.
 */
function creationBase(world: World, request: ApiDocument): Result<FunctionConfig> {
  const packageType = readString(request, 'PackageType') ?? 'Zip';
  if (packageType === 'Zip') {
    if (readString(request, 'Runtime') === undefined || readString(request, 'Handler') === undefined) {
      return fail(invalidParameter('Runtime and Handler are mandatory parameters for functions created with deployment packages.'));
    }
    return ok(DEFAULT_CONFIG);
  }
  if (packageType !== 'Image') return fail(invalidParameter(`PackageType must be Zip or Image, found '${packageType}'.`));
  const parts = imageFunctionParts(world, request);
  if (!parts.ok) return parts;
  return ok({ ...DEFAULT_CONFIG, packageType: 'Image', ...parts.value });
}

export function createFunction(world: World, request: ApiDocument): Result<ApiDocument> {
  const present = required(request, ['FunctionName', 'Role']);
  if (!present.ok) return present;
  const name = readString(request, 'FunctionName') ?? '';
  const state = lambdaState(world);
  if (state.functions.has(name)) return fail(awsError('ResourceConflictException', 409, `Function already exist: ${name}`));
  const base = creationBase(world, request);
  if (!base.ok) return base;
  const config = configFromRequest(base.value, request);
  if (!config.ok) return config;
  const fn = newFunctionState(world, name, config.value);
  state.functions.set(name, fn);
  const { packageType, failure } = config.value;
  world.record({ service: 'lambda', operation: 'CreateFunction', outcome: 'ok', detail: { functionName: name, memorySizeMb: config.value.memorySizeMb, ...(packageType === 'Image' ? { packageType, state: failure === undefined ? 'Active' : 'Failed' } : {}) } });
  return ok(renderConfiguration(fn, '$LATEST', fn.latest));
}

/** Changing the configuration replaces $LATEST's environments: the next invocations start cold. */
export function updateFunctionConfiguration(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = requestedFunction(world, request);
  if (!found.ok) return found;
  const fn = found.value;
  const namesCode = readString(request, 'Runtime') !== undefined || readString(request, 'Handler') !== undefined;
  if (fn.latest.packageType === 'Image' && namesCode) return fail(handlerOnImageError());
  const config = configFromRequest(fn.latest, request);
  if (!config.ok) return config;
  fn.latest = config.value;
  fn.lastModifiedMs = world.nowMs;
  fn.environments = fn.environments.filter((env) => env.version !== '$LATEST' || env.busyUntilMs > world.nowMs);
  world.record({ service: 'lambda', operation: 'UpdateFunctionConfiguration', outcome: 'ok', detail: { functionName: fn.name } });
  return ok(renderConfiguration(fn, '$LATEST', fn.latest));
}

export function getFunction(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = requestedFunction(world, request);
  if (!found.ok) return found;
  const fn = found.value;
  const qualifier = readString(request, 'Qualifier') ?? '$LATEST';
  const version = fn.aliases.get(qualifier) ?? qualifier;
  const config = version === '$LATEST' ? fn.latest : fn.versions.get(version)?.config;
  if (config === undefined) return fail(functionNotFound(`${fn.arn}:${qualifier}`));
  return ok({
    Configuration: renderConfiguration(fn, version, config),
    Code: config.imageUri === undefined
      ? { RepositoryType: 'S3', Location: `https://awslambda-${world.region}-tasks.s3.${world.region}.amazonaws.com/snapshots/${world.accountId}/${fn.name}` }
      : { RepositoryType: 'ECR', ImageUri: config.imageUri },
    ...(fn.reservedConcurrency === undefined ? {} : { Concurrency: { ReservedConcurrentExecutions: fn.reservedConcurrency } }),
  });
}

export function listFunctions(world: World): Result<ApiDocument> {
  const functions = [...lambdaState(world).functions.values()].sort((a, b) => a.name.localeCompare(b.name));
  return ok({ Functions: functions.map((fn) => renderConfiguration(fn, '$LATEST', fn.latest)) });
}

/** Freezes $LATEST's configuration as version 1, 2, ... */
export function publishVersion(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = requestedFunction(world, request);
  if (!found.ok) return found;
  const fn = found.value;
  const version = String(fn.nextVersion);
  fn.nextVersion++;
  fn.versions.set(version, { version, config: fn.latest, publishedAtMs: world.nowMs });
  world.record({ service: 'lambda', operation: 'PublishVersion', outcome: 'ok', detail: { functionName: fn.name, version } });
  return ok(renderConfiguration(fn, version, fn.latest));
}

export function listVersionsByFunction(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = requestedFunction(world, request);
  if (!found.ok) return found;
  const fn = found.value;
  const versions = [...fn.versions.values()].map((version) => renderConfiguration(fn, version.version, version.config));
  return ok({ Versions: [renderConfiguration(fn, '$LATEST', fn.latest), ...versions] });
}

/**
 * Deletes the function with its versions, aliases and environments. Queued async events end as
 * `function-deleted` at their next try; mappings to it idle.
 */
export function deleteFunction(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = requestedFunction(world, request);
  if (!found.ok) return found;
  lambdaState(world).functions.delete(found.value.name);
  world.record({ service: 'lambda', operation: 'DeleteFunction', outcome: 'ok', detail: { functionName: found.value.name } });
  return ok({});
}
