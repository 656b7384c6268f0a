// Progress store: time to record one attempt (a real `update` on disk: lock, journal append, fdatasync)
// with 1k, 10k and 100k attempts already stored. Every 256th write also folds the journal into the
// snapshot; the median hides that, so the mean (which includes it) and p95 are printed too.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleForNode } from '../../scripts/bundle-for-node.mjs';
import { ROOT, median } from '../lib.mjs';

const SIZES = [1_000, 10_000, 100_000];
const WRITES_PER_SIZE = 600;
const ITEM_IDS = 2_000;

/** Bundles src/progress (the build's chunks have hashed names, so the bench builds its own). */
async function loadStore(workDir) {
  const outfile = path.join(workDir, 'progress-store.mjs');
  await bundleForNode(path.join(ROOT, 'src/progress/index.ts'), outfile);
  return import(outfile);
}

/** A snapshot holding `count` attempts on ITEM_IDS questions, written straight to disk. */
function seed(store, dir, count) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const data = store.emptyProgress();
  data.items = Array.from({ length: ITEM_IDS }, (_, i) => `q:bench-question-${String(i).padStart(4, '0')}`);
  const startMs = Date.UTC(2026, 0, 1);
  data.attempts = Array.from({ length: count }, (_, i) => [i % ITEM_IDS, 'B', i % 3 === 0 ? 0 : 1, 4_000 + (i % 9_000), startMs + i * 60_000]);
  writeFileSync(path.join(dir, 'progress.json'), JSON.stringify(data), { mode: 0o600 });
  return statSync(path.join(dir, 'progress.json')).size;
}

export default async function progress() {
  const workDir = mkdtempSync(path.join(tmpdir(), 'trainer-bench-'));
  try {
    const store = await loadStore(workDir);
    // Warm-up on a throwaway store, so the first size does not pay for JIT compilation.
    seed(store, path.join(workDir, 'warm-up'), 100);
    await measure(store, path.join(workDir, 'warm-up'), 100, 0);
    const rows = [];
    for (const size of SIZES) {
      const dir = path.join(workDir, `store-${size}`);
      const bytes = seed(store, dir, size);
      rows.push(await measure(store, dir, size, bytes));
    }
    return rows;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function measure(store, dir, size, snapshotBytes) {
  const repo = store.createLowdbRepository(dir);
  const times = [];
  for (let i = 0; i < WRITES_PER_SIZE; i++) {
    const change = { type: 'record-attempt', attempt: { itemId: `q:bench-question-${String(i % ITEM_IDS).padStart(4, '0')}`, answer: 'C', isCorrect: true, durationMs: 5_000, atMs: Date.now() } };
    const started = performance.now();
    const result = await repo.update(change);
    times.push(performance.now() - started);
    if (!result.ok) throw new Error(result.problem.message);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    'attempts stored': size.toLocaleString('en'),
    'snapshot MiB': (snapshotBytes / 1024 / 1024).toFixed(2),
    'median ms per attempt': median(times).toFixed(2),
    'p95 ms': sorted[Math.floor(sorted.length * 0.95)].toFixed(2),
    'mean ms (incl. compaction)': (times.reduce((a, b) => a + b, 0) / times.length).toFixed(2),
    'max ms': sorted[sorted.length - 1].toFixed(0),
  };
}
