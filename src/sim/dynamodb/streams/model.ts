// DynamoDB Streams state and pure helpers. Each stream is a log of change records for one table
// (DDB-18), kept in the `dynamodb.streams` slot as plain data. Simplification (documented in
// docs/dynamodb-features.md): a stream has exactly one shard, which never splits or rolls over, so
// "records in order per item" (DDB-18) holds trivially and every record has one increasing sequence
// number. Real streams have several shards that close and split over time.
import type { Item, KeySchemaElement, StreamViewType } from '../model.js';

/** Stream records are readable for 24 hours, then trimmed. DDB-18. */
export const STREAM_RETENTION_MS = 24 * 60 * 60 * 1_000;

/**
 * A shard iterator stops working 15 minutes after it was issued (`ExpiredIteratorException`).
 * ASSUMPTION: from the DynamoDB Streams API reference as remembered, not in aws-facts.md.
 */
export const SHARD_ITERATOR_LIFETIME_MS = 15 * 60 * 1_000;

/** GetRecords returns at most 1,000 records per call (its `Limit` maximum). ASSUMPTION: API reference, from memory. */
export const GET_RECORDS_MAX_LIMIT = 1_000;

/** Sequence numbers are printed as 21-digit decimal strings, so string order equals number order. */
export const SEQUENCE_NUMBER_DIGITS = 21;

/** Every simulated sequence number starts above this, so they look like the real (long) ones. */
export const FIRST_SEQUENCE_NUMBER = 100_000_000_000_000_000_000n;

export type StreamEventName = 'INSERT' | 'MODIFY' | 'REMOVE';

/** One record exactly as `aws dynamodbstreams get-records` prints it. */
export interface StreamRecord {
  readonly eventID: string;
  readonly eventName: StreamEventName;
  readonly eventVersion: '1.1';
  readonly eventSource: 'aws:dynamodb';
  readonly awsRegion: string;
  readonly dynamodb: {
    readonly ApproximateCreationDateTime: string;
    readonly Keys: Item;
    readonly NewImage?: Item;
    readonly OldImage?: Item;
    readonly SequenceNumber: string;
    readonly SizeBytes: number;
    readonly StreamViewType: StreamViewType;
  };
  /** Only on TTL deletions: the service, not a user, removed the item (DDB-19). */
  readonly userIdentity?: { readonly type: 'Service'; readonly principalId: 'dynamodb.amazonaws.com' };
}

export interface StoredRecord {
  readonly createdAtMs: number;
  /** Position in the shard as a plain integer (the printed form is FIRST_SEQUENCE_NUMBER + position). */
  readonly position: number;
  readonly record: StreamRecord;
}

export interface ShardLog {
  readonly shardId: string;
  /** Position the next record will get. */
  nextPosition: number;
  /** Records before this position were trimmed (older than 24 h). */
  trimmedBefore: number;
  /** Records still kept, oldest first. */
  records: StoredRecord[];
}

export interface StreamLog {
  readonly streamArn: string;
  readonly streamLabel: string;
  readonly tableName: string;
  readonly region: string;
  readonly viewType: StreamViewType;
  readonly keySchema: readonly KeySchemaElement[];
  readonly createdAtMs: number;
  status: 'ENABLED' | 'DISABLED';
  disabledAtMs?: number;
  readonly shard: ShardLog;
}

export interface StreamsState {
  /** Every stream still readable, by ARN, in creation order. */
  readonly streams: Map<string, StreamLog>;
}

export const STREAMS_SLOT = 'dynamodb.streams';

export function emptyStreamsState(): StreamsState {
  return { streams: new Map() };
}

export function formatSequenceNumber(position: number): string {
  return (FIRST_SEQUENCE_NUMBER + BigInt(position)).toString().padStart(SEQUENCE_NUMBER_DIGITS, '0');
}

/** The position of a printed sequence number, or undefined when it is not one of ours. */
export function parseSequenceNumber(text: string): number | undefined {
  if (!/^\d{1,40}$/.test(text)) return undefined;
  const position = BigInt(text) - FIRST_SEQUENCE_NUMBER;
  if (position < 0n || position > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return Number(position);
}

/** Which event a change is (callers skip changes that change nothing: no record, DDB-18). */
export function eventNameOf(oldImage: Item | undefined, newImage: Item | undefined): StreamEventName {
  if (oldImage === undefined) return 'INSERT';
  return newImage === undefined ? 'REMOVE' : 'MODIFY';
}

/** The images a view type carries. DDB-18. */
export function imagesFor(viewType: StreamViewType, oldImage: Item | undefined, newImage: Item | undefined): { NewImage?: Item; OldImage?: Item } {
  const wantsNew = viewType === 'NEW_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES';
  const wantsOld = viewType === 'OLD_IMAGE' || viewType === 'NEW_AND_OLD_IMAGES';
  return {
    ...(wantsNew && newImage !== undefined ? { NewImage: newImage } : {}),
    ...(wantsOld && oldImage !== undefined ? { OldImage: oldImage } : {}),
  };
}

/** Drops records older than the retention period (DDB-18); returns how many went. */
export function trimShard(shard: ShardLog, nowMs: number): number {
  const cutoffMs = nowMs - STREAM_RETENTION_MS;
  let dropped = 0;
  while (dropped < shard.records.length && shard.records[dropped]!.createdAtMs <= cutoffMs) dropped++;
  if (dropped > 0) {
    shard.records.splice(0, dropped);
    shard.trimmedBefore = shard.records[0]?.position ?? shard.nextPosition;
  }
  return dropped;
}

/** Whether a disabled stream is past its retention, so it is forgotten entirely. */
export function isStreamExpired(stream: StreamLog, nowMs: number): boolean {
  return stream.disabledAtMs !== undefined && nowMs - stream.disabledAtMs >= STREAM_RETENTION_MS;
}
