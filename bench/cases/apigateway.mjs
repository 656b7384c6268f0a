// API Gateway's per-request path: simulated requests per wall-clock second through the REST pipeline
// (route, throttle, the real Lambda TOKEN authorizer, Lambda proxy integration), with the authorizer's
// result cache on (TTL 300 s) and off (TTL 0). Bundled on the fly with esbuild and run in this process.
// Figures only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleAndImport, median } from '../lib.mjs';

const REQUESTS = 100_000;

export default async function run({ runs }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'trainer-bench-'));
  const { runBench } = await bundleAndImport(dir, '../apigateway/request-entry.ts', 'apigateway-entry');
  const rows = [];
  for (const cacheOn of [false, true]) {
    runBench(10_000, cacheOn); // warm-up
    const results = Array.from({ length: Math.max(1, Math.min(runs, 3)) }, () => runBench(REQUESTS, cacheOn));
    const wallMs = median(results.map((r) => r.wallMs));
    const label = cacheOn ? 'authorizer cache on' : 'authorizer cache off';
    rows.push(
      { figure: `${label}: requests (statuses)`, value: `${REQUESTS.toLocaleString('en')} (${JSON.stringify(results[0].statusCounts)})` },
      { figure: `${label}: Lambda invocations`, value: results[0].lambdaInvokes.toLocaleString('en') },
      { figure: `${label}: requests per wall second`, value: Math.round((REQUESTS / wallMs) * 1000).toLocaleString('en') },
    );
  }
  rmSync(dir, { recursive: true, force: true });
  return rows;
}
