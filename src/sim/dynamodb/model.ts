// DynamoDB's state in a world, as plain data. This file is the contract shared by every DynamoDB
// module: operations, throughput, indexes, streams, TTL, DAX, transactions and global tables read and
// change these shapes. Keep it to types and tiny pure helpers.

/** An attribute value in AWS's JSON shape (`{"S": "x"}`, `{"N": "1.5"}`; numbers travel as strings). */
export type AttributeValue =
  | { readonly S: string }
  | { readonly N: string }
  | { readonly B: string } // base64
  | { readonly BOOL: boolean }
  | { readonly NULL: true }
  | { readonly SS: readonly string[] }
  | { readonly NS: readonly string[] }
  | { readonly BS: readonly string[] }
  | { readonly L: readonly AttributeValue[] }
  | { readonly M: Readonly<Record<string, AttributeValue>> };

export type Item = Readonly<Record<string, AttributeValue>>;

export type ScalarAttributeType = 'S' | 'N' | 'B';
export type KeyType = 'HASH' | 'RANGE';
export type BillingMode = 'PROVISIONED' | 'PAY_PER_REQUEST';
export type StreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';
export type ProjectionType = 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
export type TableClass = 'STANDARD' | 'STANDARD_INFREQUENT_ACCESS';

export interface KeySchemaElement {
  readonly AttributeName: string;
  readonly KeyType: KeyType;
}

export interface AttributeDefinition {
  readonly AttributeName: string;
  readonly AttributeType: ScalarAttributeType;
}

export interface Projection {
  readonly ProjectionType: ProjectionType;
  readonly NonKeyAttributes?: readonly string[];
}

/**
 * Capacity state of one table or GSI in provisioned mode, or its on-demand bookkeeping. Owned by the
 * throughput module; other modules only read it. Capacity units are plain numbers (RCU may be 0.5).
 */
export interface ThroughputState {
  readonly mode: BillingMode;
  readCapacityUnits: number;
  writeCapacityUnits: number;
  /** Module-private detail (token buckets, burst credit, partitions, previous peak ...). */
  detail: Record<string, unknown>;
}

export interface IndexState {
  readonly name: string;
  readonly kind: 'GSI' | 'LSI';
  readonly keySchema: readonly KeySchemaElement[];
  readonly projection: Projection;
  /** GSIs only: their own capacity (LSIs share the table's). */
  readonly throughput?: ThroughputState;
  status: 'CREATING' | 'ACTIVE' | 'DELETING';
}

export interface StreamState {
  readonly streamArn: string;
  readonly streamLabel: string;
  readonly viewType: StreamViewType;
  enabled: boolean;
}

export interface TtlState {
  readonly attributeName: string;
  status: 'ENABLING' | 'ENABLED' | 'DISABLING' | 'DISABLED';
  /** When UpdateTimeToLive was last called (a second call within an hour is refused). */
  changedAtMs: number;
}

export interface TableState {
  readonly name: string;
  readonly arn: string;
  readonly region: string;
  readonly createdAtMs: number;
  status: 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING';
  readonly keySchema: readonly KeySchemaElement[];
  attributeDefinitions: readonly AttributeDefinition[];
  tableClass: TableClass;
  throughput: ThroughputState;
  /** Items keyed by `itemKeyString(table.keySchema, item)`. */
  readonly items: Map<string, Item>;
  indexes: IndexState[];
  stream?: StreamState;
  ttl?: TtlState;
  /** Capacity-mode switches (ms timestamps), for the switching quota (DDB-04). */
  modeSwitchesMs: number[];
}

/** Why an item changed: streams and replication tell these apart (TTL deletions are the service's). */
export type ChangeCause = 'user' | 'ttl' | 'replication' | 'transaction';

export interface ItemChange {
  readonly tableName: string;
  readonly region: string;
  readonly key: Item;
  /** `itemKeyString(keySchema, key)`, computed once per write for every listener. */
  readonly keyString: string;
  readonly oldImage?: Item;
  readonly newImage?: Item;
  readonly cause: ChangeCause;
}

/**
 * The canonical key of an item: the same for the same key attribute values, whatever else it holds.
 * It is `JSON.stringify` of the key values in schema order; the common case (S or N values needing no
 * escapes) is built by hand with the identical result, as this runs twice per write on the hot path.
 */
export function itemKeyString(keySchema: readonly KeySchemaElement[], item: Item): string {
  if (keySchema.length === 1) {
    const value = item[(keySchema[0] as KeySchemaElement).AttributeName];
    const part = value === undefined ? 'null' : plainScalarJson(value);
    if (part !== undefined) return '[' + part + ']'; // one concatenation: a flat string for the Map lookup
  }
  let text = '[';
  for (let i = 0; i < keySchema.length; i++) {
    const value = item[(keySchema[i] as KeySchemaElement).AttributeName];
    const part = value === undefined ? 'null' : plainScalarJson(value);
    if (part === undefined) return JSON.stringify(keySchema.map((element) => item[element.AttributeName] ?? null));
    text += i === 0 ? part : `,${part}`;
  }
  return `${text}]`;
}

/** `{"S":"..."}` / `{"N":"..."}` when the text needs no JSON escaping, else undefined. */
function plainScalarJson(value: AttributeValue): string | undefined {
  const type = 'S' in value ? 'S' : 'N' in value ? 'N' : undefined;
  if (type === undefined || Object.keys(value).length !== 1) return undefined;
  const text = (value as Readonly<Record<string, string>>)[type] as string;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  }
  return '{"' + type + '":"' + text + '"}';
}

/** Just the key attributes of an item. */
export function keyOf(keySchema: readonly KeySchemaElement[], item: Item): Item {
  const key: Record<string, AttributeValue> = {};
  for (const element of keySchema) {
    const value = item[element.AttributeName];
    if (value !== undefined) key[element.AttributeName] = value;
  }
  return key;
}

/** DynamoDB's slot in the world: tables per Region (global tables have one replica per Region). */
export interface DynamoDbState {
  readonly tablesByRegion: Map<string, Map<string, TableState>>;
}

export const DYNAMODB_SLOT = 'dynamodb';

export function emptyDynamoDbState(): DynamoDbState {
  return { tablesByRegion: new Map() };
}
