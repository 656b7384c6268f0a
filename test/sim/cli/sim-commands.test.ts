// Proves the core sim commands: the clock shows and moves virtual time (and only sandbox commands move
// it), seed and reset recreate the world and say so, the trace shows the latest entries, the Region
// can be read and changed, and `sim show` reaches the rows services register.
import { describe, expect, it } from 'vitest';
import { DEFAULT_START_TIME_MS, runSandboxLine, runSandboxScript, toJsonLine } from '../../../src/sim/index.js';
import { fixtureSandbox } from '../../helpers/sandbox-fixtures.js';

describe('sim clock', () => {
  it('shows the virtual time, then advances it by a duration with units', () => {
    const session = fixtureSandbox();
    expect(runSandboxLine(session, 'sim clock')).toMatchObject({ output: { timeMs: DEFAULT_START_TIME_MS, time: '2026-01-01T00:00:00.000Z' }, text: '2026-01-01T00:00:00.000Z (virtual time)\n' });
    const advanced = runSandboxLine(session, 'sim clock advance 1h30m');
    expect(advanced.output).toEqual({ timeMs: DEFAULT_START_TIME_MS + 5_400_000, time: '2026-01-01T01:30:00.000Z', advancedMs: 5_400_000, loadSeconds: [] });
    expect(advanced.text).toMatchInlineSnapshot(`
      "Clock advanced by 1h30m to 2026-01-01T01:30:00.000Z.
      "
    `);
    expect(runSandboxLine(session, 'sim clock advance 250ms').timeMs).toBe(DEFAULT_START_TIME_MS + 5_400_250);
  });
});

describe('sim seed and sim reset', () => {
  it('recreate the world (resources, clock, Region, trace) and say so', () => {
    const session = fixtureSandbox();
    runSandboxScript(session, ['aws dynamodb create-table --table-name T --key-schema AttributeName=id,KeyType=HASH', 'sim region use eu-west-1', 'sim clock advance 10s'].join('\n'));
    const seeded = runSandboxLine(session, 'sim seed 42');
    expect(seeded.text).toMatchInlineSnapshot(`
      "World recreated with seed 42: a new, empty world (no resources, no loads, empty trace); the clock is back at 2026-01-01T00:00:00.000Z and the Region is us-east-1 (was eu-west-1).
      "
    `);
    expect(seeded.output).toEqual({ seed: 42, timeMs: DEFAULT_START_TIME_MS, time: '2026-01-01T00:00:00.000Z', region: 'us-east-1', isNewWorld: true });
    expect(session.world.rng.seed).toBe(42);
    expect(session.world.trace.length).toBe(0);
    expect(runSandboxLine(session, 'sim show table T').error?.code).toBe('ResourceNotFoundException');
  });

  it('reset keeps the seed', () => {
    const session = fixtureSandbox(7);
    runSandboxLine(session, 'sim clock advance 1m');
    expect(runSandboxLine(session, 'sim reset').text).toMatch(/^World reset with seed 7: a new, empty world/);
    expect(session.world.nowMs).toBe(DEFAULT_START_TIME_MS);
  });
});

describe('sim trace', () => {
  it('shows the last N entries, one line each, and the total', () => {
    const session = fixtureSandbox();
    runSandboxScript(session, ['aws dynamodb create-table --table-name T --key-schema AttributeName=id,KeyType=HASH', 'aws dynamodb put-item --table-name T --item id={S=1}', 'sim clock advance 2s'].join('\n'));
    const report = runSandboxLine(session, 'sim trace --last 2');
    expect(report.text).toMatchInlineSnapshot(`
      "Trace: the last 2 of 3 entries.
      #1  2026-01-01T00:00:00.000Z  us-east-1  dynamodb PutItem  ok  {"TableName":"T","ConsumedCapacity":{"TableName":"T","CapacityUnits":1}}
      #2  2026-01-01T00:00:02.000Z  us-east-1  sim clock-advanced  ok  {"durationMs":2000}
      "
    `);
    expect(report.output).toMatchObject({ total: 3, events: [{ seq: 1, operation: 'PutItem' }, { seq: 2, operation: 'clock-advanced' }] });
  });

  it('does not add to the trace itself', () => {
    const session = fixtureSandbox();
    runSandboxLine(session, 'sim trace');
    expect(session.world.trace.length).toBe(0);
  });
});

describe('sim region', () => {
  it('shows and changes the Region, validated against real Region names', () => {
    const session = fixtureSandbox();
    expect(runSandboxLine(session, 'sim region').text).toBe('us-east-1\n');
    expect(runSandboxLine(session, 'sim region use ap-southeast-2')).toMatchObject({ ok: true, output: { region: 'ap-southeast-2', previousRegion: 'us-east-1' } });
    expect(session.world.region).toBe('ap-southeast-2');
    expect(runSandboxLine(session, 'sim region use us-gov-west-1').isParseError).toBe(true);
  });
});

describe('sim show', () => {
  it('dispatches to the row a service registered, and reports its errors as sim errors', () => {
    const session = fixtureSandbox();
    runSandboxLine(session, 'aws dynamodb create-table --table-name T --key-schema AttributeName=id,KeyType=HASH');
    expect(runSandboxLine(session, 'sim show table T')).toMatchObject({ ok: true, output: { tableName: 'T', itemCount: 0 } });
    const missing = runSandboxLine(session, 'sim show table Nope');
    expect(missing.text).toMatchInlineSnapshot(`
      "sim: error: sim show table: (ResourceNotFoundException) Table Nope does not exist
      "
    `);
    expect(toJsonLine(missing)).toBe(
      '{"command":"sim show table Nope","ok":false,"time":1767225600000,"output":null,"error":{"code":"ResourceNotFoundException","status":400,"message":"Table Nope does not exist"}}',
    );
  });
});
