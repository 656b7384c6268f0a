// Event source mappings from a DynamoDB stream (LAM-19): CreateEventSourceMapping validates and stores
// the mapping and starts its poller (esm-poller.ts). The stream is read only through the
// `readStreamRecords` port, so the DynamoDB Streams module plugs in when the world is wired.
import type { ApiDocument } from '../cli/operation-spec.js';
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { lambdaTimestamp } from './config.js';
import { startPolling, type EventSourceMapping } from './esm-poller.js';
import {
  ESM_BATCHING_WINDOW_MAX_SECONDS,
  ESM_BATCH_SIZE_DEFAULT,
  ESM_BATCH_SIZE_MAX,
  ESM_MAX_RECORD_AGE_MAX_SECONDS,
  ESM_MAX_RETRY_ATTEMPTS_MAX,
} from './limits.js';
import { lambdaState, nextLambdaId } from './model.js';
import { requestedFunction } from './operations.js';
import { constraintProblem, missingMember, rangeProblem, readInteger, readObject, readString, validationProblems } from './request.js';

function recordAgeProblem(seconds: number): string | undefined {
  if (seconds === -1) return undefined;
  return rangeProblem(seconds, 'maximumRecordAgeInSeconds', 60, ESM_MAX_RECORD_AGE_MAX_SECONDS);
}

function onFailureArnOf(request: ApiDocument): string | undefined {
  const destination = (readObject(request, 'DestinationConfig')?.['OnFailure'] as Record<string, unknown> | undefined)?.['Destination'];
  return typeof destination === 'string' ? destination : undefined;
}

function renderMapping(mapping: EventSourceMapping, functionArn: string, nowMs: number): ApiDocument {
  return {
    UUID: mapping.uuid,
    StartingPosition: mapping.startingPosition,
    BatchSize: mapping.batchSize,
    MaximumBatchingWindowInSeconds: mapping.batchingWindowSeconds,
    ParallelizationFactor: 1,
    EventSourceArn: mapping.eventSourceArn,
    FunctionArn: functionArn,
    LastModified: lambdaTimestamp(nowMs),
    State: 'Enabled',
    StateTransitionReason: 'User action',
    DestinationConfig: { OnFailure: mapping.onFailureArn === undefined ? {} : { Destination: mapping.onFailureArn } },
    MaximumRecordAgeInSeconds: mapping.maxRecordAgeSeconds,
    BisectBatchOnFunctionError: mapping.bisectOnError,
    MaximumRetryAttempts: mapping.maxRetryAttempts,
  };
}

/** Defaults of LAM-19: batch 100, window 0, retries −1 (until expiry), record age −1, no bisect. */
export function createEventSourceMapping(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = requestedFunction(world, request);
  if (!found.ok) return found;
  const eventSourceArn = readString(request, 'EventSourceArn');
  const startingPosition = readString(request, 'StartingPosition');
  if (eventSourceArn === undefined) return fail(missingMember('EventSourceArn'));
  if (startingPosition === undefined) return fail(missingMember('StartingPosition'));
  const batchSize = readInteger(request, 'BatchSize') ?? ESM_BATCH_SIZE_DEFAULT;
  const batchingWindowSeconds = readInteger(request, 'MaximumBatchingWindowInSeconds') ?? 0;
  const maxRetryAttempts = readInteger(request, 'MaximumRetryAttempts') ?? -1;
  const maxRecordAgeSeconds = readInteger(request, 'MaximumRecordAgeInSeconds') ?? -1;
  const problems = validationProblems([
    rangeProblem(batchSize, 'batchSize', 1, ESM_BATCH_SIZE_MAX),
    rangeProblem(batchingWindowSeconds, 'maximumBatchingWindowInSeconds', 0, ESM_BATCHING_WINDOW_MAX_SECONDS),
    rangeProblem(maxRetryAttempts, 'maximumRetryAttempts', -1, ESM_MAX_RETRY_ATTEMPTS_MAX),
    recordAgeProblem(maxRecordAgeSeconds),
    ['TRIM_HORIZON', 'LATEST'].includes(startingPosition) ? undefined : constraintProblem(startingPosition, 'startingPosition', 'Member must satisfy enum value set: [TRIM_HORIZON, LATEST]'),
  ]);
  if (problems !== undefined) return fail(problems);
  const onFailureArn = onFailureArnOf(request);
  const mapping: EventSourceMapping = {
    uuid: nextLambdaId(lambdaState(world), 'esm'),
    functionName: found.value.name,
    eventSourceArn,
    startingPosition,
    position: startingPosition,
    batchSize,
    batchingWindowSeconds,
    maxRetryAttempts,
    maxRecordAgeSeconds,
    bisectOnError: request['BisectBatchOnFunctionError'] === true,
    ...(onFailureArn === undefined ? {} : { onFailureArn }),
    batches: [],
    retries: 0,
    throttledTries: 0,
  };
  lambdaState(world).mappings.set(mapping.uuid, mapping);
  startPolling(world, mapping);
  world.record({ service: 'lambda', operation: 'CreateEventSourceMapping', outcome: 'ok', detail: { uuid: mapping.uuid, functionName: mapping.functionName, eventSourceArn } });
  return ok(renderMapping(mapping, found.value.arn, world.nowMs));
}
