// Proves `sim load`: exact per-second aggregates against a fixture operation that throttles above 10
// writes per second, one trace entry per second instead of per request, {{n}} and {{rand N}}
// substitution, background loads interleaving with the clock and other loads, retries in virtual time,
// snapshot/restore of a running load, and determinism (fast-check: same seed + same lines →
// byte-identical JSON Lines and trace).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_SIM_COMMANDS,
  buildCommandTable,
  createSandbox,
  restoreWorld,
  runSandboxLine,
  runSandboxScript,
  toJsonLine,
  type LoadSecond,
  type SandboxSession,
} from '../../../src/sim/index.js';
import { FIXTURE_OPERATIONS, FIXTURE_TABLE, FIXTURE_WRITES_PER_SECOND, fixtureSandbox, memoryIo } from '../../helpers/sandbox-fixtures.js';

const CREATE = 'aws dynamodb create-table --table-name T --key-schema AttributeName=id,KeyType=HASH';

function withTable(seed = 1): SandboxSession {
  const session = fixtureSandbox(seed);
  runSandboxLine(session, CREATE);
  return session;
}

function secondsOf(output: unknown): Pick<LoadSecond, 'loadId' | 'second' | 'requests' | 'succeeded' | 'throttled' | 'consumedCapacityUnits'>[] {
  const rows = (output as { seconds?: LoadSecond[]; loadSeconds?: LoadSecond[] }).seconds ?? (output as { loadSeconds: LoadSecond[] }).loadSeconds;
  return rows.map(({ loadId, second, requests, succeeded, throttled, consumedCapacityUnits }) => ({ loadId, second, requests, succeeded, throttled, consumedCapacityUnits }));
}

function itemCount(session: SandboxSession): number {
  return (runSandboxLine(session, 'sim show table T').output as { itemCount: number }).itemCount;
}

describe('sim load aggregates', () => {
  it('counts each virtual second exactly: 15 requests/s against 10 writes/s throttles 5 each second', () => {
    expect(FIXTURE_WRITES_PER_SECOND).toBe(10);
    const session = withTable();
    const report = runSandboxLine(session, 'sim load --rate 15/s --for 3s -- aws dynamodb put-item --table-name T --item id={S=k{{n}}}');
    expect(secondsOf(report.output)).toEqual([1, 2, 3].map((second) => ({ loadId: 1, second, requests: 15, succeeded: 10, throttled: 5, consumedCapacityUnits: 10 })));
    expect(report.output).toMatchObject({ totals: { requests: 45, succeeded: 30, throttled: 15, failed: 0, consumedCapacityUnits: 30 }, requests: 45 });
    expect(report.timeMs).toBe(session.world.nowMs);
    expect(report.text).toMatchInlineSnapshot(`
      "load  second  requests  succeeded  throttled  failed  consumed
         1       1        15         10          5       0      10.0
         1       2        15         10          5       0      10.0
         1       3        15         10          5       0      10.0
      Ran load 1: 45 requests at 15/s for 3s: 30 succeeded, 15 throttled, 0 failed.
      "
    `);
  });

  it('records one trace entry per second (with per-table counts), not one per request', () => {
    const session = withTable();
    runSandboxLine(session, 'sim load --rate 15/s --for 3s -- aws dynamodb put-item --table-name T --item id={S=k{{n}}}');
    const operations = session.world.trace.all().map((e) => e.operation);
    expect(operations).toEqual(['CreateTable', 'load-started', 'load-second', 'load-second', 'load-second', 'load-finished']);
    expect(session.world.trace.all()[2]!.detail).toMatchObject({ resources: { T: { requests: 15, succeeded: 10, throttled: 5, failed: 0, consumedCapacityUnits: 10 } } });
  });

  it('counts errors that are not throttles as failed', () => {
    const session = fixtureSandbox();
    const report = runSandboxLine(session, 'sim load --rate 2/s --for 1s -- aws dynamodb put-item --table-name Missing --item id={S=1}');
    expect(report.output).toMatchObject({ totals: { requests: 2, succeeded: 0, throttled: 0, failed: 2 } });
  });
});

