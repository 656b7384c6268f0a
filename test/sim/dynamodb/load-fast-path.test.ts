// Proves that `sim load`'s DynamoDB fast path changes nothing observable. Method: random small loads
// (rates, durations, hot or spread keys, put/get/update, provisioned or on-demand, throttled or not,
// simple or composite keys, with retries) run three ways from the same seed: through the fast path,
// through the slow path (the same sandbox with the fast path switched off: `spec.run` on each filled
// request), and as hand-typed commands one by one (`sim clock advance` to each request's time, then the
// aws line with the placeholders filled from the load's own random stream). The fast and slow runs must
// give identical answers, traces and world snapshots; the hand-typed run the same per-second counts and
// the same final table items. Also pins which templates the fast path compiles, and its refusals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSandbox, dynamodb, RandomStream, runSandboxLine, slowPathCommandTable, type LoadSecond, type SandboxSession } from '../../../src/sim/index.js';
import { placeholdersOf } from '../../../src/sim/cli/load-template.js';
import { THROTTLING_ERRORS } from '../../../src/sim/cli/retry-delay.js';

/** The default sandbox, except that no load meter offers a fast path: every request runs `spec.run`. */
const SLOW_TABLE = slowPathCommandTable();

interface Scenario {
  readonly seed: number;
  readonly isProvisioned: boolean;
  readonly units: number;
  readonly hasSortKey: boolean;
  readonly operation: 'put' | 'get' | 'update';
  readonly keyText: string;
  readonly padBytes: number;
  readonly rate: number;
  readonly seconds: number;
  readonly retries: number;
  readonly prefill: number;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  seed: fc.integer({ min: 1, max: 10_000 }),
  isProvisioned: fc.boolean(),
  units: fc.constantFrom(1, 2, 5, 20),
  hasSortKey: fc.boolean(),
  operation: fc.constantFrom('put' as const, 'get' as const, 'update' as const),
  // Hot (one or two keys) or spread keys; {{n}} gives a new key per request.
  keyText: fc.constantFrom('hot', 'k{{rand 2}}', 'user{{rand 1000}}', 'k{{n}}', 'a{{rand 3}}-{{n}}'),
  padBytes: fc.constantFrom(0, 900, 2_500),
  rate: fc.integer({ min: 1, max: 40 }),
  seconds: fc.integer({ min: 1, max: 3 }),
  retries: fc.constantFrom(0, 0, 2),
  prefill: fc.integer({ min: 0, max: 3 }),
});

function createLine(s: Scenario): string {
  const keys = s.hasSortKey ? 'AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE' : 'AttributeName=pk,KeyType=HASH';
  const types = s.hasSortKey ? 'AttributeName=pk,AttributeType=S AttributeName=sk,AttributeType=N' : 'AttributeName=pk,AttributeType=S';
  const billing = s.isProvisioned ? `--billing-mode PROVISIONED --provisioned-throughput ReadCapacityUnits=${s.units},WriteCapacityUnits=${s.units}` : '--billing-mode PAY_PER_REQUEST';
  return `aws dynamodb create-table --table-name Tbl --attribute-definitions ${types} --key-schema ${keys} ${billing}`;
}

/** The aws command of the load, its placeholders still in. */
function awsLine(s: Scenario): string {
  const key = `"pk":{"S":"${s.keyText}"}${s.hasSortKey ? ',"sk":{"N":"{{rand 3}}"}' : ''}`;
  const pad = s.padBytes > 0 ? `,"pad":{"S":"${'x'.repeat(s.padBytes)}"}` : '';
  if (s.operation === 'put') return `aws dynamodb put-item --table-name Tbl --item '{${key},"n":{"N":"{{n}}"}${pad}}'`;
  if (s.operation === 'get') return `aws dynamodb get-item --table-name Tbl --key '{${key}}'`;
  return `aws dynamodb update-item --table-name Tbl --key '{${key}}' --update-expression 'SET c = :v' --expression-attribute-values '{":v":{"N":"{{n}}"}}'`;
}

