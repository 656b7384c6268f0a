// Lambda's numbers. Every AWS value cites its fact in ../shared/aws-facts.md (section 1); values marked
// "simulator assumption" are not AWS facts but documented choices of this simulator (docs/lambda.md).

/** Memory is 128–10,240 MB in 1-MB steps, default 128 MB. LAM-01 */
export const MEMORY_MIN_MB = 128;
export const MEMORY_MAX_MB = 10_240;
export const MEMORY_DEFAULT_MB = 128;

/** At 1,769 MB a function has the equivalent of one vCPU; CPU share is proportional to memory. LAM-02 */
export const ONE_VCPU_MEMORY_MB = 1_769;

/** Timeout is at most 900 s, default 3 s. LAM-03 */
export const TIMEOUT_MAX_SECONDS = 900;
export const TIMEOUT_DEFAULT_SECONDS = 3;

/** /tmp is 512–10,240 MB, default 512 MB. LAM-04 */
export const EPHEMERAL_STORAGE_MIN_MB = 512;
export const EPHEMERAL_STORAGE_MAX_MB = 10_240;
export const EPHEMERAL_STORAGE_DEFAULT_MB = 512;

/** All environment variables of a function together at most 4 KB. LAM-06 */
export const ENVIRONMENT_MAX_BYTES = 4 * 1_024;

/** Synchronous request and response payloads up to 6 MB (AWS counts 6,291,456 bytes). LAM-07 */
export const SYNC_PAYLOAD_MAX_BYTES = 6 * 1_024 * 1_024;
/** Asynchronous (Event) payloads up to 1 MB since Oct 2025 (256 KB before). LAM-07 */
export const ASYNC_PAYLOAD_MAX_BYTES = 1_024 * 1_024;

/** Default concurrent executions per account and Region. LAM-10 */
export const ACCOUNT_CONCURRENCY_DEFAULT = 1_000;
/** Reserving may never leave fewer than 100 unreserved. LAM-12 */
export const UNRESERVED_CONCURRENCY_MIN = 100;

/** Each function may add at most 1,000 execution environments every 10 s, refilled continuously. LAM-11 */
export const SCALING_ENVIRONMENTS_PER_WINDOW = 1_000;
export const SCALING_WINDOW_MS = 10_000;

/** Async: function errors are retried 2 more times by default (3 attempts). LAM-15, LAM-16 */
export const ASYNC_MAX_RETRY_ATTEMPTS_DEFAULT = 2;
export const ASYNC_MAX_RETRY_ATTEMPTS_MAX = 2;
/** Waits before the 2nd and 3rd attempts: ~1 min, then ~2 min. LAM-15 */
export const ASYNC_RETRY_WAITS_MS: readonly number[] = [60_000, 120_000];
/** Simulator assumption: each of those waits gets 0–999 ms of seeded jitter ("~1 min"). */
export const ASYNC_RETRY_JITTER_MAX_MS = 999;
/** MaximumEventAgeInSeconds 60–21,600, default 21,600 (6 h). LAM-16 */
export const ASYNC_EVENT_AGE_MIN_SECONDS = 60;
export const ASYNC_EVENT_AGE_MAX_SECONDS = 21_600;
/** Throttled async events are retried with exponential backoff from 1 s up to 5 min. LAM-15 */
export const ASYNC_THROTTLE_BACKOFF_FIRST_MS = 1_000;
export const ASYNC_THROTTLE_BACKOFF_MAX_MS = 300_000;

/** Price per request: $0.20 per million. LAM-18 */
export const PRICE_PER_REQUEST_USD = 0.0000002;
/** Price per GB-second, x86, us-east-1, first tier (pricing page). LAM-18 */
export const PRICE_PER_GB_SECOND_USD = 0.0000166667;
/** The same price as the AWS pricing whitepaper rounds it for its worked example. LAM-18 */
export const WHITEPAPER_PRICE_PER_GB_SECOND_USD = 0.00001667;
/** Monthly free tier: 1 M requests and 400,000 GB-s. LAM-18 */
export const FREE_TIER_REQUESTS = 1_000_000;
export const FREE_TIER_GB_SECONDS = 400_000;

/** INIT is billed for on-demand .zip functions on managed runtimes from 2025-08-01 (UTC). LAM-17 */
export const INIT_BILLING_START_MS = Date.UTC(2025, 7, 1);

/** Simulator assumption: an idle on-demand execution environment is reclaimed after 10 minutes. */
export const IDLE_ENVIRONMENT_LIFETIME_MS = 10 * 60_000;

/** DynamoDB stream event source mappings. LAM-19 */
export const ESM_BATCH_SIZE_DEFAULT = 100;
export const ESM_BATCH_SIZE_MAX = 10_000;
export const ESM_MAX_RETRY_ATTEMPTS_MAX = 10_000;
export const ESM_MAX_RECORD_AGE_MAX_SECONDS = 604_800;
/** Simulator assumption: the base wait of the poller (after a port error or a throttle, first retry). */
export const ESM_POLL_INTERVAL_MS = 1_000;
/**
 * Simulator assumption: an idle mapping looks at its stream once a minute, and at once when the world
 * wiring calls `wakeEventSourceMappings` after a stream write. Polling every second would fire 86,400
 * timers per simulated day per mapping (MAX_TIMERS_PER_ADVANCE is 100,000).
 */
export const ESM_IDLE_POLL_INTERVAL_MS = 60_000;

/** Runtimes the sandbox accepts (managed runtimes plus the OS-only custom ones). */
export const RUNTIMES: readonly string[] = [
  'nodejs20.x', 'nodejs22.x', 'python3.12', 'python3.13', 'java21', 'dotnet8', 'ruby3.3', 'provided.al2023', 'provided.al2',
];

/**
 * Simulator assumption: cold-start INIT durations per runtime family, drawn uniformly from the named
 * RNG stream `lambda.init` (LAM-17 says only "up to ~10 s" for on-demand INIT).
 */
export function initDurationRangeMs(runtime: string): readonly [number, number] {
  if (runtime.startsWith('java')) return [700, 1_500];
  if (runtime.startsWith('dotnet')) return [400, 900];
  if (runtime.startsWith('provided')) return [80, 200];
  return [150, 400]; // Node.js, Python, Ruby
}

/** DynamoDB stream records are kept 24 h; "retry until the record expires" ends there. DDB-18, LAM-19 */
export const STREAM_RECORD_RETENTION_MS = 24 * 60 * 60_000;
/** Batching window at most 300 s (simulator bound; the AWS maximum is not on the facts sheet). */
export const ESM_BATCHING_WINDOW_MAX_SECONDS = 300;

/** A container image may be up to 10 GB uncompressed, layers included (LAM-05); AWS counts GiB. */
export const IMAGE_MAX_SIZE_MB = 10 * 1024;