// Proves the disk store with real files in a temp folder: what is recorded comes back after a restart,
// files are user-only, the journal is folded into the snapshot, old versions are migrated, a corrupt
// file is moved aside (never overwritten) and reported, a newer file is refused byte for byte untouched,
// and reset keeps a backup.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPACT_AFTER_LINES, createLowdbRepository, type ProgressData, type ProgressRepository } from '../../src/progress/index.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { attempt, CARD, T0_MS } from './fixtures.js';

const FIXTURES = new URL('../fixtures/progress/', import.meta.url);
const NOW_MS = Date.UTC(2026, 10, 24, 23, 15, 7);

function repoIn(dir: string, options: { compactAfterLines?: number } = {}): ProgressRepository {
  return createLowdbRepository(dir, { nowMs: () => NOW_MS, ...options });
}

async function loaded(repo: ProgressRepository): Promise<ProgressData> {
  const result = await repo.load();
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
}

function withFixture(name: string): string {
  const dir = makeTempDir();
  copyFileSync(new URL(name, FIXTURES), path.join(dir, 'progress.json'));
  return dir;
}

describe('the lowdb progress store', () => {
  it('starts empty without creating anything, and creates user-only files on the first write', async () => {
    const dir = path.join(makeTempDir(), 'nested', 'trainer');
    const repo = repoIn(dir);
    expect((await loaded(repo)).attempts).toEqual([]);
    expect(existsSync(dir)).toBe(false);
    expect((await repo.update(attempt('q:a', T0_MS))).ok).toBe(true);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, 'progress.json')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, 'progress.journal')).mode & 0o777).toBe(0o600);
  });

  it('gives back everything recorded, in a new repository object as after a restart', async () => {
    const dir = makeTempDir();
    const first = repoIn(dir);
    await first.update([attempt('q:a', T0_MS), attempt('q:b', T0_MS + 1, false, 'C')]);
    await first.update({ type: 'set-card', cardId: 'q:a', card: CARD });
    await first.update({ type: 'record-scenario-step', scenarioId: 'dynamodb/throttling', stepId: 'burst', prediction: 'right', atMs: T0_MS });
    await first.update({ type: 'complete-scenario', scenarioId: 'dynamodb/throttling', atMs: T0_MS + 5 });
    await first.update({ type: 'record-exam', exam: { id: 'exam-1', finishedAtMs: T0_MS, durationMs: 60_000, correct: 40, total: 65, domains: { development: { correct: 20, total: 32 } } } });
    await first.update({ type: 'set-setting', key: 'theme', value: 'dark' });
    const data = await loaded(repoIn(dir));
    expect(data.items).toEqual(['q:a', 'q:b']);
    expect(data.attempts).toEqual([[0, 'B', 1, 4_000, T0_MS], [1, 'C', 0, 4_000, T0_MS + 1]]);
    expect(data.cards).toEqual({ 'q:a': CARD });
    expect(data.scenarios).toEqual({ 'dynamodb/throttling': { stepsDone: ['burst'], predictionsRight: 1, predictionsTotal: 1, completedAtMs: T0_MS + 5, lastActiveAtMs: T0_MS } });
    expect(data.exams.map((exam) => exam.id)).toEqual(['exam-1']);
    expect(data.settings).toEqual({ theme: 'dark' });
    expect(data.streakDays).toHaveLength(1);
  });

  it('appends one journal line per change and folds the journal into the snapshot when it is long', async () => {
    const dir = makeTempDir();
    const repo = repoIn(dir);
    await repo.update(attempt('q:first', T0_MS));
    for (let i = 0; i < COMPACT_AFTER_LINES - 1; i++) await repo.update(attempt(`q:${i}`, T0_MS + i));
    const journal = (): string[] => readFileSync(path.join(dir, 'progress.journal'), 'utf8').trimEnd().split('\n');
    expect(journal()).toHaveLength(COMPACT_AFTER_LINES);
    await repo.update(attempt('q:last', T0_MS));
    // The first write made the files directly (no sequence number); the 256 after it were journaled.
    expect(journal()).toEqual([`{"base":${COMPACT_AFTER_LINES},"v":2}`]);
    const snapshot = JSON.parse(readFileSync(path.join(dir, 'progress.json'), 'utf8')) as ProgressData;
    expect(snapshot.attempts).toHaveLength(COMPACT_AFTER_LINES + 1);
    expect(snapshot.journalSeq).toBe(COMPACT_AFTER_LINES);
  });

  it('ignores a torn last journal line and cuts it off before the next append', async () => {
    const dir = makeTempDir();
    const repo = repoIn(dir);
    await repo.update([attempt('q:a', T0_MS), attempt('q:b', T0_MS)]);
    writeFileSync(path.join(dir, 'progress.journal'), '{"seq":2,"v":2,"change":{"type":"record-att', { flag: 'a' });
    expect((await loaded(repo)).attempts).toHaveLength(2);
    await repo.update(attempt('q:c', T0_MS));
    expect((await loaded(repo)).items).toEqual(['q:a', 'q:b', 'q:c']);
  });

  it('skips journal entries already in the snapshot (a crash between the two renames of a compaction)', async () => {
    const dir = makeTempDir();
    const repo = repoIn(dir, { compactAfterLines: 3 });
    await repo.update([attempt('q:a', T0_MS)]);
    await repo.update([attempt('q:b', T0_MS)]);
    const journalBefore = readFileSync(path.join(dir, 'progress.journal'));
    await repo.update([attempt('q:c', T0_MS), attempt('q:d', T0_MS)]);
    writeFileSync(path.join(dir, 'progress.journal'), journalBefore);
    expect((await loaded(repo)).items).toEqual(['q:a', 'q:b', 'q:c', 'q:d']);
  });

  it('migrates a version-1 file on load and keeps the ids it does not know', async () => {
    const data = await loaded(repoIn(withFixture('version-1.json')));
    expect(data.version).toBe(2);
    expect(data.items).toEqual(['q:dynamodb-rcu-001', 'q:lambda-concurrency-004', 'q:some-question-from-a-removed-pack']);
    expect(data.attempts[1]).toEqual([1, 'A,C', 0, 12_000, Date.parse('2026-03-02T10:01:00.000Z')]);
    expect(data.cards['q:dynamodb-rcu-001']?.due).toBe(Date.parse('2026-03-10T09:30:00.000Z'));
    expect(data.scenarios['lambda/cold-starts']?.completedAtMs).toBe(0);
    expect(data.scenarios['dynamodb/throttling-provisioned']?.completedAtMs).toBeNull();
    expect(data.settings).toEqual({ theme: 'dark', dailyGoal: 20 });
  });

  it('writes a migrated file as the current version on the next write', async () => {
    const dir = withFixture('version-1.json');
    await repoIn(dir).update(attempt('q:new', T0_MS));
    const snapshot = JSON.parse(readFileSync(path.join(dir, 'progress.json'), 'utf8')) as ProgressData;
    expect(snapshot.version).toBe(2);
    expect(snapshot.attempts).toHaveLength(5);
  });

  it('refuses a file from a newer trainer and leaves it byte for byte as it was', async () => {
    const dir = withFixture('version-99.json');
    const before = readFileSync(path.join(dir, 'progress.json'));
    const repo = repoIn(dir);
    const result = await repo.load();
    expect(result.ok ? undefined : result.problem.message.replace(dir, '<dir>')).toMatchInlineSnapshot(
      `"Your progress file <dir>/progress.json was written by a newer trainer (file version 99; this trainer understands up to version 2). It was left untouched. Update trainer to use it."`,
    );
    expect((await repo.update(attempt('q:a', T0_MS))).ok).toBe(false);
    expect((await repo.reset()).ok).toBe(false);
    expect(readFileSync(path.join(dir, 'progress.json'))).toEqual(before);
    expect(readdirSync(dir).filter((name) => !name.startsWith('progress.lock'))).toEqual(['progress.json']);
  });

  it.each(['torn.json', 'wrong-types.json'])('moves a corrupt file (%s) aside unchanged and says where', async (fixture) => {
    const dir = withFixture(fixture);
    const original = readFileSync(path.join(dir, 'progress.json'));
    const result = await repoIn(dir).load();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ kind: 'corrupt', movedTo: path.join(dir, 'progress.json.corrupt-20261124T231507000Z') });
    expect(readFileSync(path.join(dir, 'progress.json.corrupt-20261124T231507000Z'))).toEqual(original);
    expect(existsSync(path.join(dir, 'progress.json'))).toBe(false);
  });

  it('explains a corrupt file in one message with the paths and what to do', async () => {
    const dir = withFixture('wrong-types.json');
    const result = await repoIn(dir).load();
    expect(result.ok ? undefined : result.problem.message.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(
      `"Your progress file <dir>/progress.json could not be read (at attempts[0][1]: expected string of at most 200 characters, found number 5). It was moved aside, unchanged, to <dir>/progress.json.corrupt-20261124T231507000Z. Start fresh from the trainer's screen or with "trainer reset", or fix that file and move it back."`,
    );
    const torn = await repoIn(withFixture('torn.json')).load();
    expect(torn.ok ? undefined : torn.problem.message).toContain('could not be read (it is not valid JSON: ');
  });

  it('keeps refusing after moving a corrupt file aside, until the learner starts fresh', async () => {
    const dir = withFixture('torn.json');
    const repo = repoIn(dir);
    expect((await repo.load()).ok).toBe(false);
    expect((await repo.load()).ok).toBe(false);
    expect((await repo.update(attempt('q:a', T0_MS))).ok).toBe(false);
    expect(await repo.reset()).toEqual({ ok: true, value: { backupPath: null } });
    expect((await loaded(repo)).attempts).toEqual([]);
    expect(existsSync(path.join(dir, 'progress.json.corrupt-20261124T231507000Z'))).toBe(true);
  });

  it('moves a journal with a garbled complete line aside with its snapshot', async () => {
    const dir = makeTempDir();
    const repo = repoIn(dir);
    await repo.update(attempt('q:a', T0_MS));
    writeFileSync(path.join(dir, 'progress.journal'), 'garbage\n{"seq":9,"v":2,"change":{"type":"set-setting","key":"a","value":1}}\n', { flag: 'a' });
    const result = await repo.load();
    expect(result.ok ? undefined : result.problem.message.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(
      `"Your progress file <dir>/progress.json could not be read (line 2 of the journal is not JSON). It was moved aside, unchanged, to <dir>/progress.json.corrupt-20261124T231507000Z (its journal to <dir>/progress.journal.corrupt-20261124T231507000Z). Start fresh from the trainer's screen or with "trainer reset", or fix that file and move it back."`,
    );
    expect(readdirSync(dir).sort()).toEqual(['progress.journal.corrupt-20261124T231507000Z', 'progress.json.corrupt-20261124T231507000Z']);
  });

  it('resets to empty after writing a backup that holds everything, journal included', async () => {
    const dir = makeTempDir();
    const repo = repoIn(dir);
    await repo.update([attempt('q:a', T0_MS), attempt('q:b', T0_MS)]);
    const result = await repo.reset();
    const backupPath = path.join(dir, 'progress.json.backup-20261124T231507000Z');
    expect(result).toEqual({ ok: true, value: { backupPath } });
    expect((await loaded(repo)).attempts).toEqual([]);
    const restoredDir = makeTempDir();
    mkdirSync(restoredDir, { recursive: true });
    copyFileSync(backupPath, path.join(restoredDir, 'progress.json'));
    expect((await loaded(repoIn(restoredDir))).items).toEqual(['q:a', 'q:b']);
  });
});
