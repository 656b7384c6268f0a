// Test helper: creates DynamoDB tables directly as `TableState` values in the world's DynamoDB slot
// (the core's CreateTable is on another branch), and small item shorthands.
import type { World } from '../../src/sim/world.js';
import { applyItemWrite } from '../../src/sim/dynamodb/item-changes.js';
import { DYNAMODB_SLOT, emptyDynamoDbState, type DynamoDbState, type Item, type ItemChange, type TableState } from '../../src/sim/dynamodb/model.js';

export interface TestTableOptions {
  readonly name?: string;
  readonly region?: string;
  /** Partition key name (type S); @default 'id' */
  readonly partitionKey?: string;
  /** Optional sort key name (type S). */
  readonly sortKey?: string;
}

export function createTestTable(world: World, options: TestTableOptions = {}): TableState {
  const { name = 'Orders', region = world.region, partitionKey = 'id', sortKey } = options;
  const keys = sortKey === undefined ? [partitionKey] : [partitionKey, sortKey];
  const table: TableState = {
    name,
    arn: `arn:aws:dynamodb:${region}:${world.accountId}:table/${name}`,
    region,
    createdAtMs: world.nowMs,
    status: 'ACTIVE',
    keySchema: keys.map((AttributeName, index) => ({ AttributeName, KeyType: index === 0 ? 'HASH' : 'RANGE' })),
    attributeDefinitions: keys.map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    tableClass: 'STANDARD',
    throughput: { mode: 'PROVISIONED', readCapacityUnits: 5, writeCapacityUnits: 5, detail: {} },
    items: new Map(),
    indexes: [],
    modeSwitchesMs: [],
  };
  const state = world.service<DynamoDbState>(DYNAMODB_SLOT, emptyDynamoDbState);
  const tables = state.tablesByRegion.get(region) ?? new Map<string, TableState>();
  state.tablesByRegion.set(region, tables);
  tables.set(name, table);
  return table;
}

/** `item({id: 'a', n: 3})` → `{id: {S: 'a'}, n: {N: '3'}}`. */
export function item(values: Readonly<Record<string, string | number | boolean>>): Item {
  const result: Record<string, Item[string]> = {};
  for (const [name, value] of Object.entries(values)) {
    result[name] = typeof value === 'string' ? { S: value } : typeof value === 'number' ? { N: String(value) } : { BOOL: value };
  }
  return result;
}

/** A user PutItem, straight through the single write path. */
export function put(world: World, table: TableState, values: Readonly<Record<string, string | number | boolean>>): ItemChange {
  const image = item(values);
  return applyItemWrite(world, table, image, image, 'user');
}

/** A user DeleteItem of the item with this partition key. */
export function remove(world: World, table: TableState, id: string, keyName = 'id'): ItemChange {
  return applyItemWrite(world, table, { [keyName]: { S: id } }, undefined, 'user');
}

/** The items of a table as plain values, sorted by key, for comparisons. */
export function itemsOf(table: TableState): [string, Item][] {
  return [...table.items].sort(([a], [b]) => a.localeCompare(b));
}
