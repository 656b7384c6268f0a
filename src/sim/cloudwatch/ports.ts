// What CloudWatch tells other services without importing them: an alarm entered ALARM (CodeDeploy
// stops and rolls back deployments watching it). `src/sim/wiring.ts` registers the listener.
import { createPortSlot } from '../port-slot.js';
import type { World } from '../world.js';

export interface CloudWatchPorts {
  readonly alarmEnteredAlarm: (world: World, alarmName: string) => void;
}

const slot = createPortSlot<CloudWatchPorts>({ alarmEnteredAlarm: () => undefined });

/** Installs the ports; returns the previous ones so a test can put them back. */
export const registerCloudWatchPorts = slot.register;
export const cloudWatchPorts = slot.current;
