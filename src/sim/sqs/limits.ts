// SQS limits the simulator enforces, each with its source (shared/aws-facts.md SVC-07, or the AWS page).

/** SVC-07 (CHANGED Aug 2025): a message body and its attributes may be up to 1 MiB (was 256 KiB). */
export const MESSAGE_MAX_BYTES = 1_048_576;
/** SVC-07: retention defaults to 4 days and may be set from 1 minute to 14 days. */
export const RETENTION_DEFAULT_SECONDS = 345_600;
export const RETENTION_MIN_SECONDS = 60;
export const RETENTION_MAX_SECONDS = 1_209_600;
/** SVC-07: visibility timeout defaults to 30 s, at most 12 h. */
export const VISIBILITY_DEFAULT_SECONDS = 30;
export const VISIBILITY_MAX_SECONDS = 43_200;
/** SVC-07: long polling waits at most 20 s. */
export const WAIT_MAX_SECONDS = 20;
/**
 * Delay queues: 0–900 s (15 minutes).
 * Src: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-delay-queues.html
 */
export const DELAY_MAX_SECONDS = 900;
/** One ReceiveMessage returns 1–10 messages; a batch holds at most 10 entries (SendMessageBatch API reference). */
export const RECEIVE_MAX_MESSAGES = 10;
export const BATCH_MAX_ENTRIES = 10;
/**
 * FIFO deduplication interval: 5 minutes.
 * Src: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-exactly-once-processing.html
 */
export const FIFO_DEDUP_WINDOW_MS = 300_000;
/**
 * RedrivePolicy maxReceiveCount: 1–1,000.
 * Src: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html
 */
export const MAX_RECEIVE_COUNT_MAX = 1_000;
/** PurgeQueue may run once per 60 s per queue (PurgeQueue API reference). */
export const PURGE_INTERVAL_MS = 60_000;
/** Queue names: 1–80 characters, letters, digits, hyphens and underscores (+ `.fifo`) (CreateQueue API reference). */
export const QUEUE_NAME_MAX_CHARS = 80;
