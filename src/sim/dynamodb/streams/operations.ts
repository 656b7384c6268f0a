// The DynamoDB Streams API (`aws dynamodbstreams ...`): ListStreams, DescribeStream, GetShardIterator
// and GetRecords, each taking the Region explicitly and answering what the AWS CLI prints (DDB-18).
// Trimming is lazy: each call first drops records older than 24 h and forgets streams disabled more
// than 24 h ago, so no timer runs for it.
import { awsError, fail, ok, validationError, type Result } from '../../result.js';
import type { World } from '../../world.js';
import { cliTimestamp } from '../feature-support.js';
import {
  GET_RECORDS_MAX_LIMIT,
  SHARD_ITERATOR_LIFETIME_MS,
  formatSequenceNumber,
  isStreamExpired,
  parseSequenceNumber,
  trimShard,
  type StreamLog,
  type StreamRecord,
} from './model.js';
import { streamsState } from './writer.js';

export type ShardIteratorType = 'TRIM_HORIZON' | 'LATEST' | 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER';
export const SHARD_ITERATOR_TYPES: readonly ShardIteratorType[] = ['TRIM_HORIZON', 'LATEST', 'AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER'];

/** Streams of the Region that are still readable (trimming first), optionally of one table. */
function liveStreams(world: World, region: string): StreamLog[] {
  const { streams } = streamsState(world);
  const live: StreamLog[] = [];
  for (const [arn, stream] of streams) {
    if (isStreamExpired(stream, world.nowMs)) {
      streams.delete(arn);
      continue;
    }
    trimShard(stream.shard, world.nowMs);
    if (stream.region === region) live.push(stream);
  }
  return live;
}

function findStream(world: World, region: string, streamArn: string): Result<StreamLog> {
  const stream = liveStreams(world, region).find((s) => s.streamArn === streamArn);
  return stream === undefined ? fail(awsError('ResourceNotFoundException', 400, `Requested resource not found: Stream: ${streamArn} not found`)) : ok(stream);
}

export interface ListStreamsRequest {
  readonly TableName?: string;
  /** At most this many streams, 1–100. @default 100 */
  readonly Limit?: number;
  /** Continue after this stream (the previous page's LastEvaluatedStreamArn). */
  readonly ExclusiveStartStreamArn?: string;
}

/** ListStreams returns at most 100 streams per page. ASSUMPTION: API reference, from memory. */
export const LIST_STREAMS_MAX_LIMIT = 100;

type StreamSummary = { StreamArn: string; TableName: string; StreamLabel: string };

export function listStreams(world: World, region: string, request: ListStreamsRequest): Result<{ Streams: StreamSummary[]; LastEvaluatedStreamArn?: string }> {
  const limit = request.Limit ?? LIST_STREAMS_MAX_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > LIST_STREAMS_MAX_LIMIT) return fail(validationError(`Limit must be between 1 and ${LIST_STREAMS_MAX_LIMIT}, got ${limit}`));
  const all = liveStreams(world, region).filter((s) => request.TableName === undefined || s.tableName === request.TableName);
  const start = request.ExclusiveStartStreamArn === undefined ? 0 : all.findIndex((s) => s.streamArn === request.ExclusiveStartStreamArn) + 1;
  const page = all.slice(start, start + limit).map((s) => ({ StreamArn: s.streamArn, TableName: s.tableName, StreamLabel: s.streamLabel }));
  const hasMore = start + limit < all.length;
  world.record({ service: 'dynamodbstreams', operation: 'ListStreams', outcome: 'ok', region, detail: { count: page.length } });
  return ok({ Streams: page, ...(hasMore ? { LastEvaluatedStreamArn: page[page.length - 1]!.StreamArn } : {}) });
}

export function describeStream(world: World, region: string, request: { readonly StreamArn: string }): Result<{ StreamDescription: Record<string, unknown> }> {
  const found = findStream(world, region, request.StreamArn);
  world.record({ service: 'dynamodbstreams', operation: 'DescribeStream', outcome: found.ok ? 'ok' : found.error.name, region, detail: { streamArn: request.StreamArn } });
  if (!found.ok) return found;
  const stream = found.value;
  const { shard } = stream;
  const range: Record<string, string> = { StartingSequenceNumber: formatSequenceNumber(shard.trimmedBefore) };
  if (stream.status === 'DISABLED' && shard.nextPosition > 0) range.EndingSequenceNumber = formatSequenceNumber(shard.nextPosition - 1);
  return ok({
    StreamDescription: {
      StreamArn: stream.streamArn,
      StreamLabel: stream.streamLabel,
      StreamStatus: stream.status,
      StreamViewType: stream.viewType,
      CreationRequestDateTime: cliTimestamp(stream.createdAtMs),
      TableName: stream.tableName,
      KeySchema: stream.keySchema,
      Shards: [{ ShardId: shard.shardId, SequenceNumberRange: range }],
    },
  });
}

export interface GetShardIteratorRequest {
  readonly StreamArn: string;
  readonly ShardId: string;
  readonly ShardIteratorType: ShardIteratorType;
  readonly SequenceNumber?: string;
}

