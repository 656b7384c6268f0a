// DDB-09: target-tracking auto scaling, evaluated minute by minute from consumed capacity, lazily (the
// minutes that passed since the meter last moved are replayed when the next request or read arrives).
//
// Model: each whole minute's utilisation is consumed units per second / provisioned units. After 2
// consecutive minutes above the target the capacity becomes ceil(rate / target) at the end of the
// second minute; after 15 consecutive minutes ≥ 20 points below the target it drops to that value,
// clamped to [min, max]. The change takes effect at that minute boundary (AWS also needs CloudWatch
// and UpdateTable time; this model shows only the evaluation lag, which is the one the exam asks about).
import {
  AUTOSCALING_SCALE_IN_MARGIN_PERCENT,
  AUTOSCALING_SCALE_IN_MINUTES,
  AUTOSCALING_SCALE_OUT_MINUTES,
} from '../limits.js';
import type { ThroughputState } from '../model.js';
import { capacityOf, detailOf, type AutoScalingPolicy } from './detail.js';
import { rollProvisioned, type Direction, type Meter } from './meter.js';

/** The capacity target tracking wants after one more finished minute, or `currentUnits` for no change. Updates the run counters. */
export function decideScaling(policy: AutoScalingPolicy, meter: Meter, currentUnits: number, ratePerSecond: number): number {
  const utilizationPercent = (ratePerSecond / currentUnits) * 100;
  meter.minutesAbove = utilizationPercent > policy.targetPercent ? meter.minutesAbove + 1 : 0;
  meter.minutesBelow = utilizationPercent < policy.targetPercent - AUTOSCALING_SCALE_IN_MARGIN_PERCENT ? meter.minutesBelow + 1 : 0;
  const wantedUnits = Math.min(policy.maxUnits, Math.max(policy.minUnits, Math.ceil(ratePerSecond / (policy.targetPercent / 100))));
  if (meter.minutesAbove >= AUTOSCALING_SCALE_OUT_MINUTES && wantedUnits > currentUnits) {
    meter.minutesAbove = 0;
    return wantedUnits;
  }
  if (meter.minutesBelow >= AUTOSCALING_SCALE_IN_MINUTES && wantedUnits < currentUnits) {
    meter.minutesBelow = 0;
    return wantedUnits;
  }
  return currentUnits;
}

function setCapacity(throughput: ThroughputState, direction: Direction, units: number): void {
  if (direction === 'read') throughput.readCapacityUnits = units;
  else throughput.writeCapacityUnits = units;
}

/** Replays the finished minutes before `second`, changing capacity at the minute boundaries where target tracking acts. */
export function replayAutoScaling(throughput: ThroughputState, direction: Direction, policy: AutoScalingPolicy, second: number): void {
  const detail = detailOf(throughput);
  const meter = detail[direction];
  const targetMinute = Math.floor(second / 60);
  while (meter.minute < targetMinute) {
    const currentUnits = capacityOf(throughput, direction);
    const isSettledIdle = meter.minuteUnits === 0 && meter.minutesAbove === 0 && currentUnits === policy.minUnits;
    if (isSettledIdle) {
      // Nothing can change while idle at the minimum: skip the remaining idle minutes at once.
      meter.minutesBelow += targetMinute - meter.minute;
      meter.minute = targetMinute;
      break;
    }
    const boundarySecond = (meter.minute + 1) * 60;
    rollProvisioned(meter, boundarySecond, currentUnits);
    const nextUnits = decideScaling(policy, meter, currentUnits, meter.minuteUnits / 60);
    if (nextUnits !== currentUnits) {
      setCapacity(throughput, direction, nextUnits);
      detail.scalingActivities.push({ timeMs: boundarySecond * 1_000, direction, fromUnits: currentUnits, toUnits: nextUnits });
    }
    meter.minute++;
    meter.minuteUnits = 0;
  }
}
