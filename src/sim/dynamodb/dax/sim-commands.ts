// DAX in the sandbox (DDB-20): `sim dax create` puts a cluster in front of a table, `sim show dax` shows
// its caches and counters, and `sim dax NAME -- aws dynamodb get-item ...` sends a real AWS CLI command
// through the cluster instead of straight to DynamoDB (the AWS CLI has no DAX client, so the sandbox
// gives the learner this prefix). The command runs like any aws line: its --region and --retries apply.
import type { ApiDocument } from '../../cli/operation-spec.js';
import { runAwsCommand } from '../../cli/dispatch.js';
import { formatOutput } from '../../cli/format-output.js';
import type { SandboxSession, SimCommandSpec, SimInput, SimOutput } from '../../cli/sim-command-spec.js';
import { defineShowCommand } from '../../cli/sim-show.js';
import { formatDurationMs } from '../../cli/sim-text.js';
import { fail, ok, type Result } from '../../result.js';
import type { World } from '../../world.js';
import { describeTableNotFound } from '../errors.js';
import { findTable } from '../state.js';
import { DYNAMODB_DAX_BACKEND } from './backend.js';
import { createDaxCluster, describeDaxCluster, findDaxCluster } from './cluster.js';
import type { DaxCluster } from './model.js';
import { daxBatchGetItem, daxDeleteItem, daxGetItem, daxPutItem, daxQuery, daxScan, daxUpdateItem } from './operations.js';

type DaxRun = typeof daxGetItem;

/** The `aws dynamodb` commands a DAX cluster answers; everything else is refused at parse time. */
const DAX_COMMANDS: Readonly<Record<string, DaxRun>> = {
  'get-item': daxGetItem,
  'batch-get-item': daxBatchGetItem,
  query: daxQuery,
  scan: daxScan,
  'put-item': daxPutItem,
  'update-item': daxUpdateItem,
  'delete-item': daxDeleteItem,
};

function validateThroughDax(input: SimInput): string | undefined {
  const command = input.command;
  if (command === undefined) return 'sim dax needs -- followed by an aws dynamodb command';
  const name = `${command.spec.service} ${command.spec.command}`;
  if (command.spec.service !== 'dynamodb' || DAX_COMMANDS[command.spec.command] === undefined) {
    return `DAX does not serve 'aws ${name}'; through a cluster use aws dynamodb ${Object.keys(DAX_COMMANDS).join('|')} (send other commands to DynamoDB directly)`;
  }
  return undefined;
}

function runThroughDax(session: SandboxSession, input: SimInput): Result<SimOutput> {
  const command = input.command!; // validate made sure it is there
  const clusterName = input.args.CLUSTER_NAME as string;
  const operation = DAX_COMMANDS[command.spec.command]!;
  const viaDax = (world: World, request: ApiDocument): Result<ApiDocument> => operation(world, DYNAMODB_DAX_BACKEND, world.region, clusterName, request);
  const { result } = runAwsCommand(session, { ...command, spec: { ...command.spec, run: viaDax } });
  return result.ok ? ok({ json: result.value, text: formatOutput(result.value) }) : result;
}

function createCluster(world: World, input: SimInput): Result<DaxCluster> {
  const tableName = input.flags['table-name'] as string;
  if (!findTable(world, tableName).ok) return fail(describeTableNotFound(tableName));
  const itemTtlMs = input.flags['item-ttl'] as number | undefined;
  const queryTtlMs = input.flags['query-ttl'] as number | undefined;
  return createDaxCluster(world, world.region, {
    clusterName: input.args.CLUSTER_NAME as string,
    tableName,
    ...(itemTtlMs === undefined ? {} : { itemTtlMs }),
    ...(queryTtlMs === undefined ? {} : { queryTtlMs }),
  });
}

