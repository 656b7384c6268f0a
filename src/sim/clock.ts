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

/** True when `a` fires before `b`. */
function firesBefore(a: Timer, b: Timer): boolean {
  return a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.sequence < b.sequence);
}

/**
 * A binary min-heap of timers ordered by (dueMs, sequence): scheduling and firing cost O(log n), so
 * thousands of pending timers (async Lambda retries, replication) stay cheap.
 */
class TimerHeap {
  private readonly items: Timer[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Timer | undefined {
    return this.items[0];
  }

  push(timer: Timer): void {
    this.items.push(timer);
    this.siftUp(this.items.length - 1);
  }

  pop(): Timer | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    this.siftDown(0);
    return top;
  }

  remove(timerId: number): boolean {
    const index = this.items.findIndex((t) => t.id === timerId);
    if (index === -1) return false;
    const last = this.items.pop()!;
    if (index < this.items.length) {
      this.items[index] = last;
      this.siftDown(index);
      this.siftUp(index);
    }
    return true;
  }

  sorted(): Timer[] {
    return [...this.items].sort((a, b) => (firesBefore(a, b) ? -1 : 1));
  }

  private siftUp(start: number): void {
    const items = this.items;
    let index = start;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!firesBefore(items[index]!, items[parent]!)) break;
      [items[index], items[parent]] = [items[parent]!, items[index]!];
      index = parent;
    }
  }

  private siftDown(start: number): void {
    const items = this.items;
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let first = index;
      if (left < items.length && firesBefore(items[left]!, items[first]!)) first = left;
      if (right < items.length && firesBefore(items[right]!, items[first]!)) first = right;
      if (first === index) return;
      [items[index], items[first]] = [items[first]!, items[index]!];
      index = first;
    }
  }
}

export class VirtualClock {
  private currentMs: number;
  private nextSequence = 0;
  private timers = new TimerHeap();

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
    this.timers.push(timer);
    return timer;
  }

  cancel(timerId: number): boolean {
    return this.timers.remove(timerId);
  }

  /** When the next pending timer is due (Infinity when none is): lets `sim load` batch requests safely. */
  nextDueMs(): number {
    return this.timers.peek()?.dueMs ?? Infinity;
  }

  /** Pending timers in firing order (a copy). */
  pendingTimers(): readonly Timer[] {
    return this.timers.sorted();
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
      const next = this.timers.peek();
      if (next === undefined || next.dueMs > targetMs) break;
      if (fired >= MAX_TIMERS_PER_ADVANCE) {
        throw new InvariantError(`more than ${MAX_TIMERS_PER_ADVANCE} timers fired in one advance (last kind: ${next.kind})`);
      }
      this.timers.pop();
      this.currentMs = next.dueMs;
      fire(next);
      fired++;
    }
    this.currentMs = targetMs;
    return fired;
  }

  snapshot(): ClockSnapshot {
    return {
      nowMs: this.currentMs,
      nextSequence: this.nextSequence,
      timers: this.timers.sorted().map((t) => ({ ...t, payload: structuredClone(t.payload) })),
    };
  }

  static restore(snapshot: ClockSnapshot): VirtualClock {
    const clock = new VirtualClock(snapshot.nowMs);
    clock.nextSequence = snapshot.nextSequence;
    for (const t of snapshot.timers) clock.timers.push({ ...t, payload: structuredClone(t.payload) });
    return clock;
  }
}
