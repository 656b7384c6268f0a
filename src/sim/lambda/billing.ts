// Lambda cost math, pure: per-request price plus GB-seconds of billed duration (LAM-18), and the rule
// deciding whether a cold start's INIT phase is billed (LAM-17).
import {
  FREE_TIER_GB_SECONDS,
  FREE_TIER_REQUESTS,
  INIT_BILLING_START_MS,
  PRICE_PER_GB_SECOND_USD,
  PRICE_PER_REQUEST_USD,
} from './limits.js';
import type { PackageType } from './model.js';

/** Duration is billed rounded up to the next whole millisecond (100 ms before Dec 2020). LAM-18 */
export function billedDurationMs(durationMs: number): number {
  return Math.ceil(durationMs);
}

/** GB-seconds for one invocation: memory in GB (1,024 MB) × billed seconds. LAM-18 */
export function gbSecondsOf(memoryMb: number, billedMs: number): number {
  return (memoryMb / 1_024) * (billedMs / 1_000);
}

export interface InitBillingInput {
  readonly nowMs: number;
  readonly runtime: string;
  readonly packageType: PackageType;
  /**
   * The date from which on-demand .zip functions on managed runtimes pay for INIT.
   * @default INIT_BILLING_START_MS (2025-08-01, LAM-17)
   */
  readonly initBillingStartMs?: number;
}

/**
 * Whether an on-demand cold start's INIT phase is billed. Custom runtimes (`provided.*`) and container
 * images always paid for it; .zip functions on managed runtimes pay from 2025-08-01 (LAM-17), so the
 * world's virtual date decides. Provisioned environments never cold-start on invoke.
 */
export function isInitBilled(input: InitBillingInput): boolean {
  if (input.packageType === 'Image' || input.runtime.startsWith('provided')) return true;
  return input.nowMs >= (input.initBillingStartMs ?? INIT_BILLING_START_MS);
}

export interface CostInput {
  readonly requests: number;
  readonly gbSeconds: number;
  /** @default PRICE_PER_GB_SECOND_USD ($0.0000166667, LAM-18) */
  readonly pricePerGbSecondUsd?: number;
  /** Subtract the monthly free tier (1 M requests, 400,000 GB-s, LAM-18). */
  readonly applyFreeTier: boolean;
}

export interface CostBreakdown {
  readonly billableRequests: number;
  readonly billableGbSeconds: number;
  readonly requestCostUsd: number;
  readonly durationCostUsd: number;
  /** Rounded to whole cents, as a bill shows it. */
  readonly totalUsd: number;
}

/**
 * The monthly bill for a number of requests and GB-seconds.
 * Example (AWS's, LAM-18): 3 M requests × 1 s at 512 MB = 1,500,000 GB-s; with the free tier and the
 * whitepaper price $0.00001667: 1,100,000 × $0.00001667 = $18.337 + 2 M × $0.0000002 = $0.40 → $18.74.
 */
export function computeCost(input: CostInput): CostBreakdown {
  const billableRequests = input.applyFreeTier ? Math.max(0, input.requests - FREE_TIER_REQUESTS) : input.requests;
  const billableGbSeconds = input.applyFreeTier ? Math.max(0, input.gbSeconds - FREE_TIER_GB_SECONDS) : input.gbSeconds;
  const requestCostUsd = billableRequests * PRICE_PER_REQUEST_USD;
  const durationCostUsd = billableGbSeconds * (input.pricePerGbSecondUsd ?? PRICE_PER_GB_SECOND_USD);
  return {
    billableRequests,
    billableGbSeconds,
    requestCostUsd,
    durationCostUsd,
    totalUsd: Math.round((requestCostUsd + durationCostUsd) * 100) / 100,
  };
}
