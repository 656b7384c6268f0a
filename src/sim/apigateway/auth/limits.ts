// The numbers API Gateway's authorizers live by, each with its fact ID in ../shared/aws-facts.md.

/** Lambda authorizer result cache TTL when the config gives none: 300 s (APIGW-12). */
export const DEFAULT_RESULT_TTL_SECONDS = 300;

/** The longest a Lambda authorizer result may be cached: 3,600 s (APIGW-12). */
export const MAX_RESULT_TTL_SECONDS = 3_600;

/**
 * How far a SigV4 timestamp may be from API Gateway's clock: 5 minutes for execute-api (APIGW-11; the
 * generic AWS `RequestExpired` window of 15 minutes does not apply here).
 */
export const SIGNATURE_CLOCK_SKEW_MS = 5 * 60 * 1_000;

/** A Cognito user pool authorizer may name up to 1,000 user pools (APIGW-13). */
export const MAX_COGNITO_PROVIDER_ARNS = 1_000;

/** The world slot that holds the Lambda authorizer result cache. */
export const AUTHORIZER_CACHE_SLOT = 'apigateway.authorizer-cache';
