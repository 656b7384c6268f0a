// Proves DynamoDB's core and its features work as one service through the sandbox language, as a
// learner types it: CreateTable/UpdateTable/DeleteTable drive the stream's lifecycle (DDB-18), replicas
// are added with `update-table --replica-updates` and receive writes after the replication delay
// (DDB-21), an MRSC table refuses a conflicting write from another Region, and TTL is enabled with the
// real CLI command (DDB-19).
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxLine, runSandboxScript, type LineReport } from '../../../src/sim/index.js';

const CREATE = [
  'aws dynamodb create-table --table-name Orders --attribute-definitions AttributeName=id,AttributeType=S',
  '--key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST',
].join(' ');

function run(lines: readonly string[], seed = 7): LineReport[] {
  const reports = runSandboxScript(createSandbox({ seed }), lines.join('\n')).lines;
  const failed = reports.filter((r) => r.isParseError);
  if (failed.length > 0) throw new Error(failed.map((r) => r.text).join('\n'));
  return reports.filter((r) => !r.isEmpty);
}

const output = (report: LineReport | undefined) => report?.output as Record<string, any>;

describe('streams follow the table (DDB-18)', () => {
  /** Runs lines one at a time on one sandbox, so later lines can use what earlier ones answered. */
  function session() {
    const sandbox = createSandbox({ seed: 7 });
    return (line: string) => {
      const report = runSandboxLine(sandbox, line);
      if (!report.ok) throw new Error(report.text);
      return report.output as Record<string, any>;
    };
  }

  it('records an INSERT for a write to a table created with a stream, readable with the real commands', () => {
    const run = session();
    const created = run(`${CREATE} --stream-specification StreamEnabled=true,StreamViewType=NEW_IMAGE`);
    run(`aws dynamodb put-item --table-name Orders --item '{"id":{"S":"1"}}'`);
    const streamArn = run('aws dynamodbstreams list-streams --table-name Orders').Streams[0].StreamArn as string;
    expect(created.TableDescription.LatestStreamArn).toBe(streamArn);
    const shardId = run(`aws dynamodbstreams describe-stream --stream-arn ${streamArn}`).StreamDescription.Shards[0].ShardId as string;
    const iterator = run(`aws dynamodbstreams get-shard-iterator --stream-arn ${streamArn} --shard-id ${shardId} --shard-iterator-type TRIM_HORIZON`).ShardIterator as string;
    const records = run(`aws dynamodbstreams get-records --shard-iterator ${iterator}`).Records as { eventName: string; dynamodb: { NewImage: unknown } }[];
    expect(records.map((r) => r.eventName)).toEqual(['INSERT']);
    expect(records[0]!.dynamodb.NewImage).toEqual({ id: { S: '1' } });
  });

  it('turns the stream off with update-table and on delete-table, keeping old streams listed as disabled', () => {
    const run = session();
    run(`${CREATE} --stream-specification StreamEnabled=true,StreamViewType=KEYS_ONLY`);
    run('aws dynamodb update-table --table-name Orders --stream-specification StreamEnabled=false');
    run('sim clock advance 1s');
    run('aws dynamodb update-table --table-name Orders --stream-specification StreamEnabled=true,StreamViewType=NEW_IMAGE');
    run('aws dynamodb delete-table --table-name Orders');
    const streams = run('aws dynamodbstreams list-streams').Streams as { StreamArn: string }[];
    expect(streams).toHaveLength(2); // the first stream and the one enabled again, both kept for 24 h
    for (const { StreamArn } of streams) {
      expect(run(`aws dynamodbstreams describe-stream --stream-arn ${StreamArn}`).StreamDescription.StreamStatus).toBe('DISABLED');
    }
  });
});

describe('global tables through update-table (DDB-21)', () => {
  it('replicates a write to the new Region only after the replication delay', () => {
    const lines = run([
      `${CREATE} --stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES`,
      `aws dynamodb update-table --table-name Orders --replica-updates '[{"Create":{"RegionName":"eu-west-1"}}]'`,
      `aws dynamodb put-item --table-name Orders --item '{"id":{"S":"1"}}'`,
      `aws dynamodb get-item --table-name Orders --key '{"id":{"S":"1"}}' --region eu-west-1`,
      'sim clock advance 2s',
      `aws dynamodb get-item --table-name Orders --key '{"id":{"S":"1"}}' --region eu-west-1`,
    ]);
    expect(lines.map((l) => l.ok)).toEqual([true, true, true, true, true, true]);
    expect(output(lines[3])).toEqual({});
    expect(output(lines[5]).Item).toEqual({ id: { S: '1' } });
  });

  it('refuses a replica change mixed with other updates in one call', () => {
    const [, mixed] = run([CREATE, `aws dynamodb update-table --table-name Orders --billing-mode PAY_PER_REQUEST --replica-updates '[{"Create":{"RegionName":"eu-west-1"}}]'`]);
    expect(mixed!.ok).toBe(false);
    expect(mixed!.text).toContain('in an UpdateTable call of their own');
  });

  it('refuses a write from another Region to an MRSC item written a moment ago', () => {
    const lines = run([
      CREATE,
      `aws dynamodb update-table --table-name Orders --multi-region-consistency STRONG --replica-updates '[{"Create":{"RegionName":"us-east-2"}},{"Create":{"RegionName":"us-west-2"}}]'`,
      `aws dynamodb put-item --table-name Orders --item '{"id":{"S":"1"},"v":{"N":"1"}}'`,
      `aws dynamodb put-item --table-name Orders --item '{"id":{"S":"1"},"v":{"N":"2"}}' --region us-west-2`,
      'sim clock advance 1s',
      `aws dynamodb put-item --table-name Orders --item '{"id":{"S":"1"},"v":{"N":"3"}}' --region us-west-2`,
      `aws dynamodb get-item --table-name Orders --key '{"id":{"S":"1"}}'`,
    ]);
    expect(lines.map((l) => l.ok)).toEqual([true, true, true, false, true, true, true]);
    expect(lines[3]!.error?.code).toBe('ReplicatedWriteConflictException');
    expect(output(lines[6]).Item.v).toEqual({ N: '3' });
  });
});

describe('TTL through the CLI (DDB-19)', () => {
  it('enables TTL with update-time-to-live and refuses a second change within the hour', () => {
    const lines = run([
      CREATE,
      'aws dynamodb update-time-to-live --table-name Orders --time-to-live-specification Enabled=true,AttributeName=expiresAt',
      'aws dynamodb describe-time-to-live --table-name Orders',
      'aws dynamodb update-time-to-live --table-name Orders --time-to-live-specification Enabled=false,AttributeName=expiresAt',
    ]);
    expect(output(lines[2]).TimeToLiveDescription).toMatchObject({ AttributeName: 'expiresAt' });
    expect(lines[3]!.ok).toBe(false);
    expect(lines[3]!.error?.code).toBe('ValidationException');
  });
});
