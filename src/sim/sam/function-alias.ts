// A function's DeploymentPreference (SAM-05): checked with SAM's own rules (AutoPublishAlias required,
// a Type among the documented ones, hooks that are functions of the template), and on redeploy handed to
// the safe-deployment port; without the port (or with `Enabled: false`) the alias moves at once.
import * as lambda from '../lambda/index.js';
import { ok, type Result } from '../result.js';
import { intrinsicOf } from './intrinsics.js';
import { asList, asRecord, asString, type DeployContext } from './kind.js';
import { didYouMean, type Problems } from './problems.js';
import { DEPLOYMENT_TYPES, type SafeDeploymentRequest } from './safe-deployment-port.js';
import type { ResourceDecl } from './template.js';

const PREFERENCE_KEYS = ['Type', 'Hooks', 'Alarms', 'Enabled', 'Role', 'TriggerConfigurations', 'PassthroughCondition'];
const HOOK_KEYS = ['PreTraffic', 'PostTraffic'];

function checkHooks(hooks: unknown, path: readonly (string | number)[], all: readonly ResourceDecl[], problems: Problems): void {
  for (const [key, value] of Object.entries(asRecord(hooks))) {
    if (!HOOK_KEYS.includes(key)) { problems.add([...path, key], `unsupported hook '${key}' (PreTraffic or PostTraffic)${didYouMean(key, HOOK_KEYS)}`); continue; }
    const ref = intrinsicOf(value);
    const target = ref?.name === 'Ref' ? all.find((r) => r.logicalId === String(ref.argument)) : undefined;
    if (target?.type !== 'AWS::Serverless::Function') problems.add([...path, key], `a ${key} hook must be !Ref of an AWS::Serverless::Function in this template`);
  }
}

/** SAM-05's checks on `DeploymentPreference`, before anything is created. */
export function checkDeploymentPreference(resource: ResourceDecl, all: readonly ResourceDecl[], problems: Problems): void {
  const preference = resource.properties['DeploymentPreference'];
  if (preference === undefined) return;
  const path = ['Resources', resource.logicalId, 'Properties', 'DeploymentPreference'];
  if (resource.properties['AutoPublishAlias'] === undefined) {
    // SAM-05: the transform's own words (samtranslator/model/sam_resources.py).
    problems.add(path, `Transform ${'AWS::Serverless-2016-10-31'} failed: Resource with id [${resource.logicalId}] is invalid. 'DeploymentPreference' requires AutoPublishAlias property to be specified.`);
  }
  const fields = asRecord(preference);
  for (const key of Object.keys(fields)) if (!PREFERENCE_KEYS.includes(key)) problems.add([...path, key], `unsupported DeploymentPreference property '${key}'${didYouMean(key, PREFERENCE_KEYS)}`);
  const type = fields['Type'];
  if (intrinsicOf(type) === undefined && !DEPLOYMENT_TYPES.includes(String(type) as (typeof DEPLOYMENT_TYPES)[number])) {
    problems.add([...path, 'Type'], `DeploymentPreference Type must be one of ${DEPLOYMENT_TYPES.join(', ')} (SAM-05), got '${String(type)}'${didYouMean(String(type), DEPLOYMENT_TYPES)}`);
  }
  checkHooks(fields['Hooks'], [...path, 'Hooks'], all, problems);
}

/** Points an alias at another version with Lambda's own UpdateAlias (weights cleared: SAM moves it whole). */
function pointAlias(context: DeployContext, functionName: string, aliasName: string, version: string): Result<void> {
  const updated = lambda.updateAlias(context.world, { FunctionName: functionName, Name: aliasName, FunctionVersion: version, RoutingConfig: { AdditionalVersionWeights: {} } });
  return updated.ok ? ok(undefined) : updated;
}

/** After a new version: shifts the alias by the preference through the port, else at once. */
export function moveAlias(context: DeployContext, resource: ResourceDecl, properties: Readonly<Record<string, unknown>>, move: Pick<SafeDeploymentRequest, 'functionName' | 'aliasName' | 'fromVersion' | 'toVersion'>): Result<void> {
  const preference = properties['DeploymentPreference'];
  const fields = asRecord(preference);
  if (preference === undefined || fields['Enabled'] === false) return pointAlias(context, move.functionName, move.aliasName, move.toVersion);
  const type = String(fields['Type']);
  if (context.safeDeployment === undefined) {
    context.notes.push(`DeploymentPreference ${type} of ${resource.logicalId} was not simulated (no traffic-shifting engine is wired): alias ${move.aliasName} moved from version ${move.fromVersion} to ${move.toVersion} at once.`);
    return pointAlias(context, move.functionName, move.aliasName, move.toVersion);
  }
  const hooks = asRecord(fields['Hooks']);
  const pre = asString(hooks['PreTraffic']);
  const post = asString(hooks['PostTraffic']);
  const request: SafeDeploymentRequest = { ...move, type, alarmNames: asList(fields['Alarms']).map(String), ...(pre === undefined ? {} : { preTrafficHook: pre }), ...(post === undefined ? {} : { postTrafficHook: post }) };
  const started = context.safeDeployment(context.world, request);
  if (!started.ok) return started;
  context.notes.push(`DeploymentPreference ${type} of ${resource.logicalId}: deployment ${started.value.deploymentId} shifts alias ${move.aliasName} from version ${move.fromVersion} to ${move.toVersion} (sim show deployment ${started.value.deploymentId}).`);
  return ok(undefined);
}
