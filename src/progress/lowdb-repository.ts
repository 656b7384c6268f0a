// The progress store on disk, and the only file that imports lowdb. Design (docs/progress.md):
// - progress.json, the snapshot: read and written through lowdb's `Low` with our own adapter
//   (JSON.parse → version check → zod → migrations; written atomically with temp + fsync + rename).
//   Never JSONFilePreset, which keeps data in memory under NODE_ENV=test.
// - progress.journal: each update appends one fsync'd line per change under the lock (~1 ms in all), so
//   recording an attempt never rewrites a 3 MiB snapshot. Every COMPACT_AFTER_LINES lines (or bytes)
//   the journal is folded into the snapshot under the same lock, then restarted with a `base` line.
// - The lock (lock.ts) serialises every read-modify-write across processes, so nothing is lost.
// - A snapshot or journal that cannot be read is moved aside, never overwritten, and reported.
import { existsSync } from 'node:fs';
import { Low, type Adapter } from 'lowdb';
import { applyChanges } from './changes.js';
import { fileStamp, moveAside, newestAside, readTextIfExists, writeFileAtomic } from './files.js';
import { appendToJournal, baseLine, entryLine, parseJournal, readJournalTail, type JournalTail } from './journal.js';
import { withLock } from './lock.js';
import { parseProgressText, type ParsedFile } from './migrations.js';
import { progressPaths, type ProgressPaths } from './paths.js';
import { corruptMessage, describeIssue, failWith, newerVersionMessage, succeed, type Outcome } from './problems.js';
import type { ProgressRepository, ResetReport } from './repository.js';
import { CURRENT_VERSION, emptyProgress, type ProgressChange, type ProgressData } from './schema.js';

/** Journal lines folded into the snapshot at most this far apart: bounds the journal and load time. */
export const COMPACT_AFTER_LINES = 256;
/** ... or once the journal passes this size (an import is one large line). */
export const COMPACT_AFTER_BYTES = 1024 * 1024;

type SnapshotState = { readonly kind: 'missing' } | { readonly kind: 'read'; readonly parsed: ParsedFile };

/** lowdb adapter for the snapshot: parse → validate → migrate on read; atomic, user-only write. */
class ProgressFile implements Adapter<SnapshotState> {
  constructor(private readonly file: string) {}

  async read(): Promise<SnapshotState> {
    const text = await readTextIfExists(this.file);
    return text === undefined ? { kind: 'missing' } : { kind: 'read', parsed: parseProgressText(text) };
  }

  async write(state: SnapshotState): Promise<void> {
    if (state.kind !== 'read' || !state.parsed.ok) throw new Error('invariant: only valid progress data is written');
    await writeFileAtomic(this.file, JSON.stringify(state.parsed.data));
  }
}

interface FullState {
  readonly data: ProgressData;
  readonly lastSeq: number;
}

export interface LowdbRepositoryOptions {
  /** The clock used for names of moved-aside and backup files. @default Date.now */
  readonly nowMs?: () => number;
  /** Fold the journal into the snapshot after this many lines. Tests lower it. @default 256 */
  readonly compactAfterLines?: number;
}

/** What the functions below share: the files, lowdb's handle on the snapshot, the clock, the policy. */
interface Store {
  readonly paths: ProgressPaths;
  readonly db: Low<SnapshotState>;
  readonly nowMs: () => number;
  readonly compactAfterLines: number;
}

export function createLowdbRepository(dir: string, options: LowdbRepositoryOptions = {}): ProgressRepository {
  const paths = progressPaths(dir);
  const store: Store = {
    paths,
    db: new Low<SnapshotState>(new ProgressFile(paths.file), { kind: 'missing' }),
    nowMs: options.nowMs ?? Date.now,
    compactAfterLines: options.compactAfterLines ?? COMPACT_AFTER_LINES,
  };
  const locked = async <T>(work: () => Promise<Outcome<T>>): Promise<Outcome<T>> => {
    const result = await withLock(paths, work);
    if (result.isLocked) return result.value;
    const message = `Your progress in ${dir} is locked by ${result.holder}, which has not let go for 30 seconds. Close other trainer windows and try again.`;
    return failWith({ kind: 'locked', path: paths.lock, message });
  };
  return {
    location: () => paths.dir,
    load: async () => {
      // Reading never creates anything: no folder yet means nothing recorded yet.
      if (!existsSync(paths.dir)) return succeed(emptyProgress());
      return locked(async () => {
        const state = await readFullState(store);
        return state.ok ? succeed(state.value.data) : state;
      });
    },
    update: (change) => locked(() => recordChanges(store, Array.isArray(change) ? change : [change as ProgressChange])),
    reset: () => locked(() => resetStore(store)),
  };
}

