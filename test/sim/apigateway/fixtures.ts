// Shared set-up for the API Gateway tests: a world with Lambda functions made through CreateFunction,
// APIs made through defineRestApi / defineHttpApi, and small in-test authorizers with the auth
// contract's signature.
import { expect } from 'vitest';
import type { ApiDocument } from '../../../src/sim/cli/operation-spec.js';
import { defineHttpApi, defineRestApi, type HttpApiSpec, type RestApiSpec } from '../../../src/sim/apigateway/define.js';
import { invokeApi, type ApiRequest, type InvokeApiOptions } from '../../../src/sim/apigateway/invoke-api.js';
import type { ApiResponse, Authorize } from '../../../src/sim/apigateway/pipeline.js';
import { createFunction } from '../../../src/sim/lambda/operations.js';
import type { Result } from '../../../src/sim/result.js';
import { createWorld, type World } from '../../../src/sim/world.js';

export function newWorld(seed = 7): World {
  return createWorld({ seed });
}

export function makeFunction(world: World, name: string, members: ApiDocument = {}): void {
  const created = createFunction(world, { FunctionName: name, Runtime: 'nodejs22.x', Role: 'arn:aws:iam::123456789012:role/fn', Handler: 'catalog.http-ok', ...members });
  expect(created.ok, JSON.stringify(created)).toBe(true);
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.name}: ${result.error.message}`);
  return result.value;
}

export function restApi(world: World, spec: Partial<RestApiSpec> = {}): string {
  return expectOk(defineRestApi(world, {
    name: 'orders-api',
    routes: [{ method: 'GET', path: '/orders', integration: { type: 'AWS_PROXY', functionName: 'orders' } }],
    stages: [{ name: 'prod' }],
    ...spec,
  })).id;
}

export function httpApi(world: World, spec: Partial<HttpApiSpec> = {}): string {
  return expectOk(defineHttpApi(world, {
    name: 'orders-http',
    routes: [{ routeKey: 'GET /orders/{id}', integration: { type: 'AWS_PROXY', functionName: 'orders' } }],
    ...spec,
  })).id;
}

export function send(world: World, request: Partial<ApiRequest> & { api: string }, options?: InvokeApiOptions): ApiResponse {
  return expectOk(invokeApi(world, { method: 'GET', path: '/orders', ...request }, options));
}

/** Allows when the Authorization header is `allow`, else 401; passes a principal and a context. */
export const allowHeaderAuthorizer: Authorize = (_world, _config, request) =>
  request.headers['authorization'] === 'allow'
    ? { kind: 'allow', principalId: 'user-1', context: { tier: 'gold', credits: 3, admin: false } }
    : { kind: 'unauthorized', reason: 'token is not allow' };
