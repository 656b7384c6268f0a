// Proves the store across real processes: two trainers recording at once lose nothing (2 × 500 attempts
// → 1,000), and a writer killed with SIGKILL at seeded random moments, 200 times, always leaves a file
// that parses and holds every attempt whose write had returned. The child is the real store bundled by
// esbuild, so the test does not depend on a previous build.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLowdbRepository, type ProgressData } from '../../src/progress/index.js';
import { bundleForNode } from '../../scripts/bundle-for-node.mjs';
import { makeTempDir } from '../helpers/temp-dir.js';

let bundleDir = '';
let childScript = '';

beforeAll(async () => {
  bundleDir = mkdtempSync(path.join(tmpdir(), 'trainer-child-'));
  childScript = path.join(bundleDir, 'progress-writer-child.mjs');
  await bundleForNode(new URL('../helpers/progress-writer-child.ts', import.meta.url).pathname, childScript);
});

// The bundle lives for the whole file (makeTempDir cleans up after each test).
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

interface Child {
  readonly reported: number[];
  /** Resolves with the exit code (or the signal's name). */
  readonly exited: Promise<number | string>;
  kill(): void;
  /** Resolves once the child has reported `count` writes. */
  waitForReports(count: number): Promise<void>;
}

function startWriter(dir: string, label: string, count: number, compactAfterLines: number): Child {
  const child = spawn(process.execPath, [childScript, dir, label, '0', String(count), String(compactAfterLines)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const reported: number[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let buffered = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) reported.push(Number(line));
    for (const waiter of waiters.filter((w) => reported.length >= w.count)) waiter.resolve();
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on('close', (code, signal) => {
      if (code !== 0 && signal === null) process.stderr.write(stderr);
      for (const waiter of waiters) waiter.resolve();
      resolve(code ?? signal ?? 'unknown');
    });
  });
  return {
    reported,
    exited,
    kill: () => child.kill('SIGKILL'),
    waitForReports: (n) => new Promise((resolve) => (reported.length >= n ? resolve() : waiters.push({ count: n, resolve }))),
  };
}

async function loadAll(dir: string): Promise<ProgressData> {
  const result = await createLowdbRepository(dir).load();
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
}

/** mulberry32: a tiny seeded generator, so the kill moments are random but the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the progress store across processes', () => {
  it('loses nothing when two processes each record 500 attempts at the same time', async () => {
    const dir = makeTempDir();
    const writers = [startWriter(dir, 'left', 500, 256), startWriter(dir, 'right', 500, 256)];
    expect(await Promise.all(writers.map((writer) => writer.exited))).toEqual([0, 0]);
    const data = await loadAll(dir);
    expect(data.attempts).toHaveLength(1_000);
    const expected = ['left', 'right'].flatMap((label) => Array.from({ length: 500 }, (_, i) => `${label}:${i}`));
    expect(new Set(data.items)).toEqual(new Set(expected));
  }, 120_000);

  it('keeps every returned write and a parseable file through 200 SIGKILLs at random moments', async () => {
    const dir = makeTempDir();
    const random = seededRandom(20261124);
    const lastReported: number[] = [];
    for (let run = 0; run < 200; run++) {
      const writer = startWriter(dir, `run${run}`, 1_000_000, 8);
      await writer.waitForReports(1 + Math.floor(random() * 12));
      writer.kill();
      expect(await writer.exited).toBe('SIGKILL');
      lastReported.push(writer.reported[writer.reported.length - 1] ?? -1);
      // Whatever moment the kill hit, the snapshot on disk is a whole file.
      expect(() => JSON.parse(readFileSync(path.join(dir, 'progress.json'), 'utf8')) as unknown).not.toThrow();
    }
    const stored = new Set((await loadAll(dir)).items);
    const missing = lastReported.flatMap((last, run) => Array.from({ length: last + 1 }, (_, i) => `run${run}:${i}`).filter((id) => !stored.has(id)));
    expect(missing).toEqual([]);
  }, 300_000);
});
