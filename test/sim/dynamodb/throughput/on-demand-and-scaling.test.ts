// Proves the time-based capacity rules: on-demand's 4,000/12,000 start and 2× previous peak per 30
// minutes plus its optional maximum (DDB-05), target-tracking auto scaling with its 2-minute and
// 15-minute lags (DDB-09), and the switching quotas for capacity mode (DDB-04) and table class (DDB-11).
import { describe, expect, it } from 'vitest';
import { enableAutoScaling } from '../../../../src/sim/dynamodb/autoscaling-command.js';
import { describeTableCapacity } from '../../../../src/sim/dynamodb/describe-capacity.js';
import { getItem, putItem } from '../../../../src/sim/dynamodb/items.js';
import { updateTable } from '../../../../src/sim/dynamodb/update-table.js';
import type { World } from '../../../../src/sim/world.js';
import { START_MS, advanceSeconds, error, makeTable, newWorld, value } from '../../../helpers/dynamodb.js';

/** Writes `count` small items on distinct keys in the current second; returns how many succeeded. */
function writeBurst(world: World, count: number, prefix = 'k'): number {
  let served = 0;
  for (let i = 0; i < count; i++) if (putItem(world, { TableName: 'Orders', Item: { pk: { S: `${prefix}${i}` } } }).ok) served++;
  return served;
}

describe('on-demand', () => {
  it('DDB-05: a new on-demand table serves 4,000 writes and 12,000 reads in its first second, not one more', () => {
    const world = newWorld();
    makeTable(world, 'Orders', { onDemand: true });
    expect(writeBurst(world, 4_001)).toBe(4_000);
    let reads = 0;
    for (let i = 0; i < 12_001; i++) if (getItem(world, { TableName: 'Orders', Key: { pk: { S: `r${i}` } }, ConsistentRead: true }).ok) reads++;
    expect(reads).toBe(12_000);
    const throttled = error(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'late' } } }));
    expect(throttled.name).toBe('ProvisionedThroughputExceededException');
    expect(throttled.details).toEqual({
      ThrottlingReasons: [{ reason: 'TableWriteKeyRangeThroughputExceeded', resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders' }],
    });
  });

  it('DDB-05: after a 4,000 WRU peak, 8,000 WRU/s is served only once 30 minutes have passed', () => {
    const world = newWorld();
    makeTable(world, 'Orders', { onDemand: true });
    expect(writeBurst(world, 4_000)).toBe(4_000);
    world.advanceTo(START_MS + 30 * 60_000 - 1_000);
    expect(writeBurst(world, 8_000, 'a')).toBe(4_000);
    advanceSeconds(world, 1);
    expect(writeBurst(world, 8_001, 'b')).toBe(8_000);
  });

  it('DDB-05: above a configured maximum the answer is ThrottlingException', () => {
    const world = newWorld();
    makeTable(world, 'Orders', { onDemand: true, extra: { OnDemandThroughput: { MaxWriteRequestUnits: 100 } } });
    expect(writeBurst(world, 101)).toBe(100);
    const throttled = error(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'x' } } }));
    expect(throttled.name).toBe('ThrottlingException');
    expect(throttled.details).toEqual({
      ThrottlingReasons: [{ reason: 'TableWriteMaxOnDemandThroughputExceeded', resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders' }],
    });
  });
});

