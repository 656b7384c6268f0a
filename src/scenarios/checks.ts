// Checks and computed answers read the world through the simulator's public API only: the trace,
// `describeTableCapacity`, `describeLambdaForShow`, IAM's pure `evaluate`. They never change it.
import { dynamodb, iam, lambda, restoreWorld, type TraceEvent, type World } from '../sim/index.js';
import type { Check, LeafCheck, Measure } from './schema.js';

export type MeasuredValue = number | string | boolean;

export type Measured = { readonly ok: true; readonly value: MeasuredValue } | { readonly ok: false; readonly message: string };

/** What a check may look at besides the world. */
export interface CheckContext {
  readonly world: World;
  /** The JSON output of the last command that ran in this step (null when it failed or printed none). */
  readonly lastOutput: unknown;
  /** Trace length when the step began: `trace-count` with scope `step` counts from here. */
  readonly traceStart: number;
}

const measured = (value: MeasuredValue): Measured => ({ ok: true, value });
const missing = (message: string): Measured => ({ ok: false, message });

/**
 * Reads `totals.throttled`, `seconds[2].gauges.burstCreditWcu`, `Items.length` from a JSON value.
 * At most 32 segments (a bound on author input).
 */
export function readPath(value: unknown, path: string): unknown {
  const segments = path.split(/\.|(?=\[)/).slice(0, 32);
  let current: unknown = value;
  for (const segment of segments) {
    if (current === null || current === undefined) return undefined;
    const index = /^\[(\d+)\]$/.exec(segment);
    if (index !== null) current = Array.isArray(current) ? current[Number(index[1])] : undefined;
    else if (segment === 'length' && Array.isArray(current)) current = current.length;
    else current = typeof current === 'object' ? (current as Record<string, unknown>)[segment] : undefined;
  }
  return current;
}

function fromPath(value: unknown, path: string, what: string): Measured {
  const found = readPath(value, path);
  if (typeof found === 'number' || typeof found === 'string' || typeof found === 'boolean') return measured(found);
  return missing(`${what} has no number, text or boolean at "${path}"`);
}

function matchesTrace(event: TraceEvent, filter: Extract<Measure, { kind: 'trace-count' }>): boolean {
  if (event.service !== filter.service) return false;
  if (filter.operation !== undefined && event.operation !== filter.operation) return false;
  if (filter.outcome !== undefined && event.outcome !== filter.outcome) return false;
  return Object.entries(filter.detail ?? {}).every(([key, value]) => event.detail[key] === value);
}

export function measure(m: Measure | LeafCheck, context: CheckContext): Measured {
  const { world } = context;
  switch (m.kind) {
    case 'last-output-path':
      return fromPath(context.lastOutput, m.path, 'the last command output');
    case 'trace-count': {
      const events = m.scope === 'all' ? world.trace.all() : world.trace.since(context.traceStart);
      return measured(events.filter((e) => matchesTrace(e, m)).length);
    }
    case 'item-path': {
      // On a copy: a read consumes capacity and is traced, and a check must not change the world.
      const copy = restoreWorld(world.snapshot());
      const read = dynamodb.getItem(copy, { TableName: m.table, Key: m.key, ConsistentRead: true });
      if (!read.ok) return missing(`reading ${m.table} failed: ${read.error.name}`);
      if (read.value.Item === undefined) return missing(`${m.table} has no item with key ${JSON.stringify(m.key)}`);
      return fromPath(read.value.Item, m.path, `the item of ${m.table}`);
    }
    case 'item-count':
    case 'table-throttled':
    case 'table-capacity-path': {
      const view = dynamodb.describeTableCapacity(world, m.table);
      if (!view.ok) return missing(`table ${m.table} does not exist`);
      if (m.kind === 'item-count') return measured(view.value.itemCount);
      if (m.kind === 'table-throttled') return measured(view.value.read.throttledRequests + view.value.write.throttledRequests);
      return fromPath(view.value, m.path, `table ${m.table}`);
    }
    case 'lambda-cold-starts':
    case 'lambda-view-path': {
      const view = lambda.describeLambdaForShow(world, m.function);
      if (!view.ok) return missing(`function ${m.function} does not exist`);
      return m.kind === 'lambda-cold-starts' ? measured(view.value.coldStarts) : fromPath(view.value, m.path, `function ${m.function}`);
    }
    case 'iam-decision': {
      const role = iam.resolveRole(world, m.principal);
      if (!role.ok) return missing(`role ${m.principal} does not exist`);
      const request = { principal: iam.rolePrincipal(role.value), action: m.action, resource: m.resource, context: {} };
      return measured(iam.evaluate(request, iam.rolePolicySet(role.value)).effect);
    }
    default: {
      const unreachable: never = m;
      return unreachable;
    }
  }
}

export interface CheckResult {
  readonly isMet: boolean;
  /** One line per leaf: what was measured against what was wanted. */
  readonly details: readonly string[];
}

function compareLeaf(check: LeafCheck, context: CheckContext): { isMet: boolean; detail: string } {
  const result = measure(check, context);
  if (!result.ok) return { isMet: false, detail: `${check.kind}: ${result.message}` };
  const { value } = result;
  const wants: string[] = [];
  let isMet = true;
  if (check.equals !== undefined) {
    wants.push(`= ${JSON.stringify(check.equals)}`);
    isMet &&= value === check.equals;
  }
  if (check.atLeast !== undefined) {
    wants.push(`≥ ${check.atLeast}`);
    isMet &&= typeof value === 'number' && value >= check.atLeast;
  }
  if (check.atMost !== undefined) {
    wants.push(`≤ ${check.atMost}`);
    isMet &&= typeof value === 'number' && value <= check.atMost;
  }
  return { isMet, detail: `${check.kind}: ${JSON.stringify(value)} (wanted ${wants.join(' and ')})` };
}

export function evaluateCheck(check: Check, context: CheckContext): CheckResult {
  const leaves = check.kind === 'all' ? check.checks : [check];
  const results = leaves.map((leaf) => compareLeaf(leaf, context));
  return { isMet: results.every((r) => r.isMet), details: results.map((r) => r.detail) };
}
