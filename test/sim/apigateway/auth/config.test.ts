// Proves validateAuthorizerConfig: the result TTL bounds of APIGW-12 (0 … 3,600 s, refused above with
// a clear message), identity-source shapes, TOKEN and Cognito sources being headers, the validation
// expression compiling, REQUEST identity sources required when caching is on (APIGW-12), Cognito's
// 1 … 1,000 provider ARNs (APIGW-13); every problem is reported at once. Messages are pinned.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RESULT_TTL_SECONDS, MAX_RESULT_TTL_SECONDS, authorize, validateAuthorizerConfig, type AuthorizerConfig } from '../../../../src/sim/apigateway/auth/index.js';
import { createWorld } from '../../../../src/sim/world.js';
import { fakeLambda, methodContext, requestAuthorizer, tokenAuthorizer, withToken } from './fixtures.js';

const messageOf = (config: AuthorizerConfig) => {
  const result = validateAuthorizerConfig(config);
  return result.ok ? 'valid' : `${result.error.name} (${result.error.statusCode}): ${result.error.message}`;
};

describe('validateAuthorizerConfig', () => {
  it('uses the APIGW-12 bounds: default 300 s, max 3,600 s', () => {
    expect([DEFAULT_RESULT_TTL_SECONDS, MAX_RESULT_TTL_SECONDS]).toEqual([300, 3_600]);
  });

  it.each([0, 1, 300, 3_600])('accepts a TTL of %i seconds', (resultTtlSeconds) => {
    expect(messageOf(tokenAuthorizer({ resultTtlSeconds }))).toBe('valid');
  });

  it('refuses a TTL above 3,600 seconds with a clear message (APIGW-12)', () => {
    expect(messageOf(tokenAuthorizer({ resultTtlSeconds: 3_601 }))).toMatchInlineSnapshot(`
      "BadRequestException (400): Authorizer "orders-token" is not valid:
        - resultTtlSeconds: expected a whole number of seconds from 0 (no caching) to 3600, found 3601"
    `);
    expect(messageOf(tokenAuthorizer({ resultTtlSeconds: -1 }))).toContain('found -1');
    expect(messageOf(tokenAuthorizer({ resultTtlSeconds: 1.5 }))).toContain('found 1.5');
  });

  it('reports every problem of a TOKEN authorizer at once', () => {
    expect(messageOf(tokenAuthorizer({ name: ' ', identitySource: 'method.request.querystring.token', identityValidationExpression: '(', resultTtlSeconds: 7_200 }))).toMatchInlineSnapshot(`
      "BadRequestException (400): Authorizer " " is not valid:
        - name: expected a non-empty authorizer name
        - identitySource: "method.request.querystring.token" must be a header (method.request.header.NAME) for this authorizer type
        - identityValidationExpression: "(" is not a valid regular expression
        - resultTtlSeconds: expected a whole number of seconds from 0 (no caching) to 3600, found 7200"
    `);
  });

  it('checks REQUEST identity sources and needs one when caching is on (APIGW-12)', () => {
    expect(messageOf(requestAuthorizer(['method.request.header.X', 'stageVariables.env', 'context.identity.sourceIp'], 300))).toBe('valid');
    expect(messageOf(requestAuthorizer([], 0))).toBe('valid');
    expect(messageOf(requestAuthorizer([], 300))).toMatchInlineSnapshot(`
      "BadRequestException (400): Authorizer "orders-request" is not valid:
        - identitySources: a REQUEST authorizer with caching on (resultTtlSeconds > 0) needs at least one identity source; add one or set resultTtlSeconds to 0"
    `);
    expect(messageOf(requestAuthorizer(['header.X', 'context.requestId'], 0))).toMatchInlineSnapshot(`
      "BadRequestException (400): Authorizer "orders-request" is not valid:
        - identitySources[0]: "header.X" is not an identity source; expected method.request.header.NAME, method.request.querystring.NAME, stageVariables.NAME or context.NAME
        - identitySources[1]: "context.requestId" is not an identity source; expected method.request.header.NAME, method.request.querystring.NAME, stageVariables.NAME or context.NAME"
    `);
  });

  it('checks Cognito provider ARNs: 1 to 1,000 (APIGW-13)', () => {
    const cognito = (count: number): AuthorizerConfig => ({
      type: 'COGNITO_USER_POOLS',
      name: 'pool',
      identitySource: 'method.request.header.Authorization',
      providerArns: Array.from({ length: count }, (_, index) => `arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_${index}`),
    });
    expect(messageOf(cognito(1))).toBe('valid');
    expect(messageOf(cognito(1_000))).toBe('valid');
    expect(messageOf(cognito(1_001))).toContain('providerArns: expected 1 to 1000 user pool ARNs, found 1001');
    expect(messageOf(cognito(0))).toContain('found 0');
  });

  it('makes authorize answer 500 AUTHORIZER_CONFIGURATION_ERROR for an invalid config, without invoking', () => {
    const lambda = fakeLambda(() => ({ payload: '{}' }));
    const outcome = authorize(createWorld(), tokenAuthorizer({ resultTtlSeconds: 86_400 }), withToken('t'), methodContext(), lambda.ports);
    expect(outcome.kind === 'error' && outcome.gatewayResponse).toBe('AUTHORIZER_CONFIGURATION_ERROR');
    expect(lambda.calls()).toBe(0);
  });
});
