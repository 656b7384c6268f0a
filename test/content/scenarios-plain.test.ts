// Proves every scenario of the library through the real command line: `trainer run ID --plain`
// (the built launcher, no terminal) finishes with exit 0 when fed the right answers and the tasks'
// solutions on stdin, with every prediction graded right; and fed wrong answers, every prediction
// is graded wrong and the run still finishes. The input lines come from the headless driver.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/scenarios/index.js';
import { LAUNCHER } from '../helpers/pty.js';
import { drive } from '../helpers/scenario-driver.js';
import { makeTempDir } from '../helpers/temp-dir.js';

function runPlain(id: string, lines: readonly string[]) {
  const result = spawnSync(process.execPath, [LAUNCHER, 'run', id, '--plain'], {
    encoding: 'utf8',
    input: `${lines.join('\n')}\n`,
    env: { ...process.env, TRAINER_HOME: makeTempDir() },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scenarios = loadLibrary().scenarios.map((loaded) => loaded.scenario);

describe.each(scenarios.map((s) => [s.id, s] as const))('trainer run %s --plain', (id, scenario) => {
  const predictions = scenario.steps.filter((s) => s.kind === 'predict').length;
  const tasks = scenario.steps.filter((s) => s.kind === 'task').length;

  it('finishes with right answers, each graded right, each task solved', () => {
    const run = runPlain(id, drive(scenario, 'right').inputLines);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^Right: /gm)).toHaveLength(predictions);
    expect(run.stdout.match(/^Task solved\.$/gm)).toHaveLength(tasks);
    expect(run.stdout).toContain(`Predictions right: ${predictions} of ${predictions}.`);
  });

  it('finishes with wrong answers, each graded wrong', () => {
    const run = runPlain(id, drive(scenario, 'wrong').inputLines);
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^Wrong: /gm)).toHaveLength(predictions);
    expect(run.stdout).toContain(`Predictions right: 0 of ${predictions}.`);
  });
});
