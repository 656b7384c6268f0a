// CodeDeploy's state in a world, as plain data (world snapshots copy it): Lambda deployments that shift
// an alias from one version to another, with their lifecycle (CodeDeploy's names: BeforeAllowTraffic,
// AllowTraffic, AfterAllowTraffic) and a timeline of what happened when.
import type { World } from '../world.js';

/** CodeDeploy's deployment statuses for Lambda (API DeploymentInfo.status). */
export type DeploymentStatus = 'Created' | 'InProgress' | 'Succeeded' | 'Failed' | 'Stopped';

/** The lifecycle events of a Lambda deployment, in order; `done` once it ended. */
export type DeploymentPhase = 'BeforeAllowTraffic' | 'AllowTraffic' | 'AfterAllowTraffic' | 'done';

export interface TimelineEntry {
  readonly timeMs: number;
  /** The share of traffic on the target version after this entry. */
  readonly targetPercent: number;
  readonly message: string;
}

export interface LambdaDeployment {
  readonly deploymentId: string;
  readonly functionName: string;
  readonly aliasName: string;
  readonly fromVersion: string;
  readonly toVersion: string;
  /** CodeDeploy's configuration name (`CodeDeployDefault.Lambda...`). */
  readonly configName: string;
  readonly alarmNames: readonly string[];
  readonly preTrafficHook?: string;
  readonly postTrafficHook?: string;
  readonly createdAtMs: number;
  status: DeploymentStatus;
  phase: DeploymentPhase;
  /** The share of traffic (0–100) the alias sends to `toVersion` now. */
  targetPercent: number;
  /** When AllowTraffic began (the schedule's offsets count from here). */
  trafficStartedAtMs?: number;
  /** The next traffic move in the schedule (index). */
  nextStep: number;
  /** The pending timer (a traffic move or a hook's report). */
  timerId?: number;
  completedAtMs?: number;
  errorInformation?: { readonly code: string; readonly message: string };
  rollbackMessage?: string;
  readonly timeline: TimelineEntry[];
}

export interface CodeDeployState {
  readonly deployments: Map<string, LambdaDeployment>;
  /** Deployment ids in start order (for `sim show deployment` without an id). */
  readonly order: string[];
}

export const CODEDEPLOY_SLOT = 'codedeploy';

export function codeDeployState(world: World): CodeDeployState {
  return world.service<CodeDeployState>(CODEDEPLOY_SLOT, () => ({ deployments: new Map(), order: [] }));
}

export function isActive(deployment: LambdaDeployment): boolean {
  return deployment.status === 'Created' || deployment.status === 'InProgress';
}

/** Appends to the deployment's timeline and to the world's trace. */
export function noteEvent(world: World, deployment: LambdaDeployment, operation: string, message: string): void {
  deployment.timeline.push({ timeMs: world.nowMs, targetPercent: deployment.targetPercent, message });
  world.record({
    service: 'codedeploy', operation, outcome: 'ok',
    detail: { deploymentId: deployment.deploymentId, status: deployment.status, phase: deployment.phase, targetPercent: deployment.targetPercent, message },
  });
}
