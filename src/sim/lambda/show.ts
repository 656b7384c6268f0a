// Read-only views for `sim show lambda NAME` and `sim cost` (the sandbox helper turns them into rows).
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { computeCost, type CostBreakdown } from './billing.js';
import { busyEnvironmentCount, lambdaState } from './model.js';

export interface LambdaShowView {
  readonly functionName: string;
  readonly packageType: 'Zip' | 'Image';
  readonly imageUri?: string;
  /** `Failed` when the function could not become Active (an image over 10 GB, LAM-05). */
  readonly state: 'Active' | 'Failed';
  readonly runtime: string;
  readonly handler: string;
  readonly memorySizeMb: number;
  readonly timeoutSeconds: number;
  readonly ephemeralStorageMb: number;
  readonly versions: readonly string[];
  readonly aliases: Readonly<Record<string, string>>;
  /** Weighted aliases: the additional version and its share (0–1), e.g. during a CodeDeploy canary. */
  readonly aliasRouting: Readonly<Record<string, { readonly version: string; readonly weight: number }>>;
  readonly reservedConcurrency: number | null;
  readonly provisionedConcurrency: Readonly<Record<string, number>>;
  readonly environments: { readonly total: number; readonly busy: number; readonly provisioned: number };
  readonly asyncQueueDepth: number;
  readonly maximumRetryAttempts: number;
  readonly maximumEventAgeSeconds: number;
  readonly invocations: number;
  readonly coldStarts: number;
  readonly throttles: number;
  readonly billedMs: number;
  readonly gbSeconds: number;
  /** Without the free tier: what these invocations add to a bill. */
  readonly cost: CostBreakdown;
}

export function describeLambdaForShow(world: World, name: string): Result<LambdaShowView> {
  const state = lambdaState(world);
  const fn = state.functions.get(name);
  if (fn === undefined) return fail(awsError('ResourceNotFoundException', 404, `Function not found: arn:aws:lambda:${world.region}:${world.accountId}:function:${name}`));
  const queued = [...state.asyncEvents.values()].filter((event) => event.functionName === name).length;
  return ok({
    functionName: fn.name,
    packageType: fn.latest.packageType,
    ...(fn.latest.imageUri === undefined ? {} : { imageUri: fn.latest.imageUri }),
    state: fn.latest.failure === undefined ? 'Active' : 'Failed',
    runtime: fn.latest.runtime,
    handler: fn.latest.handler,
    memorySizeMb: fn.latest.memorySizeMb,
    timeoutSeconds: fn.latest.timeoutSeconds,
    ephemeralStorageMb: fn.latest.ephemeralStorageMb,
    versions: ['$LATEST', ...fn.versions.keys()],
    aliases: Object.fromEntries(fn.aliases),
    aliasRouting: Object.fromEntries([...fn.aliasInfo].flatMap(([name, info]) => (info.routing === undefined ? [] : [[name, info.routing]]))),
    reservedConcurrency: fn.reservedConcurrency ?? null,
    provisionedConcurrency: Object.fromEntries(fn.provisioned),
    environments: {
      total: fn.environments.length,
      busy: busyEnvironmentCount(fn, world.nowMs),
      provisioned: fn.environments.filter((env) => env.provisionedFor !== undefined).length,
    },
    asyncQueueDepth: queued,
    maximumRetryAttempts: fn.eventInvokeConfig.maximumRetryAttempts,
    maximumEventAgeSeconds: fn.eventInvokeConfig.maximumEventAgeSeconds,
    invocations: fn.usage.requests,
    coldStarts: fn.usage.coldStarts,
    throttles: fn.usage.throttles,
    billedMs: fn.usage.billedMs,
    gbSeconds: fn.usage.gbSeconds,
    cost: computeCost({ requests: fn.usage.requests, gbSeconds: fn.usage.gbSeconds, applyFreeTier: false }),
  });
}

export interface LambdaCostRow {
  readonly functionName: string;
  readonly requests: number;
  readonly gbSeconds: number;
  readonly requestCostUsd: number;
  readonly durationCostUsd: number;
}

export interface LambdaCostReport {
  readonly rows: readonly LambdaCostRow[];
  /** All functions together, without the free tier (LAM-18 prices). */
  readonly total: CostBreakdown;
  /** All functions together, after the monthly free tier (1 M requests, 400,000 GB-s). */
  readonly totalWithFreeTier: CostBreakdown;
}

export function lambdaCostReport(world: World): LambdaCostReport {
  const functions = [...lambdaState(world).functions.values()].sort((a, b) => a.name.localeCompare(b.name));
  const rows = functions.map((fn) => {
    const cost = computeCost({ requests: fn.usage.requests, gbSeconds: fn.usage.gbSeconds, applyFreeTier: false });
    return { functionName: fn.name, requests: fn.usage.requests, gbSeconds: fn.usage.gbSeconds, requestCostUsd: cost.requestCostUsd, durationCostUsd: cost.durationCostUsd };
  });
  const requests = rows.reduce((sum, row) => sum + row.requests, 0);
  const gbSeconds = rows.reduce((sum, row) => sum + row.gbSeconds, 0);
  return {
    rows,
    total: computeCost({ requests, gbSeconds, applyFreeTier: false }),
    totalWithFreeTier: computeCost({ requests, gbSeconds, applyFreeTier: true }),
  };
}
