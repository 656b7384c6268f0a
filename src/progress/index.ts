// The public surface of the progress store. Other layers record changes through a ProgressRepository
// and never touch files or lowdb themselves.
export { dayKeyOf } from './changes.js';
export { createLowdbRepository, COMPACT_AFTER_LINES } from './lowdb-repository.js';
export { createMemoryRepository, type MemoryRepository } from './memory-repository.js';
export { mergeProgress } from './merge.js';
export { parseProgressText } from './migrations.js';
export { resolveProgressDir, progressPaths, type PathInputs } from './paths.js';
export type { FileIssue, Outcome, ProgressProblem } from './problems.js';
export type { ProgressRepository, ResetReport } from './repository.js';
export {
  CURRENT_VERSION,
  MAX_KEPT_ATTEMPTS,
  emptyProgress,
  type Attempt,
  type CardState,
  type ExamResult,
  type ProgressChange,
  type ProgressData,
} from './schema.js';
export { formatSummary, summarizeProgress, type ProgressSummary } from './summary.js';
export { exportProgress, importProgress, type ImportReport } from './transfer.js';
export { HISTORY_FILE_NAME, MAX_HISTORY_LINES, historyFile, loadReplHistory, parseHistoryText, saveReplHistory, saveTextFile, type HistoryOutcome } from './repl-history.js';
