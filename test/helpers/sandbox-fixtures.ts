// Small fixture services for testing the sandbox language without any real service: a DynamoDB-like
// `dynamodb` with put-item / get-item / create-table whose put-item throttles above a fixed number of
// writes per table per virtual second, so load summaries have exact, known counts.
import {
  awsError,
  buildCommandTable,
  BUILT_IN_SIM_COMMANDS,
  createSandbox,
  defineShowCommand,
  fail,
  ok,
  type ApiDocument,
  type CommandTable,
  type OperationSpec,
  type SandboxIo,
  type SandboxSession,
  type World,
} from '../../src/sim/index.js';

/** Writes each fixture table accepts per virtual second; the next ones are throttled. */
export const FIXTURE_WRITES_PER_SECOND = 10;

interface FixtureTable {
  items: Record<string, ApiDocument>;
  second: number;
  writesThisSecond: number;
}

function tables(world: World): Record<string, FixtureTable> {
  return world.service<Record<string, FixtureTable>>(`fixture-db:${world.region}`, () => ({}));
}

function itemKey(item: unknown): string {
  const id = (item as Record<string, { S?: string }> | undefined)?.['id'];
  return id?.S ?? '';
}

const TABLE_NAME = { flag: '--table-name', member: 'TableName', type: 'string', required: true, description: 'The table.' } as const;
const RETURN_CC = {
  flag: '--return-consumed-capacity',
  member: 'ReturnConsumedCapacity',
  type: 'string',
  required: false,
  description: 'Whether to return consumed capacity.',
  choices: ['INDEXES', 'TOTAL', 'NONE'],
} as const;

function notFound(name: string) {
  return fail(awsError('ResourceNotFoundException', 400, `Requested resource not found: Table: ${name} not found`));
}

function putItem(world: World, request: ApiDocument) {
  const name = request['TableName'] as string;
  const table = tables(world)[name];
  if (table === undefined) return notFound(name);
  const second = Math.floor(world.nowMs / 1000);
  if (table.second !== second) [table.second, table.writesThisSecond] = [second, 0];
  if (table.writesThisSecond >= FIXTURE_WRITES_PER_SECOND) {
    world.record({ service: 'dynamodb', operation: 'PutItem', outcome: 'ProvisionedThroughputExceededException', detail: { TableName: name } });
    return fail(awsError('ProvisionedThroughputExceededException', 400, 'The level of configured provisioned throughput for the table was exceeded.', { retryable: true }));
  }
  table.writesThisSecond++;
  table.items[itemKey(request['Item'])] = request['Item'] as ApiDocument;
  const consumed = { TableName: name, CapacityUnits: 1 };
  world.record({ service: 'dynamodb', operation: 'PutItem', outcome: 'ok', detail: { TableName: name, ConsumedCapacity: consumed } });
  const wantsCapacity = request['ReturnConsumedCapacity'] === 'TOTAL' || request['ReturnConsumedCapacity'] === 'INDEXES';
  return ok<ApiDocument>(wantsCapacity ? { ConsumedCapacity: consumed } : {});
}

function dynamodbOp(command: string, operation: string, summary: string, params: OperationSpec['params'], run: OperationSpec['run']): OperationSpec {
  return { service: 'dynamodb', command, operation, summary, params, run };
}

export const FIXTURE_OPERATIONS: readonly OperationSpec[] = [
  dynamodbOp(
    'create-table',
    'CreateTable',
    'Creates a fixture table.',
    [
      TABLE_NAME,
      { flag: '--key-schema', member: 'KeySchema', type: 'json', required: true, description: 'The key.' },
      { flag: '--attribute-definitions', member: 'AttributeDefinitions', type: 'json', required: false, description: 'Key types.' },
      { flag: '--provisioned-throughput', member: 'ProvisionedThroughput', type: 'json', required: false, description: 'Capacity.' },
    ],
    (world, request) => {
      const name = request['TableName'] as string;
      tables(world)[name] = { items: {}, second: -1, writesThisSecond: 0 };
      world.record({ service: 'dynamodb', operation: 'CreateTable', outcome: 'ok', detail: { TableName: name } });
      return ok({ TableDescription: { TableName: name, KeySchema: request['KeySchema'], TableStatus: 'ACTIVE' } });
    },
  ),
  dynamodbOp(
    'put-item',
    'PutItem',
    'Writes an item.',
    [
      TABLE_NAME,
      { flag: '--item', member: 'Item', type: 'json', required: true, description: 'The item.' },
      { flag: '--condition-expression', member: 'ConditionExpression', type: 'string', required: false, description: 'A condition.' },
      RETURN_CC,
    ],
    putItem,
  ),
  dynamodbOp(
    'get-item',
    'GetItem',
    'Reads an item.',
    [
      TABLE_NAME,
      { flag: '--key', member: 'Key', type: 'json', required: true, description: 'The key.' },
      { flag: '--consistent-read', member: 'ConsistentRead', type: 'boolean', required: false, description: 'Strongly consistent.' },
      { flag: '--limit', member: 'Limit', type: 'integer', required: false, description: 'A number, to test integers.' },
      RETURN_CC,
    ],
    (world, request) => {
      const name = request['TableName'] as string;
      const table = tables(world)[name];
      if (table === undefined) return notFound(name);
      const units = request['ConsistentRead'] === true ? 1 : 0.5;
      const consumed = { TableName: name, CapacityUnits: units };
      world.record({ service: 'dynamodb', operation: 'GetItem', outcome: 'ok', detail: { TableName: name, ConsumedCapacity: consumed } });
      const item = table.items[itemKey(request['Key'])];
      return ok({ ...(item === undefined ? {} : { Item: item }), ...(request['ReturnConsumedCapacity'] === 'TOTAL' ? { ConsumedCapacity: consumed } : {}) });
    },
  ),
  {
    service: 'dynamodbstreams',
    command: 'describe-stream',
    operation: 'DescribeStream',
    summary: 'A second service, to test service suggestions.',
    params: [{ flag: '--stream-arn', member: 'StreamArn', type: 'string', required: true, description: 'The stream.' }],
    run: () => ok({ StreamDescription: { StreamStatus: 'ENABLED' } }),
  },
];

export const FIXTURE_SHOW_TABLE = defineShowCommand({
  subject: 'table',
  nameArg: 'TABLE_NAME',
  summary: 'Shows a fixture table.',
  example: 'sim show table Orders',
  output: '`{tableName, itemCount}`.',
  show: (session, name) => {
    const table = tables(session.world)[name];
    if (table === undefined) return fail(awsError('ResourceNotFoundException', 400, `Table ${name} does not exist`));
    const itemCount = Object.keys(table.items).length;
    return ok({ json: { tableName: name, itemCount }, text: `${name}: ${itemCount} items\n` });
  },
});

export const FIXTURE_TABLE: CommandTable = buildCommandTable({
  operations: FIXTURE_OPERATIONS,
  simCommands: [...BUILT_IN_SIM_COMMANDS, FIXTURE_SHOW_TABLE],
});

export function memoryIo(files: Readonly<Record<string, string>> = {}): SandboxIo {
  return {
    readText: (path) => (path in files ? { ok: true, value: files[path]! } : { ok: false, message: `[Errno 2] No such file or directory: '${path}'` }),
  };
}

export function fixtureSandbox(seed = 1, files: Readonly<Record<string, string>> = {}): SandboxSession {
  return createSandbox({ seed, io: memoryIo(files), table: FIXTURE_TABLE });
}
