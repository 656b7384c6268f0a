// AWS CLI rows for the DynamoDB features (OperationSpec, src/sim/cli/operation-spec.ts): the four
// `aws dynamodbstreams` commands, `aws dynamodb update-time-to-live` / `describe-time-to-live`, and the
// global-table members of `aws dynamodb update-table` for the lead to add to the core's row. Each row
// checks the request's shape (the parser hands over JSON) and runs in the world's current Region.
import type { ApiDocument, OperationSpec, ParamSpec } from '../cli/operation-spec.js';
import { fail, validationError, type Result } from '../result.js';
import type { World } from '../world.js';
import { updateTableReplicas, type ReplicaUpdate } from './global-tables-replicas.js';
import { SHARD_ITERATOR_TYPES, describeStream, getRecords, getShardIterator, listStreams, type ShardIteratorType } from './streams/operations.js';
import { describeTimeToLive, updateTimeToLive } from './ttl.js';

const invalid = (message: string): Result<never> => fail(validationError(message));

function text(request: ApiDocument, member: string): string | undefined {
  const value = request[member];
  return typeof value === 'string' ? value : undefined;
}

/** Runs `body` with the named string members, or answers which one is missing. */
function withStrings(request: ApiDocument, members: readonly string[], body: (values: string[]) => Result<ApiDocument>): Result<ApiDocument> {
  const values = members.map((member) => text(request, member));
  const missing = members.filter((_, index) => values[index] === undefined);
  if (missing.length > 0) return invalid(`Missing required parameter: ${missing.join(', ')}`);
  return body(values as string[]);
}

const TABLE_NAME: ParamSpec = { flag: '--table-name', member: 'TableName', type: 'string', required: true, description: 'The table to act on.' };
const STREAM_ARN: ParamSpec = { flag: '--stream-arn', member: 'StreamArn', type: 'string', required: true, description: 'The ARN of the stream (from list-streams or describe-table).' };

function runUpdateTimeToLive(world: World, request: ApiDocument): Result<ApiDocument> {
  const spec = request.TimeToLiveSpecification as Record<string, unknown> | undefined;
  const enabled = spec?.Enabled === true || spec?.Enabled === 'true' ? true : spec?.Enabled === false || spec?.Enabled === 'false' ? false : undefined;
  if (enabled === undefined || typeof spec?.AttributeName !== 'string') {
    return invalid('TimeToLiveSpecification needs Enabled (true or false) and AttributeName, e.g. Enabled=true,AttributeName=expiresAt');
  }
  return withStrings(request, ['TableName'], ([TableName]) => updateTimeToLive(world, world.region, { TableName: TableName!, TimeToLiveSpecification: { Enabled: enabled, AttributeName: spec.AttributeName as string } }));
}

function runListStreams(world: World, request: ApiDocument): Result<ApiDocument> {
  const limit = request.Limit;
  if (limit !== undefined && typeof limit !== 'number') return invalid('Limit must be a number');
  const tableName = text(request, 'TableName');
  const startArn = text(request, 'ExclusiveStartStreamArn');
  return listStreams(world, world.region, {
    ...(tableName === undefined ? {} : { TableName: tableName }),
    ...(limit === undefined ? {} : { Limit: limit }),
    ...(startArn === undefined ? {} : { ExclusiveStartStreamArn: startArn }),
  });
}

function runGetShardIterator(world: World, request: ApiDocument): Result<ApiDocument> {
  return withStrings(request, ['StreamArn', 'ShardId', 'ShardIteratorType'], ([StreamArn, ShardId, type]) => {
    if (!SHARD_ITERATOR_TYPES.includes(type as ShardIteratorType)) return invalid(`ShardIteratorType must be one of ${SHARD_ITERATOR_TYPES.join(', ')}, got ${type}`);
    const sequenceNumber = text(request, 'SequenceNumber');
    return getShardIterator(world, world.region, {
      StreamArn: StreamArn!,
      ShardId: ShardId!,
      ShardIteratorType: type as ShardIteratorType,
      ...(sequenceNumber === undefined ? {} : { SequenceNumber: sequenceNumber }),
    });
  });
}

function runGetRecords(world: World, request: ApiDocument): Result<ApiDocument> {
  const limit = request.Limit;
  if (limit !== undefined && typeof limit !== 'number') return invalid('Limit must be a number');
  return withStrings(request, ['ShardIterator'], ([ShardIterator]) => getRecords(world, world.region, { ShardIterator: ShardIterator!, ...(limit === undefined ? {} : { Limit: limit }) }));
}

