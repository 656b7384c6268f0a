// CreateTable. Tables are ACTIVE at once (documented choice, docs/dynamodb.md: scenarios would
// otherwise need `wait table-exists` before every first write); the response therefore says ACTIVE.
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { invalidParameter, limitExceeded, tableInUse } from './errors.js';
import { MAX_ACCOUNT_CAPACITY_UNITS, MAX_GSI_PER_TABLE, MAX_LSI_PER_TABLE } from './limits.js';
import type { AttributeDefinition, BillingMode, IndexState, KeySchemaElement, StreamViewType, TableClass, TableState } from './model.js';
import { enableStream } from './streams/writer.js';
import { constraintError, optionalChoice, requireString, isRecord } from './request.js';
import {
  checkAttributeDefinitions,
  parseAttributeDefinitions,
  parseIndex,
  parseKeySchema,
  parseProvisionedThroughput,
  type CapacityUnits,
} from './schema-spec.js';
import { tablesIn } from './state.js';
import { detailOf, newThroughput } from './throughput/detail.js';
import { describeTableState } from './table-description.js';

export type CreateTableRequest = Readonly<Record<string, unknown>>;

const TABLE_NAME_PATTERN = /^[a-zA-Z0-9_.-]+$/;

export function checkTableName(request: Readonly<Record<string, unknown>>): Result<string> {
  const name = requireString(request, 'TableName');
  if (!name.ok) return name;
  if (name.value.length < 3) return fail(constraintError('TableName', name.value, 'Member must have length greater than or equal to 3'));
  if (name.value.length > 255) return fail(constraintError('TableName', name.value, 'Member must have length less than or equal to 255'));
  if (!TABLE_NAME_PATTERN.test(name.value)) {
    return fail(constraintError('TableName', name.value, 'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+'));
  }
  return name;
}

export function parseStreamSpecification(value: unknown): Result<StreamViewType | false | undefined> {
  if (value === undefined) return ok(undefined);
  if (!isRecord(value) || typeof value.StreamEnabled !== 'boolean') return fail(constraintError('StreamSpecification.streamEnabled', undefined, 'Member must not be null'));
  if (!value.StreamEnabled) return ok(false);
  const viewType = value.StreamViewType;
  if (viewType !== 'KEYS_ONLY' && viewType !== 'NEW_IMAGE' && viewType !== 'OLD_IMAGE' && viewType !== 'NEW_AND_OLD_IMAGES') {
    return fail(invalidParameter('StreamViewType is required when StreamEnabled is true'));
  }
  return ok(viewType);
}

/** DDB-06: provisioned units of every table and GSI of the Region, plus `extra`, stay within 80,000 each. */
export function checkAccountQuota(world: World, extra: CapacityUnits, except?: TableState): Result<void> {
  let read = extra.read;
  let write = extra.write;
  for (const table of tablesIn(world).values()) {
    if (table === except) continue;
    for (const throughput of [table.throughput, ...table.indexes.map((index) => index.throughput)]) {
      if (throughput === undefined || throughput.mode !== 'PROVISIONED') continue;
      read += throughput.readCapacityUnits;
      write += throughput.writeCapacityUnits;
    }
  }
  if (read > MAX_ACCOUNT_CAPACITY_UNITS || write > MAX_ACCOUNT_CAPACITY_UNITS) {
    return fail(limitExceeded(`Subscriber limit exceeded: Aggregate provisioned throughput for the account would exceed ${MAX_ACCOUNT_CAPACITY_UNITS} capacity units`));
  }
  return ok(undefined);
}

function parseBilling(request: CreateTableRequest): Result<{ mode: BillingMode; units: CapacityUnits }> {
  const mode = optionalChoice<BillingMode>(request, 'BillingMode', ['PROVISIONED', 'PAY_PER_REQUEST'], 'PROVISIONED');
  if (!mode.ok) return mode;
  if (mode.value === 'PAY_PER_REQUEST') {
    if (request.ProvisionedThroughput !== undefined) {
      return fail(invalidParameter('Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST'));
    }
    return ok({ mode: mode.value, units: { read: 0, write: 0 } });
  }
  if (request.ProvisionedThroughput === undefined) {
    return fail(invalidParameter('ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED'));
  }
  const units = parseProvisionedThroughput(request.ProvisionedThroughput, 'ProvisionedThroughput');
  return units.ok ? ok({ mode: mode.value, units: units.value }) : units;
}

function parseIndexes(world: World, request: CreateTableRequest, mode: BillingMode, tableKey: readonly KeySchemaElement[]): Result<IndexState[]> {
  const gsis = request.GlobalSecondaryIndexes ?? [];
  const lsis = request.LocalSecondaryIndexes ?? [];
  if (!Array.isArray(gsis) || !Array.isArray(lsis)) return fail(invalidParameter('Indexes must be lists'));
  if (gsis.length > MAX_GSI_PER_TABLE) return fail(limitExceeded(`Subscriber limit exceeded: The number of global secondary indexes exceeds the per-table limit of ${MAX_GSI_PER_TABLE}`));
  if (lsis.length > MAX_LSI_PER_TABLE) return fail(invalidParameter(`Number of LocalSecondaryIndexes exceeds per-table limit of ${MAX_LSI_PER_TABLE}`));
  const indexes: IndexState[] = [];
  for (const [kind, list] of [['GSI', gsis], ['LSI', lsis]] as const) {
    for (const [i, value] of list.entries()) {
      const path = `${kind === 'GSI' ? 'GlobalSecondaryIndexes' : 'LocalSecondaryIndexes'}.${i + 1}.member`;
      const index = parseIndex(world, value, kind, mode, path);
      if (!index.ok) return index;
      if (indexes.some((other) => other.name === index.value.name)) return fail(invalidParameter(`Duplicate index name: ${index.value.name}`));
      const problem = kind === 'LSI' ? checkLsiKey(index.value, tableKey) : undefined;
      if (problem !== undefined) return fail(problem);
      indexes.push(index.value);
    }
  }
  return ok(indexes);
}

