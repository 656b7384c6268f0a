// The world's virtual clock. Time moves only when a command moves it; nothing here reads the wall
// clock. Timers are plain data ({dueMs, sequence, kind, payload}) so a world snapshot captures them
// exactly; the world runs each due timer through the handler registered for its kind.
import { InvariantError, invariant } from './result.js';

export interface Timer {
  readonly id: number;
  readonly dueMs: number;
  /** Assigned when scheduled: timers due at the same time fire in the order they were scheduled. */
  readonly sequence: number;
  /** Names the handler, e.g. `dynamodb.ttl-sweep`. */
  readonly kind: string;
  /** Plain, structured-clone-able data for the handler. */
  readonly payload: unknown;
}

export interface ClockSnapshot {
  readonly nowMs: number;
  readonly nextSequence: number;
  readonly timers: readonly Timer[];
}

/**
 * At most this many timers fire in one advance; more means a timer keeps rescheduling itself without
 * moving forward, which is a bug (fake-timers' loopLimit plays the same role).
 */
export const MAX_TIMERS_PER_ADVANCE = 100_000;

export class VirtualClock {
  private currentMs: number;
  private nextSequence = 0;
  /** Kept sorted by (dueMs, sequence). */
  private timers: Timer[] = [];

  constructor(startMs = 0) {
    invariant(Number.isInteger(startMs) && startMs >= 0, `clock start must be a whole, non-negative ms value, got ${startMs}`);
    this.currentMs = startMs;
  }

  get nowMs(): number {
    return this.currentMs;
  }

  /** Schedules a timer `delayMs` from now (0 = later in this same instant, after what is already due). */
  schedule(delayMs: number, kind: string, payload: unknown = null): Timer {
    invariant(Number.isFinite(delayMs) && delayMs >= 0, `timer delay must be ≥ 0 ms, got ${delayMs}`);
    return this.scheduleAt(this.currentMs + Math.ceil(delayMs), kind, payload);
  }

  scheduleAt(dueMs: number, kind: string, payload: unknown = null): Timer {
    invariant(dueMs >= this.currentMs, `cannot schedule ${kind} in the past (${dueMs} < ${this.currentMs})`);
    const timer: Timer = { id: this.nextSequence, dueMs, sequence: this.nextSequence, kind, payload };
    this.nextSequence++;
    const index = this.timers.findIndex((t) => t.dueMs > dueMs);
    if (index === -1) this.timers.push(timer);
    else this.timers.splice(index, 0, timer);
    return timer;
  }

  cancel(timerId: number): boolean {
    const index = this.timers.findIndex((t) => t.id === timerId);
    if (index === -1) return false;
    this.timers.splice(index, 1);
    return true;
  }

  pendingTimers(): readonly Timer[] {
    return this.timers;
  }

  /**
   * Moves time to `targetMs`, firing every timer due on the way in (dueMs, sequence) order, including
   * timers that earlier callbacks schedule inside the window. `fire` runs one timer; the clock shows
   * that timer's due time while it runs.
   */
  advanceTo(targetMs: number, fire: (timer: Timer) => void): number {
    // An `if` rather than invariant(): its message template would be built on every call, and the
    // sandbox's load engine moves the clock millions of times per run.
    if (targetMs < this.currentMs) throw new InvariantError(`cannot move the clock back from ${this.currentMs} to ${targetMs}`);
    let fired = 0;
    for (;;) {
      const next = this.timers[0];
      if (next === undefined || next.dueMs > targetMs) break;
      if (fired >= MAX_TIMERS_PER_ADVANCE) {
        throw new InvariantError(`more than ${MAX_TIMERS_PER_ADVANCE} timers fired in one advance (last kind: ${next.kind})`);
      }
      this.timers.shift();
      this.currentMs = next.dueMs;
      fire(next);
      fired++;
    }
    this.currentMs = targetMs;
    return fired;
  }

  snapshot(): ClockSnapshot {
    return { nowMs: this.currentMs, nextSequence: this.nextSequence, timers: this.timers.map((t) => ({ ...t, payload: structuredClone(t.payload) })) };
  }

  static restore(snapshot: ClockSnapshot): VirtualClock {
    const clock = new VirtualClock(snapshot.nowMs);
    clock.nextSequence = snapshot.nextSequence;
    clock.timers = snapshot.timers.map((t) => ({ ...t, payload: structuredClone(t.payload) }));
    return clock;
  }
}
