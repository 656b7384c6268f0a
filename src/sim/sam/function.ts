// AWS::Serverless::Function: SAM's checks (DeploymentPreference needs AutoPublishAlias, SAM-05; hooks
// name functions of the template; the handler is from the sandbox's catalogue), then Lambda's own
// operations: CreateFunction, PutFunctionConcurrency, PublishVersion + the alias (AutoPublishAlias),
// provisioned concurrency on the alias, and the event sources. A redeploy with a changed configuration
// or code updates $LATEST, publishes a new version and moves the alias (through the safe-deployment
// port when a DeploymentPreference is set and the port is wired).
import * as lambda from '../lambda/index.js';
import { awsError, fail, ok, type Result } from '../result.js';
import { createEventSources, checkEvents, eventsOf } from './events.js';
import { checkPolicies, createFunctionRole } from './function-role.js';
import { checkDeploymentPreference, moveAlias } from './function-alias.js';
import { asRecord, asString, defined, type DeployContext, type GeneratedResource, type Made, type ResourceKind } from './kind.js';
import { didYouMean, type Problems } from './problems.js';
import type { ResourceDecl } from './template.js';

const CONFIG_MEMBERS = ['Runtime', 'Handler', 'MemorySize', 'Timeout', 'Environment', 'Description', 'EphemeralStorage'];
/** Properties that change the code or configuration, so a redeploy publishes a new version. */
const VERSIONED_MEMBERS = [...CONFIG_MEMBERS, 'CodeUri', 'InlineCode'];

function checkFunction(resource: ResourceDecl, all: readonly ResourceDecl[], problems: Problems): void {
  const path = ['Resources', resource.logicalId, 'Properties'];
  const handler = resource.properties['Handler'];
  if (typeof handler === 'string' && !lambda.HANDLER_NAMES.includes(handler)) {
    problems.add([...path, 'Handler'], `the sandbox runs no code: Handler must be a catalogue handler (${lambda.HANDLER_NAMES.join(', ')}), got '${handler}'${didYouMean(handler, lambda.HANDLER_NAMES)}`);
  }
  if (resource.properties['ProvisionedConcurrencyConfig'] !== undefined && resource.properties['AutoPublishAlias'] === undefined) {
    problems.add([...path, 'ProvisionedConcurrencyConfig'], `Resource with id [${resource.logicalId}] is invalid. ProvisionedConcurrencyConfig needs AutoPublishAlias: provisioned concurrency is set on the alias.`);
  }
  checkDeploymentPreference(resource, all, problems);
  checkPolicies(resource.properties['Policies'], [...path, 'Policies'], problems);
  checkEvents(resource, all, problems);
}

/** What makes a new version: the configuration and code members as resolved. */
const fingerprintOf = (properties: Readonly<Record<string, unknown>>): string => JSON.stringify(VERSIONED_MEMBERS.map((member) => properties[member] ?? null));

function configRequest(name: string, properties: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return defined({ FunctionName: name, ...Object.fromEntries(CONFIG_MEMBERS.map((member) => [member, properties[member]])) });
}

function setReservedConcurrency(context: DeployContext, name: string, properties: Readonly<Record<string, unknown>>): Result<unknown> {
  const reserved = properties['ReservedConcurrentExecutions'];
  if (reserved === undefined) return ok(undefined);
  return lambda.putFunctionConcurrency(context.world, { FunctionName: name, ReservedConcurrentExecutions: reserved });
}

interface Published {
  readonly version?: string;
  readonly generated: GeneratedResource[];
}

/** AutoPublishAlias: publishes $LATEST as a version and creates the alias (first deploy). */
function publishFirst(context: DeployContext, resource: ResourceDecl, name: string, properties: Readonly<Record<string, unknown>>): Result<Published> {
  const aliasName = asString(properties['AutoPublishAlias']);
  if (aliasName === undefined) return ok({ generated: [] });
  const world = context.world;
  const published = lambda.publishVersion(world, { FunctionName: name });
  if (!published.ok) return published;
  const version = String(published.value['Version']);
  const alias = lambda.createAlias(world, { FunctionName: name, Name: aliasName, FunctionVersion: version });
  if (!alias.ok) return alias;
  const provisioned = asRecord(properties['ProvisionedConcurrencyConfig'])['ProvisionedConcurrentExecutions'];
  if (provisioned !== undefined) {
    const put = lambda.putProvisionedConcurrencyConfig(world, { FunctionName: name, Qualifier: aliasName, ProvisionedConcurrentExecutions: provisioned });
    if (!put.ok) return put;
  }
  return ok({
    version,
    generated: [
      { logicalId: `${resource.logicalId}Version${version}`, type: 'AWS::Lambda::Version', physicalId: `${String(published.value['FunctionArn'])}` },
      { logicalId: `${resource.logicalId}Alias${aliasName}`, type: 'AWS::Lambda::Alias', physicalId: String(alias.value['AliasArn']) },
    ],
  });
}

