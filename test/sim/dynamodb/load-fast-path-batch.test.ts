// Proves that `sim load`'s batch form (the engine handing a run of one load's requests to the fast
// path's `runBatch`, and its quiet loops, load-quiet-batch.ts) changes nothing observable. Method: random loads run twice from the same seed,
// once with the default sandbox (batches where the engine allows them) and once on the slow path
// (`slowPathCommandTable()`: no fast path, so no batch, every request through `spec.run`); answers,
// traces and world snapshots must be identical. The loads cover rates up to 2,000/s, hot and spread
// keys, keys built fresh per request ({{n}} in the key) and composite keys, items over 1 KB and 4 KB,
// PutItem and GetItem, provisioned tables that throttle (with and without banked burst credit,
// DDB-07) and on-demand tables, a table with a stream or TTL sweeps due during the load (world timers
// between requests), a partition index built by a Query first, a global-table replica, a GSI (no fast
// path), and background loads running at the same time (same or another table, with or without
// retries, started in step or offset). A counting wrapper shows that batches really ran.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxLine, slowPathCommandTable, type CommandTable, type SandboxSession } from '../../../src/sim/index.js';

interface Scenario {
  readonly seed: number;
  readonly isProvisioned: boolean;
  readonly units: number;
  readonly operation: 'put' | 'get';
  readonly keyText: string;
  readonly hasSortKey: boolean;
  readonly padBytes: number;
  readonly rate: number;
  readonly seconds: number;
  /** Idle seconds before the load: DDB-07 banks them as burst credit. */
  readonly idleSeconds: number;
  readonly hasStream: boolean;
  readonly hasTtl: boolean;
  /** Something that makes a listener watch the table (or, for a GSI, keeps the fast path off). */
  readonly extra: 'none' | 'query-first' | 'global-table' | 'gsi';
  /** `same-keys`: the same table and key text as the foreground load, with bigger items (both loads' batches write the same keys). */
  readonly background: 'none' | 'same-table' | 'same-keys' | 'other-table' | 'with-retries';
  /** Milliseconds between the background load's start and the foreground load's. */
  readonly offsetMs: number;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  seed: fc.integer({ min: 1, max: 10_000 }),
  isProvisioned: fc.boolean(),
  units: fc.constantFrom(1, 5, 300, 800),
  operation: fc.constantFrom('put' as const, 'get' as const),
  keyText: fc.constantFrom('hot', 'k{{rand 2}}', 'user{{rand 1000}}', 'k{{n}}', 'a{{rand 3}}-{{n}}'),
  hasSortKey: fc.boolean(),
  padBytes: fc.constantFrom(0, 0, 900, 5_000),
  rate: fc.constantFrom(1, 3, 7, 40, 333, 1_000, 2_000),
  seconds: fc.integer({ min: 1, max: 3 }),
  idleSeconds: fc.constantFrom(0, 0, 2),
  hasStream: fc.boolean(),
  hasTtl: fc.boolean(),
  extra: fc.constantFrom('none' as const, 'none' as const, 'query-first' as const, 'global-table' as const, 'gsi' as const),
  background: fc.constantFrom('none' as const, 'same-table' as const, 'same-keys' as const, 'other-table' as const, 'with-retries' as const),
  offsetMs: fc.constantFrom(0, 1, 250, 999),
});

function createLine(s: Scenario, name: string): string {
  const billing = s.isProvisioned ? `--billing-mode PROVISIONED --provisioned-throughput ReadCapacityUnits=${s.units},WriteCapacityUnits=${s.units}` : '--billing-mode PAY_PER_REQUEST';
  const hasStream = s.hasStream || s.extra === 'global-table'; // DDB-21: replicas need a stream
  const stream = hasStream ? ' --stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES' : '';
  const keys = s.hasSortKey ? 'AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE' : 'AttributeName=pk,KeyType=HASH';
  const types = `AttributeName=pk,AttributeType=S${s.hasSortKey ? ' AttributeName=sk,AttributeType=N' : ''}${s.extra === 'gsi' ? ' AttributeName=n,AttributeType=N' : ''}`;
  const throughput = s.isProvisioned ? `,ProvisionedThroughput={ReadCapacityUnits=${s.units},WriteCapacityUnits=${s.units}}` : '';
  const gsi = s.extra === 'gsi' ? ` --global-secondary-indexes 'IndexName=byN,KeySchema=[{AttributeName=n,KeyType=HASH}],Projection={ProjectionType=ALL}${throughput}'` : '';
  return `aws dynamodb create-table --table-name ${name} --attribute-definitions ${types} --key-schema ${keys} ${billing}${stream}${gsi}`;
}

