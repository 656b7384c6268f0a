// The poller of a DynamoDB stream event source mapping, on world timers. One shard, in order: read up
// to BatchSize records through the port (waiting up to the batching window to fill a batch), invoke
// the function synchronously with {"Records": [...]}, and on a function error retry the same batch,
// blocking the shard (LAM-19), until it succeeds, runs out of MaximumRetryAttempts, or its oldest
// record passes MaximumRecordAgeInSeconds or the stream's 24-h retention (DDB-18). With
// BisectBatchOnFunctionError a failing batch is split in two halves, each retried on its own.
// Retries back off from 1 s to 1 min (`retryWaitMs`).
// Batches given up on go to the on-failure destination. Throttled invocations back off the same way
// without counting as retries.
// An idle mapping polls once a minute, or at once when woken by `wakeEventSourceMappings`.
import { defineTimerHandler, type World } from '../world.js';
import { executeInvocation } from './execute.js';
import { ESM_IDLE_POLL_INTERVAL_MS, ESM_POLL_INTERVAL_MS, STREAM_RECORD_RETENTION_MS } from './limits.js';
import { lambdaState, type EventSourceMappingState } from './model.js';
import { lambdaPorts, type StreamRecordForLambda } from './ports.js';

export type EventSourceMapping = EventSourceMappingState;

const POLL_TIMER = 'lambda.esm-poll';

/** Replaces the mapping's pending poll (if any) with one `delayMs` from now. */
function schedulePoll(world: World, mapping: EventSourceMapping, delayMs: number): void {
  if (mapping.pollTimerId !== undefined) world.clock.cancel(mapping.pollTimerId);
  mapping.pollTimerId = world.clock.schedule(delayMs, POLL_TIMER, { uuid: mapping.uuid }).id;
}

export function startPolling(world: World, mapping: EventSourceMapping): void {
  schedulePoll(world, mapping, 0);
}

/**
 * Tells the mappings of a stream that it has new records: idle ones poll at the next clock move instead
 * of waiting for their idle poll. The world wiring calls it from a DynamoDB item-change listener.
 */
export function wakeEventSourceMappings(world: World, streamArn: string): void {
  for (const mapping of lambdaState(world).mappings.values()) {
    if (mapping.eventSourceArn === streamArn && mapping.batches.length === 0) schedulePoll(world, mapping, 0);
  }
}

/** Reads a new batch when none is pending; returns the wait before trying again when not ready. */
function readBatch(world: World, mapping: EventSourceMapping): number | undefined {
  const read = lambdaPorts().readStreamRecords(world, mapping.eventSourceArn, mapping.position, mapping.batchSize);
  if (!read.ok) {
    world.record({ service: 'lambda', operation: 'esm-poll', outcome: read.error.name, detail: { uuid: mapping.uuid, message: read.error.message } });
    return ESM_IDLE_POLL_INTERVAL_MS;
  }
  const { records } = read.value;
  const oldest = records[0];
  if (oldest === undefined) {
    mapping.position = read.value.nextPosition;
    return ESM_IDLE_POLL_INTERVAL_MS;
  }
  const windowEndsMs = oldest.approximateCreationTimeMs + mapping.batchingWindowSeconds * 1_000;
  if (records.length < mapping.batchSize && windowEndsMs > world.nowMs) return windowEndsMs - world.nowMs;
  mapping.position = read.value.nextPosition;
  mapping.batches.push([...records]);
  mapping.retries = 0;
  return undefined;
}

/** When the oldest record of a batch can no longer be retried: its maximum age or the stream's retention. */
function batchExpiresAtMs(mapping: EventSourceMapping, batch: readonly StreamRecordForLambda[]): number {
  const createdMs = batch[0]?.approximateCreationTimeMs ?? 0;
  const maxAgeMs = mapping.maxRecordAgeSeconds >= 0 ? Math.min(mapping.maxRecordAgeSeconds * 1_000, STREAM_RECORD_RETENTION_MS) : STREAM_RECORD_RETENTION_MS;
  return createdMs + maxAgeMs;
}

