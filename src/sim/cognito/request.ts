// Small helpers every Cognito, STS and S3 operation shares: read request members, find a pool, and
// record exactly one trace event per call.
import type { ApiDocument } from '../cli/operation-spec.js';
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { resourceNotFound } from './errors.js';
import { cognitoState, type ClientState, type UserPoolState } from './model.js';

export function text(request: ApiDocument, member: string): string {
  const value = request[member];
  return typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
}

export function optionalText(request: ApiDocument, member: string): string | undefined {
  const value = request[member];
  return typeof value === 'string' ? value : undefined;
}

/** A string→string map member (`--auth-parameters USERNAME=a,PASSWORD=b`, `--logins k=v`). */
export function stringMap(request: ApiDocument, member: string): Record<string, string> {
  const value = request[member];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, String(entry)]));
}

export function recordCall<T>(world: World, service: string, operation: string, result: Result<T>, detail: Record<string, unknown>): Result<T> {
  world.record({ service, operation, outcome: result.ok ? 'ok' : result.error.name, detail });
  return result;
}

export function findUserPool(world: World, userPoolId: string): Result<UserPoolState> {
  const pool = cognitoState(world).userPools[userPoolId];
  return pool === undefined ? fail(resourceNotFound(`User pool ${userPoolId} does not exist.`)) : ok(pool);
}

/** The pool that owns an app client (clients are addressed by id alone in the sign-in API). */
export function findClient(world: World, clientId: string): Result<{ pool: UserPoolState; client: ClientState }> {
  for (const pool of Object.values(cognitoState(world).userPools)) {
    const client = pool.clients[clientId];
    if (client !== undefined) return ok({ pool, client });
  }
  return fail(resourceNotFound(`User pool client ${clientId} does not exist.`));
}

/** AWS CLI timestamps: `2026-01-01T00:00:00+00:00`. */
export function cliTime(timeMs: number): string {
  return new Date(timeMs).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
