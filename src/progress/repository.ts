// The one interface other layers use to read and record progress. `lowdb-repository.ts` keeps it on
// disk; `memory-repository.ts` keeps it in memory for other layers' tests.
import type { Outcome } from './problems.js';
import type { ProgressChange, ProgressData } from './schema.js';

export interface ResetReport {
  /** Where the previous progress was copied before starting fresh (null when there was nothing). */
  readonly backupPath: string | null;
}

export interface ProgressRepository {
  /** The folder that holds the progress files. */
  location(): string;
  /** Everything recorded so far, or why it cannot be read (a corrupt file is moved aside first). */
  load(): Promise<Outcome<ProgressData>>;
  /** Records changes in order; once the promise resolves with ok they survive a crash. */
  update(change: ProgressChange | readonly ProgressChange[]): Promise<Outcome<void>>;
  /** Starts fresh, after copying what there was to a backup file. Refuses a file from a newer trainer. */
  reset(): Promise<Outcome<ResetReport>>;
}
