// Helpers shared by bench cases: repeated runs, medians, and a printed table. Benchmarks print
// figures and ratios; they assert nothing (the machine is shared and noisy).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const LAUNCHER = fileURLToPath(new URL('../bin/trainer.js', import.meta.url));
const RSS_PRELOAD = fileURLToPath(new URL('./report-max-rss.mjs', import.meta.url));

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs `node ...args` to completion and returns its wall time (ms) and peak resident memory (MiB), the
 * latter reported by the child itself through a preload (process.resourceUsage().maxRSS).
 */
export function timeNode(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', RSS_PRELOAD, ...args], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
      env: { ...process.env, CI: 'true' },
    });
    let report = '';
    child.stdio[3].on('data', (chunk) => (report += chunk));
    child.on('error', reject);
    child.on('close', () => resolve({ wallMs: performance.now() - started, rssMiB: Number(report) / 1024 }));
  });
}

/** Alternates the measured command with the baseline in one loop, so both see the same machine load. */
export async function paired(runs, baseline, measured) {
  const base = [];
  const subject = [];
  for (let i = 0; i < runs; i++) {
    base.push(await baseline());
    subject.push(await measured());
  }
  return { base, subject };
}

export function formatTable(rows) {
  const headers = Object.keys(rows[0]);
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => String(r[h]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(headers.map((h) => r[h])))].join('\n');
}

/**
 * Bundles a bench entry (a path relative to bench/cases/) to `dir/name.mjs` with esbuild and imports it.
 * Some CommonJS dependencies (yaml) call require(): the ESM bundle gets one, as scripts/build.mjs does.
 */
export async function bundleAndImport(dir, entry, name) {
  const { build } = await import('esbuild');
  const { pathToFileURL } = await import('node:url');
  const outfile = `${dir}/${name}.mjs`;
  const banner = { js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);" };
  await build({ entryPoints: [fileURLToPath(new URL(entry, new URL('./cases/', import.meta.url)))], outfile, bundle: true, format: 'esm', platform: 'node', logLevel: 'warning', banner });
  return import(pathToFileURL(outfile).href);
}
