// Proves Lambda's cost math with AWS's own numbers: the pricing whitepaper's worked example ($18.74,
// LAM-18), rounding up to 1 ms (LAM-18), and the INIT billing rule's date (LAM-17).
import { describe, expect, it } from 'vitest';
import { billedDurationMs, computeCost, gbSecondsOf, isInitBilled } from '../../../src/sim/lambda/billing.js';
import { INIT_BILLING_START_MS, WHITEPAPER_PRICE_PER_GB_SECOND_USD } from '../../../src/sim/lambda/limits.js';

describe('Lambda billing', () => {
  it('reproduces AWS’s worked example: 3 M × 1 s at 512 MB costs $18.74 with the free tier (LAM-18)', () => {
    const gbSeconds = 3_000_000 * gbSecondsOf(512, 1_000);
    expect(gbSeconds).toBe(1_500_000);
    const cost = computeCost({ requests: 3_000_000, gbSeconds, applyFreeTier: true, pricePerGbSecondUsd: WHITEPAPER_PRICE_PER_GB_SECOND_USD });
    expect(cost.billableGbSeconds).toBe(1_100_000);
    expect(cost.billableRequests).toBe(2_000_000);
    expect(cost.durationCostUsd).toBeCloseTo(18.337, 9);
    expect(cost.requestCostUsd).toBeCloseTo(0.4, 9);
    expect(cost.totalUsd).toBe(18.74);
  });

  it('gives $18.73 for the same month at the unrounded pricing-page price $0.0000166667 (LAM-18)', () => {
    expect(computeCost({ requests: 3_000_000, gbSeconds: 1_500_000, applyFreeTier: true }).totalUsd).toBe(18.73);
  });

  it('rounds duration up to the next millisecond, not 100 ms (LAM-18)', () => {
    expect(billedDurationMs(1.2)).toBe(2);
    expect(billedDurationMs(101)).toBe(101);
    expect(billedDurationMs(250)).toBe(250);
  });

  it('bills INIT for on-demand .zip managed runtimes from 2025-08-01 only (LAM-17)', () => {
    expect(INIT_BILLING_START_MS).toBe(Date.UTC(2025, 7, 1));
    const zip = { runtime: 'nodejs22.x', packageType: 'Zip' } as const;
    expect(isInitBilled({ ...zip, nowMs: Date.UTC(2025, 6, 31, 23, 59, 59) })).toBe(false);
    expect(isInitBilled({ ...zip, nowMs: Date.UTC(2025, 7, 1) })).toBe(true);
    expect(isInitBilled({ runtime: 'provided.al2023', packageType: 'Zip', nowMs: Date.UTC(2024, 0, 1) })).toBe(true);
    expect(isInitBilled({ runtime: 'nodejs22.x', packageType: 'Image', nowMs: Date.UTC(2024, 0, 1) })).toBe(true);
    expect(isInitBilled({ ...zip, nowMs: Date.UTC(2025, 0, 1), initBillingStartMs: Date.UTC(2024, 0, 1) })).toBe(true);
  });
});
