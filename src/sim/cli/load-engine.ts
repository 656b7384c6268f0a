// The load engine: drives every active `sim load` through virtual time, in time order across loads, so
// a background load keeps sending while the clock is advanced or another load runs. Requests are issued
// at startMs + floor(i × 1000 / rate); each runs the operation directly with a recorder that folds its
// trace events into the second's aggregate, and each closed second appends ONE `load-second` event to
// the trace. Lambda Invoke events are also folded into the second's CloudWatch statistic sets
// (`lambdaMetrics`, docs/deployments.md). Per request: one template fill, one operation call, a few additions; no closures, no
// parsing, no JSON, no regexes.
import { THROTTLING_ERRORS, computeRetryDelayMs } from './retry-delay.js';
import { compileTemplate, createTemplateBuilder, placeholdersOf, type TemplateBuilder, type TemplateNode } from './load-template.js';
import { batchSize } from './load-batch.js';
import { emptyCounts, isLoadFinished, newSecond, nextRequestMs, secondEndMs, simSlot, type LoadSecond, type LoadState } from './load-state.js';
import type { ApiDocument } from './operation-spec.js';
import { parseLine } from './parse.js';
import type { LoadMeterSpec, ParsedAwsCommand, PreparedLoadRequest, SandboxSession } from './sim-command-spec.js';
import { foldLoadMetrics } from '../cloudwatch/index.js';
import { invariant, InvariantError, type Result } from '../result.js';
import type { RandomStream } from '../rng.js';
import type { TraceEvent } from '../trace.js';
import type { Recorder, World } from '../world.js';

/** At most this many load events (requests, retries, closed seconds) in one advance: a safety bound. */
export const MAX_LOAD_EVENTS_PER_ADVANCE = 100_000_000;

interface LoadRuntime {
  readonly load: LoadState;
  readonly command: ParsedAwsCommand;
  readonly build: TemplateBuilder | undefined;
  readonly random: RandomStream;
  readonly recorder: Recorder;
  readonly run: () => Result<ApiDocument>;
  /** The service's compiled request (the fast path), when it could compile this one. */
  readonly fast: PreparedLoadRequest | undefined;
  readonly runFast: () => Result<unknown>;
  /** The request number `runFast` sends. */
  n: number;
  /** Whether the last request went the fast way (its request is then `fast.lastRequest()`). */
  wasFast: boolean;
  readonly gaugeMeters: readonly LoadMeterSpec[];
  request: ApiDocument;
  capacityUnits: number;
}

/** Parsed commands and compiled templates, per world and load id: code-side caches, never state. */
const runtimes = new WeakMap<World, Map<number, LoadRuntime>>();

/** Capacity from the AWS shape in an event's detail, for services without their own meter. */
export function defaultCapacityUnitsOf(event: TraceEvent): number {
  const consumed = event.detail['ConsumedCapacity'];
  if (Array.isArray(consumed)) return consumed.reduce((sum: number, c) => sum + unitsIn(c), 0);
  if (consumed !== undefined) return unitsIn(consumed);
  const units = event.detail['consumedCapacityUnits'];
  return typeof units === 'number' ? units : 0;
}

function unitsIn(value: unknown): number {
  if (typeof value === 'number') return value;
  const units = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['CapacityUnits'] : undefined;
  return typeof units === 'number' ? units : 0;
}

/** Parses a load's command and compiles its template: once per load (and again after a restore). */
export function compileLoadCommand(session: SandboxSession, commandText: string): { command: ParsedAwsCommand; template: TemplateNode | undefined } | string {
  const parsed = parseLine(commandText, { table: session.table, io: session.io });
  if (parsed.kind !== 'aws') return parsed.kind === 'parse-error' ? parsed.message : 'sim load needs an aws command';
  const compiled = compileTemplate(parsed.request);
  if (!compiled.ok) return compiled.message;
  return { command: parsed, template: compiled.node };
}

/** The service's fast path for this load's request, compiled in the Region the requests run in. */
function prepareFastPath(session: SandboxSession, load: LoadState, command: ParsedAwsCommand): PreparedLoadRequest | undefined {
  const prepare = session.table.loadMeters.find((m) => m.service === command.spec.service)?.prepare;
  if (prepare === undefined) return undefined;
  const world = session.world;
  const template = { operation: command.spec.operation, request: command.request, placeholdersOf, maxN: load.totalRequests };
  return world.inRegion(command.globals.region ?? world.region, () => prepare(world, template));
}

