// What CodeDeploy needs from CloudWatch without importing it: the state of an alarm it watches.
// `src/sim/wiring.ts` registers the real one; until then every alarm is unknown (never in ALARM).
import type { World } from '../world.js';

export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export interface CodeDeployPorts {
  /** The alarm's state, or `undefined` when no alarm has that name. */
  readonly alarmStateOf: (world: World, alarmName: string) => AlarmStateValue | undefined;
}

const unwired: CodeDeployPorts = { alarmStateOf: () => undefined };
let current: CodeDeployPorts = unwired;

/** Installs the ports; returns the previous ones so a test can put them back. */
export function registerCodeDeployPorts(ports: Partial<CodeDeployPorts>): CodeDeployPorts {
  const previous = current;
  current = { ...unwired, ...ports };
  return previous;
}

export function codeDeployPorts(): CodeDeployPorts {
  return current;
}
