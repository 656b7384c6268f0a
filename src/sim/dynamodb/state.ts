// Finding DynamoDB's state in a world: the slot, the tables of a Region, one table by name.
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { tableNotFound } from './errors.js';
import { DYNAMODB_SLOT, emptyDynamoDbState, type DynamoDbState, type TableState } from './model.js';

export function dynamoDbState(world: World): DynamoDbState {
  return world.service(DYNAMODB_SLOT, emptyDynamoDbState);
}

/** The tables of one Region (created empty on first use). */
export function tablesIn(world: World, region: string = world.region): Map<string, TableState> {
  const state = dynamoDbState(world);
  let tables = state.tablesByRegion.get(region);
  if (tables === undefined) {
    tables = new Map();
    state.tablesByRegion.set(region, tables);
  }
  return tables;
}

/** A table of a Region, or undefined when there is none (or it is being deleted): for callers where that is no error. */
export function lookUpTable(world: World, region: string, tableName: string): TableState | undefined {
  const table = dynamoDbState(world).tablesByRegion.get(region)?.get(tableName);
  return table?.status === 'DELETING' ? undefined : table;
}

/** A table of the current Region that data-plane calls may use. */
export function findTable(world: World, tableName: unknown, region: string = world.region): Result<TableState> {
  const table = typeof tableName === 'string' ? lookUpTable(world, region, tableName) : undefined;
  return table === undefined ? fail(tableNotFound()) : ok(table);
}
