// Canary releases on a REST API stage (APIGW-03): the stage serves its own deployment, and a canary
// deployment answers a share of the requests, picked at random per request, with its own stage-variable
// overrides; canary requests use the stage cache only when `useStageCache` is on. Made by
// `create-deployment --canary-settings` (the stage must exist already), changed with update-stage patch
// paths under `/canarySettings/`, promoted by copying the canary's deployment id (and overrides) onto
// the stage, removed with `op=remove,path=/canarySettings`.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/canary-release.html ,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/create-canary-deployment.html ,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/promote-canary-deployment.html
// What a client can see of the choice: nothing in the response; `$context.isCanaryRequest` (mapping
// templates, access logs) says it. The simulator shows it in the request's trace (`deploymentId`,
// `isCanaryRequest`) and in `sim http` output.
import type { ApiDocument } from '../cli/operation-spec.js';
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import type { CanarySettings, Deployment, RestApi, Stage } from './model.js';
import { readBoolean, readNumber, readRecord } from './request.js';
import { badRequest } from './rest-api.js';
import { readVariables, stageVariablesProblem } from './stage-variables.js';

/** The RNG stream that picks canary or base per request, so the draws never shift other randomness. */
export const CANARY_STREAM = 'apigateway.canary';

export interface CanaryInput {
  readonly percentTraffic?: number;
  readonly stageVariableOverrides?: Readonly<Record<string, string>>;
  readonly useStageCache?: boolean;
}

/** percentTraffic is a percentage from 0.0 to 100.0 (API DeploymentCanarySettings). Wording: simulator's. */
function percentProblem(percent: number | undefined): string | undefined {
  if (percent === undefined || (percent >= 0 && percent <= 100)) return undefined;
  return `Canary percentTraffic must be between 0.0 and 100.0, got ${percent}`;
}

/** `--canary-settings percentTraffic=10,stageVariableOverrides={alias=v2},useStageCache=false`. */
export function readCanaryInput(request: ApiDocument, member: string): Result<CanaryInput | undefined> {
  const record = readRecord(request, member);
  if (record === undefined) return ok(undefined);
  const percentTraffic = readNumber(record['percentTraffic']);
  const overrides = readVariables(record['stageVariableOverrides']);
  const useStageCache = readBoolean(record['useStageCache']);
  const problem = percentProblem(percentTraffic) ?? stageVariablesProblem(overrides ?? {}, 'canary')?.message;
  if (problem !== undefined) return fail(badRequest(problem));
  return ok({
    ...(percentTraffic === undefined ? {} : { percentTraffic }), ...(overrides === undefined ? {} : { stageVariableOverrides: overrides }),
    ...(useStageCache === undefined ? {} : { useStageCache }),
  });
}

/** Puts a canary on the stage for `deploymentId` (create-deployment --canary-settings). */
export function attachCanary(stage: Stage, deploymentId: string, input: CanaryInput): CanarySettings {
  const canary: CanarySettings = {
    deploymentId, percentTraffic: input.percentTraffic ?? 0, stageVariableOverrides: { ...(input.stageVariableOverrides ?? {}) }, useStageCache: input.useStageCache ?? false,
  };
  stage.canarySettings = canary;
  return canary;
}

/** The canary, made on first use from the stage's own deployment (as update-stage does on a plain stage). */
const canaryOf = (stage: Stage): CanarySettings => (stage.canarySettings ??= { deploymentId: stage.deploymentId, percentTraffic: 0, stageVariableOverrides: {}, useStageCache: false });

function replaceCanaryField(api: RestApi, stage: Stage, field: string, value: string | undefined): Result<void> {
  const override = /^stageVariableOverrides\/(.+)$/.exec(field);
  if (override !== null) {
    const overrides = { ...canaryOf(stage).stageVariableOverrides, [override[1]!]: value ?? '' };
    const problem = stageVariablesProblem(overrides, 'canary');
    if (problem !== undefined) return fail(problem);
    canaryOf(stage).stageVariableOverrides = overrides;
    return ok(undefined);
  }
  const number = readNumber(value);
  const flag = readBoolean(value);
  if (field === 'percentTraffic' && number !== undefined) {
    const problem = percentProblem(number);
    if (problem !== undefined) return fail(badRequest(problem));
    canaryOf(stage).percentTraffic = number;
  } else if (field === 'useStageCache' && flag !== undefined) canaryOf(stage).useStageCache = flag;
  else if (field === 'deploymentId' && value !== undefined && api.deployments[value] !== undefined) canaryOf(stage).deploymentId = value;
  else if (field === 'deploymentId') return fail(badRequest('Invalid deployment identifier specified'));
  else return fail(badRequest(`Invalid patch path /canarySettings/${field}`));
  return ok(undefined);
}

