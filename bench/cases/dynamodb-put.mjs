// The DynamoDB core's per-request path: one virtual hour of PutItem at 1,000/s (3.6 million requests,
// 800 WCU provisioned so a fifth are throttled), bundled on the fly with esbuild and run in this process.
// Figures only; the sandbox-load case measures the same through `sim load`.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from '../lib.mjs';

export default async function run({ runs }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'trainer-bench-'));
  const outfile = path.join(dir, 'put-entry.mjs');
  await build({ entryPoints: [new URL('../dynamodb/put-entry.ts', import.meta.url).pathname], outfile, bundle: true, format: 'esm', platform: 'node', logLevel: 'warning' });
  const { runBench } = await import(pathToFileURL(outfile).href);
  runBench(100_000); // warm-up
  const results = Array.from({ length: Math.max(1, Math.min(runs, 3)) }, () => runBench());
  const wallMs = median(results.map((r) => r.wallMs));
  const { requests, throttled, consumedUnits } = results[0];
  rmSync(dir, { recursive: true, force: true });
  return [
    { figure: 'PutItem requests (throttled)', value: `${requests.toLocaleString('en')} (${throttled.toLocaleString('en')})` },
    { figure: 'write units consumed', value: consumedUnits.toLocaleString('en') },
    { figure: 'wall time (median)', value: `${wallMs.toFixed(0)} ms` },
    { figure: 'requests per wall second', value: Math.round((requests / wallMs) * 1000).toLocaleString('en') },
  ];
}
