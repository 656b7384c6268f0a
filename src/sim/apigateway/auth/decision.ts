// What one authorizer run decided plus the facts the trace records for the UI (cache hit or miss,
// whether the function ran), so every decision can be shown and explained.
import type { AuthOutcome } from './contract.js';

export type CacheUse = 'hit' | 'miss' | 'off' | 'not-reached';

export interface AuthDecision {
  readonly outcome: AuthOutcome;
  readonly cache: CacheUse;
  readonly isFunctionInvoked: boolean;
  /** Extra facts for the trace (identity-source values are not recorded: they are credentials). */
  readonly notes?: Readonly<Record<string, unknown>>;
}

export function decided(outcome: AuthOutcome, cache: CacheUse = 'not-reached', isFunctionInvoked = false, notes?: Readonly<Record<string, unknown>>): AuthDecision {
  return { outcome, cache, isFunctionInvoked, ...(notes === undefined ? {} : { notes }) };
}
