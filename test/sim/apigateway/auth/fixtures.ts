// Shared pieces for the authorizer tests: a method context for GET/POST /orders, requests, authorizer
// configs and a fake `invokeFunction` port that runs a scripted authorizer and counts its calls.
import { ok, type Result } from '../../../../src/sim/result.js';
import type { AuthorizerConfig, AuthPorts, IncomingRequest, MethodContext } from '../../../../src/sim/apigateway/auth/index.js';
import type { World } from '../../../../src/sim/world.js';

export const REGION = 'us-east-1';
export const ACCOUNT = '123456789012';
export const API_ID = 'a1b2c3d4e5';
export const STAGE = 'prod';

export const methodArnOf = (httpMethod: string, path: string) => `arn:aws:execute-api:${REGION}:${ACCOUNT}:${API_ID}/${STAGE}/${httpMethod}${path}`;

export function methodContext(httpMethod = 'GET', resourcePath = '/orders', extra: Partial<MethodContext> = {}): MethodContext {
  return {
    region: REGION,
    accountId: ACCOUNT,
    apiId: API_ID,
    stage: STAGE,
    httpMethod,
    resourcePath,
    methodArn: methodArnOf(httpMethod, resourcePath.replace(/\{[^}]+\}/g, '42')),
    stageVariables: { env: 'prod' },
    ...extra,
  };
}

export function incoming(fields: Partial<IncomingRequest> = {}): IncomingRequest {
  return { method: 'GET', path: '/orders', headers: {}, query: {}, body: '', sourceIp: '203.0.113.9', ...fields };
}

export const withToken = (token: string, extra: Partial<IncomingRequest> = {}) => incoming({ headers: { authorization: token }, ...extra });

export function tokenAuthorizer(fields: Partial<Extract<AuthorizerConfig, { type: 'TOKEN' }>> = {}): AuthorizerConfig {
  return { type: 'TOKEN', name: 'orders-token', functionName: 'auth-fn', identitySource: 'method.request.header.Authorization', resultTtlSeconds: 300, ...fields };
}

export function requestAuthorizer(identitySources: readonly string[], resultTtlSeconds = 300): AuthorizerConfig {
  return { type: 'REQUEST', name: 'orders-request', functionName: 'auth-fn', identitySources, resultTtlSeconds };
}

export function policyOutput(effect: 'Allow' | 'Deny', resource: string | readonly string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    principalId: 'user-7',
    policyDocument: { Version: '2012-10-17', Statement: [{ Effect: effect, Action: 'execute-api:Invoke', Resource: resource }] },
    ...extra,
  };
}

export type Answer = { readonly payload: string; readonly functionError?: string };

export const returns = (output: unknown): Answer => ({ payload: JSON.stringify(output) });
export const throws = (errorMessage: string): Answer => ({ payload: JSON.stringify({ errorType: 'Error', errorMessage }), functionError: 'Unhandled' });

export interface FakeLambda {
  readonly ports: AuthPorts;
  readonly events: Readonly<Record<string, unknown>>[];
  calls(): number;
}

/** A fake Lambda: `decide` answers each event; every call is counted and its event kept. */
export function fakeLambda(decide: (event: Readonly<Record<string, unknown>>) => Answer | Result<Answer>): FakeLambda {
  const events: Readonly<Record<string, unknown>>[] = [];
  const invokeFunction = (_world: World, _name: string, event: Readonly<Record<string, unknown>>): Result<Answer> => {
    events.push(event);
    const answer = decide(event);
    return 'ok' in answer ? answer : ok(answer);
  };
  return { ports: { invokeFunction }, events, calls: () => events.length };
}

