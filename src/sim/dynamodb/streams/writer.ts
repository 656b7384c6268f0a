// Turns item changes into stream records. The writer is an `onItemChange` listener, so every write
// path (user writes, transactions, TTL deletions, replicated writes) reaches the stream (DDB-18).
// Also here: turning a table's stream on and off, which CreateTable/UpdateTable call with a
// StreamSpecification (the core wires that at merge).
import { awsError, fail, ok, type Result } from '../../result.js';
import type { World } from '../../world.js';
import { hexId, isoLabel, sameItem, cliTimestamp } from '../feature-support.js';
import { onItemChange } from '../item-changes.js';
import { sizeOrZero } from '../item-size.js';
import type { ItemChange, StreamViewType, TableState } from '../model.js';
import {
  STREAMS_SLOT,
  emptyStreamsState,
  eventNameOf,
  formatSequenceNumber,
  imagesFor,
  trimShard,
  type StreamLog,
  type StreamRecord,
  type StreamsState,
} from './model.js';

export function streamsState(world: World): StreamsState {
  return world.service<StreamsState>(STREAMS_SLOT, emptyStreamsState);
}

/** The userIdentity of a TTL deletion's REMOVE record. DDB-19. */
export const TTL_USER_IDENTITY = { type: 'Service', principalId: 'dynamodb.amazonaws.com' } as const;

/**
 * Turns the table's stream on with a view type. A table whose stream is already on is refused, as
 * UpdateTable refuses it. Each enabling makes a new stream with a new label and ARN (the label is the
 * enabling time); the old stream stays readable for 24 h (DDB-18).
 */
export function enableStream(world: World, table: TableState, viewType: StreamViewType): Result<StreamLog> {
  if (table.stream?.enabled === true) {
    return fail(awsError('ValidationException', 400, `Table already has an enabled stream: ${table.stream.streamArn}`));
  }
  const state = streamsState(world);
  let labelMs = world.nowMs;
  while (state.streams.has(streamArnFor(table, labelMs))) labelMs++; // two enablings in one ms get distinct labels
  const streamLabel = isoLabel(labelMs);
  const streamArn = streamArnFor(table, labelMs);
  const log: StreamLog = {
    streamArn,
    streamLabel,
    tableName: table.name,
    region: table.region,
    viewType,
    keySchema: table.keySchema,
    createdAtMs: world.nowMs,
    status: 'ENABLED',
    shard: { shardId: shardIdFor(world, labelMs), nextPosition: 0, trimmedBefore: 0, records: [] },
  };
  state.streams.set(streamArn, log);
  table.stream = { streamArn, streamLabel, viewType, enabled: true };
  world.record({ service: 'dynamodb', operation: 'stream-enabled', outcome: 'ok', region: table.region, detail: { tableName: table.name, streamArn, viewType } });
  return ok(log);
}

/** Turns the table's stream off; its records stay readable for 24 h (DDB-18). */
export function disableStream(world: World, table: TableState): Result<StreamLog> {
  const current = table.stream;
  const log = current === undefined ? undefined : streamsState(world).streams.get(current.streamArn);
  if (current === undefined || !current.enabled || log === undefined) {
    return fail(awsError('ValidationException', 400, `Table ${table.name} has no enabled stream to disable`));
  }
  current.enabled = false;
  log.status = 'DISABLED';
  log.disabledAtMs = world.nowMs;
  world.record({ service: 'dynamodb', operation: 'stream-disabled', outcome: 'ok', region: table.region, detail: { tableName: table.name, streamArn: log.streamArn } });
  return ok(log);
}

function streamArnFor(table: TableState, labelMs: number): string {
  return `${table.arn}/stream/${isoLabel(labelMs)}`;
}

function shardIdFor(world: World, labelMs: number): string {
  const suffix = hexId([world.rng.stream('dynamodb.streams.ids').nextUint32()]);
  return `shardId-${String(labelMs).padStart(20, '0')}-${suffix}`;
}

/** Whether a change gives a stream record: the table's stream is on and the change changes something (DDB-18). */
export function writesStreamRecord(table: TableState, change: ItemChange): boolean {
  return table.stream?.enabled === true && !sameItem(change.oldImage, change.newImage);
}

/** Appends the record for one change to the table's enabled stream, if any and if something changed. */
export function writeStreamRecord(world: World, table: TableState, change: ItemChange): void {
  if (!writesStreamRecord(table, change) || table.stream === undefined) return;
  const log = streamsState(world).streams.get(table.stream.streamArn);
  if (log === undefined) return;
  trimShard(log.shard, world.nowMs);
  const position = log.shard.nextPosition++;
  log.shard.records.push({ createdAtMs: world.nowMs, position, record: buildRecord(world, log, change, position) });
}

function buildRecord(world: World, log: StreamLog, change: ItemChange, position: number): StreamRecord {
  const images = imagesFor(log.viewType, change.oldImage, change.newImage);
  const ids = world.rng.stream('dynamodb.streams.ids');
  return {
    eventID: hexId([ids.nextUint32(), ids.nextUint32(), ids.nextUint32(), ids.nextUint32()]),
    eventName: eventNameOf(change.oldImage, change.newImage),
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: log.region,
    dynamodb: {
      ApproximateCreationDateTime: cliTimestamp(world.nowMs),
      Keys: change.key,
      ...images,
      SequenceNumber: formatSequenceNumber(position),
      SizeBytes: sizeOrZero(change.key) + sizeOrZero(images.NewImage) + sizeOrZero(images.OldImage), // item-size rules (DDB-01)
      StreamViewType: log.viewType,
    },
    ...(change.cause === 'ttl' ? { userIdentity: TTL_USER_IDENTITY } : {}),
  };
}

onItemChange('dynamodb.streams', writeStreamRecord, (_world, table) => table.stream?.enabled === true);
