// Views of a deployment: what `aws deploy get-deployment` prints (DeploymentInfo) and the text panel of
// `sim show deployment`: the traffic split as bars with percentages, and the timeline at virtual times.
import type { ApiDocument } from '../cli/operation-spec.js';
import { formatDurationMs, formatTime } from '../cli/sim-text.js';
import { SAM_APPLICATION_NAME, deploymentGroupNameOf } from './deployments.js';
import type { LambdaDeployment } from './model.js';

const BAR_WIDTH = 40;

/** The AppSpec CodeDeploy runs for a Lambda deployment (version 0.0, one function resource, hooks). */
function appSpecOf(deployment: LambdaDeployment): string {
  const hooks = [
    ...(deployment.preTrafficHook === undefined ? [] : [{ BeforeAllowTraffic: deployment.preTrafficHook }]),
    ...(deployment.postTrafficHook === undefined ? [] : [{ AfterAllowTraffic: deployment.postTrafficHook }]),
  ];
  const properties = { Name: deployment.functionName, Alias: deployment.aliasName, CurrentVersion: deployment.fromVersion, TargetVersion: deployment.toVersion };
  return JSON.stringify({ version: '0.0', Resources: [{ [deployment.functionName]: { Type: 'AWS::Lambda::Function', Properties: properties } }], ...(hooks.length === 0 ? {} : { Hooks: hooks }) });
}

/** `aws deploy get-deployment`: `{deploymentInfo: {...}}` with CodeDeploy's member names. */
export function renderDeploymentInfo(deployment: LambdaDeployment): ApiDocument {
  return {
    deploymentInfo: {
      applicationName: SAM_APPLICATION_NAME,
      deploymentGroupName: deploymentGroupNameOf(deployment.functionName),
      deploymentConfigName: deployment.configName,
      deploymentId: deployment.deploymentId,
      status: deployment.status,
      ...(deployment.errorInformation === undefined ? {} : { errorInformation: deployment.errorInformation }),
      createTime: formatTime(deployment.createdAtMs),
      ...(deployment.completedAtMs === undefined ? {} : { completeTime: formatTime(deployment.completedAtMs) }),
      creator: 'user',
      ...(deployment.rollbackMessage === undefined ? {} : { rollbackInfo: { rollbackMessage: deployment.rollbackMessage } }),
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpecOf(deployment) } },
      computePlatform: 'Lambda',
    },
  };
}

/** The split now: the old version's share and the target's. */
export function trafficSplit(deployment: LambdaDeployment): { readonly version: string; readonly percent: number }[] {
  if (deployment.fromVersion === deployment.toVersion) return [{ version: deployment.toVersion, percent: 100 }];
  return [
    { version: deployment.fromVersion, percent: 100 - deployment.targetPercent },
    { version: deployment.toVersion, percent: deployment.targetPercent },
  ];
}

function bar(percent: number): string {
  const filled = Math.round((percent / 100) * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
}

export function deploymentPanelJson(deployment: LambdaDeployment): Record<string, unknown> {
  return {
    deploymentId: deployment.deploymentId,
    status: deployment.status,
    phase: deployment.phase,
    deploymentConfigName: deployment.configName,
    functionName: deployment.functionName,
    aliasName: deployment.aliasName,
    fromVersion: deployment.fromVersion,
    toVersion: deployment.toVersion,
    traffic: trafficSplit(deployment),
    timeline: deployment.timeline.map((entry) => ({ ...entry, offsetMs: entry.timeMs - deployment.createdAtMs })),
  };
}

export function renderDeploymentPanel(deployment: LambdaDeployment): string {
  const head = [
    `Deployment ${deployment.deploymentId}  ${deployment.configName}  ${deployment.status}${deployment.phase === 'done' ? '' : ` (${deployment.phase})`}`,
    `Function ${deployment.functionName}, alias ${deployment.aliasName}: version ${deployment.fromVersion} -> version ${deployment.toVersion}`,
    'Traffic now:',
    ...trafficSplit(deployment).map((share) => `  version ${share.version.padEnd(4)} ${bar(share.percent)} ${String(share.percent).padStart(3)}%`),
    'Timeline (virtual time, offset from the start):',
    ...deployment.timeline.map((entry) => {
      const offset = `+${formatDurationMs(entry.timeMs - deployment.createdAtMs)}`;
      return `  ${formatTime(entry.timeMs)}  ${offset.padEnd(8)} ${String(entry.targetPercent).padStart(3)}%  ${entry.message}`;
    }),
  ];
  const error = deployment.errorInformation === undefined ? [] : [`Error: ${deployment.errorInformation.code}: ${deployment.errorInformation.message}`];
  return `${[...head, ...error].join('\n')}\n`;
}