describe('load meters', () => {
  it('let a service count capacity its own way and add gauges to each second', () => {
    const table = buildCommandTable({
      operations: FIXTURE_OPERATIONS,
      simCommands: BUILT_IN_SIM_COMMANDS,
      loadMeters: [
        {
          service: 'dynamodb',
          capacityUnitsOf: (event) => (event.outcome === 'ok' ? 2 : 0),
          gaugesOf: (world, request) => ({ secondsSinceStart: (world.nowMs - 1_767_225_600_000) / 1000, tableNameLength: String(request['TableName']).length }),
        },
      ],
    });
    const session = createSandbox({ table, io: memoryIo() });
    runSandboxLine(session, CREATE);
    const report = runSandboxLine(session, 'sim load --rate 12/s --for 2s -- aws dynamodb put-item --table-name T --item id={S=k{{n}}}');
    const seconds = (report.output as { seconds: LoadSecond[] }).seconds;
    expect(seconds.map((s) => [s.consumedCapacityUnits, s.gauges])).toEqual([
      [20, { secondsSinceStart: 1, tableNameLength: 1 }],
      [20, { secondsSinceStart: 2, tableNameLength: 1 }],
    ]);
    expect(report.text).toContain('secondsSinceStart');
  });
});

describe('sim load placeholders', () => {
  it('{{n}} numbers the requests from 1', () => {
    const session = withTable();
    runSandboxLine(session, 'sim load --rate 10/s --for 2s -- aws dynamodb put-item --table-name T --item id={S=k{{n}}}');
    expect(itemCount(session)).toBe(20);
    expect(runSandboxLine(session, 'aws dynamodb get-item --table-name T --key id={S=k20}').output).toEqual({ Item: { id: { S: 'k20' } } });
    expect(runSandboxLine(session, 'aws dynamodb get-item --table-name T --key id={S=k0}').output).toEqual({});
  });

  it('{{rand N}} draws seeded numbers below N: one hot key range, reproducible', () => {
    const keysFor = (seed: number): string[] => {
      const session = withTable(seed);
      runSandboxLine(session, `sim load --rate 10/s --for 1s -- aws dynamodb put-item --table-name T --item '{"id":{"S":"r{{rand 3}}"}}'`);
      return ['r0', 'r1', 'r2', 'r3'].filter((key) => runSandboxLine(session, `aws dynamodb get-item --table-name T --key id={S=${key}}`).output?.['Item'] !== undefined);
    };
    const keys = keysFor(1);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys).not.toContain('r3');
    expect(keysFor(1)).toEqual(keys);
  });
});

