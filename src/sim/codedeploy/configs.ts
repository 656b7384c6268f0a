// CodeDeploy's predefined deployment configurations for the Lambda compute platform, under both names
// learners meet: SAM's DeploymentPreference Type (`Canary10Percent5Minutes`, SAM-05) and CodeDeploy's
// own (`CodeDeployDefault.LambdaCanary10Percent5Minutes`, CodeDeploy User Guide "Deployment
// configurations on an AWS Lambda compute platform"). Pure: a configuration and the traffic schedule it
// implies.
//
// Canary: 10 % in the first increment, the other 90 % N minutes later (SAM-05).
// Linear: 10 % "at the start of each increment" (CodeDeploy API TimeBasedLinear.linearPercentage), one
// increment every N minutes until all traffic is shifted: 10 % at t+0, 20 % at t+N ... 100 % at t+9N.
// So Linear10PercentEvery1Minute reaches 100 % at t+9 min, not t+10.
// AllAtOnce: 100 % at t+0.
import { InvariantError } from '../result.js';

export type ShiftKind = 'canary' | 'linear' | 'all-at-once';

export interface DeploymentConfig {
  /** CodeDeploy's name, e.g. `CodeDeployDefault.LambdaCanary10Percent5Minutes`. */
  readonly name: string;
  /** SAM's DeploymentPreference Type, e.g. `Canary10Percent5Minutes` (SAM-05). */
  readonly samType: string;
  readonly kind: ShiftKind;
  /** Canary: the first increment; linear: each increment. */
  readonly percent: number;
  /** Canary: minutes before the rest; linear: minutes between increments. */
  readonly intervalMinutes: number;
}

/** One traffic move: at `offsetMs` after traffic shifting starts, `percent` of traffic goes to the target. */
export interface TrafficStep {
  readonly offsetMs: number;
  readonly percent: number;
}

const MINUTE_MS = 60_000;

function config(kind: ShiftKind, percent: number, intervalMinutes: number, samType: string): DeploymentConfig {
  return { name: `CodeDeployDefault.Lambda${samType}`, samType, kind, percent, intervalMinutes };
}

/** The nine predefined Lambda configurations (SAM-05; CodeDeploy User Guide). */
export const LAMBDA_DEPLOYMENT_CONFIGS: readonly DeploymentConfig[] = [
  config('canary', 10, 5, 'Canary10Percent5Minutes'),
  config('canary', 10, 10, 'Canary10Percent10Minutes'),
  config('canary', 10, 15, 'Canary10Percent15Minutes'),
  config('canary', 10, 30, 'Canary10Percent30Minutes'),
  config('linear', 10, 1, 'Linear10PercentEvery1Minute'),
  config('linear', 10, 2, 'Linear10PercentEvery2Minutes'),
  config('linear', 10, 3, 'Linear10PercentEvery3Minutes'),
  config('linear', 10, 10, 'Linear10PercentEvery10Minutes'),
  config('all-at-once', 100, 0, 'AllAtOnce'),
];

/** Every accepted name: SAM's types and CodeDeploy's, for help and "did you mean". */
export const DEPLOYMENT_TYPE_NAMES: readonly string[] = LAMBDA_DEPLOYMENT_CONFIGS.flatMap((c) => [c.samType, c.name]);

/** Finds a configuration by SAM type or CodeDeploy name. */
export function findDeploymentConfig(name: string): DeploymentConfig | undefined {
  return LAMBDA_DEPLOYMENT_CONFIGS.find((c) => c.samType === name || c.name === name);
}

/** The traffic moves of a configuration, first at offset 0, last at 100 %. */
export function trafficSchedule(deploymentConfig: DeploymentConfig): readonly TrafficStep[] {
  const intervalMs = deploymentConfig.intervalMinutes * MINUTE_MS;
  switch (deploymentConfig.kind) {
    case 'all-at-once':
      return [{ offsetMs: 0, percent: 100 }];
    case 'canary':
      return [{ offsetMs: 0, percent: deploymentConfig.percent }, { offsetMs: intervalMs, percent: 100 }];
    case 'linear': {
      const count = Math.ceil(100 / deploymentConfig.percent);
      return Array.from({ length: count }, (_, i) => ({ offsetMs: i * intervalMs, percent: Math.min(100, (i + 1) * deploymentConfig.percent) }));
    }
    default: {
      const unknownKind: never = deploymentConfig.kind;
      throw new InvariantError(`unknown shift kind ${String(unknownKind)}`);
    }
  }
}

/** The share of traffic on the target `elapsedMs` after shifting started (0 before the first move). */
export function trafficPercentAt(deploymentConfig: DeploymentConfig, elapsedMs: number): number {
  let percent = 0;
  for (const step of trafficSchedule(deploymentConfig)) if (step.offsetMs <= elapsedMs) percent = step.percent;
  return percent;
}