/** The item or key of the scenario's table (the background load's key text differs). */
function keyJson(s: Scenario, keyText: string): string {
  return `"pk":{"S":"${keyText}"}${s.hasSortKey ? ',"sk":{"N":"{{rand 3}}"}' : ''}`;
}

function setupLines(s: Scenario): string[] {
  const lines = [createLine(s, 'Tbl'), createLine(s, 'Other')];
  if (s.hasTtl) {
    // Items already expired (DDB-19): their sweep deletions are world timers due while the load runs.
    lines.push('aws dynamodb update-time-to-live --table-name Tbl --time-to-live-specification Enabled=true,AttributeName=exp');
    for (const pk of ['hot', 'k1', 'user7', 'gone']) lines.push(`aws dynamodb put-item --table-name Tbl --item '{${keyJson(s, pk).replace('{{rand 3}}', '1')},"exp":{"N":"1"}}'`, 'sim clock advance 1s');
  }
  if (s.extra === 'query-first') lines.push(`aws dynamodb query --table-name Tbl --key-condition-expression 'pk = :p' --expression-attribute-values '{":p":{"S":"hot"}}'`);
  if (s.extra === 'global-table') lines.push(`aws dynamodb update-table --table-name Tbl --replica-updates '[{"Create":{"RegionName":"eu-west-1"}}]'`);
  if (s.idleSeconds > 0) lines.push(`sim clock advance ${s.idleSeconds}s`);
  return lines;
}

function awsLine(s: Scenario, operation: Scenario['operation'], table: string, keyText: string): string {
  const pad = s.padBytes > 0 ? `,"pad":{"S":"${'x'.repeat(s.padBytes)}"}` : '';
  if (operation === 'put') return `aws dynamodb put-item --table-name ${table} --item '{${keyJson(s, keyText)},"n":{"N":"{{n}}"}${pad}}'`;
  return `aws dynamodb get-item --table-name ${table} --key '{${keyJson(s, keyText)}}'`;
}

function backgroundLines(s: Scenario): string[] {
  if (s.background === 'none') return [];
  const table = s.background === 'other-table' ? 'Other' : 'Tbl';
  const retries = s.background === 'with-retries' ? ' --retries 2' : '';
  const command = s.background === 'same-keys' ? awsLine({ ...s, padBytes: 1_500 }, 'put', table, s.keyText) : awsLine(s, 'put', table, 'b{{rand 5}}');
  // At the same rate over 1,000/s (two requests per millisecond), both loads run batches of two in turn.
  const rate = s.background === 'same-keys' ? s.rate : 37;
  const load = `sim load --rate ${rate}/s --for ${s.seconds + 1}s --background${retries} -- ${command}`;
  return s.offsetMs > 0 ? [load, `sim clock advance ${s.offsetMs}ms`] : [load];
}

const loadLine = (s: Scenario): string => `sim load --rate ${s.rate}/s --for ${s.seconds}s -- ${awsLine(s, s.operation, 'Tbl', s.keyText)}`;

/** Runs the scenario; returns the foreground load's answer. */
function run(s: Scenario, table: CommandTable): { session: SandboxSession; output: unknown } {
  const session = createSandbox({ seed: s.seed, table });
  for (const line of [...setupLines(s), ...backgroundLines(s)]) expect(runSandboxLine(session, line).ok).toBe(true);
  const output = runSandboxLine(session, loadLine(s)).output;
  runSandboxLine(session, `sim clock advance ${s.seconds + 2}s`); // let the background load finish
  return { session, output };
}

