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
}
