// Step Functions limits the simulator enforces, each with its source (shared/aws-facts.md SVC-11, or the AWS page).

/** SVC-11: a Standard execution may run for at most one year (365 days). */
export const STANDARD_MAX_DURATION_MS = 365 * 24 * 3_600_000;
/** SVC-11: an Express execution may run for at most five minutes. */
export const EXPRESS_MAX_DURATION_MS = 300_000;
/** SVC-11: the input or output of a state (and an execution's input) may be at most 256 KiB. */
export const PAYLOAD_MAX_BYTES = 262_144;
/**
 * StartExecution names are unique per state machine for 90 days (StartExecution API reference,
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html).
 */
export const EXECUTION_NAME_REUSE_MS = 90 * 24 * 3_600_000;
/** SVC-11: Standard execution history is kept 90 days after the execution closes. */
export const HISTORY_RETENTION_MS = 90 * 24 * 3_600_000;
/**
 * An execution's history holds at most 25,000 events; past that the execution fails
 * (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html, "Execution history").
 */
export const HISTORY_MAX_EVENTS = 25_000;
/** Retrier defaults (https://states-language.net/spec.html#retrying-after-error): 1 s, 3 attempts, ×2.0. */
export const RETRY_DEFAULT_INTERVAL_SECONDS = 1;
export const RETRY_DEFAULT_MAX_ATTEMPTS = 3;
export const RETRY_DEFAULT_BACKOFF_RATE = 2;
/** Execution and state machine names: 1–80 characters (CreateStateMachine / StartExecution API reference). */
export const NAME_MAX_CHARS = 80;

const DAY_MS = 24 * 3_600_000;

/** The numbers quiz text may quote (`{{stepfunctions.expressMaxMinutes}}`), for SIMULATOR_LIMITS. */
export const STEPFUNCTIONS_LIMITS = {
  'stepfunctions.standardMaxDays': STANDARD_MAX_DURATION_MS / DAY_MS,
  'stepfunctions.expressMaxMinutes': EXPRESS_MAX_DURATION_MS / 60_000,
  'stepfunctions.payloadMaxKb': PAYLOAD_MAX_BYTES / 1_024,
  'stepfunctions.payloadMaxBytes': PAYLOAD_MAX_BYTES,
  'stepfunctions.executionNameReuseDays': EXECUTION_NAME_REUSE_MS / DAY_MS,
  'stepfunctions.historyRetentionDays': HISTORY_RETENTION_MS / DAY_MS,
  'stepfunctions.historyMaxEvents': HISTORY_MAX_EVENTS,
  'stepfunctions.retryDefaultIntervalSeconds': RETRY_DEFAULT_INTERVAL_SECONDS,
  'stepfunctions.retryDefaultMaxAttempts': RETRY_DEFAULT_MAX_ATTEMPTS,
  'stepfunctions.retryDefaultBackoffRate': RETRY_DEFAULT_BACKOFF_RATE,
} as const;
