// The API Gateway and Cognito rows of SIMULATOR_LIMITS (src/sim/limits-table.ts). Like the rest of the
// table, every value is read from the constant or the gateway response the simulator itself uses, never
// retyped; only unit conversions happen here, named in the key. Fact IDs: ../../shared/aws-facts.md.
import * as authLimits from './apigateway/auth/limits.js';
import { gatewayResponse, type GatewayResponseType } from './apigateway/gateway-responses.js';
import * as api from './apigateway/limits.js';
import * as ws from './apigateway/websocket/limits.js';
import * as cog from './cognito/limits.js';

const KB = 1_024;
const MINUTE_SECONDS = 60;
const HOUR_SECONDS = 3_600;
const DAY_SECONDS = 86_400;
const DAYS_PER_YEAR = 365;

/** The HTTP status API Gateway answers with for a gateway response type. */
const statusOf = (type: GatewayResponseType): number => gatewayResponse(type).statusCode;

export const APIGATEWAY_LIMITS = {
  'apigateway.accountRatePerSecond': api.ACCOUNT_RATE_PER_SECOND, // APIGW-04
  'apigateway.accountBurstRequests': api.ACCOUNT_BURST, // APIGW-04
  'apigateway.restIntegrationTimeoutSeconds': api.REST_INTEGRATION_TIMEOUT_MS / 1_000, // APIGW-07
  'apigateway.minIntegrationTimeoutMs': api.MIN_INTEGRATION_TIMEOUT_MS, // APIGW-07
  'apigateway.httpApiIntegrationTimeoutSeconds': api.HTTP_API_INTEGRATION_TIMEOUT_MS / 1_000, // APIGW-01
  'apigateway.payloadMaxMb': api.PAYLOAD_MAX_BYTES / (KB * KB), // APIGW-08
  'apigateway.cacheTtlDefaultSeconds': api.CACHE_TTL_DEFAULT_SECONDS, // APIGW-06
  'apigateway.cacheTtlMaxSeconds': api.CACHE_TTL_MAX_SECONDS, // APIGW-06
  'apigateway.cacheMaxEntryBytes': api.CACHE_MAX_ENTRY_BYTES, // APIGW-06
  'apigateway.stagesPerApiMax': api.STAGES_PER_API_MAX, // APIGW-03
  'apigateway.stageVariablesMax': api.STAGE_VARIABLES_MAX, // APIGW-03
  'apigateway.stageVariableNameMaxChars': api.STAGE_VARIABLE_KEY_MAX_CHARS, // APIGW-03
  'apigateway.stageVariableValueMaxChars': api.STAGE_VARIABLE_VALUE_MAX_CHARS, // APIGW-03
  'apigateway.resourcesPerApiMax': api.RESOURCES_PER_API_MAX, // APIGW-08
  'apigateway.authorizersPerApiMax': api.AUTHORIZERS_PER_API_MAX, // APIGW-08
  'apigateway.authorizerTtlDefaultSeconds': authLimits.DEFAULT_RESULT_TTL_SECONDS, // APIGW-12
  'apigateway.authorizerTtlMaxSeconds': authLimits.MAX_RESULT_TTL_SECONDS, // APIGW-12
  'apigateway.signatureClockSkewMinutes': authLimits.SIGNATURE_CLOCK_SKEW_MS / (MINUTE_SECONDS * 1_000), // APIGW-11
  'apigateway.cognitoAuthorizerMaxUserPools': authLimits.MAX_COGNITO_PROVIDER_ARNS, // APIGW-13
  'apigateway.throttledStatusCode': statusOf('THROTTLED'), // APIGW-04
  'apigateway.quotaExceededStatusCode': statusOf('QUOTA_EXCEEDED'), // APIGW-05
  'apigateway.invalidApiKeyStatusCode': statusOf('INVALID_API_KEY'), // APIGW-05
  'apigateway.missingAuthenticationTokenStatusCode': statusOf('MISSING_AUTHENTICATION_TOKEN'), // APIGW-09
  'apigateway.httpApiRouteNotFoundStatusCode': statusOf('RESOURCE_NOT_FOUND'), // APIGW-09
  'apigateway.accessDeniedStatusCode': statusOf('ACCESS_DENIED'), // APIGW-09, APIGW-12
  'apigateway.invalidSignatureStatusCode': statusOf('INVALID_SIGNATURE'), // APIGW-11
  'apigateway.unauthorizedStatusCode': statusOf('UNAUTHORIZED'), // APIGW-12, APIGW-13
  'apigateway.authorizerFailureStatusCode': statusOf('AUTHORIZER_FAILURE'), // APIGW-09, APIGW-12
  'apigateway.integrationTimeoutStatusCode': statusOf('INTEGRATION_TIMEOUT'), // APIGW-07, APIGW-09
  // The simulator answers a malformed Lambda proxy response or a function error with this type (APIGW-09: 502).
  'apigateway.malformedProxyResponseStatusCode': statusOf('INTEGRATION_FAILURE'),
  'apigateway.requestTooLargeStatusCode': statusOf('REQUEST_TOO_LARGE'), // APIGW-08
  'apigateway.cacheInvalidationDeniedStatusCode': statusOf('CACHE_INVALIDATION_DENIED'), // APIGW-06
  'apigateway.websocketIdleTimeoutMinutes': ws.IDLE_TIMEOUT_MS / (MINUTE_SECONDS * 1_000), // APIGW-01
  'apigateway.websocketMaxConnectionHours': ws.MAX_CONNECTION_DURATION_MS / (HOUR_SECONDS * 1_000), // APIGW-01
  'apigateway.websocketMessageMaxKb': ws.MESSAGE_MAX_BYTES / KB, // APIGW-01
  'apigateway.websocketFrameMaxKb': ws.FRAME_MAX_BYTES / KB, // APIGW-01
  'apigateway.websocketNewConnectionsPerSecond': ws.NEW_CONNECTIONS_PER_SECOND, // APIGW-01
  'apigateway.websocketMessageTooBigCloseCode': ws.CLOSE_MESSAGE_TOO_BIG, // APIGW-01
} as const;

