// Auto scaling for a provisioned table (DDB-09). The real CLI configures it through Application Auto
// Scaling (register-scalable-target + put-scaling-policy); the sandbox offers one simulator command
// instead: `sim autoscaling enable --table-name T --target 70 --min 5 --max 100 [--dimension write]`
// (the row itself is in sim-commands.ts).
import { fail, ok, validationError, type Result } from '../result.js';
import type { World } from '../world.js';
import { AUTOSCALING_MAX_TARGET_PERCENT, AUTOSCALING_MIN_TARGET_PERCENT, MAX_TABLE_CAPACITY_UNITS, MIN_CAPACITY_UNITS } from './limits.js';
import { findTable } from './state.js';
import { catchUp } from './throughput/charge.js';
import { detailOf } from './throughput/detail.js';

export interface EnableAutoScalingRequest {
  readonly tableName: string;
  readonly targetPercent: number;
  readonly minUnits: number;
  readonly maxUnits: number;
  /** Which capacity to scale; both by default. */
  readonly dimension?: 'read' | 'write' | 'both';
}

export function enableAutoScaling(world: World, request: EnableAutoScalingRequest): Result<Record<string, unknown>> {
  const table = findTable(world, request.tableName);
  if (!table.ok) return table;
  const { targetPercent, minUnits, maxUnits } = request;
  if (!(targetPercent >= AUTOSCALING_MIN_TARGET_PERCENT && targetPercent <= AUTOSCALING_MAX_TARGET_PERCENT)) {
    return fail(validationError(`TargetValue must be between ${AUTOSCALING_MIN_TARGET_PERCENT} and ${AUTOSCALING_MAX_TARGET_PERCENT} percent (DynamoDB target tracking)`));
  }
  if (!(Number.isInteger(minUnits) && Number.isInteger(maxUnits) && minUnits >= MIN_CAPACITY_UNITS && maxUnits >= minUnits && maxUnits <= MAX_TABLE_CAPACITY_UNITS)) {
    return fail(validationError(`MinCapacity and MaxCapacity must be whole numbers with ${MIN_CAPACITY_UNITS} ≤ min ≤ max ≤ ${MAX_TABLE_CAPACITY_UNITS}`));
  }
  if (table.value.throughput.mode !== 'PROVISIONED') return fail(validationError('Auto scaling applies to provisioned tables only; this table is on-demand'));
  catchUp(table.value.throughput, world.nowMs);
  const policy = { targetPercent, minUnits, maxUnits };
  const detail = detailOf(table.value.throughput);
  const dimension = request.dimension ?? 'both';
  if (dimension !== 'write') detail.autoScaling.read = policy;
  if (dimension !== 'read') detail.autoScaling.write = policy;
  world.record({ service: 'sim', operation: 'autoscaling-enabled', outcome: 'ok', detail: { tableName: request.tableName, ...policy, dimension } });
  return ok({ TableName: request.tableName, TargetValue: targetPercent, MinCapacity: minUnits, MaxCapacity: maxUnits, Dimension: dimension });
}
