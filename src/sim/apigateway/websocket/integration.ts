// Running a WebSocket route's integration: Lambda proxy through Lambda's own invoke (callLambda), or
// MOCK, which always succeeds with no body. What the function returns is read as a proxy response
// (`{statusCode, body}`); a function that returns no statusCode counts as 200 (the simulator's reading:
// a handler that returns nothing accepts a connection).
import type { World } from '../../world.js';
import { callLambda } from '../integrations.js';
import type { WsIntegration } from './model.js';

export type RouteOutcome =
  | { readonly kind: 'answered'; readonly statusCode: number; readonly body?: string; readonly durationMs: number }
  | { readonly kind: 'failed'; readonly reason: string; readonly durationMs: number };

function readAnswer(payload: string): { statusCode: number; body?: string } {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return { statusCode: 200, body: payload };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value === null ? { statusCode: 200 } : { statusCode: 200, body: payload };
  const record = value as Record<string, unknown>;
  const statusCode = typeof record['statusCode'] === 'number' ? record['statusCode'] : 200;
  const body = record['body'];
  if (body === undefined || body === null) return { statusCode };
  return { statusCode, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

export function runRouteIntegration(world: World, integration: WsIntegration | undefined, event: Readonly<Record<string, unknown>>): RouteOutcome {
  if (integration === undefined) return { kind: 'failed', reason: 'the route has no integration', durationMs: 0 };
  if (integration.type === 'MOCK') return { kind: 'answered', statusCode: 200, durationMs: 0 };
  const call = callLambda(world, integration.uri, event);
  if (call.error !== undefined) return { kind: 'failed', reason: `Lambda answered ${call.error.name}: ${call.error.message}`, durationMs: call.durationMs };
  if (call.functionError !== undefined) return { kind: 'failed', reason: `function error (${call.functionError}): ${call.payload}`, durationMs: call.durationMs };
  return { kind: 'answered', ...readAnswer(call.payload), durationMs: call.durationMs };
}

/** The integration a route targets in a definition, if any. */
export function integrationOfRoute(integrations: Readonly<Record<string, WsIntegration>>, target: string | undefined): WsIntegration | undefined {
  return target === undefined ? undefined : integrations[target.replace(/^integrations\//, '')];
}
