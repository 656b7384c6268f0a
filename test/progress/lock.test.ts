// Proves the lock's recovery rule on real files: a lock whose holder has died (every other waiting
// process on this host is gone) is removed at once, but never while another live process, or one on
// another host, might hold it; and one process's own overlapping updates take turns without deadlock.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createLowdbRepository, progressPaths } from '../../src/progress/index.js';
import { takeOverFromDeadHolder } from '../../src/progress/lock.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { attempt, T0_MS } from './fixtures.js';

/** The pid of a process that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid ?? 0;
}

function lockedBy(host: string, pid: number) {
  const paths = progressPaths(makeTempDir());
  mkdirSync(paths.lock);
  writeFileSync(`${paths.lock}-waiting.${host}.${pid}`, '');
  return paths;
}

describe('the progress lock', () => {
  it('removes a lock whose holder has died, and its waiting file', async () => {
    const pid = deadPid();
    const paths = lockedBy(hostname(), pid);
    await takeOverFromDeadHolder(paths);
    expect(existsSync(paths.lock)).toBe(false);
    expect(existsSync(`${paths.lock}-waiting.${hostname()}.${pid}`)).toBe(false);
  });

  it('leaves the lock while another live process is waiting for or holding it', async () => {
    const paths = lockedBy(hostname(), process.ppid);
    await takeOverFromDeadHolder(paths);
    expect(existsSync(paths.lock)).toBe(true);
  });

  it('leaves the lock when a process on another host may hold it (the folder is shared)', async () => {
    const paths = lockedBy('some-other-host', deadPid());
    await takeOverFromDeadHolder(paths);
    expect(existsSync(paths.lock)).toBe(true);
  });

  it('records updates made at the same time from one process, in turn', async () => {
    const repo = createLowdbRepository(makeTempDir(), { compactAfterLines: 5 });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => repo.update(attempt(`q:${i}`, T0_MS + i))));
    expect(results.every((result) => result.ok)).toBe(true);
    const loaded = await repo.load();
    expect(loaded.ok && loaded.value.items.length).toBe(40);
  });
});
