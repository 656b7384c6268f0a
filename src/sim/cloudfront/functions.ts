// CloudFront Functions, the lighter alternative for viewer triggers (EDGE-07): CreateFunction and
// UpdateFunction (code of at most 10 KB, into the DEVELOPMENT stage), DescribeFunction and
// PublishFunction (DEVELOPMENT → LIVE, which associations run). The sandbox runs no code: the code names a catalogue behaviour
// (`catalog.edge-security-headers`, optionally followed by anything, e.g. comments that pad its size).
// Behaviours that need a body or more than 2 MB of memory are refused, since CloudFront Functions have neither.
import type { ApiDocument } from '../cli/operation-spec.js';
import { EDGE_BEHAVIOURS, findEdgeBehaviour, type EdgeBehaviour } from '../lambda/index.js';
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { CF_FUNCTION_CODE_MAX_BYTES, CF_FUNCTION_MEMORY_MAX_BYTES, CF_FUNCTION_RUNTIMES } from './limits.js';
import { cloudFrontId, cloudFrontState, cloudFrontTime, type CfFunctionState, type FunctionStage } from './model.js';

const API_ROOT = 'https://cloudfront.amazonaws.com/2020-05-31';

const invalid = (message: string) => fail(awsError('InvalidArgument', 400, message));

function readCode(code: string): Result<EdgeBehaviour> {
  // EDGE-07: at most 10 KB of code; larger → FunctionSizeLimitExceeded.
  const sizeBytes = Buffer.byteLength(code);
  if (sizeBytes > CF_FUNCTION_CODE_MAX_BYTES) {
    return fail(awsError('FunctionSizeLimitExceeded', 413, `The function code is ${sizeBytes} bytes; CloudFront Functions allow at most ${CF_FUNCTION_CODE_MAX_BYTES} bytes (10 KB). Move the work to Lambda@Edge, or trim the code.`));
  }
  const name = code.trim().split(/\s/)[0] ?? '';
  const behaviour = findEdgeBehaviour(name);
  if (behaviour === undefined) return invalid(`The sandbox runs no code: the function code must start with an edge catalogue behaviour (${EDGE_BEHAVIOURS.map((b) => b.name).join(', ')}), got '${name}'.`);
  const missing = [
    ...(behaviour.needsBody ? ['it reads the body, which CloudFront Functions never see'] : []),
    ...(behaviour.memoryUsedBytes > CF_FUNCTION_MEMORY_MAX_BYTES ? [`it needs ${behaviour.memoryUsedBytes} bytes of memory, more than the ${CF_FUNCTION_MEMORY_MAX_BYTES} bytes (2 MB) CloudFront Functions get`] : []),
  ];
  if (missing.length > 0) return invalid(`${behaviour.name} cannot be a CloudFront Function: ${missing.join('; ')}. Use Lambda@Edge for it.`);
  return ok(behaviour);
}

function summary(fn: CfFunctionState, stage: 'DEVELOPMENT' | 'LIVE'): ApiDocument {
  const shown = stage === 'LIVE' && fn.live !== undefined ? fn.live : fn.development;
  return {
    Name: fn.name, Status: fn.live === undefined ? 'UNPUBLISHED' : 'UNASSOCIATED',
    FunctionConfig: { Comment: shown.comment, Runtime: shown.runtime },
    FunctionMetadata: { FunctionARN: fn.arn, Stage: stage, CreatedTime: cloudFrontTime(fn.createdMs), LastModifiedTime: cloudFrontTime(shown.lastModifiedMs) },
  };
}

function record(world: World, operation: string, result: Result<ApiDocument>, name: unknown): Result<ApiDocument> {
  world.record({ service: 'cloudfront', operation, outcome: result.ok ? 'ok' : result.error.name, detail: { functionName: name } });
  return result;
}