/** DDB-12: an LSI has the table's partition key and its own sort key; the table must have a sort key. */
function checkLsiKey(index: IndexState, tableKey: readonly KeySchemaElement[]) {
  if (tableKey.length < 2) return invalidParameter('Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex');
  if (index.keySchema.length < 2) return invalidParameter(`Index KeySchema does not have a range key for index: ${index.name}`);
  const indexHash = index.keySchema[0]?.AttributeName;
  const tableHash = tableKey[0]?.AttributeName;
  if (indexHash !== tableHash) {
    return invalidParameter(
      `Index KeySchema does not have the same leading hash key as table KeySchema for index: ${index.name}. index hash key: ${indexHash}, table hash key: ${tableHash}`,
    );
  }
  return undefined;
}

interface TableParts {
  readonly keySchema: KeySchemaElement[];
  readonly definitions: AttributeDefinition[];
  readonly billing: { mode: BillingMode; units: CapacityUnits };
  readonly indexes: IndexState[];
  readonly streamViewType: StreamViewType | false | undefined;
  readonly tableClass: TableClass;
}

function parseTableParts(world: World, request: CreateTableRequest): Result<TableParts> {
  const keySchema = parseKeySchema(request.KeySchema, 'KeySchema');
  if (!keySchema.ok) return keySchema;
  const definitions = parseAttributeDefinitions(request.AttributeDefinitions);
  if (!definitions.ok) return definitions;
  const billing = parseBilling(request);
  if (!billing.ok) return billing;
  const indexes = parseIndexes(world, request, billing.value.mode, keySchema.value);
  if (!indexes.ok) return indexes;
  const checked = checkAttributeDefinitions(definitions.value, [keySchema.value, ...indexes.value.map((index) => index.keySchema)]);
  if (!checked.ok) return checked;
  const streamViewType = parseStreamSpecification(request.StreamSpecification);
  if (!streamViewType.ok) return streamViewType;
  const tableClass = optionalChoice<TableClass>(request, 'TableClass', ['STANDARD', 'STANDARD_INFREQUENT_ACCESS'], 'STANDARD');
  if (!tableClass.ok) return tableClass;
  return ok({ keySchema: keySchema.value, definitions: definitions.value, billing: billing.value, indexes: indexes.value, streamViewType: streamViewType.value, tableClass: tableClass.value });
}

export function createTable(world: World, request: CreateTableRequest): Result<{ TableDescription: Record<string, unknown> }> {
  const name = checkTableName(request);
  if (!name.ok) return name;
  const tables = tablesIn(world);
  if (tables.has(name.value)) return fail(tableInUse(`Table already exists: ${name.value}`));
  const parts = parseTableParts(world, request);
  if (!parts.ok) return parts;
  const { keySchema, definitions, billing, indexes, streamViewType, tableClass } = parts.value;
  const quota = checkAccountQuota(world, withIndexUnits(billing.units, indexes));
  if (!quota.ok) return quota;
  const arn = `arn:aws:dynamodb:${world.region}:${world.accountId}:table/${name.value}`;
  const table: TableState = {
    name: name.value,
    arn,
    region: world.region,
    createdAtMs: world.nowMs,
    status: 'ACTIVE',
    keySchema,
    attributeDefinitions: definitions,
    tableClass,
    throughput: newThroughput(billing.mode, billing.units.read, billing.units.write, world.nowMs),
    items: new Map(),
    indexes,
    modeSwitchesMs: [],
  };
  applyOnDemandMaximum(table, request.OnDemandThroughput);
  tables.set(table.name, table);
  // The Streams module owns the stream's lifecycle (ARN, label, shard, records): DDB-18.
  if (streamViewType) enableStream(world, table, streamViewType);
  world.record({ service: 'dynamodb', operation: 'CreateTable', outcome: 'ok', detail: { tableName: table.name, billingMode: billing.mode } });
  return ok({ TableDescription: describeTableState(world, table) });
}

export function withIndexUnits(units: CapacityUnits, indexes: readonly IndexState[]): CapacityUnits {
  let { read, write } = units;
  for (const index of indexes) {
    if (index.throughput?.mode !== 'PROVISIONED') continue;
    read += index.throughput.readCapacityUnits;
    write += index.throughput.writeCapacityUnits;
  }
  return { read, write };
}

/** DDB-05 (2024): OnDemandThroughput {MaxReadRequestUnits, MaxWriteRequestUnits}; -1 or absent means no maximum. */
export function applyOnDemandMaximum(table: TableState, value: unknown): void {
  if (!isRecord(value)) return;
  const detail = detailOf(table.throughput);
  const read = value.MaxReadRequestUnits;
  const write = value.MaxWriteRequestUnits;
  if (typeof read === 'number') detail.maxReadRequestUnits = Math.max(0, read);
  if (typeof write === 'number') detail.maxWriteRequestUnits = Math.max(0, write);
}
