// Proves `trainer run ID` in a real terminal: it says plainly that the interactive runner comes with
// the shell, runs plain mode with a `> ` prompt, reads answers and commands typed by a person, and
// exits 0 at the end. Drives the built bin/trainer.js in node-pty (npm test builds first).
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startTrainer, type RunningTerminal } from '../helpers/pty.js';
import { makeTempDir } from '../helpers/temp-dir.js';

let running: RunningTerminal | undefined;
afterEach(() => running?.kill());

it('runs a scenario in plain mode in a terminal, announcing that the interactive runner comes later', async () => {
  const home = makeTempDir();
  mkdirSync(path.join(home, 'scenarios'));
  copyFileSync(path.resolve(import.meta.dirname, '../fixtures/scenarios/good/tiny.yaml'), path.join(home, 'scenarios/tiny.yaml'));
  running = startTrainer({ args: ['run', 'fixture/tiny'], env: { TRAINER_HOME: home }, cols: 200, rows: 60 });
  const term = running;
  await term.waitFor('comes with the shell');
  await term.waitFor('How many items?');
  term.press('b\r');
  await term.waitFor('Right: b) 2');
  await term.waitFor('Is item a still there?');
  term.press('a\r');
  await term.waitFor('Task: Make it three items.');
  term.press(`aws dynamodb put-item --table-name Tiny --item '{"id":{"S":"c"}}'\r`);
  await term.waitFor('Predictions right: 2 of 2.');
  expect(await term.exited()).toBe(0);
});