function createRuntime(session: SandboxSession, load: LoadState): LoadRuntime {
  const world = session.world;
  const compiled = compileLoadCommand(session, load.commandText);
  invariant(typeof compiled !== 'string', `load ${load.id} cannot be parsed again: ${String(compiled)}`);
  const fast = prepareFastPath(session, load, compiled.command);
  const meters = new Map(session.table.loadMeters.filter((m) => m.capacityUnitsOf !== undefined).map((m) => [m.service, m.capacityUnitsOf!]));
  const runtime: LoadRuntime = {
    load,
    command: compiled.command,
    build: compiled.template === undefined ? undefined : createTemplateBuilder(compiled.template),
    random: world.rng.stream(`sim.load.${load.id}`),
    recorder: (event) => {
      runtime.capacityUnits += (meters.get(event.service) ?? defaultCapacityUnitsOf)(event);
      if (event.service === 'lambda') foldLoadMetrics(runtime.load.current, event); // CloudWatch's AWS/Lambda metrics
    },
    run: () => compiled.command.spec.run(world, runtime.request),
    fast,
    runFast: () => fast!.run(world, runtime.n, runtime.random),
    n: 0,
    wasFast: false,
    gaugeMeters: session.table.loadMeters.filter((m) => m.gaugesOf !== undefined && m.service === compiled.command.spec.service),
    request: compiled.command.request,
    capacityUnits: 0,
  };
  return runtime;
}

function runtimeFor(session: SandboxSession, load: LoadState): LoadRuntime {
  let perWorld = runtimes.get(session.world);
  if (perWorld === undefined) {
    perWorld = new Map();
    runtimes.set(session.world, perWorld);
  }
  let runtime = perWorld.get(load.id);
  if (runtime === undefined || runtime.load !== load) {
    runtime = createRuntime(session, load);
    perWorld.set(load.id, runtime);
  }
  return runtime;
}

/** Folds `count` requests with the same outcome into the second (units: `runtime.capacityUnits`, their sum). */
function fold(runtime: LoadRuntime, result: Result<unknown>, attempt: number, count = 1): void {
  const second = runtime.load.current;
  const tableName = runtime.request['TableName'];
  const resource = typeof tableName === 'string' ? tableName : runtime.command.spec.service;
  const counts = (second.resources[resource] ??= emptyCounts());
  const units = runtime.capacityUnits;
  second.requests += count;
  counts.requests += count;
  second.consumedCapacityUnits += units;
  counts.consumedCapacityUnits += units;
  if (attempt > 0) second.retried += count;
  if (result.ok) {
    second.succeeded += count;
    counts.succeeded += count;
  } else if (THROTTLING_ERRORS.has(result.error.name)) {
    second.throttled += count;
    counts.throttled += count;
  } else {
    second.failed += count;
    counts.failed += count;
  }
}

/** Runs one request: the fast path when the service compiled it and the world still matches, else `spec.run`. */
function runRequest(world: World, runtime: LoadRuntime, n: number, request: ApiDocument | undefined): Result<unknown> {
  const fast = runtime.fast;
  if (request === undefined && fast !== undefined && fast.canRun(world)) {
    runtime.request = runtime.command.request;
    runtime.n = n;
    runtime.wasFast = true;
    const result = world.withRecorder(runtime.recorder, runtime.runFast);
    runtime.capacityUnits += fast.unitsConsumed();
    return result;
  }
  runtime.wasFast = false;
  runtime.request = request ?? (runtime.build === undefined ? runtime.command.request : (runtime.build(n, runtime.random) as ApiDocument));
  return world.withRecorder(runtime.recorder, runtime.run);
}

function issue(world: World, runtime: LoadRuntime, n: number, attempt: number, request: ApiDocument | undefined): void {
  runtime.capacityUnits = 0;
  const region = world.region;
  if (runtime.command.globals.region !== undefined) world.region = runtime.command.globals.region;
  let result: Result<unknown>;
  try {
    result = runRequest(world, runtime, n, request);
  } finally {
    world.region = region;
  }
  fold(runtime, result, attempt);
  const load = runtime.load;
  if (!result.ok && result.error.retryable && attempt < load.retries) {
    const atMs = world.nowMs + computeRetryDelayMs(world, result.error, attempt);
    const retry = { atMs, n, attempt: attempt + 1, request: runtime.wasFast ? runtime.fast!.lastRequest() : runtime.request };
    const index = load.pendingRetries.findIndex((r) => r.atMs > atMs);
    if (index === -1) load.pendingRetries.push(retry);
    else load.pendingRetries.splice(index, 0, retry);
  }
}

