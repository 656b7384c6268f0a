// Carries out an ImportPlan: import-rest-api creates a new API from it; put-rest-api overwrites an
// existing API's definition (its stages and deployments stay) or merges the plan into it (a method the
// plan names replaces the one at the same path and verb). Everything that could fail is checked before
// the first change (the plan, --fail-on-warnings, the limits after a merge), so a failed import changes
// nothing; a failure while applying is a bug (InvariantError).
// Source: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api-update.html
import { fail, invariant, ok, type Result } from '../../result.js';
import type { World } from '../../world.js';
import { expandExecuteApiShorthand } from '../access.js';
import { newId, type RestApi } from '../model.js';
import { badRequest, createAuthorizer, createRestApi, ensureResourcePath, putIntegration, putMethod } from '../rest-api.js';
import { checkLimits, planImport, resourcePathsOf, type ImportOptions } from './plan.js';
import type { ImportPlan, PlannedMethod } from './plan-types.js';
import { compact } from './values.js';

export type PutMode = 'overwrite' | 'merge';

export interface ImportRequest extends ImportOptions {
  readonly body: string;
  readonly failOnWarnings: boolean;
}

export interface ImportOutcome {
  readonly api: RestApi;
  readonly warnings: readonly string[];
}

function must<T>(result: Result<T>, what: string): T {
  invariant(result.ok, `OpenAPI import: ${what} failed after planning: ${result.ok ? '' : result.error.message}`);
  return result.value;
}

/**
 * `${AWS::Region}` and `${AWS::AccountId}` in the document are replaced by the caller's Region and account
 * before it is read (https://docs.aws.amazon.com/apigateway/latest/developerguide/import-api-aws-variables.html).
 */
function checkedPlan(world: World, request: ImportRequest): Result<ImportPlan> {
  const body = request.body.replaceAll('${AWS::Region}', world.region).replaceAll('${AWS::AccountId}', world.accountId);
  const plan = planImport(body, request);
  if (!plan.ok || !request.failOnWarnings || plan.value.warnings.length === 0) return plan;
  return fail(badRequest(`Warnings found during import:\n\t${plan.value.warnings.join('\n\t')}`));
}

function clearDefinition(api: RestApi): void {
  const root = api.resources[api.rootResourceId]!;
  api.resources = { [root.id]: { ...root, methods: {} } };
  api.authorizers = {};
  api.models = {};
  api.requestValidators = {};
  api.gatewayResponses = {};
}

function applyApiParts(world: World, api: RestApi, plan: ImportPlan): { authorizerIds: Record<string, string>; validatorIds: Record<string, string> } {
  const authorizerIds: Record<string, string> = {};
  for (const config of plan.authorizers) {
    const existing = Object.values(api.authorizers).find((a) => a.type !== 'AWS_IAM' && a.name === config.name);
    if (existing !== undefined) api.authorizers[existing.id] = { ...config, id: existing.id };
    authorizerIds[config.name] = existing?.id ?? must(createAuthorizer(world, api, config), `authorizer ${config.name}`).id;
  }
  const models = { ...(api.models ?? {}) };
  for (const model of plan.models) models[model.name] = { ...model, id: models[model.name]?.id ?? newId(world, 6) };
  api.models = models;
  const validators = { ...(api.requestValidators ?? {}) };
  const validatorIds: Record<string, string> = {};
  for (const validator of plan.validators) {
    const id = Object.values(validators).find((v) => v.name === validator.name)?.id ?? newId(world, 6);
    validators[id] = { ...validator, id };
    validatorIds[validator.name] = id;
  }
  api.requestValidators = validators;
  api.gatewayResponses = { ...(api.gatewayResponses ?? {}), ...plan.gatewayResponses };
  if (plan.apiKeySource !== undefined) api.apiKeySource = plan.apiKeySource;
  if (plan.resourcePolicy !== undefined) api.resourcePolicy = expandExecuteApiShorthand(plan.resourcePolicy, `arn:aws:execute-api:${world.region}:${world.accountId}:${api.id}`);
  return { authorizerIds, validatorIds };
}

function applyMethod(world: World, api: RestApi, method: PlannedMethod, ids: ReturnType<typeof applyApiParts>): void {
  const resource = must(ensureResourcePath(world, api, method.path), `resource ${method.path}`);
  delete resource.methods[method.httpMethod];
  const authorizerId = method.authorizerName === undefined ? undefined : ids.authorizerIds[method.authorizerName];
  must(putMethod(api, resource.id, compact({
    httpMethod: method.httpMethod, authorizationType: method.authorizationType, authorizerId, apiKeyRequired: method.apiKeyRequired, requestParameters: method.requestParameters,
  })), `method ${method.httpMethod} ${method.path}`);
  if (method.integration !== undefined) must(putIntegration(api, resource.id, method.httpMethod, method.integration, method.cacheKeyParameters), `integration of ${method.httpMethod} ${method.path}`);
  const validatorId = method.requestValidatorName === undefined ? undefined : ids.validatorIds[method.requestValidatorName];
  resource.methods[method.httpMethod] = { ...resource.methods[method.httpMethod]!, ...compact({ requestValidatorId: validatorId, requestModels: method.requestModels, methodResponses: method.methodResponses }) };
}

function applyPlan(world: World, api: RestApi, plan: ImportPlan): void {
  const ids = applyApiParts(world, api, plan);
  for (const path of plan.paths) must(ensureResourcePath(world, api, path), `resource ${path}`);
  for (const method of plan.methods) applyMethod(world, api, method, ids);
}

/** import-rest-api: a new REST API from an OpenAPI document. */
export function importRestApi(world: World, request: ImportRequest): Result<ImportOutcome> {
  const plan = checkedPlan(world, request);
  if (!plan.ok) return plan;
  const api = must(createRestApi(world, compact({
    name: plan.value.name, endpointType: plan.value.endpointType, apiKeySource: plan.value.apiKeySource, resourcePolicy: plan.value.resourcePolicy,
  })), 'create-rest-api');
  applyPlan(world, api, plan.value);
  return ok({ api, warnings: plan.value.warnings });
}

/** After a merge: the resources and authorizers the API would hold (APIGW-08 limits). */
function checkMergedLimits(api: RestApi, plan: ImportPlan): Result<void> {
  const paths = resourcePathsOf([...Object.values(api.resources).map((r) => r.path), ...plan.paths]);
  const names = new Set([...Object.values(api.authorizers).map((a) => (a.type === 'AWS_IAM' ? a.id : a.name)), ...plan.authorizers.map((a) => a.name)]);
  return checkLimits(paths.size + 1, names.size);
}

/** put-rest-api: overwrite or merge an existing API's definition; stages keep serving their deployments. */
export function putRestApi(world: World, api: RestApi, mode: PutMode, request: ImportRequest): Result<ImportOutcome> {
  const plan = checkedPlan(world, request);
  if (!plan.ok) return plan;
  if (mode === 'merge') {
    const limits = checkMergedLimits(api, plan.value);
    if (!limits.ok) return limits;
  } else {
    clearDefinition(api);
    delete api.resourcePolicy;
    api.apiKeySource = 'HEADER';
  }
  applyPlan(world, api, plan.value);
  return ok({ api, warnings: plan.value.warnings });
}