describe('background loads', () => {
  it('keep sending while the clock advances, and the advance reports their seconds', () => {
    const session = withTable();
    const started = runSandboxLine(session, 'sim load --background --rate 12/s --for 2s -- aws dynamodb put-item --table-name T --item id={S=b{{n}}}');
    expect(started.text).toMatchInlineSnapshot(`
      "Started background load 1: 24 requests at 12/s for 2s; it runs whenever virtual time moves (until 2026-01-01T00:00:02.000Z).
      "
    `);
    expect(itemCount(session)).toBe(0);
    const advanced = runSandboxLine(session, 'sim clock advance 1500ms');
    expect(secondsOf(advanced.output)).toEqual([{ loadId: 1, second: 1, requests: 12, succeeded: 10, throttled: 2, consumedCapacityUnits: 10 }]);
    // Requests due at the target instant run: 1000, 1083, ... 1500 ms → 7 in the second second.
    expect(itemCount(session)).toBe(17);
    const rest = runSandboxLine(session, 'sim clock advance 10s');
    expect(secondsOf(rest.output)).toEqual([{ loadId: 1, second: 2, requests: 12, succeeded: 10, throttled: 2, consumedCapacityUnits: 10 }]);
    expect(session.world.trace.all().filter((e) => e.operation === 'load-finished')).toHaveLength(1);
  });

  it('interleave in time order with a foreground load on the same table', () => {
    const session = withTable();
    runSandboxLine(session, 'sim load --background --rate 8/s --for 3s -- aws dynamodb put-item --table-name T --item id={S=b{{n}}}');
    const report = runSandboxLine(session, 'sim load --rate 8/s --for 2s -- aws dynamodb put-item --table-name T --item id={S=f{{n}}}');
    const own = secondsOf(report.output);
    const background = secondsOf({ seconds: (report.output as { backgroundSeconds: LoadSecond[] }).backgroundSeconds });
    // Both send at the same instants (every 125 ms), the background load first (lower id): in each
    // second the 16 requests share 10 writes, the older load getting the first of each pair.
    expect(background).toEqual([1, 2].map((second) => ({ loadId: 1, second, requests: 8, succeeded: 5, throttled: 3, consumedCapacityUnits: 5 })));
    expect(own).toEqual([1, 2].map((second) => ({ loadId: 2, second, requests: 8, succeeded: 5, throttled: 3, consumedCapacityUnits: 5 })));
    const last = runSandboxLine(session, 'sim clock advance 1s');
    expect(secondsOf(last.output)).toEqual([{ loadId: 1, second: 3, requests: 8, succeeded: 8, throttled: 0, consumedCapacityUnits: 8 }]);
  });

  it('survive a world snapshot: the restored world continues exactly as the original', () => {
    const session = withTable();
    runSandboxLine(session, 'sim load --background --rate 15/s --for 4s -- aws dynamodb put-item --table-name T --item id={S=k{{rand 100}}}');
    runSandboxLine(session, 'sim clock advance 1500ms');
    const copy: SandboxSession = { world: restoreWorld(session.world.snapshot()), io: memoryIo(), table: FIXTURE_TABLE };
    const a = runSandboxLine(session, 'sim clock advance 5s');
    const b = runSandboxLine(copy, 'sim clock advance 5s');
    expect(toJsonLine(b)).toBe(toJsonLine(a));
    expect(JSON.stringify(copy.world.snapshot())).toBe(JSON.stringify(session.world.snapshot()));
  });
});

describe('sim load --retries', () => {
  it('retries throttled requests later in virtual time, so more succeed and the load runs longer', () => {
    const session = withTable();
    const report = runSandboxLine(session, 'sim load --rate 15/s --for 1s --retries 5 -- aws dynamodb put-item --table-name T --item id={S=k{{n}}}');
    const output = report.output as { totals: { succeeded: number }; seconds: LoadSecond[] };
    expect(output.totals.succeeded).toBe(15);
    expect(output.seconds.length).toBeGreaterThan(1);
    expect(output.seconds.reduce((sum, s) => sum + s.retried, 0)).toBeGreaterThan(0);
    expect(itemCount(session)).toBe(15);
  });
});

describe('sim load --retries from the aws command', () => {
  it('takes --retries written on the aws command when sim load has none', () => {
    const session = withTable();
    const report = runSandboxLine(session, 'sim load --rate 15/s --for 1s -- aws dynamodb put-item --table-name T --item id={S=k{{n}}} --retries 5');
    expect(report.output).toMatchObject({ totals: { succeeded: 15 } });
  });
});

describe('determinism', () => {
  const line = fc.oneof(
    fc.constantFrom(CREATE, 'sim clock', 'sim trace --last 3', 'sim region use eu-west-1', 'sim region use us-east-1'),
    fc.integer({ min: 0, max: 30 }).map((n) => `aws dynamodb put-item --table-name T --item id={S=${n}} --return-consumed-capacity TOTAL`),
    fc.integer({ min: 1, max: 3000 }).map((ms) => `sim clock advance ${ms}ms`),
    fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 50 })).map(
      ([rate, seconds, isBackground, retries, keys]) =>
        `sim load --rate ${rate}/s --for ${seconds}s${isBackground ? ' --background' : ''} --retries ${retries} -- aws dynamodb put-item --table-name T --item id={S=k{{rand ${keys}}}-{{n}}}`,
    ),
  );

  it('same seed and same lines give byte-identical JSON Lines and trace', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(line, { maxLength: 8 }), (seed, lines) => {
        const run = (): string => {
          const session = fixtureSandbox(seed);
          const report = runSandboxScript(session, [CREATE, ...lines].join('\n'));
          return `${report.lines.map((l) => toJsonLine(l) ?? '').join('\n')}\n${JSON.stringify(session.world.trace.all())}`;
        };
        expect(run()).toBe(run());
      }),
      { numRuns: 40 },
    );
  });
});
