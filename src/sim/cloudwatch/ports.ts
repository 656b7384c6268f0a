// What CloudWatch tells other services without importing them: an alarm entered ALARM (CodeDeploy
// stops and rolls back deployments watching it). `src/sim/wiring.ts` registers the listener.
import type { World } from '../world.js';

export interface CloudWatchPorts {
  readonly alarmEnteredAlarm: (world: World, alarmName: string) => void;
}

const unwired: CloudWatchPorts = { alarmEnteredAlarm: () => undefined };
let current: CloudWatchPorts = unwired;

/** Installs the ports; returns the previous ones so a test can put them back. */
export function registerCloudWatchPorts(ports: Partial<CloudWatchPorts>): CloudWatchPorts {
  const previous = current;
  current = { ...unwired, ...ports };
  return previous;
}

export function cloudWatchPorts(): CloudWatchPorts {
  return current;
}
