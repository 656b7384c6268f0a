// Lambda's state in a world, as plain data (maps and arrays only, so world snapshots copy it), plus
// tiny pure helpers. Functions keep their $LATEST configuration, published versions, aliases,
// concurrency settings and their execution environments; environments are busy until a virtual time.
import type { World } from '../world.js';
import type { AliasInfo } from './aliases.js';
import type { StreamRecordForLambda } from './ports.js';
import {
  ACCOUNT_CONCURRENCY_DEFAULT,
  ASYNC_EVENT_AGE_MAX_SECONDS,
  ASYNC_MAX_RETRY_ATTEMPTS_DEFAULT,
  SCALING_ENVIRONMENTS_PER_WINDOW,
} from './limits.js';

export type PackageType = 'Zip' | 'Image';

/** What a version runs with; `$LATEST` changes, published versions are frozen copies. */
export interface FunctionConfig {
  readonly runtime: string;
  readonly role: string;
  /** The catalogue handler, e.g. `catalog.echo` (the sandbox has no code; see docs/lambda.md). */
  readonly handler: string;
  readonly memorySizeMb: number;
  readonly timeoutSeconds: number;
  readonly ephemeralStorageMb: number;
  readonly environment: Readonly<Record<string, string>>;
  readonly description: string;
  readonly packageType: PackageType;
  readonly deadLetterTargetArn?: string;
  /** PackageType Image: the ECR image the function runs (LAM-09). */
  readonly imageUri?: string;
  /** Why the function could not become Active (State Failed), e.g. an image over 10 GB (LAM-05). */
  readonly failure?: { readonly reasonCode: string; readonly reason: string };
}

export interface FunctionVersion {
  readonly version: string;
  readonly config: FunctionConfig;
  readonly publishedAtMs: number;
}

export interface ExecutionEnvironment {
  readonly id: string;
  /** The version whose code it runs (`$LATEST`, `1` ...). */
  readonly version: string;
  /** Set for provisioned environments: the qualifier (version or alias) they were provisioned for. */
  readonly provisionedFor?: string;
  busyUntilMs: number;
  readonly createdAtMs: number;
}

/** Async settings of PutFunctionEventInvokeConfig (LAM-16). */
export interface EventInvokeConfig {
  readonly maximumRetryAttempts: number;
  readonly maximumEventAgeSeconds: number;
  readonly onSuccessArn?: string;
  readonly onFailureArn?: string;
}

/** Totals for `sim cost`: requests and billed GB-seconds (INIT included where it is billed). */
export interface FunctionUsage {
  requests: number;
  billedMs: number;
  gbSeconds: number;
  coldStarts: number;
  throttles: number;
}

export interface FunctionState {
  readonly name: string;
  readonly arn: string;
  readonly createdAtMs: number;
  lastModifiedMs: number;
  latest: FunctionConfig;
  readonly versions: Map<string, FunctionVersion>;
  nextVersion: number;
  /** Alias name → version. */
  readonly aliases: Map<string, string>;
  /** Alias name → description, revision and weighted routing (aliases.ts). */
  readonly aliasInfo: Map<string, AliasInfo>;
  reservedConcurrency?: number;
  /** Qualifier (version or alias) → provisioned concurrency. */
  readonly provisioned: Map<string, number>;
  environments: ExecutionEnvironment[];
  /** Scaling-rate token bucket (LAM-11): environments that may still be added right now. */
  scalingTokens: number;
  scalingRefilledAtMs: number;
  eventInvokeConfig: EventInvokeConfig;
  readonly usage: FunctionUsage;
}

/** One event of the internal async queue. */
export interface AsyncEvent {
  readonly id: string;
  readonly functionName: string;
  readonly qualifier: string;
  readonly payload: string;
  readonly enqueuedAtMs: number;
  /** Attempts that ran the function (throttled tries do not count). */
  attempts: number;
  /** Tries refused by a throttle, for the backoff exponent. */
  throttledTries: number;
  lastFunctionError?: string;
  lastResponse?: unknown;
  /** The version the last attempt ran (an alias resolves to a number). */
  lastExecutedVersion?: string;
}

/** A record handed to a dead-letter queue or destination (kept for `sim show`; a port may forward it). */
export interface DestinationDelivery {
  readonly timeMs: number;
  readonly kind: 'dead-letter-queue' | 'on-failure' | 'on-success';
  readonly targetArn: string;
  readonly record: unknown;
}

export interface LambdaState {
  readonly functions: Map<string, FunctionState>;
  accountConcurrencyLimit: number;
  readonly asyncEvents: Map<string, AsyncEvent>;
  readonly deliveries: DestinationDelivery[];
  /** Files written by `aws lambda invoke ... OUTFILE` (the sandbox has no disk). */
  readonly outFiles: Map<string, string>;
  readonly mappings: Map<string, EventSourceMappingState>;
  nextId: number;
}

