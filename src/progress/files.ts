// Small file operations with the guarantees the store needs: a write either fully happens or not at all
// (temp file in the same folder, fsync, rename, fsync of the folder), user-only permissions, and moving
// a file aside under a name that says why and when.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/** Creates the folder (and missing parents) readable only by the user. An existing folder is left as is. */
export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `text` to `file` opened with `flag` ('wx' new, 'a' append) and waits until it is on disk. */
export async function writeSynced(file: string, flag: 'wx' | 'a', text: string): Promise<void> {
  const handle = await open(file, flag, FILE_MODE);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replaces `file` with `text` atomically: readers and crashes see the old or the new file, never a mix. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await ensureDir(path.dirname(file));
  // A name unique to this process and call, so two writers never share a temp file (PLATFORM.md, lowdb).
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  await writeSynced(temp, 'wx', text);
  try {
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDir(path.dirname(file));
}

export async function readTextIfExists(file: string): Promise<string | undefined> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (handle === undefined) return undefined;
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** `2026-11-24T23:15:07.123Z` → `20261124T231507123Z`: sortable and safe in a file name everywhere. */
export function fileStamp(timeMs: number): string {
  return new Date(timeMs).toISOString().replace(/[-:.]/g, '');
}

/** Renames `file` to `file.<label>-<stamp>` and returns the new path (or undefined if there was no file). */
export async function moveAside(file: string, label: string, stamp: string): Promise<string | undefined> {
  const target = `${file}.${label}-${stamp}`;
  try {
    await rename(file, target);
    return target;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The newest `file.<label>-*` beside `file`, if any. */
export async function newestAside(file: string, label: string): Promise<string | undefined> {
  const prefix = `${path.basename(file)}.${label}-`;
  const names = await readdir(path.dirname(file)).catch(() => [] as string[]);
  const matches = names.filter((name) => name.startsWith(prefix)).sort();
  const newest = matches[matches.length - 1];
  return newest === undefined ? undefined : path.join(path.dirname(file), newest);
}
