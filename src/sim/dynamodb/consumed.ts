// What an operation consumed, per table and index, and the ConsumedCapacity member the AWS CLI prints
// for ReturnConsumedCapacity TOTAL or INDEXES (NONE prints nothing).
export type ReturnConsumedCapacity = 'TOTAL' | 'INDEXES' | 'NONE';
export const RETURN_CONSUMED_CAPACITY_CHOICES: readonly ReturnConsumedCapacity[] = ['INDEXES', 'TOTAL', 'NONE'];

export interface ConsumedUnits {
  readonly tableName: string;
  /** Units on the base table itself (LSI units are listed apart but drawn from the table's capacity, DDB-12). */
  tableUnits: number;
  gsiUnits?: Record<string, number>;
  lsiUnits?: Record<string, number>;
}

export function totalUnits(consumed: ConsumedUnits): number {
  let units = consumed.tableUnits;
  for (const name in consumed.gsiUnits) units += consumed.gsiUnits[name] as number;
  for (const name in consumed.lsiUnits) units += consumed.lsiUnits[name] as number;
  return units;
}

function perIndex(units: Record<string, number>): Record<string, { CapacityUnits: number }> {
  const shaped: Record<string, { CapacityUnits: number }> = {};
  for (const name of Object.keys(units).sort()) shaped[name] = { CapacityUnits: units[name] as number };
  return shaped;
}

/** The ConsumedCapacity object, or undefined for NONE. */
export function consumedCapacity(consumed: ConsumedUnits, mode: ReturnConsumedCapacity): Record<string, unknown> | undefined {
  if (mode === 'NONE') return undefined;
  const shaped: Record<string, unknown> = { TableName: consumed.tableName, CapacityUnits: totalUnits(consumed) };
  if (mode === 'TOTAL') return shaped;
  shaped.Table = { CapacityUnits: consumed.tableUnits };
  if (consumed.lsiUnits !== undefined) shaped.LocalSecondaryIndexes = perIndex(consumed.lsiUnits);
  if (consumed.gsiUnits !== undefined) shaped.GlobalSecondaryIndexes = perIndex(consumed.gsiUnits);
  return shaped;
}

/** Adds `more` into `into` (batch and transaction totals per table). */
export function addConsumed(into: ConsumedUnits, more: ConsumedUnits): void {
  into.tableUnits += more.tableUnits;
  for (const [field, units] of [['gsiUnits', more.gsiUnits], ['lsiUnits', more.lsiUnits]] as const) {
    if (units === undefined) continue;
    const target = (into[field] ??= {});
    for (const name in units) target[name] = (target[name] ?? 0) + (units[name] as number);
  }
}
