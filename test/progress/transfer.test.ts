// Proves export and import with real files: an export re-imports into an empty store as the same
// history; an import merges without dropping what was there (importing twice adds nothing); a bad file
// is refused with every problem listed (path in the file, expected, found) and nothing changes.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLowdbRepository, exportProgress, importProgress } from '../../src/progress/index.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { attempt, T0_MS } from './fixtures.js';

const FIXTURES = new URL('../fixtures/progress/', import.meta.url);

describe('export and import', () => {
  it('exports a readable current-version file that imports into an empty store as the same history', async () => {
    const source = createLowdbRepository(makeTempDir());
    await source.update([attempt('q:a', T0_MS), attempt('q:b', T0_MS + 1, false)]);
    const file = path.join(makeTempDir(), 'mine.json');
    const exported = await exportProgress(source, file, T0_MS);
    expect(exported.ok && exported.value.attempts).toBe(2);
    expect(readFileSync(file, 'utf8')).toMatch(/^\{\n {2}"version": 2,/);
    const target = createLowdbRepository(makeTempDir());
    const imported = await importProgress(target, file, T0_MS);
    expect(imported.ok && [imported.value.before.attempts, imported.value.after.attempts]).toEqual([0, 2]);
  });

  it('merges into existing progress without dropping anything, and importing again adds nothing', async () => {
    const repo = createLowdbRepository(makeTempDir());
    await repo.update([attempt('q:mine', T0_MS), { type: 'set-setting', key: 'theme', value: 'light' }]);
    const file = new URL('version-1.json', FIXTURES).pathname;
    const first = await importProgress(repo, file, T0_MS);
    expect(first.ok && [first.value.before.attempts, first.value.after.attempts]).toEqual([1, 5]);
    // A setting both sides have keeps the learner's value, and the report names the one not taken.
    expect(first.ok && first.value.settingsKept).toEqual([{ key: 'theme', current: 'light', inFile: 'dark' }]);
    const again = await importProgress(repo, file, T0_MS);
    expect(again.ok && [again.value.before.attempts, again.value.after.attempts]).toEqual([5, 5]);
    const loaded = await repo.load();
    expect(loaded.ok && loaded.value.settings).toEqual({ theme: 'light', dailyGoal: 20 });
  });

  it('refuses a bad file, listing each problem with its place, and changes nothing', async () => {
    const dir = makeTempDir();
    const repo = createLowdbRepository(dir);
    await repo.update(attempt('q:mine', T0_MS));
    const file = new URL('wrong-types.json', FIXTURES).pathname;
    const result = await importProgress(repo, file, T0_MS);
    expect(result.ok ? undefined : result.problem.message.replace(file, '<file>')).toMatchInlineSnapshot(`
      "Cannot import <file>: it is not a valid trainer progress file (2 problems). Nothing was changed.
        at attempts[0][1]: expected string of at most 200 characters, found number 5
        at scenarios.s/1.stepsDone: expected array, found string "intro""
    `);
    const loaded = await repo.load();
    expect(loaded.ok && loaded.value.items).toEqual(['q:mine']);
  });

  it('refuses a file that is not JSON, a missing file, and a newer version', async () => {
    const repo = createLowdbRepository(makeTempDir());
    const notJson = path.join(makeTempDir(), 'notes.txt');
    writeFileSync(notJson, 'my notes');
    const messages = await Promise.all(
      [notJson, '/nonexistent/progress.json', new URL('version-99.json', FIXTURES).pathname].map(async (file) => {
        const result = await importProgress(repo, file, T0_MS);
        return result.ok ? 'imported' : `${result.problem.kind}: ${result.problem.message.split(file).join('<file>')}`;
      }),
    );
    expect(messages).toMatchInlineSnapshot(`
      [
        "invalid-import: Cannot import <file>: it is not a valid trainer progress file (1 problem). Nothing was changed.
        at (the whole file): expected JSON, found Unexpected token 'm', "my notes" is not valid JSON",
        "invalid-import: Cannot import <file>: there is no such file. Nothing was changed.",
        "newer-version: The file <file> was written by a newer trainer (file version 99; this trainer understands up to version 2). It was left untouched. Update trainer to use it.",
      ]
    `);
  });
});
