// `trainer progress export FILE` and `import FILE`. An export is a progress file of the current version
// (readable, indented). An import is validated like the store's own file (any known version, migrated),
// refused with every problem listed if invalid, and merged (merge.ts), so it never drops data.
import { readTextIfExists, writeFileAtomic } from './files.js';
import { parseProgressText } from './migrations.js';
import { failWith, formatIssues, newerVersionMessage, succeed, type Outcome } from './problems.js';
import type { ProgressRepository } from './repository.js';
import { CURRENT_VERSION, type SettingValue } from './schema.js';
import { summarizeProgress, type ProgressSummary } from './summary.js';

export async function exportProgress(repository: ProgressRepository, file: string, nowMs: number): Promise<Outcome<ProgressSummary>> {
  const loaded = await repository.load();
  if (!loaded.ok) return loaded;
  await writeFileAtomic(file, `${JSON.stringify({ ...loaded.value, journalSeq: 0 }, null, 2)}\n`);
  return succeed(summarizeProgress(loaded.value, nowMs));
}

export interface ImportReport {
  readonly before: ProgressSummary;
  readonly after: ProgressSummary;
  /** Settings the file had with another value: the learner's current value was kept, and is named here. */
  readonly settingsKept: readonly { readonly key: string; readonly current: SettingValue; readonly inFile: SettingValue }[];
}

export async function importProgress(repository: ProgressRepository, file: string, nowMs: number): Promise<Outcome<ImportReport>> {
  const text = await readTextIfExists(file);
  const refuse = (found: string, detail: string) =>
    failWith<ImportReport>({
      kind: 'invalid-import',
      path: file,
      issues: [{ path: '(the whole file)', expected: 'a trainer progress file', found }],
      message: `Cannot import ${file}: ${detail} Nothing was changed.`,
    });
  if (text === undefined) return refuse('no file', 'there is no such file.');
  const parsed = parseProgressText(text);
  if (!parsed.ok && parsed.reason === 'newer-version') {
    return failWith({ kind: 'newer-version', path: file, fileVersion: parsed.fileVersion, message: newerVersionMessage(file, parsed.fileVersion, CURRENT_VERSION, 'The file') });
  }
  if (!parsed.ok) {
    const count = parsed.issues.length;
    return failWith({
      kind: 'invalid-import',
      path: file,
      issues: parsed.issues,
      message: `Cannot import ${file}: it is not a valid trainer progress file (${count} problem${count === 1 ? '' : 's'}). Nothing was changed.\n${formatIssues(parsed.issues)}`,
    });
  }
  const before = await repository.load();
  if (!before.ok) return before;
  const updated = await repository.update({ type: 'merge', data: parsed.data });
  if (!updated.ok) return updated;
  const after = await repository.load();
  if (!after.ok) return after;
  const settingsKept = Object.entries(parsed.data.settings).flatMap(([key, inFile]) => {
    const current = before.value.settings[key];
    return current === undefined || current === inFile ? [] : [{ key, current, inFile }];
  });
  return succeed({ before: summarizeProgress(before.value, nowMs), after: summarizeProgress(after.value, nowMs), settingsKept });
}
