// Proves the control plane: CreateTable's validation (keys, definitions, billing, LSI/GSI rules, DDB-06
// limits) with AWS's wording, the TableDescription shape, streams, UpdateTable GSI changes, DeleteTable
// and ListTables paging.
import { describe, expect, it } from 'vitest';
import { createTable } from '../../../src/sim/dynamodb/create-table.js';
import { putItem } from '../../../src/sim/dynamodb/items.js';
import { deleteTable, describeTable, listTables } from '../../../src/sim/dynamodb/tables.js';
import { updateTable } from '../../../src/sim/dynamodb/update-table.js';
import { tablesIn } from '../../../src/sim/dynamodb/state.js';
import { error, makeTable, newWorld, value } from '../../helpers/dynamodb.js';

const base = {
  TableName: 'Orders',
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }],
  ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
};
const lsi = (name: string, sortKey = 'sk2') => ({
  IndexName: name,
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: sortKey, KeyType: 'RANGE' }],
  Projection: { ProjectionType: 'KEYS_ONLY' },
});

describe('CreateTable', () => {
  it('describes a new provisioned table as ACTIVE with the real TableDescription members', () => {
    const world = newWorld();
    const { TableDescription } = value(createTable(world, base));
    expect(TableDescription).toMatchInlineSnapshot(`
      {
        "AttributeDefinitions": [
          {
            "AttributeName": "pk",
            "AttributeType": "S",
          },
          {
            "AttributeName": "sk",
            "AttributeType": "S",
          },
        ],
        "BillingModeSummary": {
          "BillingMode": "PROVISIONED",
        },
        "CreationDateTime": "2026-01-01T00:00:00.000000+00:00",
        "DeletionProtectionEnabled": false,
        "ItemCount": 0,
        "KeySchema": [
          {
            "AttributeName": "pk",
            "KeyType": "HASH",
          },
          {
            "AttributeName": "sk",
            "KeyType": "RANGE",
          },
        ],
        "ProvisionedThroughput": {
          "NumberOfDecreasesToday": 0,
          "ReadCapacityUnits": 5,
          "WriteCapacityUnits": 5,
        },
        "TableArn": "arn:aws:dynamodb:us-east-1:123456789012:table/Orders",
        "TableClassSummary": {
          "TableClass": "STANDARD",
        },
        "TableName": "Orders",
        "TableSizeBytes": 0,
        "TableStatus": "ACTIVE",
      }
    `);
  });

  it('refuses a second table of the same name', () => {
    const world = newWorld();
    value(createTable(world, base));
    expect(error(createTable(world, base))).toMatchObject({ name: 'ResourceInUseException', message: 'Table already exists: Orders' });
  });

  it('names each schema problem as AWS does', () => {
    const world = newWorld();
    const messages = [
      { ...base, AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }] },
      { ...base, AttributeDefinitions: [...base.AttributeDefinitions, { AttributeName: 'extra', AttributeType: 'S' }] },
      { ...base, ProvisionedThroughput: undefined },
      { ...base, BillingMode: 'PAY_PER_REQUEST' },
      { ...base, ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 5 } },
      { ...base, ProvisionedThroughput: { ReadCapacityUnits: 40_001, WriteCapacityUnits: 5 } },
      { ...base, TableName: 'ab' },
    ].map((request) => error(createTable(world, request)).message);
    expect(messages).toMatchInlineSnapshot(`
      [
        "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [sk], AttributeDefinitions: [pk]",
        "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions",
        "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED",
        "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST",
        "1 validation error detected: Value '0' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1",
        "Subscriber limit exceeded: Provisioned throughput for a table or index cannot exceed 40000 read capacity units",
        "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3",
      ]
    `);
  });

  it('DDB-06: refuses tables that would take the account past 80,000 RCU in the Region', () => {
    const world = newWorld();
    value(createTable(world, { ...base, TableName: 'One', ProvisionedThroughput: { ReadCapacityUnits: 40_000, WriteCapacityUnits: 5 } }));
    value(createTable(world, { ...base, TableName: 'Two', ProvisionedThroughput: { ReadCapacityUnits: 40_000, WriteCapacityUnits: 5 } }));
    expect(error(createTable(world, { ...base, TableName: 'Three' })).name).toBe('LimitExceededException');
  });

  it('DDB-12: takes at most 5 LSIs, each with the table partition key and a sort key', () => {
    const world = newWorld();
    const definitions = [...base.AttributeDefinitions, { AttributeName: 'sk2', AttributeType: 'S' }];
    const six = ['lsi1', 'lsi2', 'lsi3', 'lsi4', 'lsi5', 'lsi6'].map((name) => lsi(name));
    expect(error(createTable(world, { ...base, AttributeDefinitions: definitions, LocalSecondaryIndexes: six })).message).toMatchInlineSnapshot(
      `"One or more parameter values were invalid: Number of LocalSecondaryIndexes exceeds per-table limit of 5"`,
    );
    const otherHash = { ...lsi('byOther'), KeySchema: [{ AttributeName: 'sk2', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }] };
    expect(error(createTable(world, { ...base, AttributeDefinitions: definitions, LocalSecondaryIndexes: [otherHash] })).message).toMatchInlineSnapshot(
      `"One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as table KeySchema for index: byOther. index hash key: sk2, table hash key: pk"`,
    );
    value(createTable(world, { ...base, AttributeDefinitions: definitions, LocalSecondaryIndexes: six.slice(0, 5) }));
  });

  it('DDB-18: a stream gets an ARN ending in /stream/<ISO time label>', () => {
    const world = newWorld();
    const { TableDescription } = value(createTable(world, { ...base, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } }));
    expect(TableDescription).toMatchObject({
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
      LatestStreamLabel: '2026-01-01T00:00:00.000',
      LatestStreamArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2026-01-01T00:00:00.000',
    });
  });
});

