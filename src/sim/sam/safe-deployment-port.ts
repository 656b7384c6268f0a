// The port through which SAM hands a function's DeploymentPreference (SAM-05) to the traffic-shifting
// engine (CodeDeploy for Lambda, built in its own folder). `src/sim/wiring.ts` fills it; while it is
// unset, SAM moves the alias at once and the deploy output says the preference was not simulated.
import type { Result } from '../result.js';
import type { World } from '../world.js';

/** SAM-05: the deployment types a DeploymentPreference may name. */
export const DEPLOYMENT_TYPES = [
  'Canary10Percent5Minutes', 'Canary10Percent10Minutes', 'Canary10Percent15Minutes', 'Canary10Percent30Minutes',
  'Linear10PercentEvery1Minute', 'Linear10PercentEvery2Minutes', 'Linear10PercentEvery3Minutes', 'Linear10PercentEvery10Minutes',
  'AllAtOnce',
] as const;

export interface SafeDeploymentRequest {
  readonly functionName: string;
  readonly aliasName: string;
  readonly fromVersion: string;
  readonly toVersion: string;
  /** One of DEPLOYMENT_TYPES. */
  readonly type: string;
  readonly alarmNames: readonly string[];
  /** The PreTraffic hook's function name. */
  readonly preTrafficHook?: string;
  readonly postTrafficHook?: string;
}

export type SafeDeploymentPort = (world: World, request: SafeDeploymentRequest) => Result<{ deploymentId: string }>;

let port: SafeDeploymentPort | undefined;

/** Called once by src/sim/wiring.ts; `undefined` unsets it (tests). */
export function setSafeDeploymentPort(next: SafeDeploymentPort | undefined): void {
  port = next;
}

export function safeDeploymentPort(): SafeDeploymentPort | undefined {
  return port;
}
