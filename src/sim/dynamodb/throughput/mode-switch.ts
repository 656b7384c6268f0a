// Capacity changes made by UpdateTable: new provisioned units, and switching between provisioned and
// on-demand (DDB-04, DDB-05). Meters are caught up first, so time before the change is counted with
// the old capacity.
import { ON_DEMAND_INITIAL_READ_PEAK, ON_DEMAND_INITIAL_WRITE_PEAK } from '../limits.js';
import type { BillingMode, ThroughputState } from '../model.js';
import { catchUp } from './charge.js';
import { detailOf } from './detail.js';

/** Sets provisioned units (after catching the meters up at the old ones). */
export function setProvisionedUnits(throughput: ThroughputState, nowMs: number, read: number, write: number): void {
  catchUp(throughput, nowMs);
  throughput.readCapacityUnits = read;
  throughput.writeCapacityUnits = write;
}

/**
 * A copy of `throughput` in `mode`, sharing its detail. Going on-demand, the previous peak becomes half
 * the old provisioned units or the new-table values, whichever is larger (DDB-05), and auto scaling is
 * removed (DDB-04). Going provisioned starts with no burst credit.
 */
export function switchMode(throughput: ThroughputState, mode: BillingMode, nowMs: number, read: number, write: number): ThroughputState {
  catchUp(throughput, nowMs);
  const detail = detailOf(throughput);
  if (mode === 'PAY_PER_REQUEST') {
    detail.onDemandBaseReadUnits = Math.max(ON_DEMAND_INITIAL_READ_PEAK, throughput.readCapacityUnits / 2);
    detail.onDemandBaseWriteUnits = Math.max(ON_DEMAND_INITIAL_WRITE_PEAK, throughput.writeCapacityUnits / 2);
    detail.autoScaling = {};
    for (const [meter, base] of [[detail.read, detail.onDemandBaseReadUnits], [detail.write, detail.onDemandBaseWriteUnits]] as const) {
      meter.peakUnits = base;
      meter.peakSteps = [];
    }
  } else {
    detail.read.burstCreditUnits = 0;
    detail.write.burstCreditUnits = 0;
  }
  return { mode, readCapacityUnits: read, writeCapacityUnits: write, detail: throughput.detail };
}
