// Proves the built program's plain paths, spawned without a terminal as CI or a pipe would: help,
// version, the no-terminal help with exit 0, and exit 2 with a suggestion for a typo.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/command-table.js';
import { LAUNCHER } from '../helpers/pty.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [LAUNCHER, ...args], { encoding: 'utf8', input: '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('trainer without a terminal', () => {
  it('prints the version from package.json', () => {
    expect(run('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints usage naming every command in the table', () => {
    const { code, stdout } = run('--help');
    expect(code).toBe(0);
    for (const command of COMMANDS) expect(stdout).toContain(`trainer ${command.synopsis}`);
    expect(stdout).toContain('--no-color');
  });

  it('explains that it needs a terminal, prints help and exits 0 instead of drawing', () => {
    const { code, stdout, stderr } = run();
    expect(code).toBe(0);
    expect(stdout).toMatch(/^trainer draws its screens in an interactive terminal/);
    expect(stdout).toContain('Usage:');
    expect(stderr).toBe('');
  });

  it('exits 2 with a one-line error and a suggestion for an unknown command', () => {
    expect(run('halp')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'trainer: unknown command "halp".\nDid you mean "help"? Run "trainer --help" to see what trainer accepts.\n',
    });
  });
});

describe('every mode as plain text without a terminal (each given --plain too)', () => {
  const home = makeTempDir();
  const plain = (input: string, ...args: string[]) => {
    const result = spawnSync(process.execPath, [LAUNCHER, ...args, '--plain'], { encoding: 'utf8', input, env: { ...process.env, TRAINER_HOME: home } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  // No colour or cursor codes anywhere: plain text only.
  const ESCAPE = /\u001B\[/;

  it.each([
    ['trainer', [], '', 'Usage:'],
    ['run', ['run', 'dynamodb/throttling-provisioned'], '', '── Step 1/8'],
    ['quiz', ['quiz', '--count', '1'], 'a\n', 'Question 1 of 1'],
    ['review', ['review'], '', 'Nothing is due'],
    ['exam', ['exam', '--quick', '--seed', '3'], 'submit\n', 'Question 1 of 20'],
    ['progress', ['progress'], '', 'Answers'],
    ['scenarios', ['scenarios'], '', 'dynamodb/throttling-provisioned'],
    ['repl', ['repl'], 'aws dynamodb list-tables\n', 'TableNames'],
  ])('%s', (_name, args, input, expected) => {
    const { code, stdout } = plain(input, ...args);
    expect(stdout).toContain(expected);
    expect(stdout).not.toMatch(ESCAPE);
    expect(code === 0 || code === 1, stdout).toBe(true);
  });
});

describe('trainer writing into a pipe that closes early', () => {
  it('stops quietly when the reader goes away (trainer sim FILE | head)', async () => {
    const { spawn } = await import('node:child_process');
    const script = Array.from({ length: 5_000 }, () => 'sim clock').join('\n');
    const child = spawn(process.execPath, [LAUNCHER, 'sim', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy()); // read the first chunk, then hang up, as head does
    child.stdin.end(script);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
