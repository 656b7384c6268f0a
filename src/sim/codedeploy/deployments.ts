// CodeDeploy for Lambda, the public operations: start a deployment that shifts an alias from its
// current version to a target version (what SAM's DeploymentPreference asks for, SAM-05), stop one,
// describe one, and react to an alarm going to ALARM (CloudWatch tells it through src/sim/wiring.ts).
import * as lambda from '../lambda/index.js';
import { awsError, fail, ok, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import { DEPLOYMENT_TYPE_NAMES, findDeploymentConfig } from './configs.js';
import { beginDeployment, endDeployment, stopIfAlarmed } from './lifecycle.js';
import { codeDeployState, isActive, noteEvent, type LambdaDeployment } from './model.js';

/** What a SAM DeploymentPreference (or `sim deploy start`) asks CodeDeploy to do. */
export interface LambdaDeploymentRequest {
  readonly functionName: string;
  readonly aliasName: string;
  readonly fromVersion: string;
  readonly toVersion: string;
  /** SAM's Type (`Canary10Percent5Minutes`) or CodeDeploy's name (`CodeDeployDefault.LambdaCanary10Percent5Minutes`). */
  readonly type: string;
  readonly alarmNames: readonly string[];
  readonly preTrafficHook?: string;
  readonly postTrafficHook?: string;
}

/** SAM's names for what it creates (SAM-05: the CodeDeploy application and a group per function). */
export const SAM_APPLICATION_NAME = 'ServerlessDeploymentApplication';
export const deploymentGroupNameOf = (functionName: string): string => `${functionName}DeploymentGroup`;

const ID_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** `d-` and nine characters, as CodeDeploy's ids look; drawn from the stream `codedeploy.deployment-id`. */
function newDeploymentId(world: World): string {
  const stream = world.rng.stream('codedeploy.deployment-id');
  return `d-${Array.from({ length: 9 }, () => ID_CHARACTERS[stream.nextInt(ID_CHARACTERS.length)]).join('')}`;
}

function checkRequest(world: World, request: LambdaDeploymentRequest): AwsError | undefined {
  if (findDeploymentConfig(request.type) === undefined) {
    return awsError('DeploymentConfigDoesNotExistException', 400, `No deployment configuration found for name: ${request.type}. Known: ${DEPLOYMENT_TYPE_NAMES.join(', ')}`);
  }
  const fn = lambda.lambdaState(world).functions.get(request.functionName);
  if (fn === undefined) return awsError('ResourceNotFoundException', 404, `Function not found: arn:aws:lambda:${world.region}:${world.accountId}:function:${request.functionName}`);
  const current = fn.aliases.get(request.aliasName);
  if (current === undefined) return awsError('ResourceNotFoundException', 404, `Alias not found: ${fn.arn}:${request.aliasName}`);
  // The AppSpec's CurrentVersion must be what the alias points to (wording: simulator assumption).
  if (current !== request.fromVersion) {
    return awsError('InvalidParameterValueException', 400, `Alias ${request.aliasName} points to version ${current}, not to the current version ${request.fromVersion} given for the deployment.`);
  }
  if (!fn.versions.has(request.toVersion)) return awsError('ResourceNotFoundException', 404, `Function not found: ${fn.arn}:${request.toVersion}`);
  const group = deploymentGroupNameOf(request.functionName);
  const running = [...codeDeployState(world).deployments.values()].find((d) => isActive(d) && d.functionName === request.functionName && d.aliasName === request.aliasName);
  // One active deployment per deployment group (CodeDeploy DeploymentLimitExceededException).
  if (running !== undefined) return awsError('DeploymentLimitExceededException', 400, `The Deployment Group '${group}' already has an active Deployment '${running.deploymentId}'`);
  return undefined;
}

/**
 * Starts a deployment at the world's current time: Created, then InProgress, the PreTraffic hook (if
 * any), then traffic moves on world timers. The public entry point SAM's port calls.
 */
export function startLambdaDeployment(world: World, request: LambdaDeploymentRequest): Result<{ deploymentId: string }> {
  const problem = checkRequest(world, request);
  if (problem !== undefined) return fail(problem);
  const config = findDeploymentConfig(request.type);
  const deployment: LambdaDeployment = {
    deploymentId: newDeploymentId(world),
    functionName: request.functionName,
    aliasName: request.aliasName,
    fromVersion: request.fromVersion,
    toVersion: request.toVersion,
    configName: config?.name ?? request.type,
    alarmNames: [...request.alarmNames],
    ...(request.preTrafficHook === undefined ? {} : { preTrafficHook: request.preTrafficHook }),
    ...(request.postTrafficHook === undefined ? {} : { postTrafficHook: request.postTrafficHook }),
    createdAtMs: world.nowMs,
    status: 'Created',
    phase: 'BeforeAllowTraffic',
    targetPercent: 0,
    nextStep: 0,
    timeline: [],
  };
  const state = codeDeployState(world);
  state.deployments.set(deployment.deploymentId, deployment);
  state.order.push(deployment.deploymentId);
  noteEvent(world, deployment, 'deployment-created', `Created: ${deployment.configName}, alias ${request.aliasName} from version ${request.fromVersion} to ${request.toVersion}`);
  deployment.status = 'InProgress';
  noteEvent(world, deployment, 'deployment-started', 'InProgress');
  beginDeployment(world, deployment);
  return ok({ deploymentId: deployment.deploymentId });
}

export function findDeployment(world: World, deploymentId: string): Result<LambdaDeployment> {
  // CodeDeploy's ids are `d-` + 9 characters (InvalidDeploymentIdException otherwise; wording: simulator's).
  if (!/^d-[A-Z0-9]{9}$/.test(deploymentId)) return fail(awsError('InvalidDeploymentIdException', 400, `Specified DeploymentId is not in the valid format: ${deploymentId}`));
  const deployment = codeDeployState(world).deployments.get(deploymentId);
  return deployment === undefined ? fail(awsError('DeploymentDoesNotExistException', 400, `The deployment ${deploymentId} could not be found.`)) : ok(deployment);
}

/** `aws deploy stop-deployment`: Stopped; the alias rolls back only with `autoRollbackEnabled`. */
export function stopDeployment(world: World, deploymentId: string, autoRollbackEnabled: boolean): Result<LambdaDeployment> {
  const found = findDeployment(world, deploymentId);
  if (!found.ok) return found;
  const deployment = found.value;
  if (!isActive(deployment)) return fail(awsError('DeploymentAlreadyCompletedException', 400, `The deployment ${deploymentId} has already completed.`));
  endDeployment(world, deployment, { status: 'Stopped', code: 'MANUAL_STOP', message: 'The deployment was stopped by a user request.', rollBack: autoRollbackEnabled });
  return ok(deployment);
}

/** Called when an alarm enters ALARM: every active deployment watching it stops and rolls back. */
export function alarmEnteredAlarm(world: World, alarmName: string): void {
  for (const deployment of codeDeployState(world).deployments.values()) {
    if (isActive(deployment) && deployment.alarmNames.includes(alarmName)) stopIfAlarmed(world, deployment);
  }
}
