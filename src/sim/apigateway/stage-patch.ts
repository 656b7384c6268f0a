// `aws apigateway update-stage --patch-operations`: the JSON Patch paths the simulator understands
// (cache cluster, stage variables, the stage-wide `/*/*/...` method settings and per-method throttling
// such as `/~1orders/GET/throttling/rateLimit`), `op=remove` of a variable, and the canary's paths and
// its promotion (canary.ts). Unknown paths are refused with API Gateway's 400.
import { fail, ok, type Result } from '../result.js';
import { patchCanary } from './canary.js';
import type { RestApi, Stage, ThrottleSettings, UnauthorizedCacheControlHeaderStrategy } from './model.js';
import { applyStageSettings, badRequest, type StageSettings } from './rest-api.js';
import type { ApiDocument } from '../cli/operation-spec.js';
import { readBoolean, readList, readNumber } from './request.js';

export interface PatchOperation {
  readonly op: string;
  readonly path: string;
  readonly value?: string;
  /** `op=copy`: where the value comes from (canary promotion). */
  readonly from?: string;
}

/** `--patch-operations` as the parser hands them (objects from shorthand or JSON). */
export function readPatchOperations(request: ApiDocument): PatchOperation[] {
  return readList(request, 'patchOperations').map((o) => {
    const record = (o ?? {}) as Record<string, unknown>;
    return {
      op: String(record['op'] ?? ''), path: String(record['path'] ?? ''), ...(record['value'] === undefined ? {} : { value: String(record['value']) }),
      ...(record['from'] === undefined ? {} : { from: String(record['from']) }),
    };
  });
}

const STRATEGIES: readonly string[] = ['FAIL_WITH_403', 'SUCCEED_WITH_RESPONSE_HEADER', 'SUCCEED_WITHOUT_RESPONSE_HEADER'];

function throttleWith(current: ThrottleSettings | undefined, field: string, value: number): ThrottleSettings {
  const base = current ?? { rateLimit: 10_000, burstLimit: 5_000 }; // the account limits (APIGW-04)
  return field === 'rateLimit' ? { ...base, rateLimit: value } : { ...base, burstLimit: value };
}

function stageWide(stage: Stage, setting: string, value: string | undefined): Result<StageSettings> {
  const number = readNumber(value);
  const flag = readBoolean(value);
  if (setting === 'caching/ttlInSeconds' && number !== undefined) return ok({ cacheTtlSeconds: number });
  if (setting === 'caching/enabled' && flag !== undefined) return ok({ cachingMethods: flag ? ['GET'] : [] });
  if (setting === 'caching/requireAuthorizationForCacheControl' && flag !== undefined) return ok({ requireAuthorizationForCacheControl: flag });
  if (setting === 'caching/unauthorizedCacheControlHeaderStrategy' && value !== undefined && STRATEGIES.includes(value)) {
    return ok({ unauthorizedCacheControlHeaderStrategy: value as UnauthorizedCacheControlHeaderStrategy });
  }
  const throttle = /^throttling\/(rateLimit|burstLimit)$/.exec(setting);
  if (throttle !== null && number !== undefined) return ok({ throttle: throttleWith(stage.throttle, throttle[1]!, number) });
  return fail(badRequest(`Invalid patch path /*/*/${setting}`));
}

function oneOperation(stage: Stage, operation: PatchOperation): Result<StageSettings> {
  const { path, value } = operation;
  if (path === '/cacheClusterEnabled' && readBoolean(value) !== undefined) return ok({ cacheClusterEnabled: readBoolean(value)! });
  const variable = /^\/variables\/(.+)$/.exec(path);
  if (variable !== null) return ok({ variables: { [variable[1]!]: value ?? '' } });
  if (path.startsWith('/*/*/')) return stageWide(stage, path.slice('/*/*/'.length), value);
  const method = /^\/(.+)\/([A-Z]+)\/throttling\/(rateLimit|burstLimit)$/.exec(path);
  const number = readNumber(value);
  if (method !== null && number !== undefined) {
    const key = `${method[1]!.replaceAll('~1', '/')}/${method[2]}`;
    return ok({ methodThrottles: { [key]: throttleWith(stage.methodThrottles[key], method[3]!, number) } });
  }
  return fail(badRequest(`Invalid patch path ${path}`));
}

/** `op=remove,path=/variables/NAME`: removes the variable; false when the operation is another one. */
function removeVariable(stage: Stage, operation: PatchOperation): boolean {
  const variable = /^\/variables\/(.+)$/.exec(operation.path);
  if (operation.op !== 'remove' || variable === null) return false;
  const { [variable[1]!]: _removed, ...rest } = stage.variables;
  stage.variables = rest;
  return true;
}

export function patchStage(api: RestApi, stage: Stage, operations: readonly PatchOperation[]): Result<Stage> {
  for (const operation of operations) {
    const canary = patchCanary(api, stage, operation);
    if (canary !== undefined) {
      if (!canary.ok) return canary;
      continue;
    }
    if (removeVariable(stage, operation)) continue;
    if (operation.op !== 'replace' && operation.op !== 'add') return fail(badRequest(`Invalid patch operation ${operation.op}: use replace`));
    const settings = oneOperation(stage, operation);
    if (!settings.ok) return settings;
    const applied = applyStageSettings(stage, settings.value);
    if (!applied.ok) return applied;
  }
  if (operations.some((o) => o.path === '/cacheClusterEnabled' && o.value === 'false')) stage.cache = {};
  return ok(stage);
}
