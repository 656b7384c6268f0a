// Admission of one invocation: which execution environment runs it (provisioned, warm or a new one),
// or which throttle refuses it. Pure over the state except for the two changes it makes in one place
// (`admitInvocation` refills the scaling bucket and reclaims idle environments before deciding).
//
// The concurrency model (docs/lambda.md): an environment is "in use" while it runs an invocation
// (busyUntilMs > now). A function with reserved concurrency R may have at most R in use (LAM-12);
// functions without it share the unreserved pool: account limit − all reservations (LAM-10, LAM-12).
// New on-demand environments also spend a token of the function's scaling bucket (LAM-11).
import { IDLE_ENVIRONMENT_LIFETIME_MS, SCALING_ENVIRONMENTS_PER_WINDOW, SCALING_WINDOW_MS } from './limits.js';
import { busyEnvironmentCount, totalReservedConcurrency, type ExecutionEnvironment, type FunctionState, type LambdaState } from './model.js';

/** TooManyRequestsException reasons (LAM-14). */
export type ThrottleReason =
  | 'ConcurrentInvocationLimitExceeded'
  | 'ReservedFunctionConcurrentInvocationLimitExceeded'
  | 'FunctionInvocationRateLimitExceeded';

export type Admission =
  | { readonly kind: 'provisioned'; readonly environment: ExecutionEnvironment }
  | { readonly kind: 'warm'; readonly environment: ExecutionEnvironment }
  | { readonly kind: 'cold' }
  | { readonly kind: 'throttled'; readonly reason: ThrottleReason };

/** Refills the scaling bucket continuously: 1,000 environments per 10 s, never above 1,000. LAM-11 */
export function refillScalingTokens(fn: FunctionState, nowMs: number): void {
  const elapsedMs = nowMs - fn.scalingRefilledAtMs;
  fn.scalingTokens = Math.min(SCALING_ENVIRONMENTS_PER_WINDOW, fn.scalingTokens + (elapsedMs * SCALING_ENVIRONMENTS_PER_WINDOW) / SCALING_WINDOW_MS);
  fn.scalingRefilledAtMs = nowMs;
}

/** Drops on-demand environments idle for longer than the simulator's idle lifetime. */
export function reclaimIdleEnvironments(fn: FunctionState, nowMs: number): void {
  const isKept = (env: ExecutionEnvironment) => env.provisionedFor !== undefined || env.busyUntilMs + IDLE_ENVIRONMENT_LIFETIME_MS > nowMs;
  if (!fn.environments.every(isKept)) fn.environments = fn.environments.filter(isKept);
}

/** Busy environments of every function without reserved concurrency. */
function unreservedInUse(state: LambdaState, nowMs: number): number {
  let count = 0;
  for (const fn of state.functions.values()) if (fn.reservedConcurrency === undefined) count += busyEnvironmentCount(fn, nowMs);
  return count;
}

/** The concurrency check shared by every start, warm or cold. */
export function concurrencyThrottle(state: LambdaState, fn: FunctionState, nowMs: number): ThrottleReason | undefined {
  if (fn.reservedConcurrency !== undefined) {
    // Reserved concurrency caps the function, 0 stops every invocation. LAM-12
    return busyEnvironmentCount(fn, nowMs) >= fn.reservedConcurrency ? 'ReservedFunctionConcurrentInvocationLimitExceeded' : undefined;
  }
  const poolSize = state.accountConcurrencyLimit - totalReservedConcurrency(state);
  return unreservedInUse(state, nowMs) >= poolSize ? 'ConcurrentInvocationLimitExceeded' : undefined;
}

function idleEnvironment(fn: FunctionState, nowMs: number, matches: (env: ExecutionEnvironment) => boolean): ExecutionEnvironment | undefined {
  return fn.environments.find((env) => env.busyUntilMs <= nowMs && matches(env));
}

/**
 * Decides how an invocation of `version` (reached through `qualifier`) starts. Provisioned
 * environments of that qualifier come first (no cold start, LAM-13), then warm on-demand ones of the
 * version, then a new environment if the scaling bucket has a token (which this spends).
 */
export function admitInvocation(state: LambdaState, fn: FunctionState, version: string, qualifier: string, nowMs: number): Admission {
  refillScalingTokens(fn, nowMs);
  reclaimIdleEnvironments(fn, nowMs);
  const throttle = concurrencyThrottle(state, fn, nowMs);
  if (throttle !== undefined) return { kind: 'throttled', reason: throttle };
  const provisioned = idleEnvironment(fn, nowMs, (env) => env.provisionedFor === qualifier);
  if (provisioned !== undefined) return { kind: 'provisioned', environment: provisioned };
  const warm = idleEnvironment(fn, nowMs, (env) => env.provisionedFor === undefined && env.version === version);
  if (warm !== undefined) return { kind: 'warm', environment: warm };
  if (fn.scalingTokens < 1) return { kind: 'throttled', reason: 'FunctionInvocationRateLimitExceeded' };
  fn.scalingTokens -= 1;
  return { kind: 'cold' };
}