/** The DEVELOPMENT stage a create or update request describes: runtime, code and comment checked. */
function stageFrom(world: World, request: ApiDocument): Result<FunctionStage> {
  const config = (request['FunctionConfig'] ?? {}) as Record<string, unknown>;
  const runtime = typeof config['Runtime'] === 'string' ? config['Runtime'] : '';
  if (!CF_FUNCTION_RUNTIMES.includes(runtime)) return invalid(`FunctionConfig.Runtime must be one of ${CF_FUNCTION_RUNTIMES.join(', ')}, got '${runtime}'.`);
  const code = typeof request['FunctionCode'] === 'string' ? request['FunctionCode'] : '';
  const behaviour = readCode(code);
  if (!behaviour.ok) return behaviour;
  return ok({ code, behaviour: behaviour.value.name, runtime, comment: typeof config['Comment'] === 'string' ? config['Comment'] : '', eTag: cloudFrontId(world, 'E'), lastModifiedMs: world.nowMs });
}

function create(world: World, request: ApiDocument): Result<ApiDocument> {
  const name = typeof request['Name'] === 'string' ? request['Name'] : '';
  const state = cloudFrontState(world);
  if (state.functions[name] !== undefined) return fail(awsError('FunctionAlreadyExists', 409, `A CloudFront Function named ${name} already exists.`));
  const development = stageFrom(world, request);
  if (!development.ok) return development;
  const fn: CfFunctionState = { name, arn: `arn:aws:cloudfront::${world.accountId}:function/${name}`, createdMs: world.nowMs, development: development.value };
  state.functions[name] = fn;
  return ok({ Location: `${API_ROOT}/function/${fn.arn}`, ETag: development.value.eTag, FunctionSummary: summary(fn, 'DEVELOPMENT') });
}

/** UpdateFunction: a new DEVELOPMENT stage; LIVE (what distributions run) changes only on publish. */
function update(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = findFunction(world, request);
  if (!found.ok) return found;
  const fn = found.value;
  const matched = ifMatches(fn, request);
  if (!matched.ok) return matched;
  const development = stageFrom(world, request);
  if (!development.ok) return development;
  fn.development = development.value;
  return ok({ ETag: fn.development.eTag, FunctionSummary: summary(fn, 'DEVELOPMENT') });
}

export function updateFunction(world: World, request: ApiDocument): Result<ApiDocument> {
  return record(world, 'UpdateFunction', update(world, request), request['Name']);
}

function ifMatches(fn: CfFunctionState, request: ApiDocument): Result<void> {
  if (request['IfMatch'] === fn.development.eTag) return ok(undefined);
  return fail(awsError('PreconditionFailed', 412, `The If-Match version ${String(request['IfMatch'] ?? '(none)')} is not the DEVELOPMENT stage's ETag (${fn.development.eTag}): use the ETag from create-function or describe-function.`));
}

export function createFunction(world: World, request: ApiDocument): Result<ApiDocument> {
  return record(world, 'CreateFunction', create(world, request), request['Name']);
}

function findFunction(world: World, request: ApiDocument): Result<CfFunctionState> {
  const name = typeof request['Name'] === 'string' ? request['Name'] : '';
  const fn = cloudFrontState(world).functions[name];
  return fn === undefined ? fail(awsError('NoSuchFunctionExists', 404, `No CloudFront Function is named ${name}.`)) : ok(fn);
}

export function describeFunction(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = findFunction(world, request);
  if (!found.ok) return found;
  const stage = request['Stage'] === 'LIVE' ? 'LIVE' : 'DEVELOPMENT';
  if (stage === 'LIVE' && found.value.live === undefined) return fail(awsError('NoSuchFunctionExists', 404, `${found.value.name} has no LIVE stage: publish it first.`));
  return ok({ ETag: (stage === 'LIVE' ? found.value.live : found.value.development)?.eTag, FunctionSummary: summary(found.value, stage) });
}

function publish(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = findFunction(world, request);
  if (!found.ok) return found;
  const fn = found.value;
  const matched = ifMatches(fn, request);
  if (!matched.ok) return matched;
  fn.live = { ...fn.development, eTag: cloudFrontId(world, 'E'), lastModifiedMs: world.nowMs };
  return ok({ FunctionSummary: summary(fn, 'LIVE') });
}

export function publishFunction(world: World, request: ApiDocument): Result<ApiDocument> {
  return record(world, 'PublishFunction', publish(world, request), request['Name']);
}