export const COGNITO_LIMITS = {
  'cognito.idTokenDefaultHours': cog.DEFAULT_ID_TOKEN_SECONDS / HOUR_SECONDS, // COG-04
  'cognito.accessTokenDefaultHours': cog.DEFAULT_ACCESS_TOKEN_SECONDS / HOUR_SECONDS, // COG-04
  'cognito.idAccessTokenMinMinutes': cog.MIN_ID_ACCESS_TOKEN_SECONDS / MINUTE_SECONDS, // COG-04
  'cognito.idAccessTokenMaxDays': cog.MAX_ID_ACCESS_TOKEN_SECONDS / DAY_SECONDS, // COG-04
  'cognito.refreshTokenDefaultDays': cog.DEFAULT_REFRESH_TOKEN_SECONDS / DAY_SECONDS, // COG-04
  'cognito.refreshTokenMinMinutes': cog.MIN_REFRESH_TOKEN_SECONDS / MINUTE_SECONDS, // COG-04
  'cognito.refreshTokenMaxYears': cog.MAX_REFRESH_TOKEN_SECONDS / (DAYS_PER_YEAR * DAY_SECONDS), // COG-04
  'cognito.enhancedFlowCredentialsHours': cog.ENHANCED_FLOW_CREDENTIALS_SECONDS / HOUR_SECONDS, // COG-07
  'cognito.minWebIdentityDurationSeconds': cog.MIN_WEB_IDENTITY_DURATION_SECONDS, // COG-07
  'cognito.defaultWebIdentityDurationHours': cog.DEFAULT_WEB_IDENTITY_DURATION_SECONDS / HOUR_SECONDS, // COG-07
  'cognito.maxRoleMappingRules': cog.MAX_ROLE_MAPPING_RULES, // COG-09
} as const;
