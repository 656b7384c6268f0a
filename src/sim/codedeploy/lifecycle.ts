// How a Lambda deployment moves through virtual time: BeforeAllowTraffic (the PreTraffic hook), then
// AllowTraffic (the alias's weights move as the configuration schedules, on world timers), then
// AfterAllowTraffic (the PostTraffic hook), then Succeeded. A failing hook fails the deployment; an
// alarm in ALARM stops it; both roll the alias back to the old version with the weights cleared.
// Every alias change goes through Lambda's own UpdateAlias, so it obeys the routing rules.
import type { ApiDocument } from '../cli/operation-spec.js';
import * as lambda from '../lambda/index.js';
import type { Result } from '../result.js';
import { defineTimerHandler, type World } from '../world.js';
import { findDeploymentConfig, trafficSchedule } from './configs.js';
import { runHook, type HookLifecycleEvent } from './hooks.js';
import { codeDeployState, isActive, noteEvent, type LambdaDeployment } from './model.js';
import { codeDeployPorts } from './ports.js';

const STEP_TIMER = 'codedeploy.step';

type StepPayload =
  | { readonly deploymentId: string; readonly action: 'shift' }
  | { readonly deploymentId: string; readonly action: 'hook-reported'; readonly status: 'Succeeded' | 'Failed'; readonly message: string };

function schedule(world: World, deployment: LambdaDeployment, dueMs: number, payload: StepPayload): void {
  deployment.timerId = world.clock.scheduleAt(Math.max(dueMs, world.nowMs), STEP_TIMER, payload).id;
}

function setAlias(world: World, deployment: LambdaDeployment, percent: number): Result<ApiDocument> {
  const isFull = percent >= 100;
  return lambda.updateAlias(world, {
    FunctionName: deployment.functionName,
    Name: deployment.aliasName,
    FunctionVersion: isFull ? deployment.toVersion : deployment.fromVersion,
    RoutingConfig: { AdditionalVersionWeights: isFull || percent === 0 ? {} : { [deployment.toVersion]: percent / 100 } },
  });
}

/** Ends the deployment: Failed or Stopped, the alias back on the old version when `rollBack`. */
export function endDeployment(world: World, deployment: LambdaDeployment, ending: { status: 'Failed' | 'Stopped'; code: string; message: string; rollBack: boolean }): void {
  if (deployment.timerId !== undefined) world.clock.cancel(deployment.timerId);
  delete deployment.timerId;
  deployment.status = ending.status;
  deployment.phase = 'done';
  deployment.completedAtMs = world.nowMs;
  deployment.errorInformation = { code: ending.code, message: ending.message };
  noteEvent(world, deployment, ending.status === 'Failed' ? 'deployment-failed' : 'deployment-stopped', ending.message);
  if (!ending.rollBack) return;
  const rolledBack = setAlias(world, deployment, 0);
  if (rolledBack.ok) deployment.targetPercent = 0;
  deployment.rollbackMessage = rolledBack.ok
    ? `Rolled back: alias ${deployment.aliasName} points to version ${deployment.fromVersion} again, weights cleared.`
    : `Rollback failed: ${rolledBack.error.message}`;
  noteEvent(world, deployment, 'deployment-rolled-back', deployment.rollbackMessage);
}

/** Stops the deployment if a watched alarm is in ALARM; true when it did. */
export function stopIfAlarmed(world: World, deployment: LambdaDeployment): boolean {
  const alarmed = deployment.alarmNames.filter((name) => codeDeployPorts().alarmStateOf(world, name) === 'ALARM');
  if (alarmed.length === 0) return false;
  // CodeDeploy's ALARM_ACTIVE error (API ErrorInformation); the sentence is the simulator's paraphrase.
  const message = `One or more alarms have been activated according to the Amazon CloudWatch metrics you selected, and the affected deployments have been stopped. Activated alarms: <${alarmed.join(', ')}>`;
  endDeployment(world, deployment, { status: 'Stopped', code: 'ALARM_ACTIVE', message, rollBack: true });
  return true;
}

