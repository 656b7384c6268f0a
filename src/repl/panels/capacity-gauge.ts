// The DynamoDB capacity gauge: a table's provisioned (or on-demand) units, what this second used,
// its burst credit, its throttles, and sparklines of consumed and throttled units per second of
// virtual time, all read from the world (describeTableCapacity) and its trace. Pure.
import { dynamodb, type TraceEvent, type World } from '../../sim/index.js';

export interface DirectionGauge {
  /** `WCU` or `RCU`. */
  readonly unit: string;
  readonly unitsPerSecond: number;
  readonly usedThisSecond: number;
  readonly burstCreditUnits: number;
  readonly burstCreditMaxUnits: number;
  readonly throttledRequests: number;
}

export interface CapacityGauge {
  readonly kind: 'capacity-gauge';
  readonly tableName: string;
  readonly billingMode: 'PROVISIONED' | 'PAY_PER_REQUEST';
  readonly write: DirectionGauge;
  readonly read: DirectionGauge;
  /** Seconds of virtual time the sparklines cover, oldest first (epoch ms of each second). */
  readonly secondsMs: readonly number[];
  readonly consumedPerSecond: readonly number[];
  readonly throttledPerSecond: readonly number[];
}

interface SecondActivity {
  consumed: number;
  throttled: number;
}

/** Consumed units and throttled requests of `tableName` per second, from single calls and load seconds. */
export function tableActivity(events: readonly TraceEvent[], tableName: string): Map<number, SecondActivity> {
  const bySecond = new Map<number, SecondActivity>();
  const add = (timeMs: number, consumed: number, throttled: number): void => {
    const second = Math.floor(timeMs / 1_000) * 1_000;
    const entry = bySecond.get(second) ?? { consumed: 0, throttled: 0 };
    entry.consumed += consumed;
    entry.throttled += throttled;
    bySecond.set(second, entry);
  };
  for (const event of events) {
    const { detail } = event;
    if (event.service === 'dynamodb' && detail['tableName'] === tableName) {
      const consumed = typeof detail['consumedCapacityUnits'] === 'number' ? detail['consumedCapacityUnits'] : 0;
      add(event.timeMs, consumed, event.outcome === 'ProvisionedThroughputExceededException' ? 1 : 0);
    } else if (event.service === 'sim' && event.operation === 'load-second') {
      const resource = (detail['resources'] as Record<string, { consumedCapacityUnits?: number; throttled?: number }> | undefined)?.[tableName];
      const startMs = typeof detail['timeMs'] === 'number' ? detail['timeMs'] : event.timeMs;
      if (resource !== undefined) add(startMs, resource.consumedCapacityUnits ?? 0, resource.throttled ?? 0);
    }
  }
  return bySecond;
}

function direction(unit: string, view: dynamodb.DirectionCapacity): DirectionGauge {
  return {
    unit,
    unitsPerSecond: view.unitsPerSecond,
    usedThisSecond: view.usedThisSecond,
    burstCreditUnits: view.burstCreditUnits,
    burstCreditMaxUnits: view.burstCreditMaxUnits,
    throttledRequests: view.throttledRequests,
  };
}

/**
 * The gauge of `tableName`; `windowSeconds` of history ending at the last second with activity (or
 * now), so a load followed by an idle wait still shows. Undefined when the table does not exist.
 */
export function toCapacityGauge(world: World, tableName: string, windowSeconds = 30): CapacityGauge | undefined {
  const view = dynamodb.describeTableCapacity(world, tableName);
  if (!view.ok) return undefined;
  const activity = tableActivity(world.trace.all(), tableName);
  const lastSecondMs = Math.max(-Infinity, ...activity.keys());
  const endMs = Number.isFinite(lastSecondMs) ? lastSecondMs : Math.floor(world.nowMs / 1_000) * 1_000;
  const secondsMs = Array.from({ length: windowSeconds }, (_, i) => endMs - (windowSeconds - 1 - i) * 1_000);
  return {
    kind: 'capacity-gauge',
    tableName,
    billingMode: view.value.billingMode,
    write: direction('WCU', view.value.write),
    read: direction('RCU', view.value.read),
    secondsMs,
    consumedPerSecond: secondsMs.map((second) => activity.get(second)?.consumed ?? 0),
    throttledPerSecond: secondsMs.map((second) => activity.get(second)?.throttled ?? 0),
  };
}
