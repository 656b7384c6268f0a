// Proves the Cognito user pool authorizer against a fake verifyUserPoolToken port (APIGW-13,
// APIGW-14): no token → 401; a token the pool rejects → 401; without scopes the ID token passes and
// an access token is refused; with scopes an access token holding one passes, one holding none and an
// ID token are refused; a resource-policy Deny gives 403; no Cognito wired → 500 with a clear reason.
import { describe, expect, it } from 'vitest';
import { authorize, type AuthorizerConfig, type AuthOutcome, type AuthPorts } from '../../../../src/sim/apigateway/auth/index.js';
import { awsError, fail, ok } from '../../../../src/sim/result.js';
import { createWorld } from '../../../../src/sim/world.js';
import { incoming, methodArnOf, methodContext, withToken } from './fixtures.js';

const POOL = 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Orders';
const TOKENS: Record<string, Record<string, unknown>> = {
  'id-token': { sub: 'sub-1', token_use: 'id', 'cognito:username': 'alice' },
  'access-token': { sub: 'sub-1', token_use: 'access', scope: 'openid orders/read' },
};
const verifiedTokens: string[] = [];
const ports: AuthPorts = {
  invokeFunction: () => fail(awsError('ResourceNotFoundException', 404, 'not used')),
  verifyUserPoolToken: (_world, token, providerArns) => {
    verifiedTokens.push(token);
    const claims = TOKENS[token];
    return claims !== undefined && providerArns.includes(POOL) ? ok(claims) : fail(awsError('NotAuthorizedException', 400, 'Invalid token'));
  },
};
const cognito = (authorizationScopes?: string[]): AuthorizerConfig => ({
  type: 'COGNITO_USER_POOLS',
  name: 'orders-pool',
  providerArns: [POOL],
  identitySource: 'method.request.header.Authorization',
  ...(authorizationScopes === undefined ? {} : { authorizationScopes }),
});
const run = (config: AuthorizerConfig, token?: string, method = methodContext(), withPorts = ports): AuthOutcome =>
  authorize(createWorld(), config, token === undefined ? incoming() : withToken(token), method, withPorts);

describe('COGNITO_USER_POOLS (APIGW-13)', () => {
  it('answers 401 without a token, without asking Cognito', () => {
    verifiedTokens.length = 0;
    expect(run(cognito())).toEqual({ kind: 'unauthorized', reason: 'identity source method.request.header.Authorization is missing or empty' });
    expect(verifiedTokens).toEqual([]);
  });

  it('answers 401 for a token the pool rejects', () => {
    expect(run(cognito(), 'forged')).toEqual({ kind: 'unauthorized', reason: 'the token was rejected: Invalid token' });
  });

  it('without scopes: the ID token passes with its claims, an access token is refused', () => {
    expect(run(cognito(), 'id-token')).toEqual({ kind: 'allow', principalId: 'sub-1', context: {}, identity: TOKENS['id-token'] });
    expect(run(cognito(), 'access-token')).toMatchInlineSnapshot(`
      {
        "kind": "unauthorized",
        "reason": "the method has no authorization scopes, so it expects an ID token, not token_use "access"",
      }
    `);
  });

  it('with scopes: an access token holding one passes; holding none, or an ID token, is refused', () => {
    expect(run(cognito(['orders/write', 'orders/read']), 'access-token').kind).toBe('allow');
    expect(run(cognito(['orders/write']), 'access-token')).toEqual({ kind: 'unauthorized', reason: 'the access token holds none of the scopes orders/write' });
    expect(run(cognito(['orders/read']), 'id-token')).toEqual({ kind: 'unauthorized', reason: 'the method has authorization scopes, so it expects an access token, not token_use "id"' });
  });

  it('a resource-policy Deny gives 403 explicit deny (APIGW-14)', () => {
    const resourcePolicy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource: methodArnOf('GET', '/orders') }] });
    expect(run(cognito(), 'id-token', methodContext('GET', '/orders', { resourcePolicy }))).toMatchObject({ kind: 'forbidden', message: 'User is not authorized to access this resource with an explicit deny' });
  });

  it('answers 500 AUTHORIZER_CONFIGURATION_ERROR when Cognito is not wired', () => {
    expect(run(cognito(), 'id-token', methodContext(), { invokeFunction: ports.invokeFunction })).toEqual({
      kind: 'error',
      gatewayResponse: 'AUTHORIZER_CONFIGURATION_ERROR',
      reason: 'COGNITO_USER_POOLS authorization needs the Cognito service to check tokens, and none is wired (ports.verifyUserPoolToken)',
    });
  });
});
