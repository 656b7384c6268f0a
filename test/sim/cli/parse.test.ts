// Proves the sandbox parser: each kind of line becomes the right command object (table-driven), and
// every error a learner can make is reported in the AWS CLI's words with its column and the nearest
// valid word. Error texts are pinned with inline snapshots.
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../src/sim/cli/parse.js';
import type { ParseError, ParsedCommand } from '../../../src/sim/cli/parse-result.js';
import { runSandboxLine } from '../../../src/sim/index.js';
import { FIXTURE_TABLE, fixtureSandbox, memoryIo } from '../../helpers/sandbox-fixtures.js';

const io = memoryIo({ 'item.json': '{"id": {"S": "from-file"}}\n', 'bad.json': '{"id": }' });

function parse(line: string): ParsedCommand | ParseError {
  return parseLine(line, { table: FIXTURE_TABLE, io });
}

function request(line: string): unknown {
  const parsed = parse(line);
  if (parsed.kind === 'parse-error') return `ERROR ${parsed.message}`;
  return parsed.kind === 'aws' ? { operation: parsed.spec.operation, request: parsed.request, globals: parsed.globals } : parsed;
}

function errorOf(line: string): string {
  const parsed = parse(line);
  if (parsed.kind !== 'parse-error') throw new Error(`expected a parse error for: ${line}`);
  return `column ${parsed.column}: ${parsed.message}`;
}

describe('parseLine: aws commands', () => {
  it.each([
    ['aws dynamodb put-item --table-name T --item \'{"id":{"S":"1"}}\'', { TableName: 'T', Item: { id: { S: '1' } } }],
    ['aws dynamodb put-item --table-name T --item id={S=1}', { TableName: 'T', Item: { id: { S: '1' } } }],
    ['aws dynamodb put-item --table-name T --item file://item.json', { TableName: 'T', Item: { id: { S: 'from-file' } } }],
    ['aws dynamodb get-item --table-name T --key id={S=1} --consistent-read', { TableName: 'T', Key: { id: { S: '1' } }, ConsistentRead: true }],
    ['aws dynamodb get-item --table-name T --key id={S=1} --no-consistent-read', { TableName: 'T', Key: { id: { S: '1' } }, ConsistentRead: false }],
    ['aws dynamodb get-item --table-name T --key id={S=1} --limit 5', { TableName: 'T', Key: { id: { S: '1' } }, Limit: 5 }],
    ['aws dynamodb put-item --table-name T --item id={S=1} --return-consumed-capacity TOTAL', { TableName: 'T', Item: { id: { S: '1' } }, ReturnConsumedCapacity: 'TOTAL' }],
    [
      'aws dynamodb put-item --table-name T --item id={S=1} --condition-expression "attribute_not_exists(id)"',
      { TableName: 'T', Item: { id: { S: '1' } }, ConditionExpression: 'attribute_not_exists(id)' },
    ],
    [
      'aws dynamodb create-table --table-name T --key-schema AttributeName=id,KeyType=HASH AttributeName=sk,KeyType=RANGE',
      { TableName: 'T', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }] },
    ],
    [
      'aws dynamodb create-table --table-name T --key-schema AttributeName=id,KeyType=HASH --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5',
      { TableName: 'T', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } },
    ],
    [
      'aws dynamodb create-table --table-name T --key-schema \'[{"AttributeName":"id","KeyType":"HASH"}]\'',
      { TableName: 'T', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] },
    ],
  ])('%s', (line, expected) => {
    expect(request(line)).toMatchObject({ request: expected });
  });

  it('takes the global flags from anywhere on the line and keeps --region, --profile and --retries', () => {
    expect(request('aws --region eu-west-1 dynamodb put-item --table-name T --item id={S=1} --profile learner --no-cli-pager --output json --retries 3')).toEqual({
      operation: 'PutItem',
      request: { TableName: 'T', Item: { id: { S: '1' } } },
      globals: { region: 'eu-west-1', profile: 'learner', retries: 3 },
    });
  });

  it('treats blank lines and comments as nothing to run', () => {
    expect(parse('')).toEqual({ kind: 'empty' });
    expect(parse('   # a note')).toEqual({ kind: 'empty' });
  });
});

