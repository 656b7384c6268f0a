// Adding and removing global-table replicas: the `--replica-updates`, `--multi-region-consistency`
// and `--global-table-witness-updates` parts of `aws dynamodb update-table` (DDB-21). The core's
// UpdateTable hands those members to `updateTableReplicas` at merge.
//
// Simplifications (docs/dynamodb-features.md): a new replica is ACTIVE at once and starts with a copy
// of the source's items (no stream records for that copy); it gets the source's TTL setting and, when
// the source has a stream on, a stream with the same view type (ASSUMPTION, DDB-21 leaves the streams
// detail UNCONFIRMED). An MRSC set is created whole in one request and not changed afterwards.
import { fail, ok, validationError, type Result } from '../result.js';
import type { World } from '../world.js';
import { describeTableNotFound } from './errors.js';
import { lookUpTable, tablesIn } from './state.js';
import { GLOBAL_TABLE_VERSION, globalTablesState, groupOf, memberId, type ConsistencyMode, type GlobalTableGroup } from './global-tables.js';
import type { TableState } from './model.js';
import { enableStream } from './streams/writer.js';

/** MRSC Region sets: all three Regions of an MRSC table come from one set. DDB-21. */
export const MRSC_REGION_SETS: Readonly<Record<'US' | 'EU' | 'AP', readonly string[]>> = {
  US: ['us-east-1', 'us-east-2', 'us-west-2'],
  EU: ['eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1'],
  AP: ['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3'],
};

/** An MRSC table spans exactly three Regions: 3 replicas, or 2 replicas + 1 witness. DDB-21. */
export const MRSC_REGION_COUNT = 3;

export interface RegionRef {
  readonly RegionName: string;
}

export interface ReplicaUpdate {
  readonly Create?: RegionRef;
  readonly Delete?: RegionRef;
}

export interface UpdateTableReplicasRequest {
  readonly TableName: string;
  readonly ReplicaUpdates?: readonly ReplicaUpdate[];
  /** `EVENTUAL` (MREC, the default) or `STRONG` (MRSC); fixed once the table is global. DDB-21. */
  readonly MultiRegionConsistency?: 'EVENTUAL' | 'STRONG';
  readonly GlobalTableWitnessUpdates?: readonly ReplicaUpdate[];
}

interface Plan {
  readonly mode: ConsistencyMode;
  readonly creates: string[];
  readonly deletes: string[];
  readonly witness: string | undefined;
}

export function updateTableReplicas(world: World, region: string, request: UpdateTableReplicasRequest): Result<{ TableDescription: Record<string, unknown> }> {
  const table = lookUpTable(world, region, request.TableName);
  const planned = table === undefined ? fail<Plan>(describeTableNotFound(request.TableName)) : planUpdate(world, table, request);
  world.record({ service: 'dynamodb', operation: 'UpdateTable', outcome: planned.ok ? 'ok' : planned.error.name, region, detail: { tableName: request.TableName, replicaUpdates: request.ReplicaUpdates ?? [] } });
  if (!planned.ok || table === undefined) return planned as Result<never>;
  applyPlan(world, table, planned.value);
  return ok({ TableDescription: describeGlobalTable(world, region, table) });
}

function regionsOf(updates: readonly ReplicaUpdate[] | undefined, kind: 'Create' | 'Delete'): string[] {
  return (updates ?? []).flatMap((update) => (update[kind] === undefined ? [] : [update[kind].RegionName]));
}

function planUpdate(world: World, table: TableState, request: UpdateTableReplicasRequest): Result<Plan> {
  const group = groupOf(world, table.region, table.name);
  const requestedMode: ConsistencyMode | undefined = request.MultiRegionConsistency === undefined ? undefined : request.MultiRegionConsistency === 'STRONG' ? 'MRSC' : 'MREC';
  if (group !== undefined && requestedMode !== undefined && requestedMode !== group.mode) {
    return fail(validationError('MultiRegionConsistency cannot be changed once a table has replicas'));
  }
  const mode = group?.mode ?? requestedMode ?? 'MREC';
  const creates = regionsOf(request.ReplicaUpdates, 'Create');
  const deletes = regionsOf(request.ReplicaUpdates, 'Delete');
  const witnesses = regionsOf(request.GlobalTableWitnessUpdates, 'Create');
  const current = group?.regions ?? [table.region];
  const problem = replicaProblem(world, table, current, creates, deletes) ?? (mode === 'MRSC' ? mrscProblem(group, [...current, ...creates], witnesses, deletes) : undefined);
  if (problem !== undefined) return fail(validationError(problem));
  if (mode === 'MREC' && witnesses.length > 0) return fail(validationError('A witness can only be added to a table with MultiRegionConsistency STRONG'));
  return ok({ mode, creates, deletes, witness: witnesses[0] ?? group?.witnessRegion });
}