function expiryReason(world: World, mapping: EventSourceMapping, batch: readonly StreamRecordForLambda[]): string | undefined {
  if (world.nowMs >= batchExpiresAtMs(mapping, batch)) return 'RecordAgeExceeded';
  if (mapping.maxRetryAttempts >= 0 && mapping.retries > mapping.maxRetryAttempts) return 'RetryAttemptsExhausted';
  return undefined;
}

function giveUp(world: World, mapping: EventSourceMapping, batch: readonly StreamRecordForLambda[], condition: string): void {
  mapping.batches.shift();
  const invokeCount = mapping.retries;
  mapping.retries = 0;
  world.record({ service: 'lambda', operation: 'esm-batch-discarded', outcome: condition, detail: { uuid: mapping.uuid, records: batch.length } });
  if (mapping.onFailureArn === undefined) return;
  const record = {
    requestContext: { condition, approximateInvokeCount: invokeCount, functionArn: `${mapping.functionName}` },
    DDBStreamBatchInfo: {
      streamArn: mapping.eventSourceArn,
      batchSize: batch.length,
      startSequenceNumber: batch[0]?.sequenceNumber,
      endSequenceNumber: batch[batch.length - 1]?.sequenceNumber,
    },
  };
  lambdaState(world).deliveries.push({ timeMs: world.nowMs, kind: 'on-failure', targetArn: mapping.onFailureArn, record });
  lambdaPorts().deliverToDestination(world, { kind: 'on-failure', targetArn: mapping.onFailureArn, record });
}

/**
 * Simulator assumption (AWS does not state the interval): a failed batch is retried after 1 s, 2 s,
 * 4 s ... up to 1 min, so a batch retried until expiry costs about 1,500 tries a day, not 86,400.
 */
export function retryWaitMs(retries: number): number {
  return Math.min(ESM_POLL_INTERVAL_MS * 2 ** Math.min(retries - 1, 16), 60_000);
}

/** Invokes the function with the first pending batch; returns the wait until the next poll. */
function processBatch(world: World, mapping: EventSourceMapping, batch: StreamRecordForLambda[]): number {
  const condition = expiryReason(world, mapping, batch);
  if (condition !== undefined) {
    giveUp(world, mapping, batch, condition);
    return 0;
  }
  const fn = lambdaState(world).functions.get(mapping.functionName);
  if (fn === undefined) return ESM_IDLE_POLL_INTERVAL_MS;
  const executed = executeInvocation(world, { fn, version: '$LATEST', qualifier: '$LATEST' }, { Records: batch.map((r) => r.record) }, 'event-source-mapping');
  if (!executed.ok) {
    mapping.throttledTries++; // throttles are not retries: they back off on their own counter
    return retryWaitMs(mapping.throttledTries);
  }
  mapping.throttledTries = 0;
  const busyMs = executed.value.initMs + executed.value.durationMs;
  world.record({ service: 'lambda', operation: 'esm-batch', outcome: executed.value.outcome, detail: { uuid: mapping.uuid, records: batch.length, retries: mapping.retries } });
  if (executed.value.outcome === 'success') {
    mapping.batches.shift();
    mapping.retries = 0;
    return busyMs;
  }
  mapping.retries++;
  if (mapping.bisectOnError && batch.length > 1) {
    const half = Math.ceil(batch.length / 2);
    mapping.batches.splice(0, 1, batch.slice(0, half), batch.slice(half));
  }
  return Math.min(busyMs + retryWaitMs(mapping.retries), batchExpiresAtMs(mapping, batch) - world.nowMs);
}

function poll(world: World, uuid: string): void {
  const mapping = lambdaState(world).mappings.get(uuid);
  if (mapping === undefined) return;
  delete mapping.pollTimerId;
  const batch = mapping.batches[0];
  if (batch === undefined) {
    const waitMs = readBatch(world, mapping);
    schedulePoll(world, mapping, waitMs ?? 1);
    return;
  }
  schedulePoll(world, mapping, Math.max(processBatch(world, mapping, batch), 1));
}

defineTimerHandler(POLL_TIMER, (world, payload) => {
  poll(world, (payload as { uuid: string }).uuid);
});
