// One writer at a time across processes: proper-lockfile's lock directory (mkdir is atomic), held around
// every read-modify-write of the store, and a promise chain so one process never contends with itself.
//
// A trainer killed while holding the lock (a closed terminal, kill -9) would make the next one wait for
// proper-lockfile's staleness rule (10 s without an mtime refresh). To recover at once, every process
// that wants the lock first creates `progress.lock-waiting.<host>.<pid>` and removes it when done. The
// holder is always one of the processes with such a file, so when the lock exists and every *other*
// process with a file is on this host and no longer running, the holder is dead: the lock is removed,
// under a small guard directory so two waiters cannot both remove it. Anything else (a live process, one
// on another host) falls back to proper-lockfile's staleness rule. See docs/progress.md.
import { hostname } from 'node:os';
import path from 'node:path';
import { mkdir, readdir, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import lockfile from 'proper-lockfile';
import { ensureDir, FILE_MODE } from './files.js';
import type { ProgressPaths } from './paths.js';

/** A lock not refreshed for this long is stale (proper-lockfile checks the lock directory's mtime). */
const STALE_MS = 10_000;
/** A takeover guard older than this was left by a process killed mid-takeover (it takes microseconds). */
const GUARD_STALE_MS = 5_000;
/** How long to wait for the lock before giving up with a message. */
export const LOCK_WAIT_LIMIT_MS = 30_000;

export type LockResult<T> = { readonly isLocked: false; readonly holder: string } | { readonly isLocked: true; readonly value: T };

interface Waiter {
  readonly file: string;
  readonly host: string;
  readonly pid: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function waitingFile(paths: ProgressPaths, host: string, pid: number): string {
  return `${paths.lock}-waiting.${host}.${pid}`;
}

/** Every other process that is waiting for or holding the lock, as their files say. */
async function otherWaiters(paths: ProgressPaths): Promise<Waiter[]> {
  const prefix = `${path.basename(paths.lock)}-waiting.`;
  const names = await readdir(paths.dir).catch(() => [] as string[]);
  return names
    .filter((name) => name.startsWith(prefix))
    .map((name) => {
      const rest = name.slice(prefix.length);
      const dot = rest.lastIndexOf('.');
      return { file: path.join(paths.dir, name), host: rest.slice(0, dot), pid: Number(rest.slice(dot + 1)) };
    })
    .filter((waiter) => !(waiter.host === hostname() && waiter.pid === process.pid));
}

const isGone = (waiter: Waiter): boolean => waiter.host === hostname() && !isAlive(waiter.pid);

async function holderIsDead(paths: ProgressPaths): Promise<boolean> {
  const others = await otherWaiters(paths);
  for (const waiter of others.filter(isGone)) await unlink(waiter.file).catch(() => undefined);
  return others.every(isGone) && (await stat(paths.lock).catch(() => undefined)) !== undefined;
}

/** Removes the lock when its holder has died (see the top of this file). Safe with many waiters. */
export async function takeOverFromDeadHolder(paths: ProgressPaths): Promise<void> {
  if (!(await holderIsDead(paths))) return;
  const guard = `${paths.lock}.takeover`;
  try {
    await mkdir(guard);
  } catch {
    const guardStat = await stat(guard).catch(() => undefined);
    if (guardStat !== undefined && guardStat.mtimeMs < Date.now() - GUARD_STALE_MS) await rmdir(guard).catch(() => undefined);
    return;
  }
  try {
    if (await holderIsDead(paths)) await rmdir(paths.lock).catch(() => undefined);
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

async function lockAcrossProcesses<T>(paths: ProgressPaths, work: () => Promise<T>): Promise<LockResult<T>> {
  await ensureDir(paths.dir);
  const mine = waitingFile(paths, hostname(), process.pid);
  await writeFile(mine, '', { mode: FILE_MODE });
  try {
    const deadlineMs = Date.now() + LOCK_WAIT_LIMIT_MS;
    for (let attempt = 0; ; attempt++) {
      const release = await tryLock(paths);
      if (release !== undefined) {
        try {
          return { isLocked: true, value: await work() };
        } finally {
          await release();
        }
      }
      if (Date.now() > deadlineMs) {
        const alive = (await otherWaiters(paths)).filter((waiter) => !isGone(waiter));
        return { isLocked: false, holder: alive.map((w) => `process ${w.pid} on ${w.host}`).join(', ') || 'another process' };
      }
      await takeOverFromDeadHolder(paths);
      // Short, growing, jittered pauses: two trainers take turns quickly without spinning.
      await pause(Math.min(1 + attempt, 20) * (0.5 + Math.random()));
    }
  } finally {
    await unlink(mine).catch(() => undefined);
  }
}

const chains = new Map<string, Promise<unknown>>();

/** Runs `work` holding the store's lock; waits (up to LOCK_WAIT_LIMIT_MS) while another process holds it. */
export async function withLock<T>(paths: ProgressPaths, work: () => Promise<T>): Promise<LockResult<T>> {
  const previous = chains.get(paths.lock) ?? Promise.resolve();
  const turn = previous.catch(() => undefined).then(() => lockAcrossProcesses(paths, work));
  chains.set(paths.lock, turn);
  try {
    return await turn;
  } finally {
    if (chains.get(paths.lock) === turn) chains.delete(paths.lock);
  }
}
