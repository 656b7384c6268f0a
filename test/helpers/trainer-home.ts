// TRAINER_HOME folders for tests that run the built trainer: one holding the tiny fixture scenario as
// the learner's own pack, and `trainer progress` read from one.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { LAUNCHER } from './pty.js';
import { makeTempDir } from './temp-dir.js';

/** A TRAINER_HOME holding the tiny fixture (`fixture/tiny`) as the learner's own pack. */
export function homeWithTiny(): string {
  const home = makeTempDir();
  mkdirSync(path.join(home, 'scenarios'));
  copyFileSync(path.resolve(import.meta.dirname, '../fixtures/scenarios/good/tiny.yaml'), path.join(home, 'scenarios/tiny.yaml'));
  return home;
}

/** What `trainer progress` prints for `home`. */
export function progressText(home: string): string {
  return execFileSync(process.execPath, [LAUNCHER, 'progress'], { env: { ...process.env, TRAINER_HOME: home }, encoding: 'utf8' });
}
