// Proves `trainer progress` and `trainer reset` end to end: the built launcher spawned without a
// terminal, TRAINER_HOME pointing at a temp folder. Exit codes: 0 done, 1 a data problem (corrupt,
// newer version, bad import, reset not confirmed), 2 usage.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAUNCHER } from '../helpers/pty.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const FIXTURES = new URL('../fixtures/progress/', import.meta.url);

function trainer(home: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [LAUNCHER, ...args], { encoding: 'utf8', input: '', env: { ...process.env, TRAINER_HOME: home } });
  const clean = (text: string): string => text.split(home).join('<home>');
  return { code: result.status, stdout: clean(result.stdout), stderr: clean(result.stderr) };
}

describe('trainer progress and reset without a terminal', () => {
  it('prints where progress is kept, as text or JSON', () => {
    const home = makeTempDir();
    expect(trainer(home, 'progress', '--path')).toEqual({ code: 0, stdout: '<home>\n', stderr: '' });
    expect(JSON.parse(trainer(home, 'progress', '--path', '--json').stdout)).toEqual({ path: '<home>' });
  });

  it('summarises empty progress without creating any file', () => {
    const home = makeTempDir();
    expect(trainer(home, 'progress')).toMatchInlineSnapshot(`
      {
        "code": 0,
        "stderr": "",
        "stdout": "Answers       0 (0 correct, –) on 0 questions and steps
      Review cards  0 (0 due now)
      Scenarios     0 started, 0 completed; predictions 0/0 right
      Mock exams    0 taken; last –, best –
      Streak        0 day(s) in a row; 0 active day(s) in all
      Stored in     <home>
      ",
      }
    `);
    expect(existsSync(path.join(home, 'progress.json'))).toBe(false);
  });

  it('imports a file (merging), reports what changed, and exports it again', () => {
    const home = makeTempDir();
    const fixture = new URL('version-1.json', FIXTURES).pathname;
    const imported = trainer(home, 'progress', 'import', fixture);
    expect(imported.code).toBe(0);
    expect(imported.stdout.replace(fixture, '<file>')).toMatchInlineSnapshot(`
      "Imported <file>, merged with what you had (nothing was dropped).
        answers: 0 → 4 (+4)
        review cards: 0 → 1 (+1)
        scenarios started: 0 → 2 (+2)
        mock exams: 0 → 0
        active days: 0 → 2 (+2)
      "
    `);
    const summary = JSON.parse(trainer(home, 'progress', '--json').stdout) as { summary: { attempts: number; scenariosCompleted: number } };
    expect(summary.summary).toMatchObject({ attempts: 4, scenariosCompleted: 1 });
    const file = path.join(makeTempDir(), 'out.json');
    expect(trainer(home, 'progress', 'export', file)).toMatchObject({ code: 0, stdout: `Exported 4 answers, 1 review cards and 0 mock exams to ${file}.\n` });
    expect((JSON.parse(readFileSync(file, 'utf8')) as { attempts: unknown[] }).attempts).toHaveLength(4);
  });

  it('refuses a bad import file with exit 1 and lists its problems', () => {
    const home = makeTempDir();
    const result = trainer(home, 'progress', 'import', new URL('wrong-types.json', FIXTURES).pathname);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('at scenarios.s/1.stepsDone: expected array, found string "intro"');
  });

  it('exits 1 on a corrupt file, keeps it aside, and keeps refusing until reset', () => {
    const home = makeTempDir();
    copyFileSync(new URL('torn.json', FIXTURES), path.join(home, 'progress.json'));
    const first = trainer(home, 'progress');
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/^trainer: Your progress file <home>\/progress.json could not be read \(it is not valid JSON: .*\)\. It was moved aside, unchanged, to <home>\/progress.json.corrupt-\d{8}T\d{9}Z\. Start fresh/);
    expect(trainer(home, 'progress').code).toBe(1);
    expect(trainer(home, 'reset', '--yes')).toEqual({ code: 0, stdout: 'Progress reset. There was nothing to back up.\n', stderr: '' });
    expect(trainer(home, 'progress').code).toBe(0);
  });

  it('exits 1 on a file from a newer trainer and leaves it untouched', () => {
    const home = makeTempDir();
    const file = path.join(home, 'progress.json');
    copyFileSync(new URL('version-99.json', FIXTURES), file);
    const before = readFileSync(file);
    expect(trainer(home, 'progress').code).toBe(1);
    expect(trainer(home, 'reset', '--yes').code).toBe(1);
    expect(readFileSync(file)).toEqual(before);
  });

  it('refuses reset without --yes when there is no terminal, and keeps a backup with it', () => {
    const home = makeTempDir();
    writeFileSync(path.join(home, 'seed.json'), readFileSync(new URL('version-1.json', FIXTURES)));
    trainer(home, 'progress', 'import', path.join(home, 'seed.json'));
    expect(trainer(home, 'reset')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'trainer: reset clears your progress and needs confirmation; without a terminal to ask on, run "trainer reset --yes" (a backup is kept).\n',
    });
    const reset = trainer(home, 'reset', '--yes');
    expect(reset.stdout).toMatch(/^Progress reset\. Your previous progress is saved in <home>\/progress\.json\.backup-\d{8}T\d{9}Z\n$/);
    const backup = reset.stdout.trim().split(' ').pop()?.replace('<home>', home) ?? '';
    expect((JSON.parse(readFileSync(backup, 'utf8')) as { attempts: unknown[] }).attempts).toHaveLength(4);
  });

  it('exits 2 for a usage error', () => {
    expect(trainer(makeTempDir(), 'progress', 'exprot', 'x')).toMatchObject({ code: 2 });
  });
});
