// Proves the DynamoDB capacity gauge's data on a real simulated table: provisioned units, burst
// credit banked while idle (DDB-07: up to 300 s of unused capacity), throttles (DDB-10), and the
// per-second history of consumed units and throttles over virtual time, from single calls and loads.
import { describe, expect, it } from 'vitest';
import { toCapacityGauge, tableActivity } from '../../../src/repl/panels/capacity-gauge.js';
import { createSandbox, runSandboxLine } from '../../../src/sim/index.js';

const CREATE = 'aws dynamodb create-table --table-name Orders --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=10';

function sandbox(...lines: string[]) {
  const session = createSandbox({ seed: 1 });
  for (const line of [CREATE, ...lines]) runSandboxLine(session, line);
  return session.world;
}

describe('the capacity gauge', () => {
  it('shows 10 WCU, no burst credit yet, 50 throttles and a 3,000 WCU cap after 20 puts/s for 5 s', () => {
    const world = sandbox(`sim load --rate 20/s --for 5s -- aws dynamodb put-item --table-name Orders --item '{"id":{"S":"a{{n}}"}}'`);
    const gauge = toCapacityGauge(world, 'Orders', 8);
    expect(gauge?.write).toMatchObject({ unit: 'WCU', unitsPerSecond: 10, burstCreditUnits: 0, burstCreditMaxUnits: 3_000, throttledRequests: 50 });
    // Five loaded seconds at the end of the window: 10 WCU consumed and 10 writes throttled each (DDB-10).
    expect(gauge?.consumedPerSecond).toEqual([0, 0, 0, 10, 10, 10, 10, 10]);
    expect(gauge?.throttledPerSecond).toEqual([0, 0, 0, 10, 10, 10, 10, 10]);
  });

  it('banks the unused WCU of 60 seconds as burst credit, and the history still ends at the last activity', () => {
    const world = sandbox(`aws dynamodb put-item --table-name Orders --item '{"id":{"S":"a"}}'`, 'sim clock advance 60s');
    const gauge = toCapacityGauge(world, 'Orders', 3);
    // The put's own second leaves 9 of 10 WCU unused, the 59 idle seconds after it 10 each: 599 (DDB-07).
    expect(gauge?.write.burstCreditUnits).toBe(599);
    expect(gauge?.consumedPerSecond).toEqual([0, 0, 1]);
    expect(gauge?.secondsMs.at(-1)).toBe(Date.UTC(2026, 0, 1));
  });

  it('is undefined for a table that does not exist', () => {
    expect(toCapacityGauge(sandbox(), 'Nope')).toBeUndefined();
  });

  it('counts only the named table', () => {
    const world = sandbox(`aws dynamodb put-item --table-name Orders --item '{"id":{"S":"a"}}'`);
    expect([...tableActivity(world.trace.all(), 'Other').values()]).toEqual([]);
    expect([...tableActivity(world.trace.all(), 'Orders').values()]).toEqual([{ consumed: 1, throttled: 0 }]);
  });
});