function prefillLines(s: Scenario): string[] {
  const sortKey = s.hasSortKey ? ',"sk":{"N":"1"}' : '';
  // A second apart, so even 1 WCU takes them all (DDB-02: 1 KB per unit per second).
  return ['hot', 'k1', 'user7'].slice(0, s.prefill).flatMap((pk) => [`aws dynamodb put-item --table-name Tbl --item '{"pk":{"S":"${pk}"}${sortKey},"n":{"N":"0"}}'`, 'sim clock advance 1s']);
}

function prepared(s: Scenario, table = createSandbox().table): SandboxSession {
  const session = createSandbox({ seed: s.seed, table });
  for (const line of [createLine(s), ...prefillLines(s)]) expect(runSandboxLine(session, line).ok).toBe(true);
  return session;
}

const loadLine = (s: Scenario): string => `sim load --rate ${s.rate}/s --for ${s.seconds}s --retries ${s.retries} -- ${awsLine(s)}`;

function itemsOf(session: SandboxSession): [string, unknown][] {
  return [...(dynamodb.tablesIn(session.world).get('Tbl')?.items ?? new Map())].sort(([a], [b]) => a.localeCompare(b));
}

/** The placeholders of `text` filled in order, drawing from `random` as the load does. */
function fill(text: string, n: number, random: RandomStream): string {
  return text.replace(/\{\{([^}]*)\}\}/g, (_whole, inner: string) => (inner === 'n' ? String(n) : String(random.nextInt(Number(inner.slice(5))))));
}

type Counts = Pick<LoadSecond, 'second' | 'requests' | 'succeeded' | 'throttled' | 'failed' | 'consumedCapacityUnits'>;

/** Each request typed by hand at its time; counts per second from the trace events each line adds. */
function runByHand(s: Scenario): { seconds: Counts[]; session: SandboxSession } {
  const session = prepared(s);
  const startMs = session.world.nowMs;
  const random = RandomStream.fromSeed(s.seed, 'sim.load.1');
  const seconds: Counts[] = Array.from({ length: s.seconds }, (_, i) => ({ second: i + 1, requests: 0, succeeded: 0, throttled: 0, failed: 0, consumedCapacityUnits: 0 }));
  for (let i = 0; i < s.rate * s.seconds; i++) {
    const atMs = startMs + Math.floor((i * 1000) / s.rate);
    if (atMs > session.world.nowMs) runSandboxLine(session, `sim clock advance ${atMs - session.world.nowMs}ms`);
    const before = session.world.trace.length;
    runSandboxLine(session, fill(awsLine(s), i + 1, random));
    const event = session.world.trace.since(before).find((e) => e.service === 'dynamodb')!;
    const counts = seconds[Math.floor((atMs - startMs) / 1000)]!;
    counts.requests++;
    counts.consumedCapacityUnits += event.detail['consumedCapacityUnits'] as number;
    if (event.outcome === 'ok') counts.succeeded++;
    else if (THROTTLING_ERRORS.has(event.outcome)) counts.throttled++;
    else counts.failed++;
  }
  runSandboxLine(session, `sim clock advance ${startMs + s.seconds * 1000 - session.world.nowMs}ms`);
  return { seconds, session };
}