describe('UpdateTable, DescribeTable, DeleteTable, ListTables', () => {
  it('DDB-13: adds a GSI later (with its attribute definition) and deletes it', () => {
    const world = newWorld();
    makeTable(world, 'Orders');
    value(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'a' }, status: { S: 'open' } } }));
    const created = value(
      updateTable(world, {
        TableName: 'Orders',
        AttributeDefinitions: [{ AttributeName: 'status', AttributeType: 'S' }],
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: 'byStatus',
              KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
              Projection: { ProjectionType: 'ALL' },
              ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
            },
          },
        ],
      }),
    );
    expect(created.TableDescription.GlobalSecondaryIndexes).toMatchObject([{ IndexName: 'byStatus', IndexStatus: 'ACTIVE', ItemCount: 1 }]);
    const deleted = value(updateTable(world, { TableName: 'Orders', GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'byStatus' } }] }));
    expect(deleted.TableDescription.GlobalSecondaryIndexes).toBeUndefined();
  });

  it('refuses an update that changes nothing, with the current and requested values', () => {
    const world = newWorld();
    makeTable(world, 'Orders');
    const refused = error(updateTable(world, { TableName: 'Orders', ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } }));
    expect(refused.message).toContain('The provisioned throughput for the table will not change.');
  });

  it('tells DescribeTable on a missing table which table was not found', () => {
    const world = newWorld();
    expect(error(describeTable(world, { TableName: 'Missing' }))).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Requested resource not found: Table: Missing not found',
    });
  });

  it('deletes at once, answering DELETING; the table is then gone', () => {
    const world = newWorld();
    makeTable(world, 'Orders');
    expect(value(deleteTable(world, { TableName: 'Orders' })).TableDescription.TableStatus).toBe('DELETING');
    expect(error(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'a' } } })).message).toBe('Requested resource not found');
  });

  it('lists table names in order, a page at a time', () => {
    const world = newWorld();
    for (const name of ['Carts', 'Orders', 'Users']) makeTable(world, name);
    expect(value(listTables(world, { Limit: 2 }))).toEqual({ TableNames: ['Carts', 'Orders'], LastEvaluatedTableName: 'Orders' });
    expect(value(listTables(world, { ExclusiveStartTableName: 'Orders' }))).toEqual({ TableNames: ['Users'] });
  });
});

