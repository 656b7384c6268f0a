// SDK-like retries for the sandbox. The sandbox never retries unless a line asks for it, so every
// throttle is visible; `--retries N` turns on what an AWS SDK would do, with the delays in virtual time.
import type { AwsError } from '../result.js';
import type { World } from '../world.js';

/*
 * SDK-like retry delays, used only when a line asks for retries (`--retries N`): full jitter,
 * delay = random × min(20 s, base × 2^attempt), with a 100 ms base (500 ms for throttling errors).
 * Source: the AWS SDK for JavaScript v3 standard retry strategy (@smithy/util-retry constants
 * DEFAULT_RETRY_DELAY_BASE, THROTTLING_RETRY_DELAY_BASE, MAXIMUM_RETRY_DELAY).
 */
const RETRY_BASE_MS = 100;
/** The most retries a line may ask for: enough for any lesson, and a bound on the retry loops. */
export const MAX_RETRIES = 25;
const THROTTLING_RETRY_BASE_MS = 500;
const MAX_RETRY_DELAY_MS = 20_000;

/** Errors counted as throttles (in `sim load` summaries) and retried with the longer base delay. */
export const THROTTLING_ERRORS: ReadonlySet<string> = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'Throttling',
]);

/** The virtual delay before retry number `attempt` (0 = the first retry). */
export function computeRetryDelayMs(world: World, error: AwsError, attempt: number): number {
  const baseMs = THROTTLING_ERRORS.has(error.name) ? THROTTLING_RETRY_BASE_MS : RETRY_BASE_MS;
  const capMs = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** attempt);
  return Math.floor(world.rng.stream('sim.retries').nextFloat() * capMs);
}