/** Writes the snapshot, then restarts the journal after it. Call with the lock held. */
async function compact(store: Store, state: FullState): Promise<void> {
  const data = { ...state.data, journalSeq: state.lastSeq };
  store.db.data = { kind: 'read', parsed: { ok: true, data, fromVersion: CURRENT_VERSION } };
  await store.db.write();
  await writeFileAtomic(store.paths.journal, baseLine(state.lastSeq));
}

/** The fast path appends to the journal; without a usable journal the changes go into a new snapshot. */
async function recordChanges(store: Store, changes: readonly ProgressChange[]): Promise<Outcome<void>> {
  const { journal } = store.paths;
  const text = await readTextIfExists(journal);
  const tail: JournalTail = text === undefined ? { ok: false } : readJournalTail(text);
  if (tail.ok) {
    const lines = changes.map((one, i) => entryLine(tail.lastSeq + 1 + i, one)).join('');
    await appendToJournal(journal, tail, lines);
    // A merge (an import) is folded in at once, so later loads do not replay it.
    const isDue =
      tail.lineCount + changes.length > store.compactAfterLines ||
      tail.completeLength + lines.length > COMPACT_AFTER_BYTES ||
      changes.some((one) => one.type === 'merge');
    if (!isDue) return succeed(undefined);
  }
  const state = await readFullState(store);
  if (!state.ok) return state;
  // Without a usable journal (first write, or after a problem) the changes are folded in directly.
  if (!tail.ok) applyChanges(state.value.data, changes);
  await compact(store, state.value);
  return succeed(undefined);
}

async function resetStore(store: Store): Promise<Outcome<ResetReport>> {
  const state = await readFullState(store);
  if (!state.ok && state.problem.kind !== 'corrupt') return state;
  let backupPath: string | null = null;
  if (state.ok && (await readTextIfExists(store.paths.file)) !== undefined) {
    backupPath = `${store.paths.file}.backup-${fileStamp(store.nowMs())}`;
    await writeFileAtomic(backupPath, JSON.stringify({ ...state.value.data, journalSeq: 0 }));
  }
  await compact(store, { data: emptyProgress(), lastSeq: state.ok ? state.value.lastSeq : 0 });
  return succeed({ backupPath });
}

/** Snapshot + journal → the current data; moves unreadable files aside. Call with the lock held. */
async function readFullState({ db, paths, nowMs }: Store): Promise<Outcome<FullState>> {
  await db.read();
  const snapshot = db.data;
  const moveBothAside = async (reason: string): Promise<Outcome<FullState>> => {
    const stamp = fileStamp(nowMs());
    const movedSnapshot = await moveAside(paths.file, 'corrupt', stamp);
    const movedJournal = await moveAside(paths.journal, 'corrupt', stamp);
    const movedTo = movedSnapshot ?? movedJournal ?? paths.file;
    const alsoMoved = movedSnapshot !== undefined && movedJournal !== undefined ? [movedJournal] : [];
    return failWith({ kind: 'corrupt', path: paths.file, movedTo, message: corruptMessage(paths.file, movedTo, reason, alsoMoved) });
  };
  let data: ProgressData;
  if (snapshot.kind === 'missing') {
    // A file moved aside earlier and no fresh start chosen since: keep asking, never start fresh silently.
    const pending = await newestAside(paths.file, 'corrupt');
    if (pending !== undefined) {
      return failWith({ kind: 'corrupt', path: paths.file, movedTo: pending, message: corruptMessage(paths.file, pending, 'it was set aside earlier') });
    }
    data = emptyProgress();
  } else if (snapshot.parsed.ok) {
    data = snapshot.parsed.data;
  } else if (snapshot.parsed.reason === 'newer-version') {
    const { fileVersion } = snapshot.parsed;
    return failWith({ kind: 'newer-version', path: paths.file, fileVersion, message: newerVersionMessage(paths.file, fileVersion, CURRENT_VERSION) });
  } else {
    return moveBothAside(describeIssue(snapshot.parsed.issues));
  }
  const journal = parseJournal((await readTextIfExists(paths.journal)) ?? '', data.journalSeq);
  if (!journal.ok && journal.reason === 'newer-version') {
    const { fileVersion } = journal;
    return failWith({ kind: 'newer-version', path: paths.journal, fileVersion, message: newerVersionMessage(paths.journal, fileVersion, CURRENT_VERSION) });
  }
  if (!journal.ok) return moveBothAside(journal.detail);
  applyChanges(data, journal.entries.map((entry) => entry.change));
  return succeed({ data, lastSeq: journal.lastSeq });
}