describe('billing modes and streams through UpdateTable', () => {
  it('DDB-04/05: switches to on-demand and back, describing each mode as AWS does', () => {
    const world = newWorld();
    makeTable(world, 'Orders');
    const onDemand = value(updateTable(world, { TableName: 'Orders', BillingMode: 'PAY_PER_REQUEST' })).TableDescription;
    expect(onDemand).toMatchObject({
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
      ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
      OnDemandThroughput: { MaxReadRequestUnits: -1, MaxWriteRequestUnits: -1 },
    });
    expect(error(updateTable(world, { TableName: 'Orders', BillingMode: 'PROVISIONED' })).message).toMatchInlineSnapshot(
      `"One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED"`,
    );
    const provisioned = value(
      updateTable(world, { TableName: 'Orders', BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 7, WriteCapacityUnits: 9 } }),
    ).TableDescription;
    expect(provisioned.ProvisionedThroughput).toEqual({ NumberOfDecreasesToday: 0, ReadCapacityUnits: 7, WriteCapacityUnits: 9 });
  });

  it('DDB-18: enables a stream once, refuses a second, and disables it', () => {
    const world = newWorld();
    makeTable(world, 'Orders');
    const spec = { StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } };
    expect(value(updateTable(world, { TableName: 'Orders', ...spec })).TableDescription.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'KEYS_ONLY' });
    expect(error(updateTable(world, { TableName: 'Orders', ...spec })).message).toMatchInlineSnapshot(`"Table already has an enabled stream: TableName: Orders"`);
    const disabled = value(updateTable(world, { TableName: 'Orders', StreamSpecification: { StreamEnabled: false } })).TableDescription;
    expect(disabled.StreamSpecification).toBeUndefined();
  });

  it('refuses an UpdateTable with nothing to change, and a refused part changes nothing', () => {
    const world = newWorld();
    makeTable(world, 'Orders');
    expect(error(updateTable(world, { TableName: 'Orders' })).name).toBe('ValidationException');
    const refused = updateTable(world, {
      TableName: 'Orders',
      ProvisionedThroughput: { ReadCapacityUnits: 50, WriteCapacityUnits: 50 },
      GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'missing' } }],
    });
    expect(error(refused).message).toMatchInlineSnapshot(`"Requested resource not found: Index: missing not found"`);
    expect(value(describeTable(world, { TableName: 'Orders' })).Table.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 5, WriteCapacityUnits: 5 });
  });
});

describe('GSIs across a billing switch', () => {
  it('DDB-13: switching to provisioned gives GSIs the table units unless the same call updates them', () => {
    const world = newWorld();
    makeTable(world, 'Orders', {
      onDemand: true,
      extraDefinitions: [{ AttributeName: 'status', AttributeType: 'S' }],
      extra: { GlobalSecondaryIndexes: [{ IndexName: 'byStatus', KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }] },
    });
    const described = value(
      updateTable(world, {
        TableName: 'Orders',
        BillingMode: 'PROVISIONED',
        ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 10 },
        GlobalSecondaryIndexUpdates: [{ Update: { IndexName: 'byStatus', ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 4 } } }],
      }),
    ).TableDescription;
    expect(described.GlobalSecondaryIndexes).toMatchObject([{ IndexName: 'byStatus', ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 4 } }]);
  });
});

describe('tables made by other code', () => {
  it('fills in an empty throughput detail on first use (a table built directly as TableState)', () => {
    const world = newWorld();
    makeTable(world, 'Orders');
    const table = tablesIn(world).get('Orders');
    if (table === undefined) throw new Error('no table');
    table.throughput = { mode: 'PROVISIONED', readCapacityUnits: 5, writeCapacityUnits: 5, detail: {} };
    value(putItem(world, { TableName: 'Orders', Item: { pk: { S: 'a' } } }));
    expect(value(describeTable(world, { TableName: 'Orders' })).Table).toMatchObject({ ItemCount: 1, TableSizeBytes: 3 });
  });
});
