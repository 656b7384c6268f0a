// Reading a stream by position, for a consumer inside the simulator (a Lambda event source mapping,
// LAM-19) rather than through shard iterators: `TRIM_HORIZON`, `LATEST`, or the `nextPosition` a
// previous read returned. Records past the 24-hour retention are gone (DDB-18): a position before the
// oldest kept record starts at the oldest kept one.
import { awsError, fail, ok, type Result } from '../../result.js';
import type { World } from '../../world.js';
import { trimShard, type StoredRecord } from './model.js';
import { streamsState } from './writer.js';

export interface StreamReadBatch {
  readonly records: readonly StoredRecord[];
  /** Where the next read starts: a shard position as decimal text. */
  readonly nextPosition: string;
}

function startPosition(position: string, oldestKept: number, next: number): number | undefined {
  if (position === 'TRIM_HORIZON') return oldestKept;
  if (position === 'LATEST') return next;
  if (!/^\d+$/.test(position)) return undefined;
  return Math.max(Number(position), oldestKept);
}

/** Up to `limit` records from `position`, oldest first, and the position after them. */
export function readStreamFrom(world: World, streamArn: string, position: string, limit: number): Result<StreamReadBatch> {
  const log = streamsState(world).streams.get(streamArn);
  if (log === undefined) return fail(awsError('ResourceNotFoundException', 400, `Requested resource not found: Stream: ${streamArn} not found`));
  const shard = log.shard;
  trimShard(shard, world.nowMs);
  const first = shard.records[0]?.position ?? shard.nextPosition;
  const start = startPosition(position, first, shard.nextPosition);
  if (start === undefined) return fail(awsError('ValidationException', 400, `Invalid stream position: ${position}`));
  const records = shard.records.slice(start - first, start - first + limit); // positions are contiguous
  return ok({ records, nextPosition: String(start + records.length) });
}
