// Key checks for every item operation: a key names exactly the key attributes with the types declared
// in AttributeDefinitions; a put item carries its key and any index keys with the right types (DDB-03).
import { fail, ok, validationError, type AwsError, type Result } from '../result.js';
import { invalidParameter, keyMismatch } from './errors.js';
import { utf8Bytes, base64Bytes } from './item-size.js';
import { MAX_PARTITION_KEY_BYTES, MAX_SORT_KEY_BYTES } from './limits.js';
import type { AttributeValue, Item, KeySchemaElement, ScalarAttributeType, TableState } from './model.js';

export function attributeType(table: TableState, attributeName: string): ScalarAttributeType | undefined {
  for (const definition of table.attributeDefinitions) if (definition.AttributeName === attributeName) return definition.AttributeType;
  return undefined;
}

function scalarTypeOf(value: AttributeValue): string {
  for (const type in value) return type;
  return '';
}

/** The text a key value hashes and compares by (the partition key decides the partition, DDB-08). */
export function scalarText(value: AttributeValue | undefined): string {
  if (value === undefined) return '';
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  if ('B' in value) return value.B;
  return '';
}

export function partitionKeyName(keySchema: readonly KeySchemaElement[]): string {
  return (keySchema[0] as KeySchemaElement).AttributeName;
}

export function sortKeyName(keySchema: readonly KeySchemaElement[]): string | undefined {
  return keySchema[1]?.AttributeName;
}

/** GetItem / DeleteItem / UpdateItem keys: exactly the table's key attributes, of the declared types. */
export function checkKey(table: TableState, key: Item): Result<Item> {
  let count = 0;
  for (const name in key) {
    count++;
    const declared = table.keySchema.some((element) => element.AttributeName === name) ? attributeType(table, name) : undefined;
    if (declared === undefined || scalarTypeOf(key[name] as AttributeValue) !== declared) return fail(keyMismatch());
  }
  if (count !== table.keySchema.length) return fail(keyMismatch());
  const sizeProblem = keyValueProblem(table, key);
  return sizeProblem === undefined ? ok(key) : fail(sizeProblem);
}

function keyValueProblem(table: TableState, item: Item): AwsError | undefined {
  for (let i = 0; i < table.keySchema.length; i++) {
    const name = (table.keySchema[i] as KeySchemaElement).AttributeName;
    const value = item[name] as AttributeValue;
    const bytes = 'B' in value ? base64Bytes(value.B) : utf8Bytes(scalarText(value));
    if (bytes === 0) {
      return validationError(`One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: ${name}`);
    }
    if (i === 0 && bytes > MAX_PARTITION_KEY_BYTES) {
      return invalidParameter(`Size of hashkey has exceeded the maximum size limit of${MAX_PARTITION_KEY_BYTES} bytes`);
    }
    if (i === 1 && bytes > MAX_SORT_KEY_BYTES) {
      return invalidParameter(`Aggregated size of all range keys has exceeded the size limit of ${MAX_SORT_KEY_BYTES} bytes`);
    }
  }
  return undefined;
}

/** PutItem items: the table key is present and typed right; index key attributes, when present, are typed right. */
export function checkItemKeys(table: TableState, item: Item): Result<Item> {
  for (const element of table.keySchema) {
    const value = item[element.AttributeName];
    if (value === undefined) return fail(invalidParameter(`Missing the key ${element.AttributeName} in the item`));
    const expected = attributeType(table, element.AttributeName);
    const actual = scalarTypeOf(value);
    if (actual !== expected) {
      return fail(invalidParameter(`Type mismatch for key ${element.AttributeName} expected: ${expected ?? '?'} actual: ${actual}`));
    }
  }
  const problem = keyValueProblem(table, item) ?? indexKeyProblem(table, item);
  return problem === undefined ? ok(item) : fail(problem);
}

function indexKeyProblem(table: TableState, item: Item): AwsError | undefined {
  for (const index of table.indexes) {
    for (const element of index.keySchema) {
      const value = item[element.AttributeName];
      if (value === undefined) continue;
      const expected = attributeType(table, element.AttributeName);
      const actual = scalarTypeOf(value);
      if (actual !== expected) {
        return invalidParameter(`Type mismatch for Index Key ${element.AttributeName} Expected: ${expected ?? '?'} Actual: ${actual} IndexName: ${index.name}`);
      }
    }
  }
  return undefined;
}