describe('sim load: the DynamoDB fast path', () => {
  it('gives the same answers, trace and world as the slow path, for random small loads', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const fast = prepared(s);
        const slow = prepared(s, SLOW_TABLE);
        expect(runSandboxLine(fast, loadLine(s)).output).toEqual(runSandboxLine(slow, loadLine(s)).output);
        expect(fast.world.trace.all()).toEqual(slow.world.trace.all());
        expect(fast.world.snapshot()).toEqual(slow.world.snapshot());
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same per-second counts and final items as typing each request by hand', () => {
    fc.assert(
      fc.property(
        scenarioArb.map((s) => ({ ...s, retries: 0 })),
        (s) => {
          const fast = prepared(s);
          const report = runSandboxLine(fast, loadLine(s));
          const seconds = (report.output as { seconds: LoadSecond[] }).seconds.map(({ second, requests, succeeded, throttled, failed, consumedCapacityUnits }) => ({
            second,
            requests,
            succeeded,
            throttled,
            failed,
            consumedCapacityUnits,
          }));
          const byHand = runByHand(s);
          expect(seconds).toEqual(byHand.seconds);
          expect(itemsOf(fast)).toEqual(itemsOf(byHand.session));
          expect(fast.world.nowMs).toBe(byHand.session.world.nowMs);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('throttles exactly as the slow path on the bench table: 1,000 writes/s on 800 WCU for 10 s', () => {
    // DDB-07: 800 WCU with no banked burst credit yet serve 800 writes of 1 KB per second; the rest throttle.
    const s: Scenario = { seed: 3, isProvisioned: true, units: 800, hasSortKey: false, operation: 'put', keyText: 'user{{rand 1000}}', padBytes: 0, rate: 1_000, seconds: 10, retries: 0, prefill: 0 };
    const fast = prepared(s);
    const slow = prepared(s, SLOW_TABLE);
    const report = runSandboxLine(fast, loadLine(s));
    expect(report.output).toEqual(runSandboxLine(slow, loadLine(s)).output);
    expect(report.output).toMatchObject({ totals: { requests: 10_000, succeeded: 8_000, throttled: 2_000, consumedCapacityUnits: 8_000 } });
    expect(fast.world.snapshot()).toEqual(slow.world.snapshot());
  });
});

describe('which templates the fast path compiles', () => {
  const s: Scenario = { seed: 1, isProvisioned: true, units: 5, hasSortKey: false, operation: 'put', keyText: 'k{{n}}', padBytes: 0, rate: 1, seconds: 1, retries: 0, prefill: 0 };
  const prepare = (session: SandboxSession, request: Record<string, unknown>, operation = 'PutItem'): boolean =>
    dynamodb.DYNAMODB_LOAD_METER.prepare(session.world, { operation, request, placeholdersOf, maxN: 100 }) !== undefined;

  it('compiles PutItem and GetItem with placeholders in top-level S and N values', () => {
    const session = prepared(s);
    expect(prepare(session, { TableName: 'Tbl', Item: { pk: { S: 'k{{n}}' }, n: { N: '{{rand 10}}' }, list: { L: [{ S: 'fixed' }] } } })).toBe(true);
    expect(prepare(session, { TableName: 'Tbl', Key: { pk: { S: 'u{{rand 5}}' } }, ConsistentRead: true }, 'GetItem')).toBe(true);
  });

  it('refuses what it cannot prove valid for every request, and operations it does not know', () => {
    const session = prepared(s);
    expect(prepare(session, { TableName: 'Tbl', Item: { pk: { S: 'k' }, n: { N: '-{{n}}' } } })).toBe(false); // not a plain integer
    expect(prepare(session, { TableName: 'Tbl', Item: { pk: { S: 'k' }, m: { M: { a: { S: '{{n}}' } } } } })).toBe(false); // nested placeholder
    expect(prepare(session, { TableName: 'Tbl', Item: { pk: { N: '{{n}}' } } })).toBe(false); // key type mismatch
    expect(prepare(session, { TableName: 'Tbl', Item: { n: { S: '{{n}}' } } })).toBe(false); // no key
    expect(prepare(session, { TableName: 'Missing', Item: { pk: { S: '{{n}}' } } })).toBe(false);
    expect(prepare(session, { TableName: 'Tbl', Item: { pk: { S: '{{n}}' } }, ConditionExpression: 'attribute_not_exists(pk)' })).toBe(false);
    expect(prepare(session, { TableName: 'Tbl', Item: { pk: { S: '{{n}}' } }, ReturnConsumedCapacity: 'BOGUS' })).toBe(false);
    expect(prepare(session, { TableName: 'Tbl', Key: { pk: { S: 'k' } }, UpdateExpression: 'SET a = :v' }, 'UpdateItem')).toBe(false);
  });
});
