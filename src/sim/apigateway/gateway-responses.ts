// API Gateway's own answers when a request does not reach (or does not come back cleanly from) the
// integration: gateway response type, status code and body as API Gateway sends them (APIGW-09, APIGW-05,
// APIGW-12). Bodies are JSON with a `message` member; the `x-amzn-ErrorType` header names the error.

export type GatewayResponseType =
  | 'MISSING_AUTHENTICATION_TOKEN'
  | 'RESOURCE_NOT_FOUND'
  | 'INVALID_API_KEY'
  | 'QUOTA_EXCEEDED'
  | 'THROTTLED'
  | 'ACCESS_DENIED'
  | 'INVALID_SIGNATURE'
  | 'EXPIRED_TOKEN'
  | 'UNAUTHORIZED'
  | 'AUTHORIZER_FAILURE'
  | 'AUTHORIZER_CONFIGURATION_ERROR'
  | 'INTEGRATION_FAILURE'
  | 'INTEGRATION_TIMEOUT'
  | 'REQUEST_TOO_LARGE'
  | 'API_CONFIGURATION_ERROR'
  | 'CACHE_INVALIDATION_DENIED'
  | 'BAD_REQUEST_PARAMETERS'
  | 'BAD_REQUEST_BODY'
  | 'UNSUPPORTED_MEDIA_TYPE';

interface GatewayResponseSpec {
  readonly statusCode: number;
  readonly message: string;
  readonly errorType: string;
}

const SPECS: Readonly<Record<GatewayResponseType, GatewayResponseSpec>> = {
  // Also for a resource or method that does not exist (APIGW-09).
  MISSING_AUTHENTICATION_TOKEN: { statusCode: 403, message: 'Missing Authentication Token', errorType: 'MissingAuthenticationTokenException' },
  // HTTP APIs: an unmatched route is a plain 404 (APIGW-09).
  RESOURCE_NOT_FOUND: { statusCode: 404, message: 'Not Found', errorType: 'NotFoundException' },
  // Wording "Forbidden" is UNCONFIRMED in APIGW-05.
  INVALID_API_KEY: { statusCode: 403, message: 'Forbidden', errorType: 'ForbiddenException' },
  // Wording "Limit Exceeded" is UNCONFIRMED in APIGW-05.
  QUOTA_EXCEEDED: { statusCode: 429, message: 'Limit Exceeded', errorType: 'LimitExceededException' },
  THROTTLED: { statusCode: 429, message: 'Too Many Requests', errorType: 'TooManyRequestsException' },
  ACCESS_DENIED: { statusCode: 403, message: 'User is not authorized to access this resource with an explicit deny', errorType: 'AccessDeniedException' },
  INVALID_SIGNATURE: { statusCode: 403, message: 'The request signature we calculated does not match the signature you provided.', errorType: 'InvalidSignatureException' },
  EXPIRED_TOKEN: { statusCode: 403, message: 'The security token included in the request is expired', errorType: 'ExpiredTokenException' },
  UNAUTHORIZED: { statusCode: 401, message: 'Unauthorized', errorType: 'UnauthorizedException' },
  // The 500s of a failing authorizer carry a null message (widely observed; not in the facts sheet).
  AUTHORIZER_FAILURE: { statusCode: 500, message: 'null', errorType: 'AuthorizerFailureException' },
  AUTHORIZER_CONFIGURATION_ERROR: { statusCode: 500, message: 'null', errorType: 'AuthorizerConfigurationException' },
  INTEGRATION_FAILURE: { statusCode: 502, message: 'Internal server error', errorType: 'InternalServerErrorException' },
  INTEGRATION_TIMEOUT: { statusCode: 504, message: 'Endpoint request timed out', errorType: 'IntegrationTimeoutException' },
  // Body wording is the simulator's (APIGW-08 gives only the status).
  REQUEST_TOO_LARGE: { statusCode: 413, message: 'Request Too Long', errorType: 'RequestTooLargeException' },
  API_CONFIGURATION_ERROR: { statusCode: 500, message: 'Internal server error', errorType: 'InternalServerErrorException' },
  // FAIL_WITH_403 (APIGW-06); the message wording is the simulator's.
  CACHE_INVALIDATION_DENIED: { statusCode: 403, message: 'Unauthorized to invalidate the cache', errorType: 'AccessDeniedException' },
  // Request validation (APIGW-09): the parameters message names the missing ones, e.g.
  // "Missing required request parameters: [q1]" (api-gateway-request-validation-test.html).
  BAD_REQUEST_PARAMETERS: { statusCode: 400, message: 'Missing required request parameters', errorType: 'BadRequestException' },
  BAD_REQUEST_BODY: { statusCode: 400, message: 'Invalid request body', errorType: 'BadRequestException' },
  // Passthrough behaviour NEVER / WHEN_NO_TEMPLATES refuses an unmapped content type (integration-passthrough-behaviors.html).
  UNSUPPORTED_MEDIA_TYPE: { statusCode: 415, message: 'Unsupported Media Type', errorType: 'UnsupportedMediaTypeException' },
};

export function isGatewayResponseType(name: string): name is GatewayResponseType {
  return name in SPECS;
}

export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The response API Gateway sends for `type`; `message` overrides the body text (e.g. an IAM denial). */
export function gatewayResponse(type: GatewayResponseType, message?: string, statusCode?: number): HttpResponse {
  const spec = SPECS[type];
  // API Gateway writes "Internal server error" with a space after the colon; the others without.
  const body = spec.message === 'Internal server error' && message === undefined
    ? '{"message": "Internal server error"}'
    : type === 'ACCESS_DENIED' && message === undefined
      ? `{"Message":"${spec.message}"}`
      : JSON.stringify({ message: message ?? spec.message });
  return {
    statusCode: statusCode ?? spec.statusCode,
    headers: { 'content-type': 'application/json', 'x-amzn-ErrorType': spec.errorType },
    body: spec.message === 'null' && message === undefined ? '{"message":null}' : body,
  };
}

/** An API's customisation of one gateway response type, or of DEFAULT_4XX / DEFAULT_5XX (APIGW-09). */
export interface CustomGatewayResponse {
  readonly statusCode?: number;
  /** Literal header values (`gatewayresponse.header.X: "'v'"` in the API, quotes removed). */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The application/json template; `$context.error.messageString` (quoted), `$context.error.message` and
   * `$context.error.validationErrorString` are filled in.
   */
  readonly template?: string;
}

function messageOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const message = parsed['message'] ?? parsed['Message'];
    return typeof message === 'string' ? message : '';
  } catch {
    return '';
  }
}

/** API Gateway's own response with the API's customisation of `type` (else of DEFAULT_4XX / DEFAULT_5XX) applied. */
export function customised(response: HttpResponse, type: GatewayResponseType, custom: Readonly<Record<string, CustomGatewayResponse>> | undefined, validationErrorString = ''): HttpResponse {
  const rule = custom?.[type] ?? custom?.[response.statusCode >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX'];
  if (rule === undefined) return response;
  const message = messageOf(response.body);
  const body = rule.template === undefined
    ? response.body
    : rule.template.replaceAll('$context.error.messageString', JSON.stringify(message)).replaceAll('$context.error.validationErrorString', validationErrorString)
      .replaceAll('$context.error.message', message);
  return { statusCode: rule.statusCode ?? response.statusCode, headers: { ...response.headers, ...rule.headers }, body };
}
