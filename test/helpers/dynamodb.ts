// Shared set-up for DynamoDB tests: worlds starting at a whole minute, tables in one call, items of an
// exact size, and unwrapping of Result values.
import { createWorld, type World } from '../../src/sim/world.js';
import { createTable } from '../../src/sim/dynamodb/create-table.js';
import type { AttributeValue, Item } from '../../src/sim/dynamodb/model.js';
import type { AwsError, Result } from '../../src/sim/result.js';
import '../../src/sim/dynamodb/index.js';

export const START_MS = Date.UTC(2026, 0, 1);

export function newWorld(seed = 1): World {
  return createWorld({ seed, startTimeMs: START_MS });
}

export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.name}: ${result.error.message}`);
  return result.value;
}

export function error<T>(result: Result<T>): AwsError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

interface TableOptions {
  readonly rcu?: number;
  readonly wcu?: number;
  readonly onDemand?: boolean;
  readonly sortKey?: 'S' | 'N';
  readonly extra?: Readonly<Record<string, unknown>>;
  readonly extraDefinitions?: readonly { AttributeName: string; AttributeType: 'S' | 'N' | 'B' }[];
}

/** A table keyed `pk` (S), optionally with sort key `sk`; provisioned 5/5 unless told otherwise. */
export function makeTable(world: World, name: string, options: TableOptions = {}): void {
  const keySchema = [{ AttributeName: 'pk', KeyType: 'HASH' }, ...(options.sortKey ? [{ AttributeName: 'sk', KeyType: 'RANGE' }] : [])];
  const definitions = [
    { AttributeName: 'pk', AttributeType: 'S' },
    ...(options.sortKey ? [{ AttributeName: 'sk', AttributeType: options.sortKey }] : []),
    ...(options.extraDefinitions ?? []),
  ];
  value(
    createTable(world, {
      TableName: name,
      KeySchema: keySchema,
      AttributeDefinitions: definitions,
      ...(options.onDemand
        ? { BillingMode: 'PAY_PER_REQUEST' }
        : { ProvisionedThroughput: { ReadCapacityUnits: options.rcu ?? 5, WriteCapacityUnits: options.wcu ?? 5 } }),
      ...options.extra,
    }),
  );
}

/**
 * An item of exactly `sizeBytes` (DDB-03 sizing: names + values): `pk` plus a `data` string padded to
 * fit, and any `extra` attributes (whose size is taken into account).
 */
export function itemOfSize(pk: string, sizeBytes: number, extra: Readonly<Record<string, AttributeValue>> = {}): Item {
  let used = 2 + pk.length + 4; // "pk" + value + "data"
  for (const [name, attribute] of Object.entries(extra)) used += name.length + ('S' in attribute ? attribute.S.length : 0);
  const padding = sizeBytes - used;
  if (padding < 0) throw new Error(`item of ${sizeBytes} bytes is too small for its attributes`);
  return { pk: { S: pk }, ...extra, data: { S: 'x'.repeat(padding) } };
}

export function advanceSeconds(world: World, seconds: number): void {
  world.advance(seconds * 1_000);
}
