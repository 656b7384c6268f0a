// DescribeTable, DeleteTable and ListTables.
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { describeTableNotFound } from './errors.js';
import { constraintError, optionalPositiveInteger } from './request.js';
import { tablesIn } from './state.js';
import { describeTableState } from './table-description.js';
import { checkTableName } from './create-table.js';
import { disableStream } from './streams/writer.js';

type Request = Readonly<Record<string, unknown>>;

export function describeTable(world: World, request: Request): Result<{ Table: Record<string, unknown> }> {
  const name = checkTableName(request);
  if (!name.ok) return name;
  const table = tablesIn(world).get(name.value);
  if (table === undefined) return fail(describeTableNotFound(name.value));
  return ok({ Table: describeTableState(world, table) });
}

/** Deletion is immediate: the answer shows DELETING, and the table is gone for the next call. */
export function deleteTable(world: World, request: Request): Result<{ TableDescription: Record<string, unknown> }> {
  const name = checkTableName(request);
  if (!name.ok) return name;
  const tables = tablesIn(world);
  const table = tables.get(name.value);
  if (table === undefined) return fail(describeTableNotFound(name.value));
  table.status = 'DELETING';
  if (table.stream?.enabled === true) disableStream(world, table); // its records stay readable for 24 h (DDB-18)
  const description = describeTableState(world, table);
  tables.delete(name.value);
  world.record({ service: 'dynamodb', operation: 'DeleteTable', outcome: 'ok', detail: { tableName: name.value } });
  return ok({ TableDescription: description });
}

/** Table names in order, paged by `Limit` (1–100) and `ExclusiveStartTableName`. */
export function listTables(world: World, request: Request): Result<{ TableNames: string[]; LastEvaluatedTableName?: string }> {
  const limit = optionalPositiveInteger(request, 'Limit');
  if (!limit.ok) return limit;
  if ((limit.value ?? 0) > 100) return fail(constraintError('Limit', limit.value, 'Member must have value less than or equal to 100'));
  const start = typeof request.ExclusiveStartTableName === 'string' ? request.ExclusiveStartTableName : undefined;
  const names = [...tablesIn(world).keys()].sort().filter((name) => start === undefined || name > start);
  const pageSize = limit.value ?? 100;
  const page = names.slice(0, pageSize);
  const last = page[page.length - 1];
  return ok(names.length > pageSize && last !== undefined ? { TableNames: page, LastEvaluatedTableName: last } : { TableNames: page });
}
