// Reading the schema parts of CreateTable/UpdateTable requests: key schemas, attribute definitions,
// provisioned throughput and index definitions, with AWS's validation messages (DDB-06, DDB-12, DDB-13).
import { fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { invalidParameter, limitExceeded } from './errors.js';
import { MAX_TABLE_CAPACITY_UNITS, MIN_CAPACITY_UNITS } from './limits.js';
import type { AttributeDefinition, BillingMode, IndexState, KeySchemaElement, Projection, ScalarAttributeType } from './model.js';
import { constraintError, isRecord, missing } from './request.js';
import { newThroughput } from './throughput/detail.js';

export function parseKeySchema(value: unknown, path: string): Result<KeySchemaElement[]> {
  if (!Array.isArray(value)) return fail(missing(path));
  if (value.length < 1 || value.length > 2) return fail(constraintError(path, value, 'Member must have length less than or equal to 2'));
  const elements: KeySchemaElement[] = [];
  for (const entry of value) {
    if (!isRecord(entry) || typeof entry.AttributeName !== 'string' || (entry.KeyType !== 'HASH' && entry.KeyType !== 'RANGE')) {
      return fail(invalidParameter(`Invalid KeySchema: ${JSON.stringify(entry)}`));
    }
    elements.push({ AttributeName: entry.AttributeName, KeyType: entry.KeyType });
  }
  if (elements[0]?.KeyType !== 'HASH' || (elements[1] !== undefined && elements[1].KeyType !== 'RANGE')) {
    return fail(invalidParameter('Invalid KeySchema: The first KeySchemaElement is not a HASH key type'));
  }
  return ok(elements);
}

export function parseAttributeDefinitions(value: unknown): Result<AttributeDefinition[]> {
  if (!Array.isArray(value)) return fail(missing('AttributeDefinitions'));
  const definitions: AttributeDefinition[] = [];
  for (const entry of value) {
    const type = isRecord(entry) ? entry.AttributeType : undefined;
    if (!isRecord(entry) || typeof entry.AttributeName !== 'string' || (type !== 'S' && type !== 'N' && type !== 'B')) {
      return fail(constraintError('AttributeDefinitions.member.attributeType', type, 'Member must satisfy enum value set: [B, N, S]'));
    }
    definitions.push({ AttributeName: entry.AttributeName, AttributeType: type as ScalarAttributeType });
  }
  return ok(definitions);
}

export interface CapacityUnits {
  readonly read: number;
  readonly write: number;
}

/** ProvisionedThroughput: both members, each 1..40,000 (DDB-06). */
export function parseProvisionedThroughput(value: unknown, path: string): Result<CapacityUnits> {
  if (!isRecord(value)) return fail(missing(path));
  const read = value.ReadCapacityUnits;
  const write = value.WriteCapacityUnits;
  for (const [member, units] of [['ReadCapacityUnits', read], ['WriteCapacityUnits', write]] as const) {
    if (typeof units !== 'number' || !Number.isInteger(units)) return fail(missing(`${path}.${member}`));
    if (units < MIN_CAPACITY_UNITS) {
      return fail(constraintError(`${path}.${member}`, units, `Member must have value greater than or equal to ${MIN_CAPACITY_UNITS}`));
    }
    if (units > MAX_TABLE_CAPACITY_UNITS) {
      const kind = member === 'ReadCapacityUnits' ? 'read' : 'write';
      return fail(limitExceeded(`Subscriber limit exceeded: Provisioned throughput for a table or index cannot exceed ${MAX_TABLE_CAPACITY_UNITS} ${kind} capacity units`));
    }
  }
  return ok({ read: read as number, write: write as number });
}

function parseProjection(value: unknown, path: string): Result<Projection> {
  if (!isRecord(value)) return fail(missing(path));
  const type = value.ProjectionType;
  if (type !== 'ALL' && type !== 'KEYS_ONLY' && type !== 'INCLUDE') {
    return fail(constraintError(`${path}.projectionType`, type, 'Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]'));
  }
  const nonKey = value.NonKeyAttributes;
  if (type === 'INCLUDE') {
    if (!Array.isArray(nonKey) || nonKey.length === 0) return fail(invalidParameter('NonKeyAttributes must be specified when ProjectionType is INCLUDE'));
    return ok({ ProjectionType: type, NonKeyAttributes: nonKey.map(String) });
  }
  if (nonKey !== undefined) return fail(invalidParameter(`ProjectionType is ${type}, but NonKeyAttributes is specified`));
  return ok({ ProjectionType: type });
}

/** One GlobalSecondaryIndexes / LocalSecondaryIndexes entry (or a GSI Create update). */
export function parseIndex(world: World, value: unknown, kind: 'GSI' | 'LSI', billingMode: BillingMode, path: string): Result<IndexState> {
  if (!isRecord(value) || typeof value.IndexName !== 'string' || value.IndexName.length < 3) {
    return fail(constraintError(`${path}.indexName`, isRecord(value) ? value.IndexName : undefined, 'Member must have length greater than or equal to 3'));
  }
  const name = value.IndexName;
  const keySchema = parseKeySchema(value.KeySchema, `${path}.keySchema`);
  if (!keySchema.ok) return keySchema;
  const projection = parseProjection(value.Projection, `${path}.projection`);
  if (!projection.ok) return projection;
  if (kind === 'LSI') return ok({ name, kind, keySchema: keySchema.value, projection: projection.value, status: 'ACTIVE' });
  let units: CapacityUnits = { read: 0, write: 0 };
  if (billingMode === 'PROVISIONED') {
    if (value.ProvisionedThroughput === undefined) return fail(invalidParameter(`ProvisionedThroughput must be specified for index: ${name}`));
    const parsed = parseProvisionedThroughput(value.ProvisionedThroughput, `${path}.provisionedThroughput`);
    if (!parsed.ok) return parsed;
    units = parsed.value;
  } else if (value.ProvisionedThroughput !== undefined) {
    return fail(invalidParameter(`ProvisionedThroughput should not be specified for index: ${name} when BillingMode is PAY_PER_REQUEST`));
  }
  const throughput = newThroughput(billingMode, units.read, units.write, world.nowMs);
  return ok({ name, kind, keySchema: keySchema.value, projection: projection.value, throughput, status: 'ACTIVE' });
}

/** Every key attribute (table and indexes) is defined, and nothing else is (AWS refuses unused definitions). */
export function checkAttributeDefinitions(
  definitions: readonly AttributeDefinition[],
  keySchemas: readonly (readonly KeySchemaElement[])[],
): Result<void> {
  const used = new Set<string>();
  for (const schema of keySchemas) for (const element of schema) used.add(element.AttributeName);
  const defined = new Set(definitions.map((definition) => definition.AttributeName));
  const undefinedKeys = [...used].filter((name) => !defined.has(name));
  if (undefinedKeys.length > 0) {
    return fail(
      invalidParameter(
        `Some index key attributes are not defined in AttributeDefinitions. Keys: [${undefinedKeys.join(', ')}], AttributeDefinitions: [${[...defined].join(', ')}]`,
      ),
    );
  }
  if (defined.size !== used.size || definitions.length !== defined.size) {
    return fail(invalidParameter('Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions'));
  }
  return ok(undefined);
}
