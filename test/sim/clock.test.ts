// Proves the virtual clock's contract: timers fire in (due time, scheduling order), timers scheduled
// during an advance fire if they fall inside it, time never moves backwards, and a runaway timer loop
// is stopped as a bug instead of hanging.
import { describe, expect, it } from 'vitest';
import { MAX_TIMERS_PER_ADVANCE, VirtualClock } from '../../src/sim/clock.js';
import { InvariantError } from '../../src/sim/result.js';

describe('VirtualClock', () => {
  it('fires due timers in due-time order, and equal due times in scheduling order', () => {
    const clock = new VirtualClock(0);
    clock.schedule(300, 'c');
    clock.schedule(100, 'a');
    clock.schedule(300, 'd');
    clock.schedule(100, 'b');
    const fired: string[] = [];
    clock.advanceTo(1_000, (timer) => fired.push(`${timer.kind}@${clock.nowMs}`));
    expect(fired).toEqual(['a@100', 'b@100', 'c@300', 'd@300']);
    expect(clock.nowMs).toBe(1_000);
  });

  it('fires timers scheduled by a callback when they fall inside the same advance, not after it', () => {
    const clock = new VirtualClock(0);
    clock.schedule(500, 'first');
    const fired: string[] = [];
    clock.advanceTo(1_000, (timer) => {
      fired.push(`${timer.kind}@${clock.nowMs}`);
      if (timer.kind === 'first') {
        clock.schedule(400, 'inside');
        clock.schedule(600, 'outside');
      }
    });
    expect(fired).toEqual(['first@500', 'inside@900']);
    expect(clock.pendingTimers().map((t) => `${t.kind}@${t.dueMs}`)).toEqual(['outside@1100']);
  });

  it('leaves a timer due exactly at the target to that advance, and later ones pending', () => {
    const clock = new VirtualClock(0);
    clock.schedule(1_000, 'edge');
    clock.schedule(1_001, 'later');
    const fired: string[] = [];
    clock.advanceTo(1_000, (timer) => fired.push(timer.kind));
    expect(fired).toEqual(['edge']);
    expect(clock.pendingTimers()).toHaveLength(1);
  });

  it('cancels a timer', () => {
    const clock = new VirtualClock(0);
    const timer = clock.schedule(10, 'x');
    expect(clock.cancel(timer.id)).toBe(true);
    expect(clock.cancel(timer.id)).toBe(false);
    const fired: string[] = [];
    clock.advanceTo(100, (t) => fired.push(t.kind));
    expect(fired).toEqual([]);
  });

  it('refuses to move backwards or to schedule in the past', () => {
    const clock = new VirtualClock(1_000);
    expect(() => clock.advanceTo(999, () => {})).toThrow(InvariantError);
    expect(() => clock.scheduleAt(999, 'x')).toThrow(InvariantError);
  });

  it('stops a timer that keeps rescheduling itself at the same instant', () => {
    const clock = new VirtualClock(0);
    clock.schedule(0, 'loop');
    expect(() => clock.advanceTo(10, () => void clock.schedule(0, 'loop'))).toThrow(
      `more than ${MAX_TIMERS_PER_ADVANCE} timers fired in one advance`,
    );
  });

  it('restores from a snapshot with the same pending timers and sequence', () => {
    const clock = new VirtualClock(0);
    clock.schedule(50, 'a', { table: 'Orders' });
    const copy = VirtualClock.restore(clock.snapshot());
    copy.schedule(50, 'b');
    clock.schedule(50, 'b');
    const order = (c: VirtualClock) => {
      const fired: string[] = [];
      c.advanceTo(100, (t) => fired.push(`${t.kind}#${t.sequence}:${JSON.stringify(t.payload)}`));
      return fired;
    };
    expect(order(copy)).toEqual(order(clock));
  });
});

describe('VirtualClock under many timers', () => {
  it('fires 10,000 timers scheduled in scrambled order in exact (due, sequence) order', () => {
    const clock = new VirtualClock(0);
    const expected: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const dueMs = (i * 7_919) % 1_000; // scrambled due times with many ties
      clock.schedule(dueMs, 'x', i);
    }
    for (const timer of clock.pendingTimers()) expected.push(`${timer.dueMs}:${timer.sequence}`);
    const fired: string[] = [];
    clock.advanceTo(1_000, (timer) => fired.push(`${timer.dueMs}:${timer.sequence}`));
    expect(fired).toEqual(expected);
    for (let i = 1; i < fired.length; i++) {
      const [dueA, seqA] = fired[i - 1]!.split(':').map(Number) as [number, number];
      const [dueB, seqB] = fired[i]!.split(':').map(Number) as [number, number];
      expect(dueA < dueB || (dueA === dueB && seqA < seqB)).toBe(true);
    }
  });

  it('cancels a timer from the middle of a large set without disturbing the order of the rest', () => {
    const clock = new VirtualClock(0);
    const timers = Array.from({ length: 100 }, (_, i) => clock.schedule((i * 37) % 50, 'x', i));
    clock.cancel(timers[42]!.id);
    const fired: number[] = [];
    clock.advanceTo(100, (t) => fired.push(t.payload as number));
    expect(fired).toHaveLength(99);
    expect(fired).not.toContain(42);
    const dues = fired.map((i) => (i * 37) % 50);
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
  });
});