/** The default table, its DynamoDB fast path wrapped to count the requests that ran in batches. */
function countingTable(): { table: CommandTable; batched: () => number } {
  const table = createSandbox().table;
  let batched = 0;
  const loadMeters = table.loadMeters.map((meter) => {
    const prepare = meter.prepare;
    if (prepare === undefined) return meter;
    return {
      ...meter,
      prepare: (...args: Parameters<typeof prepare>) => {
        const prepared = prepare(...args);
        const runBatch = prepared?.runBatch;
        if (prepared === undefined || runBatch === undefined) return prepared;
        const counted: typeof runBatch = (world, batch) => {
          const ran = runBatch(world, batch);
          batched += ran;
          return ran;
        };
        return { ...prepared, runBatch: counted };
      },
    };
  });
  return { table: { ...table, loadMeters }, batched: () => batched };
}

/** Runs `s` batched and on the slow path; expects identical answers, traces and snapshots. */
function expectSameAsSlowPath(s: Scenario, counting = countingTable()): unknown {
  const fast = run(s, counting.table);
  const slow = run(s, slowPathCommandTable());
  expect(fast.output).toEqual(slow.output);
  expect(fast.session.world.trace.all()).toEqual(slow.session.world.trace.all());
  expect(fast.session.world.snapshot()).toEqual(slow.session.world.snapshot());
  return fast.output;
}

describe('sim load: the batch form', () => {
  it('gives the same answers, trace and world as the slow path, for random loads', () => {
    const counting = countingTable();
    fc.assert(
      fc.property(scenarioArb, (s) => {
        expectSameAsSlowPath(s, counting);
      }),
      { numRuns: 50 },
    );
    expect(counting.batched()).toBeGreaterThan(0);
  });

  it('batches the bench table (1,000 writes/s on 800 WCU, DDB-07) and throttles exactly as the slow path', () => {
    const s: Scenario = { seed: 3, isProvisioned: true, units: 800, operation: 'put', keyText: 'user{{rand 1000}}', hasSortKey: false, padBytes: 0, rate: 1_000, seconds: 5, idleSeconds: 0, hasStream: false, hasTtl: false, extra: 'none', background: 'none', offsetMs: 0 };
    const counting = countingTable();
    const output = expectSameAsSlowPath(s, counting);
    expect(output).toMatchObject({ totals: { requests: 5_000, succeeded: 4_000, throttled: 1_000, consumedCapacityUnits: 4_000 } });
    // Nothing else is scheduled: each second's 1,000 requests run as one batch.
    expect(counting.batched()).toBe(5_000);
  });

  it('two loads writing the same keys in alternating batches see each other’s items (sizes, units, DDB-02)', () => {
    const s: Scenario = { seed: 4, isProvisioned: false, units: 1, operation: 'put', keyText: 'k{{rand 2}}', hasSortKey: false, padBytes: 0, rate: 2_000, seconds: 1, idleSeconds: 0, hasStream: false, hasTtl: false, extra: 'none', background: 'same-keys', offsetMs: 0 };
    const counting = countingTable();
    expect(expectSameAsSlowPath(s, counting)).toMatchObject({ totals: { requests: 2_000 } });
    expect(counting.batched()).toBeGreaterThan(2_000); // both loads ran batches
  });

  it('interleaves with a background load exactly, a hot key throttling on its key range (DDB-08)', () => {
    const s: Scenario = { seed: 9, isProvisioned: true, units: 800, operation: 'put', keyText: 'hot', hasSortKey: false, padBytes: 0, rate: 2_000, seconds: 2, idleSeconds: 2, hasStream: true, hasTtl: true, extra: 'none', background: 'same-table', offsetMs: 250 };
    const counting = countingTable();
    expectSameAsSlowPath(s, counting);
    expect(counting.batched()).toBeGreaterThan(0);
  });
});
