// Bench subject: one hour of virtual traffic at 1,000 requests/s through `sim load`, against a fake
// provisioned-style operation (a per-second write budget, one trace event per request), so the figure
// measures the sandbox's load engine: template fill, the operation call, the fold into seconds.
import { awsError, buildCommandTable, BUILT_IN_SIM_COMMANDS, createSandbox, fail, ok, runSandboxLine, type OperationSpec } from '../../src/sim/index.js';

const WRITES_PER_SECOND = 800;
let second = -1;
let used = 0;
const FAKE_PUT: OperationSpec = {
  service: 'bench',
  command: 'put-item',
  operation: 'PutItem',
  summary: 'A fake write with a per-second budget.',
  params: [
    { flag: '--table-name', member: 'TableName', type: 'string', required: true, description: 'The table.' },
    { flag: '--item', member: 'Item', type: 'json', required: true, description: 'The item.' },
  ],
  run: (world, request) => {
    const now = Math.floor(world.nowMs / 1000);
    if (now !== second) [second, used] = [now, 0];
    if (used >= WRITES_PER_SECOND) {
      world.record({ service: 'bench', operation: 'PutItem', outcome: 'ProvisionedThroughputExceededException', detail: { TableName: request['TableName'] } });
      return fail(awsError('ProvisionedThroughputExceededException', 400, 'throttled', { retryable: true }));
    }
    used++;
    world.record({ service: 'bench', operation: 'PutItem', outcome: 'ok', detail: { ConsumedCapacity: { TableName: request['TableName'], CapacityUnits: 1 } } });
    return ok({});
  },
};

/** Items with two placeholders (a spread key and the request number), or one fixed item. */
const ITEMS = {
  placeholders: `'{"pk":{"S":"user{{rand 1000}}"},"n":{"N":"{{n}}"}}'`,
  fixed: `'{"pk":{"S":"user1"},"n":{"N":"1"}}'`,
};

export function runBench(kind: keyof typeof ITEMS): { wallMs: number; requests: number; throttled: number; traceLength: number } {
  const session = createSandbox({ table: buildCommandTable({ operations: [FAKE_PUT], simCommands: BUILT_IN_SIM_COMMANDS }) });
  const line = `sim load --rate 1000/s --for 1h -- aws bench put-item --table-name Orders --item ${ITEMS[kind]}`;
  const started = performance.now();
  const report = runSandboxLine(session, line);
  const wallMs = performance.now() - started;
  const totals = (report.output as { totals: { requests: number; throttled: number } }).totals;
  return { wallMs, requests: totals.requests, throttled: totals.throttled, traceLength: session.world.trace.length };
}