/** Changes the account's concurrency limit (LAM-10: default 1,000; new accounts may start lower). */
export function setAccountConcurrencyLimit(world: World, limit: number): void {
  lambdaState(world).accountConcurrencyLimit = limit;
}

export const LAMBDA_SLOT = 'lambda';

export function emptyLambdaState(): LambdaState {
  return {
    functions: new Map(),
    accountConcurrencyLimit: ACCOUNT_CONCURRENCY_DEFAULT, // LAM-10
    asyncEvents: new Map(),
    deliveries: [],
    outFiles: new Map(),
    mappings: new Map(),
    nextId: 1,
  };
}

export function lambdaState(world: World): LambdaState {
  return world.service(LAMBDA_SLOT, emptyLambdaState);
}

/** A fresh id in this world: deterministic, unique, and readable in traces. */
export function nextLambdaId(state: LambdaState, prefix: string): string {
  const id = `${prefix}-${String(state.nextId).padStart(6, '0')}`;
  state.nextId++;
  return id;
}

export function functionArn(world: World, name: string): string {
  return `arn:aws:lambda:${world.region}:${world.accountId}:function:${name}`;
}

export function defaultEventInvokeConfig(): EventInvokeConfig {
  return { maximumRetryAttempts: ASYNC_MAX_RETRY_ATTEMPTS_DEFAULT, maximumEventAgeSeconds: ASYNC_EVENT_AGE_MAX_SECONDS }; // LAM-16
}

export function newFunctionState(world: World, name: string, config: FunctionConfig): FunctionState {
  return {
    name,
    arn: functionArn(world, name),
    createdAtMs: world.nowMs,
    lastModifiedMs: world.nowMs,
    latest: config,
    versions: new Map(),
    nextVersion: 1,
    aliases: new Map(),
    aliasInfo: new Map(),
    provisioned: new Map(),
    environments: [],
    scalingTokens: SCALING_ENVIRONMENTS_PER_WINDOW, // LAM-11: a new function may add 1,000 at once
    scalingRefilledAtMs: world.nowMs,
    eventInvokeConfig: defaultEventInvokeConfig(),
    usage: { requests: 0, billedMs: 0, gbSeconds: 0, coldStarts: 0, throttles: 0 },
  };
}

/** The configuration a version runs with. */
export function configOfVersion(fn: FunctionState, version: string): FunctionConfig | undefined {
  return version === '$LATEST' ? fn.latest : fn.versions.get(version)?.config;
}

/** Environments running an invocation at `nowMs`. */
export function busyEnvironmentCount(fn: FunctionState, nowMs: number): number {
  let count = 0;
  for (const env of fn.environments) if (env.busyUntilMs > nowMs) count++;
  return count;
}

/** Concurrency in use across the account (this Region's functions) at `nowMs`. */
export function accountConcurrencyInUse(state: LambdaState, nowMs: number): number {
  let count = 0;
  for (const fn of state.functions.values()) count += busyEnvironmentCount(fn, nowMs);
  return count;
}

export function totalReservedConcurrency(state: LambdaState, exceptFunction?: string): number {
  let total = 0;
  for (const fn of state.functions.values()) if (fn.name !== exceptFunction) total += fn.reservedConcurrency ?? 0;
  return total;
}

/** UTF-8 size of a string, as AWS measures payloads and environment variables (counted, not encoded). */
export function utf8SizeBytes(text: string): number {
  let sizeBytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) sizeBytes += 1;
    else if (code < 0x800) sizeBytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      sizeBytes += 4; // a surrogate pair: one 4-byte code point
      i++;
    } else sizeBytes += 3;
  }
  return sizeBytes;
}

/** A DynamoDB stream event source mapping (LAM-19) and its in-flight batches (one shard, in order). */
export interface EventSourceMappingState {
  readonly uuid: string;
  readonly functionName: string;
  readonly eventSourceArn: string;
  readonly startingPosition: string;
  /** Where the next stream read starts. */
  position: string;
  readonly batchSize: number;
  readonly batchingWindowSeconds: number;
  /** −1: retry until the records expire. */
  readonly maxRetryAttempts: number;
  /** −1: no limit other than the stream's retention. */
  readonly maxRecordAgeSeconds: number;
  readonly bisectOnError: boolean;
  readonly onFailureArn?: string;
  /** Batches read but not yet done, oldest first; the first blocks the shard until it succeeds or is given up. */
  batches: StreamRecordForLambda[][];
  /** Failed tries of the first batch. */
  retries: number;
  /** Throttled tries in a row (for their backoff; they do not count as retries). */
  throttledTries: number;
  /** The pending poll timer (one at a time). */
  pollTimerId?: number;
}
