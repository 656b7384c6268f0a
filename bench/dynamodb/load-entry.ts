// Bench subject: `sim load --rate 1000/s --for 1h` (3.6 million PutItem requests) against a provisioned
// DynamoDB table of 800 WCU, so a fifth of the requests are throttled: the sandbox's load engine and the
// DynamoDB core together, as a learner runs them.
import { createSandbox, runSandboxLine, slowPathCommandTable } from '../../src/sim/index.js';

const CREATE =
  'aws dynamodb create-table --table-name Orders --attribute-definitions AttributeName=pk,AttributeType=S --key-schema AttributeName=pk,KeyType=HASH ' +
  '--billing-mode PROVISIONED --provisioned-throughput ReadCapacityUnits=100,WriteCapacityUnits=800';
const LOAD = `sim load --rate 1000/s --for 1h -- aws dynamodb put-item --table-name Orders --item '{"pk":{"S":"user{{rand 1000}}"},"n":{"N":"{{n}}"}}'`;

export interface LoadBenchResult {
  readonly wallMs: number;
  /** CPU time of this process during the run (user + system): less disturbed than wall time by other work on the machine. */
  readonly cpuMs: number;
  readonly requests: number;
  readonly throttled: number;
  readonly consumedCapacityUnits: number;
}

export function runBench(duration = '1h', path: 'fast' | 'slow' = 'fast'): LoadBenchResult {
  const session = createSandbox(path === 'fast' ? { seed: 1 } : { seed: 1, table: slowPathCommandTable() });
  const created = runSandboxLine(session, CREATE);
  if (!created.ok) throw new Error(created.text);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const report = runSandboxLine(session, LOAD.replace('--for 1h', `--for ${duration}`));
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  if (!report.ok) throw new Error(report.text);
  const totals = (report.output as { totals: { requests: number; throttled: number; consumedCapacityUnits: number } }).totals;
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1_000, requests: totals.requests, throttled: totals.throttled, consumedCapacityUnits: totals.consumedCapacityUnits };
}
