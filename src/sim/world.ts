// A World is one simulated AWS account: a virtual clock, seeded randomness, per-service state and the
// trace. Services keep their state in slots of the world (plain, structured-clone-able data: no
// functions, no class instances), so `snapshot()` / `restoreWorld()` copy a world exactly; that gives
// scenarios "retry this step" and makes "same seed, same commands → same trace" testable.
import { VirtualClock, type ClockSnapshot, type Timer } from './clock.js';
import { InvariantError, invariant } from './result.js';
import { Rng, type RngSnapshot } from './rng.js';
import { Trace, type TraceEvent, type TraceInput } from './trace.js';

/** 2026-01-01T00:00:00Z: worlds start here unless told otherwise, so epoch-second values look real. */
export const DEFAULT_START_TIME_MS = 1_767_225_600_000;
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ACCOUNT_ID = '123456789012';

export interface WorldOptions {
  readonly seed?: number;
  readonly startTimeMs?: number;
  readonly region?: string;
  readonly accountId?: string;
}

export type TimerHandler = (world: World, payload: unknown, timer: Timer) => void;

/** Handlers are code, not state: services register them once, at module load, by timer kind. */
const timerHandlers = new Map<string, TimerHandler>();

export function defineTimerHandler(kind: string, handler: TimerHandler): void {
  const existing = timerHandlers.get(kind);
  invariant(existing === undefined || existing === handler, `timer kind ${kind} has two handlers`);
  timerHandlers.set(kind, handler);
}

/** Receives what `world.record()` reports; the default appends to the trace. */
export type Recorder = (event: TraceEvent) => void;

export interface WorldSnapshot {
  readonly formatVersion: 1;
  readonly accountId: string;
  readonly region: string;
  readonly clock: ClockSnapshot;
  readonly rng: RngSnapshot;
  readonly trace: readonly TraceEvent[];
  readonly services: Readonly<Record<string, unknown>>;
}

export class World {
  /** The Region commands act in (`sim region use eu-west-1` changes it). */
  region: string;
  private readonly slots = new Map<string, unknown>();
  private recorder: Recorder;

  constructor(
    readonly clock: VirtualClock,
    readonly rng: Rng,
    readonly trace: Trace,
    readonly accountId: string,
    region: string,
  ) {
    this.region = region;
    this.recorder = (event) => this.trace.append(event);
  }

  get nowMs(): number {
    return this.clock.nowMs;
  }

  /** The state slot of a service, created by `create` on first use. */
  service<State>(name: string, create: () => State): State {
    let state = this.slots.get(name) as State | undefined;
    if (state === undefined) {
      state = create();
      this.slots.set(name, state);
    }
    return state;
  }

  /** The state slot of a service if it exists, without creating it (reads that must not change the world). */
  peekService<State>(name: string): State | undefined {
    return this.slots.get(name) as State | undefined;
  }

  /** Reports something observable that just happened, stamped with the time and Region. */
  record(input: TraceInput): TraceEvent {
    // Built member by member: an object spread here cost ~1 µs per call, which `sim load` makes
    // millions of times (3.6 million requests per bench hour).
    const event: TraceEvent = {
      seq: this.trace.length,
      timeMs: this.clock.nowMs,
      service: input.service,
      operation: input.operation,
      outcome: input.outcome,
      region: input.region ?? this.region,
      detail: input.detail,
    };
    this.recorder(event);
    return event;
  }

  /**
   * Runs `body` with another recorder, e.g. `sim load`, which folds thousands of requests into
   * per-second aggregates instead of one trace entry each. The previous recorder comes back after.
   */
  withRecorder<T>(recorder: Recorder, body: () => T): T {
    const previous = this.recorder;
    this.recorder = recorder;
    try {
      return body();
    } finally {
      this.recorder = previous;
    }
  }

  /** Runs `body` with `region` as the current Region (DAX calling DynamoDB, `--region`); the previous one comes back after. */
  inRegion<T>(region: string, body: () => T): T {
    const previous = this.region;
    this.region = region;
    try {
      return body();
    } finally {
      this.region = previous;
    }
  }

  advance(durationMs: number): void {
    invariant(Number.isFinite(durationMs) && durationMs >= 0, `cannot advance by ${durationMs} ms`);
    this.advanceTo(this.clock.nowMs + durationMs);
  }

  advanceTo(timeMs: number): void {
    this.clock.advanceTo(timeMs, this.fireTimer);
  }

  /** Runs one due timer; one function for the world's life (`sim load` advances millions of times). */
  private readonly fireTimer = (timer: Timer): void => {
    const handler = timerHandlers.get(timer.kind);
    if (handler === undefined) throw new InvariantError(`no handler for timer kind ${timer.kind}`);
    handler(this, timer.payload, timer);
  };

  snapshot(): WorldSnapshot {
    const services: Record<string, unknown> = {};
    for (const name of [...this.slots.keys()].sort()) services[name] = structuredClone(this.slots.get(name));
    return {
      formatVersion: 1,
      accountId: this.accountId,
      region: this.region,
      clock: this.clock.snapshot(),
      rng: this.rng.snapshot(),
      trace: this.trace.all().map((event) => structuredClone(event)),
      services,
    };
  }
}

export function createWorld(options: WorldOptions = {}): World {
  return new World(
    new VirtualClock(options.startTimeMs ?? DEFAULT_START_TIME_MS),
    new Rng(options.seed ?? 1),
    new Trace(),
    options.accountId ?? DEFAULT_ACCOUNT_ID,
    options.region ?? DEFAULT_REGION,
  );
}

export function restoreWorld(snapshot: WorldSnapshot): World {
  const world = new World(
    VirtualClock.restore(snapshot.clock),
    Rng.restore(snapshot.rng),
    new Trace(snapshot.trace.map((event) => structuredClone(event))),
    snapshot.accountId,
    snapshot.region,
  );
  for (const [name, state] of Object.entries(snapshot.services)) world.service(name, () => structuredClone(state));
  return world;
}
