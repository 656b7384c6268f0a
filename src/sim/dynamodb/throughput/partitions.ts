// DDB-08: how many partitions a table (or GSI) has, and which one a partition key lands on.
//
// Documented assumption (docs/dynamodb.md): AWS no longer publishes the formula; this model uses the
// classic one from older DynamoDB guides, partitions = max(ceil(RCU / 3,000 + WCU / 1,000),
// ceil(size / 10 GB)), at least 1, and never fewer than before (AWS splits partitions but never merges
// them). On-demand tables size partitions for the throughput they may serve right now
// (ceil(max(RRU / 3,000, WRU / 1,000))), which gives the 4 partitions usually quoted for a new one.
import { PARTITION_MAX_BYTES, PARTITION_MAX_RCU, PARTITION_MAX_WCU } from '../limits.js';

export function provisionedPartitionCount(rcu: number, wcu: number, sizeBytes: number): number {
  const forThroughput = Math.ceil(rcu / PARTITION_MAX_RCU + wcu / PARTITION_MAX_WCU);
  return Math.max(1, forThroughput, Math.ceil(sizeBytes / PARTITION_MAX_BYTES));
}

export function onDemandPartitionCount(allowedReadUnits: number, allowedWriteUnits: number, sizeBytes: number): number {
  const forThroughput = Math.ceil(Math.max(allowedReadUnits / PARTITION_MAX_RCU, allowedWriteUnits / PARTITION_MAX_WCU));
  return Math.max(1, forThroughput, Math.ceil(sizeBytes / PARTITION_MAX_BYTES));
}

/**
 * DDB-08 model choice: adaptive capacity isolates hot keys ("split for heat"), so the 3,000 RCU /
 * 1,000 WCU cap is applied per key range, each partition being split into this many ranges. Only a
 * genuinely hot key (or a rare collision of hot keys) meets the cap, and evenly spread traffic can use
 * the whole table, as AWS describes; a pure hash-per-partition model would throttle well-spread load.
 */
export const KEY_RANGES_PER_PARTITION = 64;

/** The key range (FNV-1a of the partition key text) whose per-second counter a request uses. */
export function keyRangeOf(partitionKeyText: string, partitionCount: number): number {
  return partitionOf(partitionKeyText, partitionCount * KEY_RANGES_PER_PARTITION);
}

/** FNV-1a over the partition key's canonical text: the same key always lands in the same place. */
export function partitionOf(partitionKeyText: string, partitionCount: number): number {
  if (partitionCount <= 1) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < partitionKeyText.length; i++) {
    hash ^= partitionKeyText.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitionCount;
}
