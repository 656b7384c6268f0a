// Proves the world's contract: records are stamped with virtual time and Region, timers reach the
// handler for their kind, a snapshot restores state, clock, randomness and trace exactly, and a load
// can swap the recorder without losing the normal trace afterwards.
import { describe, expect, it } from 'vitest';
import { InvariantError } from '../../src/sim/result.js';
import { DEFAULT_START_TIME_MS, createWorld, defineTimerHandler, restoreWorld, type World } from '../../src/sim/world.js';

interface Counter {
  ticks: number;
  seen: Map<string, number>;
}
const counter = (world: World) => world.service<Counter>('test.counter', () => ({ ticks: 0, seen: new Map() }));

defineTimerHandler('test.tick', (world, payload) => {
  const state = counter(world);
  state.ticks++;
  state.seen.set(String(payload), world.nowMs);
  world.record({ service: 'test', operation: 'tick', outcome: 'ok', detail: { payload } });
  if (state.ticks < 3) world.clock.schedule(1_000, 'test.tick', `again-${state.ticks}`);
});

describe('World', () => {
  it('starts at 2026-01-01T00:00:00Z in us-east-1 unless told otherwise', () => {
    const world = createWorld();
    expect(world.nowMs).toBe(Date.UTC(2026, 0, 1));
    expect(DEFAULT_START_TIME_MS).toBe(Date.UTC(2026, 0, 1));
    expect(world.region).toBe('us-east-1');
  });

  it('stamps records with the virtual time, Region and position', () => {
    const world = createWorld({ startTimeMs: 0, region: 'eu-west-1' });
    world.advance(1_500);
    const event = world.record({ service: 'dynamodb', operation: 'PutItem', outcome: 'ok', detail: {} });
    expect(event).toMatchObject({ seq: 0, timeMs: 1_500, region: 'eu-west-1' });
  });

  it('runs timers through the handler for their kind, including ones they schedule', () => {
    const world = createWorld({ startTimeMs: 0 });
    world.clock.schedule(500, 'test.tick', 'first');
    world.advance(10_000);
    expect(counter(world).ticks).toBe(3);
    expect(world.trace.all().map((e) => e.timeMs)).toEqual([500, 1_500, 2_500]);
  });

  it('treats a timer with no handler as a bug', () => {
    const world = createWorld({ startTimeMs: 0 });
    world.clock.schedule(1, 'test.nobody-handles-this');
    expect(() => world.advance(5)).toThrow(InvariantError);
  });

  it('restores a snapshot that then behaves exactly like the original', () => {
    const world = createWorld({ seed: 9, startTimeMs: 0 });
    world.clock.schedule(500, 'test.tick', 'first');
    world.rng.stream('test').nextUint32();
    world.advance(700);
    const copy = restoreWorld(structuredClone(world.snapshot()));
    for (const w of [world, copy]) {
      w.advance(5_000);
      w.record({ service: 'test', operation: 'draw', outcome: 'ok', detail: { n: w.rng.stream('test').nextUint32() } });
    }
    expect(copy.snapshot()).toEqual(world.snapshot());
    expect(JSON.stringify(copy.trace.all())).toBe(JSON.stringify(world.trace.all()));
  });

  it('keeps a snapshot independent of later changes to the world', () => {
    const world = createWorld({ startTimeMs: 0 });
    counter(world).ticks = 1;
    const snapshot = world.snapshot();
    counter(world).ticks = 99;
    expect(counter(restoreWorld(snapshot)).ticks).toBe(1);
  });

  it('sends records to a temporary recorder and back to the trace afterwards', () => {
    const world = createWorld();
    const folded: string[] = [];
    world.withRecorder((event) => folded.push(event.operation), () => {
      world.record({ service: 'dynamodb', operation: 'PutItem', outcome: 'ok', detail: {} });
    });
    world.record({ service: 'dynamodb', operation: 'GetItem', outcome: 'ok', detail: {} });
    expect(folded).toEqual(['PutItem']);
    expect(world.trace.all().map((e) => e.operation)).toEqual(['GetItem']);
  });

  it('runs a body in another Region and puts the Region back, also when the body throws', () => {
    const world = createWorld();
    expect(world.inRegion('eu-west-1', () => world.region)).toBe('eu-west-1');
    expect(() => world.inRegion('eu-west-1', () => { throw new Error('bug'); })).toThrow('bug');
    expect(world.region).toBe('us-east-1');
  });
});
