// The TableDescription AWS returns from CreateTable, DescribeTable, UpdateTable and DeleteTable.
// ItemCount and TableSizeBytes are live here (AWS refreshes them about every six hours; docs/dynamodb.md).
import type { World } from '../world.js';
import { itemSizeBytes } from './item-size.js';
import type { IndexState, Item, TableState, ThroughputState } from './model.js';
import { catchUp } from './throughput/charge.js';
import { detailOf } from './throughput/detail.js';
import { indexView } from './index-view.js';

/** AWS CLI v2 prints timestamps as ISO 8601 with microseconds and an offset. */
export function cliTimestamp(timeMs: number): string {
  return new Date(timeMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
}

function provisionedThroughputOf(throughput: ThroughputState): Record<string, unknown> {
  const isOnDemand = throughput.mode === 'PAY_PER_REQUEST';
  return {
    NumberOfDecreasesToday: 0,
    ReadCapacityUnits: isOnDemand ? 0 : throughput.readCapacityUnits,
    WriteCapacityUnits: isOnDemand ? 0 : throughput.writeCapacityUnits,
  };
}

function indexDescription(table: TableState, index: IndexState): Record<string, unknown> {
  let sizeBytes = 0;
  const entries: readonly Item[] = indexView(table, index);
  for (const entry of entries) sizeBytes += itemSizeBytes(entry);
  const description: Record<string, unknown> = {
    IndexName: index.name,
    KeySchema: index.keySchema,
    Projection: index.projection,
    IndexSizeBytes: sizeBytes,
    ItemCount: entries.length,
    IndexArn: `${table.arn}/index/${index.name}`,
  };
  if (index.kind === 'GSI' && index.throughput !== undefined) {
    description.IndexStatus = index.status;
    description.ProvisionedThroughput = provisionedThroughputOf(index.throughput);
  }
  return description;
}

export function describeTableState(world: World, table: TableState): Record<string, unknown> {
  catchUp(table.throughput, world.nowMs);
  const gsis = table.indexes.filter((index) => index.kind === 'GSI');
  const lsis = table.indexes.filter((index) => index.kind === 'LSI');
  const detail = detailOf(table.throughput);
  return {
    AttributeDefinitions: table.attributeDefinitions,
    TableName: table.name,
    KeySchema: table.keySchema,
    TableStatus: table.status,
    CreationDateTime: cliTimestamp(table.createdAtMs),
    ProvisionedThroughput: provisionedThroughputOf(table.throughput),
    TableSizeBytes: detail.sizeBytes,
    ItemCount: table.items.size,
    TableArn: table.arn,
    BillingModeSummary: { BillingMode: table.throughput.mode },
    ...(lsis.length > 0 ? { LocalSecondaryIndexes: lsis.map((index) => indexDescription(table, index)) } : {}),
    ...(gsis.length > 0 ? { GlobalSecondaryIndexes: gsis.map((index) => indexDescription(table, index)) } : {}),
    ...(table.stream !== undefined && table.stream.enabled
      ? {
          StreamSpecification: { StreamEnabled: true, StreamViewType: table.stream.viewType },
          LatestStreamLabel: table.stream.streamLabel,
          LatestStreamArn: table.stream.streamArn,
        }
      : {}),
    TableClassSummary: { TableClass: table.tableClass },
    DeletionProtectionEnabled: false,
    ...(table.throughput.mode === 'PAY_PER_REQUEST'
      ? { OnDemandThroughput: { MaxReadRequestUnits: detail.maxReadRequestUnits || -1, MaxWriteRequestUnits: detail.maxWriteRequestUnits || -1 } }
      : {}),
  };
}
