// DynamoDB Streams: the public surface of this folder (DDB-18).
export {
  FIRST_SEQUENCE_NUMBER,
  GET_RECORDS_MAX_LIMIT,
  SHARD_ITERATOR_LIFETIME_MS,
  STREAM_RETENTION_MS,
  STREAMS_SLOT,
  formatSequenceNumber,
  parseSequenceNumber,
  type StreamEventName,
  type StreamLog,
  type StreamRecord,
  type StreamsState,
} from './model.js';
export { TTL_USER_IDENTITY, disableStream, enableStream, streamsState, writeStreamRecord, writesStreamRecord } from './writer.js';
export { readStreamFrom, type StreamReadBatch } from './reader.js';
export {
  LIST_STREAMS_MAX_LIMIT,
  SHARD_ITERATOR_TYPES,
  describeStream,
  getRecords,
  getShardIterator,
  listStreams,
  type GetRecordsRequest,
  type GetRecordsResponse,
  type GetShardIteratorRequest,
  type ListStreamsRequest,
  type ShardIteratorType,
} from './operations.js';
