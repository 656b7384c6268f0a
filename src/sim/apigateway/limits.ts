// API Gateway's numbers, each with its fact in shared/aws-facts.md.

/** Account-level steady rate per Region, requests per second (APIGW-04). */
export const ACCOUNT_RATE_PER_SECOND = 10_000;
/** Account-level token bucket size (APIGW-04). */
export const ACCOUNT_BURST = 5_000;
/** Default REST integration timeout, ms; 50 ms is the lowest allowed (APIGW-07). */
export const REST_INTEGRATION_TIMEOUT_MS = 29_000;
export const MIN_INTEGRATION_TIMEOUT_MS = 50;
/** HTTP APIs time out at 30 s (APIGW-01). */
export const HTTP_API_INTEGRATION_TIMEOUT_MS = 30_000;
/** Request and response payload limit, bytes (APIGW-08: 10 MB). */
export const PAYLOAD_MAX_BYTES = 10 * 1024 * 1024;
/** Stage cache TTL: default 300 s, max 3,600 s, 0 = caching off (APIGW-06). */
export const CACHE_TTL_DEFAULT_SECONDS = 300;
export const CACHE_TTL_MAX_SECONDS = 3_600;
/** Largest response the stage cache stores, bytes (APIGW-06). */
export const CACHE_MAX_ENTRY_BYTES = 1_048_576;
/** Stages per API (APIGW-03, soft). */
export const STAGES_PER_API_MAX = 10;
/** Stage variables per stage, key and value lengths (APIGW-03). */
export const STAGE_VARIABLES_MAX = 100;
export const STAGE_VARIABLE_KEY_MAX_CHARS = 64;
export const STAGE_VARIABLE_VALUE_MAX_CHARS = 512;
/** Resources per REST API (APIGW-08). */
export const RESOURCES_PER_API_MAX = 300;
/** Authorizers per API (APIGW-08). */
export const AUTHORIZERS_PER_API_MAX = 10;
/** Quota periods of a usage plan (APIGW-05). */
export const QUOTA_PERIOD_MS: Readonly<Record<'DAY' | 'WEEK' | 'MONTH', number>> = {
  DAY: 86_400_000,
  WEEK: 7 * 86_400_000,
  // The simulator's month is 30 days (AWS uses calendar months, UTC).
  MONTH: 30 * 86_400_000,
};