/** Runs up to `count` requests through the service's `runBatch`, folded one by one as `issue` folds them; returns how many ran. */
function issueBatch(world: World, runtime: LoadRuntime, count: number): number {
  const load = runtime.load;
  runtime.request = runtime.command.request;
  runtime.wasFast = true;
  runtime.capacityUnits = 0;
  const batch = {
    firstN: load.issued + 1,
    count,
    timeMsOf: (n: number) => load.startMs + Math.floor(((n - 1) * 1000) / load.ratePerSecond),
    random: runtime.random,
    settle: (result: Result<unknown>, units: number, count = 1) => {
      load.issued += count;
      runtime.capacityUnits += units;
      fold(runtime, result, 0, count);
      runtime.capacityUnits = 0;
    },
  };
  const region = world.region;
  if (runtime.command.globals.region !== undefined) world.region = runtime.command.globals.region;
  let ran: number;
  try {
    ran = world.withRecorder(runtime.recorder, () => runtime.fast!.runBatch!(world, batch));
  } finally {
    world.region = region;
  }
  invariant(ran === load.issued - batch.firstN + 1, 'runBatch must settle every request it ran');
  if (ran > 0) return ran;
  issue(world, runtime, ++load.issued, 0, undefined); // the first request could not batch: the usual way
  return 1;
}

function closeSecond(world: World, runtime: LoadRuntime): LoadSecond {
  const load = runtime.load;
  const second = load.current;
  for (const meter of runtime.gaugeMeters) Object.assign(second.gauges, meter.gaugesOf!(world, runtime.command.request));
  world.record({ service: 'sim', operation: 'load-second', outcome: second.throttled > 0 ? 'throttled' : 'ok', detail: second as unknown as Record<string, unknown> });
  load.secondIndex++;
  load.current = newSecond(load.id, load.secondIndex, secondEndMs(load) - 1000);
  return second;
}

/** Moves the clock forward to `timeMs`; world timers due on the way fire in order. */
function moveClock(world: World, timeMs: number): void {
  if (timeMs > world.nowMs) world.advanceTo(timeMs);
}

const CLOSE = 0;
const REQUEST = 1;
const RETRY = 2;

/**
 * Advances the sandbox's world to `targetMs`, running every active load's requests on the way, in time
 * order (ties: closing a second first, then lower load id). Returns the seconds that closed.
 */
export function advanceSandbox(session: SandboxSession, targetMs: number): LoadSecond[] {
  const world = session.world;
  const slot = simSlot(world);
  const closed: LoadSecond[] = [];
  const active = slot.loads.map((load) => runtimeFor(session, load));
  for (let events = 0; ; events++) {
    // An `if` rather than invariant(): its message would be built for every one of millions of events.
    if (events >= MAX_LOAD_EVENTS_PER_ADVANCE) throw new InvariantError(`more than ${MAX_LOAD_EVENTS_PER_ADVANCE} load events in one advance`);
    let best: LoadRuntime | undefined;
    let bestMs = Infinity;
    let bestKind = CLOSE;
    for (let i = 0; i < active.length; i++) {
      const runtime = active[i]!;
      const load = runtime.load;
      if (isLoadFinished(load)) continue;
      let timeMs = secondEndMs(load);
      let kind = CLOSE;
      const requestMs = nextRequestMs(load);
      if (requestMs < timeMs) {
        timeMs = requestMs;
        kind = REQUEST;
      }
      const retry = load.pendingRetries[0];
      if (retry !== undefined && retry.atMs < timeMs) {
        timeMs = retry.atMs;
        kind = RETRY;
      }
      if (timeMs < bestMs) {
        best = runtime;
        bestMs = timeMs;
        bestKind = kind;
      }
    }
    if (best === undefined || bestMs > targetMs) break;
    moveClock(world, bestMs);
    if (bestKind === CLOSE) closed.push(closeSecond(world, best));
    else if (bestKind === REQUEST) {
      const count = batchSize(active, best, targetMs, MAX_LOAD_EVENTS_PER_ADVANCE - events);
      if (count > 1) events += issueBatch(world, best, count) - 1;
      else issue(world, best, ++best.load.issued, 0, undefined);
    } else {
      const retry = best.load.pendingRetries.shift()!;
      issue(world, best, retry.n, retry.attempt, retry.request);
    }
  }
  moveClock(world, targetMs);
  finishLoads(world, slot.loads);
  return closed;
}

function finishLoads(world: World, loads: LoadState[]): void {
  for (const load of loads.filter(isLoadFinished)) {
    world.record({ service: 'sim', operation: 'load-finished', outcome: 'ok', detail: { loadId: load.id, requests: load.issued } });
  }
  const running = loads.filter((load) => !isLoadFinished(load));
  loads.splice(0, loads.length, ...running);
}
