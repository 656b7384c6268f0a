// WebSocket API numbers, each with its fact in shared/aws-facts.md (APIGW-01, APIGW-04).

/** A connection with no message from its client for this long is closed (APIGW-01: 10 minutes). */
export const IDLE_TIMEOUT_MS = 10 * 60 * 1_000;
/** Whatever happens, a connection is closed this long after it opened (APIGW-01: 2 hours). */
export const MAX_CONNECTION_DURATION_MS = 2 * 60 * 60 * 1_000;
/** Largest message, client → API or API → client, in bytes (APIGW-01: 128 KB). */
export const MESSAGE_MAX_BYTES = 128 * 1_024;
/** Largest WebSocket frame; a message travels in frames of at most this size (APIGW-01: 32 KB). */
export const FRAME_MAX_BYTES = 32 * 1_024;
/** New connections per second per account and Region, used as rate and bucket size (APIGW-01: 500). */
export const NEW_CONNECTIONS_PER_SECOND = 500;
/** The close code a client sees when a message is larger than allowed (APIGW-01: 1009, "message too big"). */
export const CLOSE_MESSAGE_TOO_BIG = 1_009;
/** The simulator's close codes for the other ways a connection ends (RFC 6455 meanings). */
export const CLOSE_NORMAL = 1_000;
export const CLOSE_GOING_AWAY = 1_001;