function createFunctionResource(context: DeployContext, resource: ResourceDecl, properties: Readonly<Record<string, unknown>>): Result<Made> {
  const name = asString(properties['FunctionName']) ?? context.physicalName(resource.logicalId, 64);
  const generated: GeneratedResource[] = [];
  let role = asString(properties['Role']);
  if (role !== undefined && properties['Policies'] !== undefined) context.notes.push(`Policies of ${resource.logicalId} are not used: it names its own Role (SAM attaches Policies only to the role it creates).`);
  if (role === undefined) {
    const made = createFunctionRole(context, resource.logicalId, properties['Policies']);
    if (!made.ok) return made;
    [role, generated[0]] = [made.value.arn, made.value.generated];
  }
  const created = lambda.createFunction(context.world, { ...configRequest(name, properties), Role: role });
  if (!created.ok) return created;
  const reserved = setReservedConcurrency(context, name, properties);
  if (!reserved.ok) return reserved;
  const published = publishFirst(context, resource, name, properties);
  if (!published.ok) return published;
  const aliasName = asString(properties['AutoPublishAlias']);
  const sources = createEventSources(context, resource.logicalId, name, aliasName, eventsOf({ ...resource, properties }));
  if (!sources.ok) return sources;
  const memory = { fingerprint: fingerprintOf(properties), events: JSON.stringify(properties['Events'] ?? null), ...(published.value.version === undefined ? {} : { version: published.value.version }) };
  return ok({ physicalId: name, ref: name, attributes: { Arn: String(created.value['FunctionArn']) }, generated: [...generated, ...published.value.generated, ...sources.value], memory });
}

/**
 * The version the alias points to now: after a deployment was rolled back it is the old version, not
 * the one the last deploy published (CloudFormation rolls such an update back), so the next shift starts there.
 */
function aliasVersionNow(context: DeployContext, functionName: string, aliasName: string): string | undefined {
  const alias = lambda.getAlias(context.world, { FunctionName: functionName, Name: aliasName });
  return alias.ok ? asString(alias.value['FunctionVersion']) : undefined;
}

function updateFunctionResource(context: DeployContext, resource: ResourceDecl, properties: Readonly<Record<string, unknown>>, previous: NonNullable<DeployContext['previous']>): Result<Made> {
  const memory = previous.memory ?? {};
  const kept = (previous.generated ?? []).map(({ status: _status, ...rest }) => rest);
  const unchanged = { ...previous, generated: kept, status: 'UPDATE_NOT_NEEDED' as const };
  if (JSON.stringify(properties['Events'] ?? null) !== memory['events']) {
    return fail(awsError('ValidationError', 400, `Changing the Events of ${resource.logicalId} on redeploy is not simulated; deploy the template as a new stack (--stack NAME).`));
  }
  if (fingerprintOf(properties) === memory['fingerprint']) return ok(unchanged);
  const name = previous.physicalId;
  const updated = lambda.updateFunctionConfiguration(context.world, configRequest(name, properties));
  if (!updated.ok) return updated;
  const reserved = setReservedConcurrency(context, name, properties);
  if (!reserved.ok) return reserved;
  const aliasName = asString(properties['AutoPublishAlias']);
  const fromVersion = aliasName === undefined ? undefined : aliasVersionNow(context, name, aliasName) ?? memory['version'];
  if (aliasName === undefined || fromVersion === undefined) return ok({ ...unchanged, status: 'UPDATE_COMPLETE', memory: { ...memory, fingerprint: fingerprintOf(properties) } });
  const published = lambda.publishVersion(context.world, { FunctionName: name });
  if (!published.ok) return published;
  const toVersion = String(published.value['Version']);
  const moved = moveAlias(context, resource, properties, { functionName: name, aliasName, fromVersion, toVersion });
  if (!moved.ok) return moved;
  const generated = [...kept, { logicalId: `${resource.logicalId}Version${toVersion}`, type: 'AWS::Lambda::Version', physicalId: String(published.value['FunctionArn']), status: 'CREATE_COMPLETE' as const }];
  return ok({ ...unchanged, status: 'UPDATE_COMPLETE', generated, memory: { ...memory, fingerprint: fingerprintOf(properties), version: toVersion } });
}

export const serverlessFunction: ResourceKind = {
  type: 'AWS::Serverless::Function',
  properties: [
    'FunctionName', 'Handler', 'Runtime', 'CodeUri', 'InlineCode', 'Description', 'MemorySize', 'Timeout', 'Environment', 'EphemeralStorage', 'Role', 'Policies',
    'ReservedConcurrentExecutions', 'ProvisionedConcurrencyConfig', 'AutoPublishAlias', 'DeploymentPreference', 'Events',
  ],
  required: ['Handler', 'Runtime'],
  attributes: ['Arn'],
  check: checkFunction,
  ignoredForOrder: (path) => path[0] === 'Events' && (path[3] === 'RestApiId' || path[3] === 'ApiId'),
  deploy: (context, resource, properties) => (context.previous === undefined ? createFunctionResource(context, resource, properties) : updateFunctionResource(context, resource, properties, context.previous)),
};

/** The function name a `!Ref Fn` / `!GetAtt Fn.Arn` / ARN text stands for, once resolved. */
export function functionNameOfArn(value: unknown): string {
  const text = String(value);
  const match = /function:([^:/]+)/.exec(text);
  return match === null ? text : match[1]!;
}