/** What a shard iterator stands for; the token the learner sees encodes it. */
interface IteratorPosition {
  readonly streamArn: string;
  readonly shardId: string;
  readonly position: number;
  readonly issuedAtMs: number;
}

function encodeIterator(it: IteratorPosition): string {
  const body = btoa(JSON.stringify([it.shardId, it.position, it.issuedAtMs]));
  return `${it.streamArn}|1|${body}`;
}

function decodeIterator(token: string): IteratorPosition | undefined {
  const bar = token.indexOf('|1|');
  if (bar < 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(atob(token.slice(bar + 3)));
    if (!Array.isArray(parsed) || parsed.length !== 3) return undefined;
    const [shardId, position, issuedAtMs] = parsed as unknown[];
    if (typeof shardId !== 'string' || !Number.isInteger(position) || !Number.isInteger(issuedAtMs)) return undefined;
    return { streamArn: token.slice(0, bar), shardId, position: position as number, issuedAtMs: issuedAtMs as number };
  } catch {
    return undefined;
  }
}

function trimmedError(what: string): Result<never> {
  return fail(awsError('TrimmedDataAccessException', 400, `${what} is beyond the trim horizon: records older than 24 hours are no longer available`));
}

export function getShardIterator(world: World, region: string, request: GetShardIteratorRequest): Result<{ ShardIterator: string }> {
  const result = computeIterator(world, region, request);
  world.record({ service: 'dynamodbstreams', operation: 'GetShardIterator', outcome: result.ok ? 'ok' : result.error.name, region, detail: { streamArn: request.StreamArn, iteratorType: request.ShardIteratorType } });
  return result;
}

function computeIterator(world: World, region: string, request: GetShardIteratorRequest): Result<{ ShardIterator: string }> {
  const found = findStream(world, region, request.StreamArn);
  if (!found.ok) return found;
  const { shard } = found.value;
  if (shard.shardId !== request.ShardId) return fail(awsError('ResourceNotFoundException', 400, `Requested resource not found: Shard: ${request.ShardId} in Stream: ${request.StreamArn} not found`));
  const position = startPosition(request, shard.trimmedBefore, shard.nextPosition);
  if (!position.ok) return position;
  return ok({ ShardIterator: encodeIterator({ streamArn: request.StreamArn, shardId: shard.shardId, position: position.value, issuedAtMs: world.nowMs }) });
}

function startPosition(request: GetShardIteratorRequest, trimmedBefore: number, nextPosition: number): Result<number> {
  const type = request.ShardIteratorType;
  if (type === 'TRIM_HORIZON') return ok(trimmedBefore);
  if (type === 'LATEST') return ok(nextPosition);
  if (request.SequenceNumber === undefined) return fail(validationError(`A SequenceNumber is required for ShardIteratorType ${type}`));
  const position = parseSequenceNumber(request.SequenceNumber);
  if (position === undefined || position >= nextPosition) return fail(validationError(`Invalid SequenceNumber ${request.SequenceNumber} for this shard`));
  if (position < trimmedBefore) return trimmedError(`Sequence number ${request.SequenceNumber}`);
  return ok(type === 'AT_SEQUENCE_NUMBER' ? position : position + 1);
}

export interface GetRecordsRequest {
  readonly ShardIterator: string;
  readonly Limit?: number;
}

export type GetRecordsResponse = {
  readonly Records: StreamRecord[];
  /** Absent once a disabled stream's shard is read to its end (the shard is closed). */
  readonly NextShardIterator?: string;
};

export function getRecords(world: World, region: string, request: GetRecordsRequest): Result<GetRecordsResponse> {
  const result = readRecords(world, region, request);
  const detail = result.ok ? { count: result.value.Records.length } : {};
  world.record({ service: 'dynamodbstreams', operation: 'GetRecords', outcome: result.ok ? 'ok' : result.error.name, region, detail });
  return result;
}

function readRecords(world: World, region: string, request: GetRecordsRequest): Result<GetRecordsResponse> {
  const limit = request.Limit ?? GET_RECORDS_MAX_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > GET_RECORDS_MAX_LIMIT) return fail(validationError(`Limit must be between 1 and ${GET_RECORDS_MAX_LIMIT}, got ${limit}`));
  const iterator = decodeIterator(request.ShardIterator);
  if (iterator === undefined) return fail(validationError('Invalid ShardIterator'));
  if (world.nowMs - iterator.issuedAtMs > SHARD_ITERATOR_LIFETIME_MS) {
    return fail(awsError('ExpiredIteratorException', 400, 'Iterator expired. The iterator was created more than 15 minutes ago'));
  }
  const found = findStream(world, region, iterator.streamArn);
  if (!found.ok) return found;
  const { shard, status } = found.value;
  if (iterator.position < shard.trimmedBefore) return trimmedError('The shard iterator position');
  const first = iterator.position - shard.trimmedBefore;
  const records = shard.records.slice(first, first + limit);
  const nextPosition = iterator.position + records.length;
  const isClosedAndRead = status === 'DISABLED' && nextPosition >= shard.nextPosition;
  return ok({
    Records: records.map((stored) => stored.record),
    ...(isClosedAndRead ? {} : { NextShardIterator: encodeIterator({ ...iterator, position: nextPosition, issuedAtMs: world.nowMs }) }),
  });
}