describe('parseLine: aws errors', () => {
  it('names an unknown service and suggests the nearest', () => {
    expect(errorOf('aws dynamo scan')).toMatchInlineSnapshot(`
      "column 5: aws: error: argument command: Invalid choice: 'dynamo', maybe you meant:
        * dynamodb
        * dynamodbstreams"
    `);
  });

  it('lists the services when nothing is close', () => {
    expect(errorOf('aws lambada invoke')).toMatchInlineSnapshot(`
      "column 5: aws: error: argument command: Invalid choice: 'lambada', valid choices are:
        * dynamodb
        * dynamodbstreams"
    `);
  });

  it('names an unknown operation and suggests the nearest', () => {
    expect(errorOf('aws dynamodb put-itme --table-name T')).toMatchInlineSnapshot(`
      "column 14: aws: error: argument operation: Invalid choice: 'put-itme', maybe you meant:
        * put-item
        * get-item"
    `);
  });

  it('names an unknown flag and suggests the nearest', () => {
    expect(errorOf('aws dynamodb put-item --tabel-name T --item id={S=1}')).toMatchInlineSnapshot(`
      "column 23: aws: error: Unknown options: --tabel-name, maybe you meant:
        * --table-name"
    `);
  });

  it('lists every missing required flag', () => {
    expect(errorOf('aws dynamodb put-item')).toMatchInlineSnapshot(`"column 14: aws: error: the following arguments are required: --table-name, --item"`);
  });

  it('asks for the service and the operation', () => {
    expect(errorOf('aws')).toMatchInlineSnapshot(`"column 1: aws: error: the following arguments are required: command"`);
    expect(errorOf('aws dynamodb')).toMatchInlineSnapshot(`"column 5: aws: error: the following arguments are required: operation"`);
  });

  it('points into bad JSON in --item at the line and column where it goes wrong', () => {
    expect(errorOf(`aws dynamodb put-item --table-name T --item '{"id": {"S" "1"}}'`)).toMatchInlineSnapshot(`
      "column 58: Error parsing parameter '--item': Invalid JSON: expected ':' but found '"' (line 1 column 13 of the value)
      JSON received: {"id": {"S" "1"}}"
    `);
    expect(errorOf('aws dynamodb put-item --table-name T --item file://bad.json')).toMatchInlineSnapshot(`
      "column 45: Error parsing parameter '--item': Invalid JSON: expected a value but found '}' (line 1 column 8 of the value)
      JSON received: {"id": }"
    `);
  });

  it('reports bad shorthand in the AWS CLI form', () => {
    expect(errorOf('aws dynamodb get-item --table-name T --key id={S}')).toMatchInlineSnapshot(`
      "column 49: Error parsing parameter '--key': Expected: '=', received: '}' for input:
      id={S}
           ^"
    `);
  });

  it('reports a missing file:// file, a missing value, a bad integer and a bad choice', () => {
    expect(errorOf('aws dynamodb put-item --table-name T --item file://nope.json')).toMatchInlineSnapshot(
      `"column 45: Error parsing parameter '--item': Unable to load paramfile file://nope.json: [Errno 2] No such file or directory: 'nope.json'"`,
    );
    expect(errorOf('aws dynamodb put-item --item id={S=1} --table-name')).toMatchInlineSnapshot(`"column 39: aws: error: argument --table-name: expected one argument"`);
    expect(errorOf('aws dynamodb get-item --table-name T --key id={S=1} --limit five')).toMatchInlineSnapshot(
      `"column 61: Error parsing parameter '--limit': expected a whole number, received: 'five'"`,
    );
    expect(errorOf('aws dynamodb put-item --table-name T --item id={S=1} --return-consumed-capacity TOTL')).toMatchInlineSnapshot(`
      "column 81: aws: error: argument --return-consumed-capacity: Invalid choice: 'TOTL', maybe you meant:
        * TOTAL"
    `);
  });

  it('refuses output formats other than json, and Region names that do not exist', () => {
    expect(errorOf('aws dynamodb scan --output table')).toMatchInlineSnapshot(`"column 28: aws: error: argument --output: 'table' is not available in the sandbox; use json (the default)"`);
    expect(errorOf('aws --region eu-west-9 dynamodb scan')).toMatchInlineSnapshot(`"column 14: aws: error: argument --region: 'eu-west-9' is not an AWS Region name (e.g. us-east-1, eu-west-1)"`);
  });

  it('bounds --retries', () => {
    expect(errorOf('aws dynamodb put-item --table-name T --item id={S=1} --retries 99')).toMatchInlineSnapshot(`"column 64: aws: error: argument --retries: expected a whole number from 0 to 25, got '99'"`);
    expect(errorOf('sim load --rate 1/s --for 1s --retries 99 -- aws dynamodb put-item --table-name T --item id={S=1}')).toMatchInlineSnapshot(`"column 5: sim: error: argument --retries: at most 25"`);
  });

  it('suggests aws or sim for a line that starts with neither', () => {
    expect(errorOf('asw dynamodb scan')).toMatchInlineSnapshot(`
      "column 1: sandbox: error: argument program: Invalid choice: 'asw', maybe you meant:
        * aws"
    `);
  });

  it('names the line and column in what a script prints', () => {
    const session = fixtureSandbox();
    const report = runSandboxLine(session, `aws dynamodb put-item --table-name T --item '{"id":}'`, 7);
    expect(report.text).toMatchInlineSnapshot(`
      "Error parsing parameter '--item': Invalid JSON: expected a value but found '}' (line 1 column 7 of the value)
      JSON received: {"id":}
      (line 7, column 52)
          aws dynamodb put-item --table-name T --item '{"id":}'
                                                             ^
      "
    `);
    expect(report.error).toEqual({ code: 'ParseError', message: expect.any(String), line: 7, column: 52 });
  });
});

