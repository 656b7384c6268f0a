// Proves `trainer scenarios`, `trainer scenarios validate` and `trainer run ID --plain|--json` end to
// end: the built launcher spawned without a terminal, answers and commands on stdin, TRAINER_HOME in
// a temp folder (so progress and packs are the test's own). Exit codes: 0 done, 1 problems or input
// ended early, 2 unknown scenario.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAUNCHER } from '../helpers/pty.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/scenarios');

function trainer(home: string, args: readonly string[], input = '') {
  const result = spawnSync(process.execPath, [LAUNCHER, ...args], { cwd: ROOT, encoding: 'utf8', input, env: { ...process.env, TRAINER_HOME: home } });
  const clean = (text: string): string => text.split(home).join('<home>');
  return { code: result.status, stdout: clean(result.stdout), stderr: clean(result.stderr) };
}

const THROTTLING_RIGHT = ['b', 'c', 'a', 'b', 'aws dynamodb update-table --table-name Orders --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=20'].join('\n');

function withTinyPack(): string {
  const home = makeTempDir();
  mkdirSync(path.join(home, 'scenarios'));
  copyFileSync(path.join(FIXTURES, 'good/tiny.yaml'), path.join(home, 'scenarios/tiny.yaml'));
  return home;
}

describe('trainer run --plain', () => {
  it('prints the whole run of a scenario as plain text', () => {
    const home = withTinyPack();
    const run = trainer(home, ['run', 'fixture/tiny', '--plain'], 'z\nb\na\nhint\naws dynamodb put-item --table-name Tiny --item \'{"id":{"S":"c"}}\'\n');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatchInlineSnapshot(`
      "Tiny fixture (fixture/tiny, about 1 min)
      A small table for the runner's reducer tests.

      (setup) $ aws dynamodb create-table --table-name Tiny --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5

      ── Step 1/6: say ──
      A **tiny** table.

      ── Step 2/6: run ──
      $ aws dynamodb put-item --table-name Tiny --item '{"id":{"S":"a"}}'

      [panel: capacity-gauge Tiny]

      ── Step 3/6: predict ──
      ? How many items?
        a) 0
        b) 2
      Answer with a letter (a-b); the commands run after you answer.
      Answer with a letter from a to b.
      $ aws dynamodb put-item --table-name Tiny --item '{"id":{"S":"b"}}'

      Right: b) 2
      Two puts, two items.
      Reference: DDB-02 https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html

      ── Step 4/6: predict ──
      ? Is item a still there?
        a) yes
        b) no
      Answer with a letter (a-b); the commands run after you answer.
      $ aws dynamodb get-item --table-name Tiny --key '{"id":{"S":"a"}}'
      {
          "Item": {
              "id": {
                  "S": "a"
              }
          }
      }
      Right: a) yes
      Nothing deleted it.
      Reference: DDB-01 https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html

      ── Step 5/6: task ──
      Task: Make it three items.
      Type sandbox commands. "hint" shows a hint (2 available), "skip" moves on, "retry" restarts the step.
      Hint 1/2: Put one more item.
      $ aws dynamodb put-item --table-name Tiny --item '{"id":{"S":"c"}}'

      Task solved.

      ── Step 6/6: recap ──
      Key facts:
        - Puts add items.

      Finished: Tiny fixture.
      Predictions right: 2 of 2.
      "
    `);
  });

  it('runs a library scenario to the end with right answers and records it as completed', () => {
    const home = makeTempDir();
    const run = trainer(home, ['run', 'dynamodb/throttling-provisioned', '--plain'], THROTTLING_RIGHT);
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^Right: /gm)).toHaveLength(4);
    expect(run.stdout).toContain('Task solved.');
    const listed = JSON.parse(trainer(home, ['scenarios', '--json']).stdout) as { scenarios: { id: string; status: string; stepsDone: number }[] };
    expect(listed.scenarios.find((s) => s.id === 'dynamodb/throttling-provisioned')).toMatchObject({ status: 'completed', stepsDone: 8 });
  });

  it('grades wrong answers wrong, lets a task be skipped, and still finishes', () => {
    const run = trainer(makeTempDir(), ['run', 'dynamodb/throttling-provisioned', '--plain'], 'a\na\nb\na\nskip\n');
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^Wrong: /gm)).toHaveLength(4);
    expect(run.stdout).toContain('Task skipped.');
  });

  it('stops with exit 1 when stdin ends before the scenario does', () => {
    const run = trainer(makeTempDir(), ['run', 'dynamodb/throttling-provisioned', '--plain'], 'b\n');
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('Stopped before the end of the scenario; the steps you finished are saved. Run it again to start over.');
  });

  it('prints one JSON object per line with --json', () => {
    const run = trainer(makeTempDir(), ['run', 'dynamodb/throttling-provisioned', '--json'], THROTTLING_RIGHT);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { source: string; type?: string; isCorrect?: boolean });
    const graded = lines.filter((l) => l.source === 'runner' && l.type === 'prediction-graded');
    expect(graded.map((l) => l.isCorrect)).toEqual([true, true, true, true]);
    expect(lines.filter((l) => l.source === 'prompt')).toHaveLength(5);
    expect(lines.at(-1)).toEqual({ source: 'runner', type: 'scenario-completed' });
  });

  it('suggests the nearest id for an unknown scenario', () => {
    expect(trainer(makeTempDir(), ['run', 'dynamodb/throtling-provisioned'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'trainer: no scenario "dynamodb/throtling-provisioned". Did you mean "dynamodb/throttling-provisioned"? Run "trainer scenarios" to list them.\n',
    });
  });
});

describe('trainer scenarios', () => {
  it('lists the library with the learner status, and a bad pack file on stderr without hiding the rest', () => {
    const home = makeTempDir();
    mkdirSync(path.join(home, 'scenarios'));
    writeFileSync(path.join(home, 'scenarios/broken.yaml'), 'formatVersion: 1\nid: mine/broken\n');
    const listed = trainer(home, ['scenarios']);
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n')[0]).toMatch(/^ID +TITLE +SERVICES +MIN +STATUS$/);
    expect(listed.stdout).toMatch(/^dynamodb\/throttling-provisioned +Provisioned capacity, burst credit and throttling +dynamodb +10 +not started$/m);
    expect(listed.stderr.split('\n')[0]).toBe('<home>/scenarios/broken.yaml: title: expected text, found nothing (the field is missing)');
  });

  it('validates a folder: every problem listed and exit 1, or a count and exit 0', () => {
    const bad = trainer(makeTempDir(), ['scenarios', 'validate', 'test/fixtures/scenarios/bad']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.split('\n')).toContain('test/fixtures/scenarios/bad/wrong-types.yaml: formatVersion: expected 1, found 2');
    expect(bad.stdout).toBe('1 scenario valid, 20 problems.\n');
    expect(trainer(makeTempDir(), ['scenarios', 'validate', 'test/fixtures/scenarios/good'])).toEqual({ code: 0, stdout: '1 scenario valid, 0 problems.\n', stderr: '' });
    expect(trainer(makeTempDir(), ['scenarios', 'validate'])).toMatchObject({ code: 0, stderr: '' });
  });
});
