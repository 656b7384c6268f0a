// Proves the seeded randomness is deterministic per (seed, stream name), that streams are independent
// (drawing from one never shifts another), and that a snapshot restores the exact sequence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/sim/rng.js';

const draw = (rng: Rng, name: string, count: number) => Array.from({ length: count }, () => rng.stream(name).nextUint32());

describe('Rng', () => {
  it('gives the same sequence for the same seed and stream name', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.string(), (seed, name) => {
        expect(draw(new Rng(seed), name, 20)).toEqual(draw(new Rng(seed), name, 20));
      }),
    );
  });

  it('gives different sequences for different seeds and different stream names', () => {
    expect(draw(new Rng(1), 'a', 5)).not.toEqual(draw(new Rng(2), 'a', 5));
    expect(draw(new Rng(1), 'a', 5)).not.toEqual(draw(new Rng(1), 'b', 5));
  });

  it('keeps one stream unaffected by draws from another', () => {
    const quiet = new Rng(42);
    const busy = new Rng(42);
    draw(busy, 'lambda.cold-start', 1_000);
    expect(draw(busy, 'dynamodb.ttl-sweep', 10)).toEqual(draw(quiet, 'dynamodb.ttl-sweep', 10));
  });

  it('continues the exact sequence after a snapshot and restore', () => {
    const rng = new Rng(7);
    draw(rng, 's', 3);
    const restored = Rng.restore(structuredClone(rng.snapshot()));
    expect(draw(restored, 's', 10)).toEqual(draw(rng, 's', 10));
  });

  it('draws integers inside the requested range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 1000 }), (max, seed) => {
        const value = new Rng(seed).stream('x').nextInt(max);
        expect(Number.isInteger(value) && value >= 0 && value < max).toBe(true);
      }),
    );
    expect(() => new Rng(1).stream('x').nextInt(0)).toThrow(RangeError);
  });
});