describe('parseLine: sim commands', () => {
  it('matches the longest row and reads typed arguments', () => {
    expect(parse('sim clock advance 1h30m')).toMatchObject({ kind: 'sim', spec: { words: ['clock', 'advance'] }, input: { args: { DURATION: 5_400_000 } } });
    expect(parse('sim clock')).toMatchObject({ kind: 'sim', spec: { words: ['clock'] } });
    expect(parse('sim trace --last 3')).toMatchObject({ input: { flags: { last: 3 } } });
    expect(parse('sim region use eu-west-1')).toMatchObject({ input: { args: { REGION: 'eu-west-1' } } });
    expect(parse('sim show table Orders')).toMatchObject({ spec: { words: ['show', 'table'] }, input: { args: { TABLE_NAME: 'Orders' } } });
  });

  it('reads sim load: rate, duration, flags and the aws command after --, kept as typed', () => {
    const parsed = parse(`sim load --rate 600/m --for 2m --background --retries 2 -- aws dynamodb put-item --table-name T --item 'id={S=k{{n}}}'`);
    expect(parsed).toMatchObject({
      kind: 'sim',
      input: {
        flags: { rate: 10, for: 120_000, background: true, retries: 2 },
        command: { kind: 'aws', request: { TableName: 'T', Item: { id: { S: 'k{{n}}' } } } },
        commandText: `aws dynamodb put-item --table-name T --item 'id={S=k{{n}}}'`,
      },
    });
  });

  it('suggests the nearest sim command, subcommand and show subject', () => {
    expect(errorOf('sim clok')).toMatchInlineSnapshot(`
      "column 5: sim: error: argument command: Invalid choice: 'clok', maybe you meant:
        * clock"
    `);
    expect(errorOf('sim show tabel Orders')).toMatchInlineSnapshot(`
      "column 10: sim: error: argument command: Invalid choice: 'tabel', maybe you meant:
        * table"
    `);
    expect(errorOf('sim')).toMatchInlineSnapshot(`"column 1: sim: error: the following arguments are required: clock|seed|reset|trace|region|load|help|show"`);
  });

  it('explains a bad duration, a bad rate, a bad Region and a bad number', () => {
    expect(errorOf('sim clock advance 90x')).toMatchInlineSnapshot(`"column 19: sim: error: argument DURATION: invalid duration '90x': write a number and a unit (ms, s, m, h, d), e.g. 500ms, 90s, 1h30m"`);
    expect(errorOf('sim load --rate 20 --for 60s -- aws dynamodb scan')).toMatchInlineSnapshot(`"column 17: sim: error: argument --rate: invalid rate '20': write requests per unit of time, e.g. 20/s, 600/m, 3600/h"`);
    expect(errorOf('sim region use eu-wset-1')).toMatchInlineSnapshot(`"column 16: sim: error: argument REGION: 'eu-wset-1' is not an AWS Region name, maybe you meant: eu-west-1"`);
    expect(errorOf('sim region use mars-1')).toMatchInlineSnapshot(`"column 16: sim: error: argument REGION: 'mars-1' is not an AWS Region name"`);
    expect(errorOf('sim seed abc')).toMatchInlineSnapshot(`"column 10: sim: error: argument N: expected a whole number, got 'abc'"`);
  });

  it('reports missing arguments, extra arguments and unknown flags', () => {
    expect(errorOf('sim clock advance')).toMatchInlineSnapshot(`"column 11: sim: error: the following arguments are required: DURATION"`);
    expect(errorOf('sim clock 90s')).toMatchInlineSnapshot(`"column 11: sim: error: unrecognized arguments: 90s"`);
    expect(errorOf('sim trace --lst 3')).toMatchInlineSnapshot(`
      "column 11: sim: error: Unknown options: --lst, maybe you meant:
        * --last"
    `);
  });

  it('checks the aws command of sim load and its placeholders', () => {
    expect(errorOf('sim load --rate 1/s --for 1s')).toMatchInlineSnapshot(
      `"column 27: sim: error: expected -- followed by an aws command, e.g. sim load --rate 20/s --for 60s -- aws dynamodb put-item --table-name Orders --item '{"id":{"S":"o{{n}}"}}'"`,
    );
    expect(errorOf('sim load --rate 1/s --for 1s -- aws dynamodb put-itme')).toMatchInlineSnapshot(`
      "column 46: aws: error: argument operation: Invalid choice: 'put-itme', maybe you meant:
        * put-item
        * get-item"
    `);
    expect(errorOf('sim load --rate 1/s --for 1s -- aws dynamodb put-item --table-name T --item id={S={{m}}}')).toMatchInlineSnapshot(
      `"column 5: sim: error: unknown placeholder {{m}}: use {{n}} (the request's number) or {{rand N}} (a seeded number below N, N ≥ 1)"`,
    );
    expect(errorOf('sim load --rate 1/s --for 0s -- aws dynamodb put-item --table-name T --item id={S=1}')).toMatchInlineSnapshot(
      `"column 5: sim: error: argument --for: must be more than 0 and at most 7d"`,
    );
    expect(errorOf('sim load --rate 1000/s --for 7d -- aws dynamodb put-item --table-name T --item id={S=1}')).toMatchInlineSnapshot(`"column 5: sim: error: a load may send at most 50,000,000 requests; this one would send 604,800,000"`);
  });
});