export const DYNAMODB_FEATURE_OPERATIONS: readonly OperationSpec[] = [
  {
    service: 'dynamodbstreams',
    command: 'list-streams',
    operation: 'ListStreams',
    summary: 'Lists the streams of the Region, or of one table (DDB-18).',
    params: [
      { ...TABLE_NAME, required: false, description: 'Only the streams of this table.' },
      { flag: '--limit', member: 'Limit', type: 'integer', required: false, description: 'At most this many streams (1–100).' },
      { flag: '--exclusive-start-stream-arn', member: 'ExclusiveStartStreamArn', type: 'string', required: false, description: 'Continue after this stream (LastEvaluatedStreamArn of the previous page).' },
    ],
    run: runListStreams,
  },
  {
    service: 'dynamodbstreams',
    command: 'describe-stream',
    operation: 'DescribeStream',
    summary: 'Shows a stream: status, view type, key schema and its shard with its sequence-number range.',
    params: [STREAM_ARN],
    run: (world, request) => withStrings(request, ['StreamArn'], ([StreamArn]) => describeStream(world, world.region, { StreamArn: StreamArn! })),
  },
  {
    service: 'dynamodbstreams',
    command: 'get-shard-iterator',
    operation: 'GetShardIterator',
    summary: 'Returns an iterator for reading a shard from a position; it expires after 15 minutes.',
    params: [
      STREAM_ARN,
      { flag: '--shard-id', member: 'ShardId', type: 'string', required: true, description: 'The shard to read (from describe-stream).' },
      { flag: '--shard-iterator-type', member: 'ShardIteratorType', type: 'string', required: true, description: 'Where to start reading.', choices: SHARD_ITERATOR_TYPES },
      { flag: '--sequence-number', member: 'SequenceNumber', type: 'string', required: false, description: 'The record to start at or after (AT_/AFTER_SEQUENCE_NUMBER).' },
    ],
    run: runGetShardIterator,
  },
  {
    service: 'dynamodbstreams',
    command: 'get-records',
    operation: 'GetRecords',
    summary: 'Reads stream records from a shard iterator and returns the next iterator.',
    params: [
      { flag: '--shard-iterator', member: 'ShardIterator', type: 'string', required: true, description: 'The iterator from get-shard-iterator or the previous get-records.' },
      { flag: '--limit', member: 'Limit', type: 'integer', required: false, description: 'At most this many records (1–1000).' },
    ],
    run: runGetRecords,
  },
  {
    service: 'dynamodb',
    command: 'update-time-to-live',
    operation: 'UpdateTimeToLive',
    summary: 'Turns TTL on or off for a table, naming the attribute that holds each item’s expiry in epoch seconds (DDB-19).',
    params: [
      TABLE_NAME,
      { flag: '--time-to-live-specification', member: 'TimeToLiveSpecification', type: 'json', required: true, description: 'Enabled=true|false,AttributeName=NAME.' },
    ],
    run: runUpdateTimeToLive,
  },
  {
    service: 'dynamodb',
    command: 'describe-time-to-live',
    operation: 'DescribeTimeToLive',
    summary: 'Shows whether TTL is on for a table and which attribute it reads.',
    params: [TABLE_NAME],
    run: (world, request) => withStrings(request, ['TableName'], ([TableName]) => describeTimeToLive(world, world.region, { TableName: TableName! })),
  },
];

/** The global-table flags of `aws dynamodb update-table`, for the lead to add to the core's row (DDB-21). */
export const UPDATE_TABLE_REPLICA_PARAMS: readonly ParamSpec[] = [
  { flag: '--replica-updates', member: 'ReplicaUpdates', type: 'json', required: false, description: 'Replicas to add or remove: [{"Create":{"RegionName":"eu-west-1"}}] or [{"Delete":{...}}].' },
  { flag: '--multi-region-consistency', member: 'MultiRegionConsistency', type: 'string', required: false, description: 'EVENTUAL (MREC, default) or STRONG (MRSC); fixed once the table is global.', choices: ['EVENTUAL', 'STRONG'] },
  { flag: '--global-table-witness-updates', member: 'GlobalTableWitnessUpdates', type: 'json', required: false, description: 'MRSC only: [{"Create":{"RegionName":"us-west-2"}}] adds a witness.' },
];

/** Whether an UpdateTable request carries global-table members (then the core hands it to `runUpdateTableReplicas`). */
export function hasReplicaMembers(request: ApiDocument): boolean {
  return UPDATE_TABLE_REPLICA_PARAMS.some((param) => request[param.member] !== undefined);
}

function isReplicaUpdateList(value: unknown): value is readonly ReplicaUpdate[] {
  return Array.isArray(value) && value.every((u: unknown) => typeof u === 'object' && u !== null && Object.values(u).every((ref: unknown) => typeof (ref as { RegionName?: unknown })?.RegionName === 'string'));
}

/** The replica part of `update-table`, in the world's current Region. */
export function runUpdateTableReplicas(world: World, request: ApiDocument): Result<ApiDocument> {
  const { ReplicaUpdates: replicas, GlobalTableWitnessUpdates: witnesses, MultiRegionConsistency: consistency } = request;
  if ((replicas !== undefined && !isReplicaUpdateList(replicas)) || (witnesses !== undefined && !isReplicaUpdateList(witnesses))) {
    return invalid('ReplicaUpdates and GlobalTableWitnessUpdates are lists like [{"Create":{"RegionName":"eu-west-1"}}]');
  }
  if (consistency !== undefined && consistency !== 'EVENTUAL' && consistency !== 'STRONG') return invalid(`MultiRegionConsistency must be EVENTUAL or STRONG, got ${JSON.stringify(consistency)}`);
  return withStrings(request, ['TableName'], ([TableName]) =>
    updateTableReplicas(world, world.region, {
      TableName: TableName!,
      ...(replicas === undefined ? {} : { ReplicaUpdates: replicas }),
      ...(witnesses === undefined ? {} : { GlobalTableWitnessUpdates: witnesses }),
      ...(consistency === undefined ? {} : { MultiRegionConsistency: consistency }),
    }),
  );
}