/** Promotion: `op=copy` from the canary's deploymentId or stageVariableOverrides onto the stage. */
function copyFromCanary(stage: Stage, from: string | undefined, path: string): Result<void> {
  const canary = stage.canarySettings;
  if (canary === undefined) return fail(badRequest('The stage has no canary settings to copy from'));
  if (from === '/canarySettings/deploymentId' && path === '/deploymentId') stage.deploymentId = canary.deploymentId;
  else if (from === '/canarySettings/stageVariableOverrides' && path === '/variables') {
    const variables = { ...stage.variables, ...canary.stageVariableOverrides };
    const problem = stageVariablesProblem(variables);
    if (problem !== undefined) return fail(problem);
    stage.variables = variables;
  } else return fail(badRequest(`Invalid copy from ${from ?? '(none)'} to ${path}`));
  return ok(undefined);
}

/**
 * One update-stage patch operation that concerns the canary (or a copy from it); `undefined` when the
 * operation is not about the canary, so the stage's other paths handle it.
 */
export function patchCanary(api: RestApi, stage: Stage, operation: { op: string; path: string; value?: string; from?: string }): Result<void> | undefined {
  const { op, path } = operation;
  if (op === 'copy') return copyFromCanary(stage, operation.from, path);
  if (path !== '/canarySettings' && !path.startsWith('/canarySettings/')) return undefined;
  if (op === 'remove' && path === '/canarySettings') {
    delete stage.canarySettings;
    return ok(undefined);
  }
  const override = /^\/canarySettings\/stageVariableOverrides\/(.+)$/.exec(path);
  if (op === 'remove' && override !== null) {
    delete canaryOf(stage).stageVariableOverrides[override[1]!];
    return ok(undefined);
  }
  if (op !== 'replace' && op !== 'add') return fail(badRequest(`Invalid patch operation ${op} on ${path}`));
  return replaceCanaryField(api, stage, path.slice('/canarySettings/'.length), operation.value);
}

/** What serves one request on the stage: the base deployment or the canary, and the variables it sees. */
export interface Release {
  readonly deployment: Deployment | undefined;
  readonly deploymentId: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly isCanaryRequest: boolean;
  /** False for a canary request when the canary does not use the stage cache. */
  readonly usesStageCache: boolean;
}

/** Picks base or canary for one request: a draw from CANARY_STREAM below percentTraffic % means canary. */
export function pickRelease(world: World, api: RestApi, stage: Stage): Release {
  const canary = stage.canarySettings;
  const base: Release = { deployment: api.deployments[stage.deploymentId], deploymentId: stage.deploymentId, variables: stage.variables, isCanaryRequest: false, usesStageCache: true };
  if (canary === undefined) return base;
  const isCanaryRequest = world.rng.stream(CANARY_STREAM).nextFloat() * 100 < canary.percentTraffic;
  if (!isCanaryRequest) return base;
  return {
    deployment: api.deployments[canary.deploymentId], deploymentId: canary.deploymentId, variables: { ...stage.variables, ...canary.stageVariableOverrides },
    isCanaryRequest: true, usesStageCache: canary.useStageCache,
  };
}

/** `canarySettings` as get-stage prints it. */
export function describeCanary(canary: CanarySettings): ApiDocument {
  return {
    deploymentId: canary.deploymentId, percentTraffic: canary.percentTraffic, useStageCache: canary.useStageCache,
    ...(Object.keys(canary.stageVariableOverrides).length === 0 ? {} : { stageVariableOverrides: { ...canary.stageVariableOverrides } }),
  };
}
