// What CodeDeploy needs from CloudWatch without importing it: the state of an alarm it watches.
// `src/sim/wiring.ts` registers the real one; until then every alarm is unknown (never in ALARM).
import { createPortSlot } from '../port-slot.js';
import type { World } from '../world.js';

export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export interface CodeDeployPorts {
  /** The alarm's state, or `undefined` when no alarm has that name. */
  readonly alarmStateOf: (world: World, alarmName: string) => AlarmStateValue | undefined;
}

const slot = createPortSlot<CodeDeployPorts>({ alarmStateOf: () => undefined });

/** Installs the ports; returns the previous ones so a test can put them back. */
export const registerCodeDeployPorts = slot.register;
export const codeDeployPorts = slot.current;
