// The sandbox load engine's throughput: `sim load --rate 1000/s --for 1h` (3.6 million requests) against
// a fake operation, bundled on the fly with esbuild and run in this process. Target (STYLE.md §3.2):
// under 1 s of wall time. The DynamoDB bench swaps the fake for the real PutItem.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from '../lib.mjs';

export default async function run({ runs }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'trainer-bench-'));
  const outfile = path.join(dir, 'load-entry.mjs');
  await build({ entryPoints: [new URL('../sandbox/load-entry.ts', import.meta.url).pathname], outfile, bundle: true, format: 'esm', platform: 'node', logLevel: 'warning' });
  const { runBench } = await import(pathToFileURL(outfile).href);
  runBench(); // warm-up
  const results = Array.from({ length: Math.max(1, Math.min(runs, 5)) }, () => runBench());
  rmSync(dir, { recursive: true, force: true });
  const wallMs = median(results.map((r) => r.wallMs));
  const { requests, throttled, traceLength } = results[0];
  return [
    { figure: 'virtual requests', value: requests.toLocaleString('en') },
    { figure: 'throttled', value: throttled.toLocaleString('en') },
    { figure: 'trace entries', value: traceLength.toLocaleString('en') },
    { figure: 'wall time (median)', value: `${wallMs.toFixed(0)} ms` },
    { figure: 'requests per wall second', value: Math.round((requests / wallMs) * 1000).toLocaleString('en') },
  ];
}
