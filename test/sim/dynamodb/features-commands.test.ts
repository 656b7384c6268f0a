// Proves the AWS CLI rows of the DynamoDB features: each row runs in the world's current Region with
// the request members the CLI flags fill (DDB-18, DDB-19, DDB-21), refuses malformed requests with a
// ValidationException, and a world holding streams, TTL, replication timers and DAX caches survives
// snapshot/restore and then continues exactly as the original (the features' state is plain data).
import { describe, expect, it } from 'vitest';
import type { ApiDocument } from '../../../src/sim/cli/operation-spec.js';
import {
  DYNAMODB_FEATURE_OPERATIONS,
  UPDATE_TABLE_REPLICA_PARAMS,
  configureTtlSweeper,
  createDaxCluster,
  enableStream,
  hasReplicaMembers,
  runUpdateTableReplicas,
} from '../../../src/sim/dynamodb/features.js';
import { lookUpTable } from '../../../src/sim/dynamodb/state.js';
import type { Result } from '../../../src/sim/result.js';
import { createWorld, restoreWorld, type World } from '../../../src/sim/world.js';
import { createTestTable, put } from '../../helpers/dynamodb-tables.js';

function run(world: World, command: string, request: ApiDocument): Result<ApiDocument> {
  const row = DYNAMODB_FEATURE_OPERATIONS.find((spec) => spec.command === command);
  if (row === undefined) throw new Error(`no row ${command}`);
  return row.run(world, request);
}

const value = (result: Result<ApiDocument>): ApiDocument => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('feature operation rows', () => {
  it('lists the real CLI commands with their flags', () => {
    expect(DYNAMODB_FEATURE_OPERATIONS.map((spec) => `${spec.service} ${spec.command} ${spec.params.map((p) => p.flag).join(' ')}`)).toMatchInlineSnapshot(`
      [
        "dynamodbstreams list-streams --table-name --limit --exclusive-start-stream-arn",
        "dynamodbstreams describe-stream --stream-arn",
        "dynamodbstreams get-shard-iterator --stream-arn --shard-id --shard-iterator-type --sequence-number",
        "dynamodbstreams get-records --shard-iterator --limit",
        "dynamodb update-time-to-live --table-name --time-to-live-specification",
        "dynamodb describe-time-to-live --table-name",
      ]
    `);
    expect(UPDATE_TABLE_REPLICA_PARAMS.map((p) => p.flag)).toEqual(['--replica-updates', '--multi-region-consistency', '--global-table-witness-updates']);
  });

  it('reads a stream end to end through the rows, in the current Region', () => {
    const world = createWorld({ region: 'eu-west-1' });
    const table = createTestTable(world, { region: 'eu-west-1' });
    enableStream(world, table, 'NEW_IMAGE');
    put(world, table, { id: 'a' });
    const [stream] = value(run(world, 'list-streams', { TableName: 'Orders' })).Streams as { StreamArn: string }[];
    const description = value(run(world, 'describe-stream', { StreamArn: stream!.StreamArn })).StreamDescription as { Shards: { ShardId: string }[] };
    const iterator = value(run(world, 'get-shard-iterator', { StreamArn: stream!.StreamArn, ShardId: description.Shards[0]!.ShardId, ShardIteratorType: 'TRIM_HORIZON' }));
    const records = value(run(world, 'get-records', { ShardIterator: iterator.ShardIterator, Limit: 10 })).Records as { eventName: string; awsRegion: string }[];
    expect(records.map((r) => [r.eventName, r.awsRegion])).toEqual([['INSERT', 'eu-west-1']]);
  });

  it('accepts the shorthand form of the TTL specification and refuses malformed requests', () => {
    const world = createWorld();
    createTestTable(world);
    expect(value(run(world, 'update-time-to-live', { TableName: 'Orders', TimeToLiveSpecification: { Enabled: 'true', AttributeName: 'expiresAt' } }))).toEqual({
      TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' },
    });
    const problems = [
      run(world, 'update-time-to-live', { TableName: 'Orders', TimeToLiveSpecification: { Enabled: 'yes' } }),
      run(world, 'describe-time-to-live', {}),
      run(world, 'get-shard-iterator', { StreamArn: 'x', ShardId: 'y', ShardIteratorType: 'OLDEST' }),
      run(world, 'get-records', { ShardIterator: 'not-an-iterator' }),
      runUpdateTableReplicas(world, { TableName: 'Orders', ReplicaUpdates: [{ Create: { Region: 'eu-west-1' } }] }),
    ].map((r) => (r.ok ? 'ok' : `${r.error.name}: ${r.error.message}`));
    expect(problems).toMatchInlineSnapshot(`
      [
        "ValidationException: TimeToLiveSpecification needs Enabled (true or false) and AttributeName, e.g. Enabled=true,AttributeName=expiresAt",
        "ValidationException: Missing required parameter: TableName",
        "ValidationException: ShardIteratorType must be one of TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, got OLDEST",
        "ValidationException: Invalid ShardIterator",
        "ValidationException: ReplicaUpdates and GlobalTableWitnessUpdates are lists like [{"Create":{"RegionName":"eu-west-1"}}]",
      ]
    `);
  });

  it('hands update-table requests with replica members to runUpdateTableReplicas', () => {
    const world = createWorld();
    createTestTable(world);
    const request = { TableName: 'Orders', ReplicaUpdates: [{ Create: { RegionName: 'ap-northeast-1' } }] };
    expect([hasReplicaMembers(request), hasReplicaMembers({ TableName: 'Orders' })]).toEqual([true, false]);
    expect(value(runUpdateTableReplicas(world, request)).TableDescription).toMatchObject({ Replicas: [{ RegionName: 'us-east-1' }, { RegionName: 'ap-northeast-1' }] });
    expect(lookUpTable(world, 'ap-northeast-1', 'Orders')?.region).toBe('ap-northeast-1');
  });
});

describe('snapshot and restore', () => {
  it('a restored world continues exactly like the original', () => {
    const build = () => {
      const world = createWorld({ seed: 9 });
      const table = createTestTable(world);
      enableStream(world, table, 'NEW_AND_OLD_IMAGES');
      createDaxCluster(world, 'us-east-1', { clusterName: 'c1' });
      configureTtlSweeper(world, { sweepWindowMs: 2 * 60 * 60 * 1_000 });
      run(world, 'update-time-to-live', { TableName: 'Orders', TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' } });
      runUpdateTableReplicas(world, { TableName: 'Orders', ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] });
      for (let i = 0; i < 5; i++) put(world, table, { id: `i${i}`, expiresAt: world.nowMs / 1_000 + i * 600 });
      return world;
    };
    const original = build();
    const copy = restoreWorld(structuredClone(original.snapshot()));
    for (const world of [original, copy]) {
      world.advance(6 * 60 * 60 * 1_000);
      put(world, lookUpTable(world, 'eu-west-1', 'Orders')!, { id: 'late' });
      world.advance(2_000);
    }
    expect(copy.snapshot()).toEqual(original.snapshot());
    expect(original.trace.all().filter((e) => e.operation === 'ttl-item-deleted')).toHaveLength(5);
  });
});