function showText(view: DaxCluster, nowMs: number): string {
  const live = (cache: ReadonlyMap<string, { readonly expiresAtMs: number }>) => [...cache.values()].filter((e) => e.expiresAtMs > nowMs).length;
  const { stats } = view;
  return [
    `DAX cluster ${view.name} (${view.region})${view.tableName === undefined ? '' : ` in front of ${view.tableName}`}, ${view.replicationFactor} nodes`,
    `item cache:  TTL ${formatDurationMs(view.itemTtlMs)}, ${live(view.itemCache)} entries, ${stats.itemHits} hits, ${stats.itemMisses} misses`,
    `query cache: TTL ${formatDurationMs(view.queryTtlMs)}, ${live(view.queryCache)} entries, ${stats.queryHits} hits, ${stats.queryMisses} misses`,
    `pass-throughs (strongly consistent reads): ${stats.passThroughs}, evictions: ${stats.evictions}`,
    '',
  ].join('\n');
}

const CLUSTER_ARG = { name: 'CLUSTER_NAME', type: 'string', required: true, description: 'The DAX cluster.' } as const;

export const DAX_SIM_COMMANDS: readonly SimCommandSpec[] = [
  {
    words: ['dax', 'create'],
    args: [CLUSTER_ARG],
    flags: [
      { flag: '--table-name', type: 'string', required: true, description: 'The table the cluster fronts (it must exist; the cluster serves every table of the Region, as in AWS).' },
      { flag: '--item-ttl', type: 'duration', required: false, description: 'How long GetItem/BatchGetItem answers stay cached (default 5m, DDB-20; 0 = no caching).' },
      { flag: '--query-ttl', type: 'duration', required: false, description: 'How long Query/Scan answers stay cached (default 5m, DDB-20).' },
    ],
    summary: 'Creates a DAX cluster (3 nodes) in the current Region, in front of a table: an item cache and a query cache, each with a TTL.',
    example: 'sim dax create orders-cache --table-name Orders --item-ttl 5m',
    output: '`{ClusterName, ClusterArn, Region, TableName, ItemTtlMs, QueryTtlMs}`.',
    run: (session, input) => {
      const created = createCluster(session.world, input);
      if (!created.ok) return created;
      const c = created.value;
      const json = { ClusterName: c.name, ClusterArn: c.arn, Region: c.region, TableName: c.tableName, ItemTtlMs: c.itemTtlMs, QueryTtlMs: c.queryTtlMs };
      return ok({ json, text: `Created DAX cluster ${c.name} in front of ${String(c.tableName)}: item TTL ${formatDurationMs(c.itemTtlMs)}, query TTL ${formatDurationMs(c.queryTtlMs)}\n` });
    },
  },
  {
    words: ['dax'],
    args: [CLUSTER_ARG],
    flags: [],
    takesCommand: true,
    summary:
      'Sends an aws dynamodb command through a DAX cluster: get-item, batch-get-item, query and scan are answered from its caches when they can be; put-item, update-item and delete-item write through.',
    example: "sim dax orders-cache -- aws dynamodb get-item --table-name Orders --key '{\"id\":{\"S\":\"1\"}}'",
    output: 'What the aws command answers (the same JSON as without DAX); each call adds a `dax` trace entry with `lookup`: hit, miss or pass-through.',
    validate: validateThroughDax,
    run: runThroughDax,
  },
  defineShowCommand({
    subject: 'dax',
    nameArg: 'CLUSTER_NAME',
    summary: "Shows a DAX cluster: its TTLs, the live entries of each cache, hits, misses, pass-throughs and evictions.",
    example: 'sim show dax orders-cache',
    output: '`{ClusterName, ClusterArn, Region, TableName, Status, TotalNodes, ItemCache: {ttlMs, capacityEntries, entries}, QueryCache: {...}, Stats: {itemHits, itemMisses, queryHits, queryMisses, passThroughs, evictions}}`.',
    show: (session, name) => {
      const world = session.world;
      const found = findDaxCluster(world, world.region, name);
      if (!found.ok) return found;
      const view = describeDaxCluster(world, world.region, name);
      return view.ok ? ok({ json: view.value, text: showText(found.value, world.nowMs) }) : view;
    },
  }),
];