describe('auto scaling', () => {
  it('DDB-09: at 90 % of 100 WCU with a 70 % target, capacity becomes 129 at second 120, not before', () => {
    const world = newWorld();
    makeTable(world, 'Orders', { rcu: 5, wcu: 100 });
    value(enableAutoScaling(world, { tableName: 'Orders', targetPercent: 70, minUnits: 5, maxUnits: 1_000, dimension: 'write' }));
    for (let second = 0; second < 120; second++) {
      expect(writeBurst(world, 90)).toBe(90);
      advanceSeconds(world, 1);
      if (second === 118) expect(value(describeTableCapacity(world, 'Orders')).write.unitsPerSecond).toBe(100);
    }
    const view = value(describeTableCapacity(world, 'Orders'));
    expect(view.write.unitsPerSecond).toBe(129);
    expect(view.scalingActivities).toEqual([{ timeMs: START_MS + 120_000, direction: 'write', fromUnits: 100, toUnits: 129 }]);
  });

  it('DDB-09: after traffic stops, capacity drops to the minimum once 15 minutes have stayed below target − 20', () => {
    const world = newWorld();
    makeTable(world, 'Orders', { rcu: 5, wcu: 100 });
    value(enableAutoScaling(world, { tableName: 'Orders', targetPercent: 70, minUnits: 5, maxUnits: 1_000, dimension: 'write' }));
    for (let second = 0; second < 120; second++) {
      writeBurst(world, 90);
      advanceSeconds(world, 1);
    }
    world.advanceTo(START_MS + 17 * 60_000 - 1_000);
    expect(value(describeTableCapacity(world, 'Orders')).write.unitsPerSecond).toBe(129);
    advanceSeconds(world, 1);
    const view = value(describeTableCapacity(world, 'Orders'));
    expect(view.write.unitsPerSecond).toBe(5);
    expect(view.scalingActivities.at(-1)).toEqual({ timeMs: START_MS + 17 * 60_000, direction: 'write', fromUnits: 129, toUnits: 5 });
  });

  it('DDB-09: refuses a target outside 20–90 %', () => {
    const world = newWorld();
    makeTable(world, 'Orders');
    expect(error(enableAutoScaling(world, { tableName: 'Orders', targetPercent: 95, minUnits: 1, maxUnits: 10 })).message).toMatchInlineSnapshot(
      `"TargetValue must be between 20 and 90 percent (DynamoDB target tracking)"`,
    );
  });
});

describe('switching quotas', () => {
  const toOnDemand = (world: World) => updateTable(world, { TableName: 'Orders', BillingMode: 'PAY_PER_REQUEST' });
  const toProvisioned = (world: World) =>
    value(updateTable(world, { TableName: 'Orders', BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } }));

  it('DDB-04: provisioned → on-demand 4 times in 24 h, the 5th refused until the first leaves the window', () => {
    const world = newWorld();
    makeTable(world, 'Orders');
    for (let i = 0; i < 4; i++) {
      value(toOnDemand(world));
      toProvisioned(world);
      advanceSeconds(world, 60);
    }
    const refused = error(toOnDemand(world));
    expect(refused.name).toBe('LimitExceededException');
    expect(refused.message).toMatchInlineSnapshot(`"Subscriber limit exceeded: Update to PayPerRequest mode is limited to 4 times in 1 day(s)."`);
    world.advanceTo(START_MS + 86_400_000 + 1);
    value(toOnDemand(world));
  });

  it('DDB-05: a table switched to on-demand may at once serve its old provisioned rate (previous peak = half of it)', () => {
    const world = newWorld();
    makeTable(world, 'Orders', { rcu: 5, wcu: 10_000 });
    value(toOnDemand(world));
    expect(value(describeTableCapacity(world, 'Orders')).write.unitsPerSecond).toBe(10_000);
  });

  it('DDB-11: the table class changes at most twice in 30 days', () => {
    const world = newWorld();
    makeTable(world, 'Orders');
    value(updateTable(world, { TableName: 'Orders', TableClass: 'STANDARD_INFREQUENT_ACCESS' }));
    value(updateTable(world, { TableName: 'Orders', TableClass: 'STANDARD' }));
    const refused = error(updateTable(world, { TableName: 'Orders', TableClass: 'STANDARD_INFREQUENT_ACCESS' }));
    expect(refused.message).toMatchInlineSnapshot(`"Subscriber limit exceeded: Update table class is limited to 2 times in 30 day(s)."`);
    world.advanceTo(START_MS + 30 * 86_400_000 + 1);
    value(updateTable(world, { TableName: 'Orders', TableClass: 'STANDARD_INFREQUENT_ACCESS' }));
  });
});
