// Which requests of a load `advanceSandbox` may hand to the service's `runBatch` at once: a run of the
// load's next requests that the engine would issue back to back with no other load's event between
// them (docs/sandbox-language.md, "The load engine"). World timers are the batch's own check.
import { isLoadFinished, nextRequestMs, secondEndMs, type LoadState } from './load-state.js';
import type { PreparedLoadRequest } from './sim-command-spec.js';

/** What the choice needs of a load's runtime. */
export interface BatchCandidate {
  readonly load: LoadState;
  readonly fast: PreparedLoadRequest | undefined;
}

/**
 * How many of `runtime`'s next requests the engine would issue back to back, nothing else in between:
 * those before its second closes, before any other load's next event (ties go to the load listed first,
 * as in `advanceSandbox`) and not after `targetMs`. 0 when the load cannot batch (no `runBatch`, or
 * retries, which schedule events of their own). World timers are checked request by request by `runBatch`.
 */
export function batchSize(active: readonly BatchCandidate[], runtime: BatchCandidate, targetMs: number, maxEvents: number): number {
  const load = runtime.load;
  if (runtime.fast?.runBatch === undefined || load.retries > 0 || load.pendingRetries.length > 0) return 0;
  let endMs = Math.min(secondEndMs(load), targetMs + 1);
  let isBefore = true;
  for (const other of active) {
    if (other === runtime) {
      isBefore = false;
      continue;
    }
    if (isLoadFinished(other.load)) continue;
    const otherMs = nextEventMs(other.load);
    // A load listed earlier goes first on a tie; a later one goes after.
    endMs = Math.min(endMs, isBefore ? otherMs : otherMs + 1);
  }
  let count = 0;
  const limit = Math.min(maxEvents, load.totalRequests - load.issued);
  while (count < limit && load.startMs + Math.floor(((load.issued + count) * 1000) / load.ratePerSecond) < endMs) count++;
  return count;
}

function nextEventMs(load: LoadState): number {
  return Math.min(secondEndMs(load), nextRequestMs(load), load.pendingRetries[0]?.atMs ?? Infinity);
}
