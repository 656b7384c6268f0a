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
  const rows = [];
  for (const kind of ['placeholders', 'fixed']) {
    runBench(kind); // warm-up
    const results = Array.from({ length: Math.max(1, Math.min(runs, 5)) }, () => runBench(kind));
    const wallMs = median(results.map((r) => r.wallMs));
    const { requests, throttled, traceLength } = results[0];
    const label = kind === 'placeholders' ? 'item with {{rand}} + {{n}}' : 'fixed item';
    rows.push(
      { figure: `${label}: virtual requests (throttled)`, value: `${requests.toLocaleString('en')} (${throttled.toLocaleString('en')})` },
      { figure: `${label}: trace entries`, value: traceLength.toLocaleString('en') },
      { figure: `${label}: wall time (median)`, value: `${wallMs.toFixed(0)} ms` },
      { figure: `${label}: requests per wall second`, value: Math.round((requests / wallMs) * 1000).toLocaleString('en') },
    );
  }
  rmSync(dir, { recursive: true, force: true });
  return rows;
}
