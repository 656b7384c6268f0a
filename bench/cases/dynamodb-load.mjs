// The DynamoDB bench target (issue 4): one virtual hour at 1,000 PutItem requests/s through `sim load`
// on a provisioned table of 800 WCU (3.6 million requests, a fifth throttled), in simulated requests per
// wall-clock second, and its ratio to a plain JavaScript token-bucket loop doing the same capacity
// arithmetic. The same load also runs with the fast path off (every request through `spec.run`, the
// reference) for a before/after on the same machine state, and the load engine alone against a fake
// operation, for attribution. Each figure is the median of several runs, bundled on the fly with
// esbuild and run in this process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tokenBucketLoop } from '../dynamodb/token-bucket-loop.mjs';
import { bundleAndImport, median } from '../lib.mjs';

const bundle = bundleAndImport;

const perSecond = (requests, wallMs) => Math.round((requests / wallMs) * 1000);
const count = (n) => n.toLocaleString('en');

export default async function run({ runs }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'trainer-bench-'));
  const simulator = await bundle(dir, '../dynamodb/load-entry.ts', 'dynamodb-load');
  const engine = await bundle(dir, '../sandbox/load-entry.ts', 'engine-load');
  rmSync(dir, { recursive: true, force: true });
  const times = Math.max(1, Math.min(runs, 5)); // an hour of load is seconds per run
  simulator.runBench('5m'); // warm-up
  tokenBucketLoop();
  engine.runBench('placeholders');
  const sim = Array.from({ length: times }, () => simulator.runBench('1h'));
  const slow = Array.from({ length: times }, () => simulator.runBench('1h', 'slow'));
  const loop = Array.from({ length: times }, () => tokenBucketLoop());
  const fake = Array.from({ length: times }, () => engine.runBench('placeholders'));
  const simMs = median(sim.map((r) => r.wallMs));
  const loopMs = median(loop.map((r) => r.wallMs));
  const fakeMs = median(fake.map((r) => r.wallMs));
  const slowMs = median(slow.map((r) => r.wallMs));
  const { requests, throttled, consumedCapacityUnits } = sim[0];
  return [
    { figure: 'sim load: PutItem requests (throttled)', value: `${count(requests)} (${count(throttled)})` },
    { figure: 'sim load: write units consumed', value: count(consumedCapacityUnits) },
    { figure: 'sim load: wall time (median)', value: `${simMs.toFixed(0)} ms` },
    { figure: 'sim load: CPU time (median; steadier on a busy machine)', value: `${median(sim.map((r) => r.cpuMs)).toFixed(0)} ms` },
    { figure: 'sim load: simulated requests per wall second', value: count(perSecond(requests, simMs)) },
    { figure: 'token-bucket loop: requests (throttled)', value: `${count(loop[0].requests)} (${count(loop[0].throttled)})` },
    { figure: 'token-bucket loop: requests per wall second', value: count(perSecond(loop[0].requests, loopMs)) },
    { figure: 'ratio sim load / plain loop (wall time)', value: `${(simMs / loopMs).toFixed(0)}×` },
    { figure: 'ratio sim load / plain loop (CPU time)', value: `${(median(sim.map((r) => r.cpuMs)) / median(loop.map((r) => r.cpuMs))).toFixed(0)}×` },
    { figure: 'same load, slow path (fast path off): wall time (median)', value: `${slowMs.toFixed(0)} ms` },
    { figure: 'same load, slow path: CPU time (median)', value: `${median(slow.map((r) => r.cpuMs)).toFixed(0)} ms` },
    { figure: 'ratio slow path / fast path (wall time)', value: `${(slowMs / simMs).toFixed(2)}×` },
    { figure: 'load engine alone (fake op): wall time (median)', value: `${fakeMs.toFixed(0)} ms` },
    { figure: 'runs per figure', value: String(times) },
  ];
}
