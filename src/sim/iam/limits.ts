// IAM limits the simulator enforces. These are not in aws-facts.md §5 (which covers evaluation only);
// source: the IAM quotas page, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html

/** Role names: 1–64 characters from letters, digits and `+=,.@_-`. */
export const MAX_ROLE_NAME_LENGTH = 64;
/** Inline policy names: 1–128 characters, same alphabet as role names. */
export const MAX_POLICY_NAME_LENGTH = 128;
export const NAME_PATTERN = /^[\w+=,.@-]+$/;
/** Default role trust policy size, counted without whitespace (raisable to 4,096 by a quota request). */
export const MAX_TRUST_POLICY_CHARS = 2_048;
/** All inline policies of one role together, counted without whitespace. */
export const MAX_INLINE_POLICY_CHARS_PER_ROLE = 10_240;
/** Managed policies attached to one role (default quota). */
export const MAX_MANAGED_POLICIES_PER_ROLE = 10;
/** Role session duration bounds for MaxSessionDuration: 1 hour default, 1–12 hours (COG-07 cites the 12 h cap). */
export const DEFAULT_MAX_SESSION_DURATION_SECONDS = 3_600;
export const MIN_MAX_SESSION_DURATION_SECONDS = 3_600;
export const MAX_MAX_SESSION_DURATION_SECONDS = 43_200;