function replicaProblem(world: World, table: TableState, current: readonly string[], creates: readonly string[], deletes: readonly string[]): string | undefined {
  if (creates.length === 0 && deletes.length === 0) return 'ReplicaUpdates must contain at least one Create or Delete';
  for (const region of creates) {
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) return `Invalid Region name: ${region}`;
    if (current.includes(region) || creates.indexOf(region) !== creates.lastIndexOf(region)) return `Table ${table.name} already has a replica in ${region}`;
    if (lookUpTable(world, region, table.name) !== undefined) return `A table named ${table.name} already exists in ${region}`;
  }
  for (const region of deletes) {
    if (!current.includes(region)) return `Table ${table.name} has no replica in ${region}`;
    if (region === table.region) return `Cannot delete the replica in ${region} from ${region}: call UpdateTable in another replica's Region`;
  }
  return undefined;
}

/** The Region-set rules of MRSC (DDB-21), checked on the complete set the request would make. */
function mrscProblem(group: GlobalTableGroup | undefined, regions: readonly string[], witnesses: readonly string[], deletes: readonly string[]): string | undefined {
  if (group !== undefined || deletes.length > 0) return 'The simulator creates an MRSC table whole in one request and does not change its Regions afterwards';
  const all = [...regions, ...witnesses];
  if (witnesses.length > 1) return 'An MRSC global table can have at most one witness';
  if (all.length !== MRSC_REGION_COUNT) {
    return `An MRSC global table spans exactly ${MRSC_REGION_COUNT} Regions (3 replicas, or 2 replicas and a witness); this request gives ${all.length}`;
  }
  if (new Set(all).size !== all.length) return 'Each Region of an MRSC global table must be different';
  const set = Object.entries(MRSC_REGION_SETS).find(([, members]) => members.includes(all[0]!));
  if (set === undefined || !all.every((region) => set[1].includes(region))) {
    const sets = Object.entries(MRSC_REGION_SETS).map(([name, members]) => `${name}: ${members.join(', ')}`).join('; ');
    return `All Regions of an MRSC global table must come from one Region set (${sets}); got ${all.join(', ')}`;
  }
  return undefined;
}

function applyPlan(world: World, table: TableState, plan: Plan): void {
  const state = globalTablesState(world);
  const existing = groupOf(world, table.region, table.name);
  const groupId = existing === undefined ? memberId(table.region, table.name) : state.memberOf.get(memberId(table.region, table.name))!;
  const group: GlobalTableGroup = existing ?? { tableName: table.name, mode: plan.mode, regions: [table.region] };
  state.groups.set(groupId, group);
  state.memberOf.set(memberId(table.region, table.name), groupId);
  for (const region of plan.creates) {
    createReplica(world, table, region);
    group.regions.push(region);
    state.memberOf.set(memberId(region, table.name), groupId);
  }
  for (const region of plan.deletes) {
    tablesIn(world, region).delete(table.name);
    group.regions = group.regions.filter((r) => r !== region);
    state.memberOf.delete(memberId(region, table.name));
    state.versions.delete(memberId(region, table.name));
  }
  if (plan.witness !== undefined && group.witnessRegion === undefined) {
    group.witnessRegion = plan.witness;
    state.memberOf.set(memberId(plan.witness, table.name), groupId);
  }
  if (group.regions.length === 1 && group.witnessRegion === undefined) {
    state.groups.delete(groupId);
    state.memberOf.delete(memberId(table.region, table.name)); // back to a single-Region table
  }
}

function createReplica(world: World, source: TableState, region: string): void {
  const replica: TableState = {
    name: source.name,
    arn: `arn:aws:dynamodb:${region}:${world.accountId}:table/${source.name}`,
    region,
    createdAtMs: world.nowMs,
    status: 'ACTIVE',
    keySchema: source.keySchema,
    attributeDefinitions: source.attributeDefinitions,
    tableClass: source.tableClass,
    throughput: structuredClone(source.throughput),
    items: structuredClone(source.items),
    indexes: structuredClone(source.indexes),
    ...(source.ttl === undefined ? {} : { ttl: { ...source.ttl } }),
    modeSwitchesMs: [],
  };
  tablesIn(world, region).set(source.name, replica);
  const state = globalTablesState(world);
  state.versions.set(memberId(region, source.name), new Map(state.versions.get(memberId(source.region, source.name)) ?? []));
  if (source.stream?.enabled === true) enableStream(world, replica, source.stream.viewType);
}

/** What `describe-table` shows of a global table (also the body of UpdateTable's answer). */
export function describeGlobalTable(world: World, region: string, table: TableState): Record<string, unknown> {
  const group = groupOf(world, region, table.name);
  const replicas = (group?.regions ?? []).map((r) => ({ RegionName: r, ReplicaStatus: 'ACTIVE' }));
  return {
    TableName: table.name,
    TableArn: table.arn,
    TableStatus: table.status,
    ...(group === undefined ? {} : { GlobalTableVersion: GLOBAL_TABLE_VERSION, Replicas: replicas, MultiRegionConsistency: group.mode === 'MRSC' ? 'STRONG' : 'EVENTUAL' }),
    ...(group?.witnessRegion === undefined ? {} : { GlobalTableWitnesses: [{ RegionName: group.witnessRegion, WitnessStatus: 'ACTIVE' }] }),
  };
}
