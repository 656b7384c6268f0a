// Proves that `ChargeRun` (the per-second shortcut `sim load`'s quiet batches charge through) takes
// exactly what `checkCharge` + `commitCharge` take, refusing with the same limit and counting the same
// throttles, request by request: random runs over provisioned tables (burst credit, DDB-07; auto
// scaling replayed between seconds, DDB-09) and on-demand tables (previous-peak rule and optional
// maximum, DDB-05), hot and spread keys against the key-range cap (DDB-08), and stored bytes growing
// across the 10 GB partition boundary between requests (DDB-08), which changes the partition count and
// so each key's range in the middle of a second.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARTITION_MAX_BYTES } from '../../../../src/sim/dynamodb/limits.js';
import type { ThroughputState } from '../../../../src/sim/dynamodb/model.js';
import { checkCharge, commitCharge, noteThrottle, type LimitType } from '../../../../src/sim/dynamodb/throughput/charge.js';
import { ChargeRun, type KeyRangeMemo } from '../../../../src/sim/dynamodb/throughput/charge-run.js';
import { detailOf, newThroughput } from '../../../../src/sim/dynamodb/throughput/detail.js';
import type { Direction } from '../../../../src/sim/dynamodb/throughput/meter.js';

interface Step {
  readonly afterMs: number;
  readonly keyText: string;
  readonly units: number;
  /** Bytes the batch's previous write added to the table (a put may also shrink an item). */
  readonly addedBytes: number;
}

interface Run {
  readonly isProvisioned: boolean;
  readonly direction: Direction;
  readonly capacityUnits: number;
  readonly hasAutoScaling: boolean;
  readonly maxOnDemandUnits: number;
  readonly startBytes: number;
  readonly steps: readonly Step[];
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  afterMs: fc.constantFrom(0, 0, 0, 1, 7, 250, 999, 1_000, 3_500),
  keyText: fc.constantFrom('hot', 'hot', 'k1', 'k2', 'user7', 'user8', 'user9'),
  units: fc.constantFrom(0.5, 1, 1, 2, 5, 40, 400),
  addedBytes: fc.constantFrom(0, 0, 100, -100, 3_000_000_000),
});

const runArb: fc.Arbitrary<Run> = fc.record({
  isProvisioned: fc.boolean(),
  direction: fc.constantFrom('read' as const, 'write' as const),
  capacityUnits: fc.constantFrom(1, 5, 800, 1_500, 4_000),
  hasAutoScaling: fc.boolean(),
  maxOnDemandUnits: fc.constantFrom(0, 0, 50, 5_000),
  // Just under 1 or 2 partitions' worth (DDB-08: 10 GB each), so the count may grow mid-second.
  startBytes: fc.constantFrom(0, PARTITION_MAX_BYTES - 50, 2 * PARTITION_MAX_BYTES - 3_000_000_000),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 120 }),
});

function throughputOf(run: Run): ThroughputState {
  const throughput = newThroughput(run.isProvisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST', run.capacityUnits, run.capacityUnits, 0);
  const detail = detailOf(throughput);
  detail.sizeBytes = run.startBytes;
  detail.maxReadRequestUnits = run.maxOnDemandUnits;
  detail.maxWriteRequestUnits = run.maxOnDemandUnits;
  if (run.hasAutoScaling) detail.autoScaling[run.direction] = { targetPercent: 50, minUnits: 1, maxUnits: 2_000 };
  return throughput;
}

/** The reference: what a table-only charge does (`takeTableUnits` in write-path.ts). */
function take(throughput: ThroughputState, direction: Direction, nowMs: number, keyText: string, units: number): LimitType | undefined {
  const limit = checkCharge(throughput, direction, nowMs, keyText, detailOf(throughput).sizeBytes, units);
  if (limit === undefined) commitCharge(throughput, direction, nowMs, keyText, units);
  else noteThrottle(throughput, direction, nowMs);
  return limit;
}

describe('ChargeRun', () => {
  it('takes and refuses exactly as checkCharge + commitCharge, request by request', () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const reference = throughputOf(run);
        const fast = throughputOf(run);
        const charges = new ChargeRun(fast, run.direction);
        const memos = new Map<string, KeyRangeMemo>();
        let nowMs = 1_000; // meters start at 0: the first second already has burst credit to roll
        for (const step of run.steps) {
          nowMs += step.afterMs;
          detailOf(reference).sizeBytes += step.addedBytes;
          detailOf(fast).sizeBytes += step.addedBytes;
          let memo = memos.get(step.keyText);
          if (memo === undefined) {
            memo = { text: step.keyText, rangeCount: -1, range: 0 };
            memos.set(step.keyText, memo);
          }
          expect(charges.take(nowMs, memo, step.units)).toBe(take(reference, run.direction, nowMs, step.keyText, step.units));
          expect(fast).toEqual(reference);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('DDB-08: a hot key is refused at its key range’s 1,000 WCU while the table has capacity to spare', () => {
    const throughput = newThroughput('PROVISIONED', 100, 4_000, 0);
    const charges = new ChargeRun(throughput, 'write');
    const hot: KeyRangeMemo = { text: 'hot', rangeCount: -1, range: 0 };
    const limits = Array.from({ length: 1_001 }, () => charges.take(5_000, hot, 1));
    expect(limits.filter((limit) => limit === undefined)).toHaveLength(1_000);
    expect(limits[1_000]).toBe('KeyRangeThroughputExceeded');
    expect(hot.rangeCount).toBe(5); // DDB-08: ceil(100 / 3,000 + 4,000 / 1,000) partitions
  });
});
