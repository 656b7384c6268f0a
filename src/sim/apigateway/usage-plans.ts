// Usage plans and API keys (APIGW-05): a plan names API stages, a per-key throttle and a quota; keys
// join plans. Keys identify and meter callers; they do not authorize anyone.
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { QUOTA_PERIOD_MS } from './limits.js';
import { apiGatewayState, newId, type ApiKey, type UsagePlan } from './model.js';
import { badRequest, conflict, notFound } from './rest-api.js';

export function createApiKey(world: World, input: { name: string; value?: string; enabled?: boolean }): Result<ApiKey> {
  const state = apiGatewayState(world);
  const value = input.value ?? newId(world, 40);
  if (value.length < 20) return fail(badRequest('API Key value should be at least 20 characters'));
  if (Object.values(state.apiKeys).some((k) => k.value === value)) return fail(conflict('API Key already exists'));
  const key: ApiKey = { id: newId(world), name: input.name, value, enabled: input.enabled ?? true };
  state.apiKeys[key.id] = key;
  return ok(key);
}

export type UsagePlanInput = Omit<UsagePlan, 'id' | 'keyIds'>;

export function createUsagePlan(world: World, input: UsagePlanInput): Result<UsagePlan> {
  const state = apiGatewayState(world);
  for (const { apiId, stage } of input.apiStages) {
    const api = state.restApis[apiId];
    // Usage plans are for REST APIs only (APIGW-01).
    if (api === undefined) return fail(notFound(`Invalid API identifier specified ${world.accountId}:${apiId}`));
    if (api.stages[stage] === undefined) return fail(notFound(`Invalid stage identifier specified`));
  }
  if (input.quota !== undefined && !(input.quota.period in QUOTA_PERIOD_MS)) return fail(badRequest('Quota period must be DAY, WEEK or MONTH'));
  const plan: UsagePlan = { ...input, id: newId(world, 6), keyIds: [] };
  state.usagePlans[plan.id] = plan;
  return ok(plan);
}

export function createUsagePlanKey(world: World, usagePlanId: string, keyId: string): Result<ApiKey> {
  const state = apiGatewayState(world);
  const plan = state.usagePlans[usagePlanId];
  if (plan === undefined) return fail(notFound('Invalid Usage Plan ID specified'));
  const key = state.apiKeys[keyId];
  if (key === undefined) return fail(notFound('Invalid API Key identifier specified'));
  if (plan.keyIds.includes(keyId)) return fail(conflict('Usage Plan Key already exists'));
  // A key joins at most 10 usage plans (APIGW-05).
  const plans = Object.values(state.usagePlans).filter((p) => p.keyIds.includes(keyId)).length;
  if (plans >= 10) return fail(awsError('LimitExceededException', 429, 'An API key can be associated with at most 10 usage plans'));
  plan.keyIds.push(keyId);
  return ok(key);
}

/** The plan covering `apiId/stage` that holds the key with this value, if any. */
export function planForKey(world: World, apiId: string, stage: string, keyValue: string): { plan: UsagePlan; key: ApiKey } | undefined {
  const state = apiGatewayState(world);
  const key = Object.values(state.apiKeys).find((k) => k.value === keyValue && k.enabled);
  if (key === undefined) return undefined;
  const plan = Object.values(state.usagePlans)
    .sort((a, b) => a.id.localeCompare(b.id))
    .find((p) => p.keyIds.includes(key.id) && p.apiStages.some((s) => s.apiId === apiId && s.stage === stage));
  return plan === undefined ? undefined : { plan, key };
}

/** Counts one request against the plan's quota; false when the period's quota is used up (429, APIGW-05). */
export function takeQuota(world: World, plan: UsagePlan, key: ApiKey): boolean {
  if (plan.quota === undefined) return true;
  const state = apiGatewayState(world);
  const periodMs = QUOTA_PERIOD_MS[plan.quota.period];
  const scope = `${plan.id}/${key.id}`;
  const periodStartMs = Math.floor(world.nowMs / periodMs) * periodMs;
  const usage = state.quotas[scope];
  const current = usage === undefined || usage.periodStartMs !== periodStartMs ? { periodStartMs, used: 0 } : usage;
  if (current.used >= plan.quota.limit) return false;
  state.quotas[scope] = { periodStartMs, used: current.used + 1 };
  return true;
}
