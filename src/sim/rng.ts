// Seeded randomness in named streams (STYLE.md §3.4): each stream's sequence depends only on the world
// seed and the stream's name, so a new random draw in one service never shifts another's sequence,
// and recorded traces stay stable as services grow. The state is plain numbers: snapshot and restore
// are exact.

/** 32-bit FNV-1a of a string: mixes the stream name into the seed. */
function hashName(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** splitmix32: spreads one 32-bit number into well-mixed state words. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** One stream: sfc32, a small fast generator with 128 bits of state. */
export class RandomStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(state: readonly [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = state;
  }

  static fromSeed(seed: number, name: string): RandomStream {
    const mix = splitmix32((seed ^ hashName(name)) >>> 0);
    const stream = new RandomStream([mix(), mix(), mix(), mix()]);
    for (let i = 0; i < 12; i++) stream.nextUint32(); // discard the warm-up outputs
    return stream;
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  nextFloat(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  /** An integer in [0, maxExclusive); maxExclusive must be a positive integer ≤ 2^32. */
  nextInt(maxExclusive: number): number {
    if (!Number.isInteger(maxExclusive) || maxExclusive <= 0) throw new RangeError(`nextInt needs a positive integer, got ${maxExclusive}`);
    return Math.floor(this.nextFloat() * maxExclusive);
  }

  /** An integer in [min, max], both inclusive. */
  nextIntBetween(min: number, max: number): number {
    return min + this.nextInt(max - min + 1);
  }

  state(): [number, number, number, number] {
    return [this.a, this.b, this.c, this.d];
  }
}

export interface RngSnapshot {
  readonly seed: number;
  readonly streams: Readonly<Record<string, readonly [number, number, number, number]>>;
}

export class Rng {
  private readonly streams = new Map<string, RandomStream>();

  constructor(readonly seed: number) {}

  /** The stream with this name, e.g. `rng.stream('dynamodb.ttl-sweep')`; created on first use. */
  stream(name: string): RandomStream {
    let stream = this.streams.get(name);
    if (stream === undefined) {
      stream = RandomStream.fromSeed(this.seed, name);
      this.streams.set(name, stream);
    }
    return stream;
  }

  snapshot(): RngSnapshot {
    const streams: Record<string, [number, number, number, number]> = {};
    for (const name of [...this.streams.keys()].sort()) streams[name] = this.streams.get(name)!.state();
    return { seed: this.seed, streams };
  }

  static restore(snapshot: RngSnapshot): Rng {
    const rng = new Rng(snapshot.seed);
    for (const [name, state] of Object.entries(snapshot.streams)) rng.streams.set(name, new RandomStream(state));
    return rng;
  }
}
