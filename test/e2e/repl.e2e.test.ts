// Proves the sandbox REPL journey on the built program in a real pseudo-terminal: `trainer repl`
// opens it, a typo gets a did-you-mean, a create-table runs, ↑ recalls it, long work shows progress
// and Ctrl+C stops it without leaving, Esc quits with code 0, and the history file keeps the commands.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTrainer, type RunningTerminal } from '../helpers/pty.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const ENTER = '\r';
const ESCAPE = '\u001B';
const ARROW_UP = '\u001B[A';
const CTRL_C = '\u0003';
const CREATE = 'aws dynamodb create-table --table-name Orders --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST';

let running: RunningTerminal | undefined;
afterEach(() => running?.kill());

describe('trainer repl in a terminal', () => {
  it('suggests a fix for a typo, runs create-table, recalls it with ↑ and quits with Esc', async () => {
    const home = makeTempDir();
    const term = (running = startTrainer({ args: ['repl'], cols: 120, rows: 30, env: { TRAINER_HOME: home } }));
    await term.waitForReady('sandbox›');
    expect(term.screen()).toContain('seed 1 · 2026-01-01T00:00:00.000Z (virtual)');

    term.press(`aws dynamodb crate-table${ENTER}`);
    await term.waitFor('Did you mean "aws dynamodb create-table"?');
    expect(term.screen()).toContain("✗ aws: error: argument operation: Invalid choice: 'crate-table', maybe you meant:");

    term.press(`${CREATE}${ENTER}`);
    await term.waitFor('"TableArn": "arn:aws:dynamodb:us-east-1:123456789012:table/Orders"');
    // ↑ brings the command back; running it again proves it is the same line (the table now exists).
    term.press(ARROW_UP);
    term.press(ENTER);
    await term.waitFor('(ResourceInUseException)');
    term.press(ESCAPE);
    expect(await term.exited()).toBe(0);
    // The same line twice in a row is kept once.
    expect(readFileSync(path.join(home, 'repl-history'), 'utf8')).toBe(`aws dynamodb crate-table\n${CREATE}\n`);
  });

  it('shows progress for a long sim load, keeps typing, and Ctrl+C stops the load, not the app', async () => {
    const term = (running = startTrainer({ args: ['repl'], cols: 160, rows: 30, env: { TRAINER_HOME: makeTempDir() } }));
    await term.waitForReady('sandbox›');
    term.press(`${CREATE}${ENTER}`);
    await term.waitFor('table/Orders');
    term.press(`sim load --rate 5000/s --for 1h -- aws dynamodb put-item --table-name Orders --item '{"id":{"S":"o{{n}}"}}'${ENTER}`);
    await term.waitFor('Ctrl+C stops it');
    term.press('sim clock');
    await term.waitFor('sandbox› sim clock');
    term.press(CTRL_C);
    await term.waitFor('(Interrupted) stopped by the learner: load 1: 18000000 requests at 5000/s for 1h sent');
    term.press(ENTER);
    await term.waitFor('$ sim clock');
    term.press(CTRL_C);
    expect(await term.exited()).toBe(0);
  });
});