function succeed(world: World, deployment: LambdaDeployment): void {
  deployment.status = 'Succeeded';
  deployment.phase = 'done';
  deployment.completedAtMs = world.nowMs;
  noteEvent(world, deployment, 'deployment-succeeded', `Deployment succeeded: alias ${deployment.aliasName} points to version ${deployment.toVersion}.`);
}

function startHook(world: World, deployment: LambdaDeployment, lifecycleEvent: HookLifecycleEvent, functionName: string): void {
  noteEvent(world, deployment, 'hook-invoked', `${lifecycleEvent}: invoking hook ${functionName}`);
  const report = runHook(world, deployment, lifecycleEvent, functionName);
  schedule(world, deployment, world.nowMs + report.reportAfterMs, { deploymentId: deployment.deploymentId, action: 'hook-reported', status: report.status, message: report.message });
}

/** Applies the next scheduled traffic move and schedules the one after (or moves on to AfterAllowTraffic). */
function shiftTraffic(world: World, deployment: LambdaDeployment): void {
  if (stopIfAlarmed(world, deployment)) return;
  const config = findDeploymentConfig(deployment.configName);
  const steps = config === undefined ? [] : trafficSchedule(config);
  const step = steps[deployment.nextStep];
  if (step === undefined) return afterTraffic(world, deployment);
  const moved = setAlias(world, deployment, step.percent);
  if (!moved.ok) {
    endDeployment(world, deployment, { status: 'Failed', code: 'INVALID_LAMBDA_CONFIGURATION', message: `UpdateAlias failed: ${moved.error.name}: ${moved.error.message}`, rollBack: true });
    return;
  }
  deployment.targetPercent = step.percent;
  deployment.nextStep++;
  noteEvent(world, deployment, 'traffic-shifted', `AllowTraffic: ${step.percent}% to version ${deployment.toVersion}, ${100 - step.percent}% to version ${deployment.fromVersion}`);
  const next = steps[deployment.nextStep];
  if (next === undefined) return afterTraffic(world, deployment);
  schedule(world, deployment, (deployment.trafficStartedAtMs ?? world.nowMs) + next.offsetMs, { deploymentId: deployment.deploymentId, action: 'shift' });
}

function afterTraffic(world: World, deployment: LambdaDeployment): void {
  deployment.phase = 'AfterAllowTraffic';
  if (deployment.postTrafficHook === undefined) return succeed(world, deployment);
  startHook(world, deployment, 'AfterAllowTraffic', deployment.postTrafficHook);
}

export function startTraffic(world: World, deployment: LambdaDeployment): void {
  deployment.phase = 'AllowTraffic';
  deployment.trafficStartedAtMs = world.nowMs;
  shiftTraffic(world, deployment);
}

/** BeforeAllowTraffic: the PreTraffic hook, or straight on to AllowTraffic. */
export function beginDeployment(world: World, deployment: LambdaDeployment): void {
  deployment.phase = 'BeforeAllowTraffic';
  if (stopIfAlarmed(world, deployment)) return;
  if (deployment.preTrafficHook === undefined) return startTraffic(world, deployment);
  startHook(world, deployment, 'BeforeAllowTraffic', deployment.preTrafficHook);
}

function hookReported(world: World, deployment: LambdaDeployment, status: 'Succeeded' | 'Failed', message: string): void {
  if (status === 'Failed') {
    // CodeDeploy's error code for a failed lifecycle hook (API ErrorInformation); wording: simulator's.
    endDeployment(world, deployment, { status: 'Failed', code: 'HOOK_EXECUTION_FAILURE', message: `${deployment.phase} hook failed: ${message}`, rollBack: true });
    return;
  }
  noteEvent(world, deployment, 'hook-reported', `${deployment.phase}: ${message}`);
  if (deployment.phase === 'BeforeAllowTraffic') startTraffic(world, deployment);
  else succeed(world, deployment);
}

defineTimerHandler(STEP_TIMER, (world, raw) => {
  const payload = raw as StepPayload;
  const deployment = codeDeployState(world).deployments.get(payload.deploymentId);
  if (deployment === undefined || !isActive(deployment)) return;
  delete deployment.timerId;
  if (payload.action === 'shift') shiftTraffic(world, deployment);
  else hookReported(world, deployment, payload.status, payload.message);
});
