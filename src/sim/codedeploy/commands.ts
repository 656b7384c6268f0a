// The sandbox rows for CodeDeploy: `aws deploy get-deployment` and `aws deploy stop-deployment` (the
// real CLI's names and flags), and the sim rows `sim deploy start` (for scenarios without SAM) and
// `sim show deployment [ID]` (the traffic split as bars and the timeline).
import type { ApiDocument, OperationSpec } from '../cli/operation-spec.js';
import type { SandboxSession, SimCommandSpec, SimOutput } from '../cli/sim-command-spec.js';
import * as lambda from '../lambda/index.js';
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { DEPLOYMENT_TYPE_NAMES } from './configs.js';
import { findDeployment, startLambdaDeployment, stopDeployment } from './deployments.js';
import { codeDeployState } from './model.js';
import { deploymentPanelJson, renderDeploymentInfo, renderDeploymentPanel } from './show.js';

const deploymentId = { flag: '--deployment-id', member: 'deploymentId', type: 'string', required: true, description: 'The deployment id (d-XXXXXXXXX).' } as const;

function idOf(request: ApiDocument): string {
  return typeof request['deploymentId'] === 'string' ? request['deploymentId'] : '';
}

function getDeployment(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = findDeployment(world, idOf(request));
  return found.ok ? ok(renderDeploymentInfo(found.value)) : found;
}

/** StopDeployment answers a status and a message (wording: simulator's; AWS says the stop is under way). */
function stopDeploymentCommand(world: World, request: ApiDocument): Result<ApiDocument> {
  const stopped = stopDeployment(world, idOf(request), request['autoRollbackEnabled'] === true);
  if (!stopped.ok) return stopped;
  const rolledBack = stopped.value.rollbackMessage === undefined ? '' : ` ${stopped.value.rollbackMessage}`;
  return ok({ status: 'Succeeded', statusMessage: `Deployment ${stopped.value.deploymentId} stopped.${rolledBack}` });
}

export const CODEDEPLOY_OPERATIONS: readonly OperationSpec[] = [
  { service: 'deploy', command: 'get-deployment', operation: 'GetDeployment', summary: 'Shows a deployment: status, configuration, errors, rollback.', params: [deploymentId], run: getDeployment },
  {
    service: 'deploy', command: 'stop-deployment', operation: 'StopDeployment', summary: 'Stops a deployment in progress (with --auto-rollback-enabled, the alias goes back to the old version).',
    params: [deploymentId, { flag: '--auto-rollback-enabled', member: 'autoRollbackEnabled', type: 'boolean', required: false, description: 'Roll the alias back to the version it had before the deployment.' }],
    run: stopDeploymentCommand,
  },
];

function panel(session: SandboxSession, id: string | undefined): Result<SimOutput> {
  const order = codeDeployState(session.world).order;
  const chosen = id ?? order[order.length - 1];
  if (chosen === undefined) return fail(awsError('DeploymentDoesNotExistException', 400, 'No deployment has been started in this world. Start one with sim deploy start.'));
  const found = findDeployment(session.world, chosen);
  return found.ok ? ok({ json: deploymentPanelJson(found.value), text: renderDeploymentPanel(found.value) }) : found;
}

function startFromSandbox(session: SandboxSession, flags: Readonly<Record<string, unknown>>): Result<SimOutput> {
  const functionName = String(flags['function']);
  const aliasName = String(flags['alias']);
  const alias = lambda.getAlias(session.world, { FunctionName: functionName, Name: aliasName });
  if (!alias.ok) return alias;
  const text = (flag: string) => (typeof flags[flag] === 'string' ? { [flag]: flags[flag] as string } : {});
  const hooks = { ...text('pre-traffic-hook'), ...text('post-traffic-hook') };
  const started = startLambdaDeployment(session.world, {
    functionName,
    aliasName,
    fromVersion: String(alias.value['FunctionVersion']),
    toVersion: String(flags['to-version']),
    type: String(flags['type']),
    alarmNames: typeof flags['alarm'] === 'string' ? flags['alarm'].split('\n') : [],
    ...(hooks['pre-traffic-hook'] === undefined ? {} : { preTrafficHook: hooks['pre-traffic-hook'] }),
    ...(hooks['post-traffic-hook'] === undefined ? {} : { postTrafficHook: hooks['post-traffic-hook'] }),
  });
  if (!started.ok) return started;
  return panel(session, started.value.deploymentId);
}

export const CODEDEPLOY_SIM_COMMANDS: readonly SimCommandSpec[] = [
  {
    words: ['deploy', 'start'],
    args: [],
    flags: [
      { flag: '--function', type: 'string', required: true, description: 'The function.' },
      { flag: '--alias', type: 'string', required: true, description: 'The alias to shift (it moves from the version it points to now).' },
      { flag: '--to-version', type: 'string', required: true, description: 'The published version to shift to.' },
      { flag: '--type', type: 'string', required: true, description: `The deployment configuration: ${DEPLOYMENT_TYPE_NAMES.filter((n) => !n.startsWith('CodeDeployDefault.')).join(', ')} (or CodeDeployDefault.Lambda...).` },
      { flag: '--alarm', type: 'string', required: false, repeatable: true, description: 'A CloudWatch alarm that stops the deployment and rolls back when it goes to ALARM (repeatable).' },
      { flag: '--pre-traffic-hook', type: 'string', required: false, description: 'A function run before any traffic moves (CodeDeployHook_* under SAM’s default role, SAM-05).' },
      { flag: '--post-traffic-hook', type: 'string', required: false, description: 'A function run once all traffic is on the new version.' },
    ],
    summary: 'Starts a CodeDeploy Lambda deployment: shifts an alias to a new version over virtual time (SAM-05).',
    example: 'sim deploy start --function orders --alias live --to-version 2 --type Canary10Percent5Minutes --alarm orders-errors',
    output: 'The deployment panel (as `sim show deployment`): `{deploymentId, status, phase, deploymentConfigName, functionName, aliasName, fromVersion, toVersion, traffic, timeline}`.',
    run: (session, input) => startFromSandbox(session, input.flags),
  },
  {
    words: ['show', 'deployment'],
    args: [{ name: 'DEPLOYMENT_ID', type: 'string', required: false, description: 'The deployment (default: the latest one).' }],
    flags: [],
    summary: 'Draws a deployment: the traffic split between the two versions as bars, and its timeline.',
    example: 'sim show deployment',
    output: '`{deploymentId, status, phase, deploymentConfigName, functionName, aliasName, fromVersion, toVersion, traffic: [{version, percent}], timeline: [{timeMs, offsetMs, targetPercent, message}]}`.',
    run: (session, input) => panel(session, input.args['DEPLOYMENT_ID'] as string | undefined),
  },
];
