// Proves `trainer repl` without a terminal on the built program: lines piped to it print exactly what
// `trainer sim -` prints for them (transcript and JSON Lines), with the same exit code.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LAUNCHER } from '../helpers/pty.js';

const LINES = 'sim clock advance 90s\naws dynamodb list-tables\nsim clok\n';

function run(args: readonly string[]) {
  const result = spawnSync(process.execPath, [LAUNCHER, ...args], { encoding: 'utf8', input: LINES });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('trainer repl without a terminal', () => {
  it('prints the transcript trainer sim - prints, and exits 2 for the unparsable line', () => {
    const repl = run(['repl']);
    expect(repl).toEqual(run(['sim', '-']));
    expect(repl.code).toBe(2);
    expect(repl.stdout).toContain('$ sim clock advance 90s\nClock advanced by 1m30s to 2026-01-01T00:01:30.000Z.\n');
  });

  it('prints JSON Lines with --json', () => {
    expect(run(['repl', '--json', '--seed', '5'])).toEqual(run(['sim', '-', '--json', '--seed', '5']));
  });
});
