// A ProgressRepository in memory, for tests of the layers above the store. It applies changes with the
// same code as the disk store, and can pretend the file had a problem (`problem`), so screens that react
// to a corrupt or newer file can be tested without files.
import { applyChanges } from './changes.js';
import { failWith, succeed, type Outcome, type ProgressProblem } from './problems.js';
import type { ProgressRepository, ResetReport } from './repository.js';
import { emptyProgress, type ProgressChange, type ProgressData } from './schema.js';

export interface MemoryRepository extends ProgressRepository {
  /** What has been recorded, for assertions. */
  current(): ProgressData;
}

export function createMemoryRepository(options: { readonly initial?: ProgressData; readonly problem?: ProgressProblem } = {}): MemoryRepository {
  let data = structuredClone(options.initial ?? emptyProgress());
  let problem = options.problem;
  return {
    location: () => '(in memory)',
    current: () => structuredClone(data),
    load: async (): Promise<Outcome<ProgressData>> => (problem === undefined ? succeed(structuredClone(data)) : failWith(problem)),
    update: async (change: ProgressChange | readonly ProgressChange[]): Promise<Outcome<void>> => {
      if (problem !== undefined) return failWith(problem);
      applyChanges(data, Array.isArray(change) ? change : [change as ProgressChange]);
      return succeed(undefined);
    },
    reset: async (): Promise<Outcome<ResetReport>> => {
      if (problem?.kind === 'newer-version') return failWith(problem);
      problem = undefined;
      data = emptyProgress();
      return succeed({ backupPath: null });
    },
  };
}
