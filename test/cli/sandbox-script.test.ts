// Proves `trainer sim` end to end on the built program, without a terminal: a file and stdin, the
// transcript and exact JSON Lines, exit code 2 when a line cannot be parsed (every line still runs),
// and a clear error for a file that does not exist.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAUNCHER } from '../helpers/pty.js';

const SCRIPT = fileURLToPath(new URL('../fixtures/sandbox/clock.sandbox', import.meta.url));

function run(args: readonly string[], input = '') {
  const result = spawnSync(process.execPath, [LAUNCHER, ...args], { encoding: 'utf8', input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('trainer sim', () => {
  it('prints one JSON object per command and exits 2 because one line has a typo', () => {
    const { code, stdout, stderr } = run(['sim', SCRIPT, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(2);
    const lines = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => [l['command'], l['ok'], l['time']])).toEqual([
      ['sim clock', true, 1_767_225_600_000],
      ['sim clock advance 90s', true, 1_767_225_690_000],
      ['sim region use eu-west-1', true, 1_767_225_690_000],
      ['sim clok', false, 1_767_225_690_000],
      ['sim trace --last 2', true, 1_767_225_690_000],
    ]);
    expect(lines[3]).toEqual({
      command: 'sim clok',
      ok: false,
      time: 1_767_225_690_000,
      output: null,
      error: { code: 'ParseError', message: "sim: error: argument command: Invalid choice: 'clok', maybe you meant:\n  * clock", line: 6, column: 5 },
    });
    expect(Object.keys(lines[0]!)).toEqual(['command', 'ok', 'time', 'output', 'error']);
  });

  it('reads stdin with - and prints a transcript', () => {
    const { code, stdout } = run(['sim', '-', '--seed', '3'], '# hello\nsim clock\nsim seed 9\n');
    expect(code).toBe(0);
    expect(stdout).toMatchInlineSnapshot(`
      "# hello
      $ sim clock
      2026-01-01T00:00:00.000Z (virtual time)

      $ sim seed 9
      World recreated with seed 9: a new, empty world (no resources, no loads, empty trace); the clock is back at 2026-01-01T00:00:00.000Z and the Region is us-east-1.

      "
    `);
  });

  it('says when the file cannot be read', () => {
    const { code, stdout, stderr } = run(['sim', 'no-such-file.sandbox']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^trainer: cannot read "no-such-file.sandbox": ENOENT/);
  });
});
