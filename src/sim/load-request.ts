// The contract between `sim load` (src/sim/cli) and a service's fast path for it (e.g. DynamoDB's
// load-fast-path.ts): plain types in the core, so a service implements it without depending on the
// sandbox. docs/sandbox-language.md, "The load engine", describes the protocol.
import type { Result } from './result.js';
import type { RandomStream } from './rng.js';
import type { World } from './world.js';

/** A text of a load's command with placeholders: literals[0] + value 0 + literals[1] + ... */
export interface LoadPlaceholderText {
  readonly literals: readonly string[];
  /** 0 for {{n}}, N > 0 for {{rand N}}. */
  readonly slots: readonly number[];
}

/** What a service's `prepare` gets: the parsed request, placeholders still in its strings. */
export interface LoadTemplate {
  /** The API operation (`PutItem`). */
  readonly operation: string;
  readonly request: Readonly<Record<string, unknown>>;
  /** The placeholders of a string of the request, or undefined when it has none. */
  readonly placeholdersOf: (text: string) => LoadPlaceholderText | undefined;
  /** The largest request number {{n}} can take (the load's request count). */
  readonly maxN: number;
}

/**
 * A load's request compiled by its service. `run` must have exactly the effect of `spec.run` on the
 * filled template (same draws from `random`, in template order; same state changes; the same trace
 * events apart from the operation's own, whose capacity it reports through `unitsConsumed`).
 */
export interface PreparedLoadRequest {
  /** False when the world no longer matches what was compiled (table gone or changed): that request runs the slow way. */
  readonly canRun: (world: World) => boolean;
  readonly run: (world: World, n: number, random: RandomStream) => Result<unknown>;
  /** Capacity units the last `run` consumed. */
  readonly unitsConsumed: () => number;
  /** The full request of the last `run` (kept for a retry). */
  readonly lastRequest: () => Readonly<Record<string, unknown>>;
  /**
   * Optional batch form: runs requests `batch.firstN` .. `firstN + count - 1` of one load back to back,
   * each exactly as `run` would at its own time, and returns how many it ran (fewer when `canRun` turns
   * false: the engine then takes over). The engine calls it only when nothing else can happen between
   * those requests (docs/sandbox-language.md, "The load engine").
   */
  readonly runBatch?: (world: World, batch: LoadBatch) => number;
}

/** A run of one load's requests that the engine hands to `runBatch`. */
export interface LoadBatch {
  readonly firstN: number;
  readonly count: number;
  /** Virtual time request n is issued at (the clock is moved there before it, as the engine does). */
  readonly timeMsOf: (n: number) => number;
  readonly random: RandomStream;
  /**
   * Called after each request with its result and the capacity units it consumed; or once for `count`
   * consecutive requests with the same result, `units` their sum (exact: units are whole or half units).
   */
  readonly settle: (result: Result<unknown>, units: number, count?: number) => void;
}
