// Cognito numbers the simulator uses, each with its fact ID in ../../../shared/aws-facts.md (§4).

const MINUTE_SECONDS = 60;
const HOUR_SECONDS = 3_600;
const DAY_SECONDS = 86_400;

/** COG-04: ID and access tokens last 1 hour by default, configurable from 5 minutes to 1 day. */
export const DEFAULT_ID_TOKEN_SECONDS = HOUR_SECONDS;
export const DEFAULT_ACCESS_TOKEN_SECONDS = HOUR_SECONDS;
export const MIN_ID_ACCESS_TOKEN_SECONDS = 5 * MINUTE_SECONDS;
export const MAX_ID_ACCESS_TOKEN_SECONDS = DAY_SECONDS;

/** COG-04: refresh tokens last 30 days by default, configurable from 60 minutes to 10 years. */
export const DEFAULT_REFRESH_TOKEN_SECONDS = 30 * DAY_SECONDS;
export const MIN_REFRESH_TOKEN_SECONDS = 60 * MINUTE_SECONDS;
export const MAX_REFRESH_TOKEN_SECONDS = 3_650 * DAY_SECONDS;

/** COG-03: a confirmation code lasts 24 hours (marked UNCONFIRMED in the facts sheet). */
export const CONFIRMATION_CODE_LIFETIME_MS = DAY_SECONDS * 1_000;

/** COG-07: enhanced-flow credentials last 1 hour, with no way to ask for more. */
export const ENHANCED_FLOW_CREDENTIALS_SECONDS = HOUR_SECONDS;

/** COG-07: AssumeRoleWithWebIdentity takes 900 s up to the role's maximum session (≤ 12 h); default 1 h. */
export const MIN_WEB_IDENTITY_DURATION_SECONDS = 900;
export const DEFAULT_WEB_IDENTITY_DURATION_SECONDS = HOUR_SECONDS;

/** COG-09: at most 25 rules per role mapping; the first rule that matches wins. */
export const MAX_ROLE_MAPPING_RULES = 25;

/**
 * Cognito's default password policy (not in the facts sheet; Cognito's documented default for new
 * pools): at least 8 characters with a number, a symbol, an upper-case and a lower-case letter.
 */
export const DEFAULT_PASSWORD_POLICY = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
} as const;

/** The OAuth scope Cognito puts in access tokens from the user-pool API sign-in flows. */
export const SIGN_IN_SCOPE = 'aws.cognito.signin.user.admin';

/** Where simulated issuers live (COG-05 shape: `https://cognito-idp.<region>.amazonaws.com/<poolId>`). */
export function userPoolIssuer(region: string, userPoolId: string): string {
  return `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}
