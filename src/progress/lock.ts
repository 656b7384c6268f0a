// One writer at a time across processes: proper-lockfile's lock directory (mkdir is atomic), held around
// every read-modify-write of the store. Two additions, because the trainer is killed in real life
// (a closed terminal, kill -9) and waiting 10 s for proper-lockfile's staleness rule each time is poor:
// - the holder notes `host pid` in a sidecar file; a waiter on the same host whose holder process no
//   longer exists removes the lock at once, under a small guard directory so two waiters cannot both
//   remove it (the second would remove the first one's fresh lock);
// - everything else (another host, no note yet) falls back to proper-lockfile's mtime staleness.
import { hostname } from 'node:os';
import { mkdir, readFile, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import lockfile from 'proper-lockfile';
import { ensureDir } from './files.js';
import type { ProgressPaths } from './paths.js';

/** A lock not refreshed for this long is stale (proper-lockfile checks the lock directory's mtime). */
const STALE_MS = 10_000;
/** A takeover guard older than this was left by a process killed mid-takeover (it takes microseconds). */
const GUARD_STALE_MS = 5_000;
/** How long to wait for the lock before giving up with a message. */
export const LOCK_WAIT_LIMIT_MS = 30_000;

export type LockResult<T> = { readonly isLocked: false; readonly holder: string } | { readonly isLocked: true; readonly value: T };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(paths: ProgressPaths): Promise<{ host: string; pid: number } | undefined> {
  const text = await readFile(paths.lockOwner, 'utf8').catch(() => undefined);
  const [host, pidText] = (text ?? '').split('\n');
  const pid = Number(pidText);
  return host === undefined || host === '' || !Number.isInteger(pid) || pid <= 0 ? undefined : { host, pid };
}

function ownerIsGone(owner: { host: string; pid: number } | undefined): boolean {
  return owner !== undefined && owner.host === hostname() && !isAlive(owner.pid);
}

/** Removes the lock of a holder that died, if that is what the note says. Safe with many waiters. */
async function takeOverFromDeadHolder(paths: ProgressPaths): Promise<void> {
  const owner = await readOwner(paths);
  if (!ownerIsGone(owner)) return;
  const guard = `${paths.lock}.takeover`;
  try {
    await mkdir(guard);
  } catch {
    const guardStat = await stat(guard).catch(() => undefined);
    if (guardStat !== undefined && guardStat.mtimeMs < Date.now() - GUARD_STALE_MS) await rmdir(guard).catch(() => undefined);
    return;
  }
  try {
    const again = await readOwner(paths);
    if (again !== undefined && owner !== undefined && again.pid === owner.pid && ownerIsGone(again)) {
      await unlink(paths.lockOwner).catch(() => undefined);
      await rmdir(paths.lock).catch(() => undefined);
    }
  } finally {
    await rmdir(guard).catch(() => undefined);
  }
}

async function tryLock(paths: ProgressPaths): Promise<(() => Promise<void>) | undefined> {
  try {
    return await lockfile.lock(paths.file, {
      lockfilePath: paths.lock,
      realpath: false,
      stale: STALE_MS,
      retries: 0,
      // Only reachable if the lock was removed under us; the write that follows is still atomic.
      onCompromised: () => undefined,
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') return undefined;
    throw error;
  }
}

const pause = (delayMs: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, delayMs));

/** Runs `work` holding the store's lock; waits (up to LOCK_WAIT_LIMIT_MS) while another process holds it. */
export async function withLock<T>(paths: ProgressPaths, work: () => Promise<T>): Promise<LockResult<T>> {
  await ensureDir(paths.dir);
  const deadlineMs = Date.now() + LOCK_WAIT_LIMIT_MS;
  for (let attempt = 0; ; attempt++) {
    const release = await tryLock(paths);
    if (release !== undefined) {
      try {
        await writeFile(paths.lockOwner, `${hostname()}\n${process.pid}\n`, { mode: 0o600 });
        return { isLocked: true, value: await work() };
      } finally {
        await unlink(paths.lockOwner).catch(() => undefined);
        await release();
      }
    }
    if (Date.now() > deadlineMs) {
      const owner = await readOwner(paths);
      return { isLocked: false, holder: owner === undefined ? 'another process' : `process ${owner.pid} on ${owner.host}` };
    }
    await takeOverFromDeadHolder(paths);
    // Short, growing, jittered pauses: two trainers take turns quickly without spinning.
    await pause(Math.min(1 + attempt, 20) * (0.5 + Math.random()));
  }
}
