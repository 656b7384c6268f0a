// `sam deploy` on a world: plan (all checks, nothing created), then each resource in dependency order
// through its kind, which calls the services' own operations. A redeploy of the same stack keeps what
// did not change, updates functions (new version, alias moved) and refuses other changes plainly.
// A deploy that fails half-way has changed the world: callers restore their snapshot (sim-commands.ts
// does), so a failing template leaves the world as it was.
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { routeSources } from './api.js';
import { resolve, type ResolvedResource, type Scope } from './intrinsics.js';
import type { DeployContext, StackResource } from './kind.js';
import { kindOf } from './kinds.js';
import { safeDeploymentPort } from './safe-deployment-port.js';
import { samState, type StackState } from './stack-state.js';
import type { ResourceDecl } from './template.js';
import { planTemplate, type DeployPlan } from './validate.js';

export interface DeployRequest {
  /** The template's file name, for messages. */
  readonly file: string;
  readonly text: string;
  readonly stackName: string;
  readonly overrides: Readonly<Record<string, string>>;
}

export interface DeployReport {
  readonly stack: StackState;
  /** Stack events in order: each resource, then those SAM generated for it. */
  readonly events: readonly { readonly logicalId: string; readonly type: string; readonly physicalId: string; readonly status: string }[];
  readonly notes: readonly string[];
}

const NAME_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** CloudFormation names what the template leaves unnamed `<stack>-<logicalId>-<12 random characters>`. */
function physicalNamer(world: World, stackName: string): (logicalId: string, maxLength?: number) => string {
  const stream = world.rng.stream('sam.names');
  return (logicalId, maxLength = 64) => {
    const suffix = Array.from({ length: 12 }, () => NAME_ALPHABET[stream.nextInt(NAME_ALPHABET.length)]).join('');
    const room = Math.max(1, maxLength - suffix.length - 2);
    return `${stackName}-${logicalId}`.slice(0, room) + `-${suffix}`;
  };
}

/** What decides whether a kept resource changed: its resolved properties (and an API's routes). */
function fingerprintOf(resource: ResourceDecl, properties: unknown, all: readonly ResourceDecl[]): string {
  const routes = resource.type.startsWith('AWS::Serverless::') && resource.type.endsWith('Api') ? routeSources(resource.logicalId, all).map((s) => [s.functionId, s.event]) : [];
  return JSON.stringify([properties, routes]);
}

function deployOne(context: Omit<DeployContext, 'previous'>, resource: ResourceDecl, previous: (StackResource & { fingerprint: string }) | undefined): Result<StackResource & { fingerprint: string }> {
  const kind = kindOf(resource.type);
  if (kind === undefined) return fail(awsError('ValidationError', 400, `unsupported resource type ${resource.type}`));
  const properties = resolve(resource.properties, context.scope) as Record<string, unknown>;
  const fingerprint = fingerprintOf(resource, properties, context.resources);
  if (previous !== undefined && resource.type !== 'AWS::Serverless::Function') {
    if (previous.fingerprint === fingerprint) return ok({ ...previous, status: 'UPDATE_NOT_NEEDED' });
    return fail(awsError('ValidationError', 400, `Changing ${resource.logicalId} (${resource.type}) on redeploy is not simulated (only function updates are); deploy the template as a new stack (--stack NAME).`));
  }
  const made = kind.deploy(previous === undefined ? context : { ...context, previous }, resource, properties);
  if (!made.ok) return made;
  return ok({ status: 'CREATE_COMPLETE', ...made.value, logicalId: resource.logicalId, type: resource.type, fingerprint });
}

function checkRemovals(plan: DeployPlan, previous: StackState | undefined): Result<void> {
  const removed = Object.keys(previous?.resources ?? {}).filter((id) => !plan.resources.some((r) => r.logicalId === id));
  if (removed.length === 0) return ok(undefined);
  return fail(awsError('ValidationError', 400, `Removing resources on redeploy is not simulated: [${removed.join(', ')}] are in stack ${previous?.name} but not in the template.`));
}

function eventsOfStack(made: readonly StackResource[]): DeployReport['events'] {
  return made.flatMap((resource) => [
    { logicalId: resource.logicalId, type: resource.type, physicalId: resource.physicalId, status: resource.status },
    ...(resource.generated ?? []).map((g) => ({ ...g, status: g.status ?? (resource.status === 'CREATE_COMPLETE' ? resource.status : 'UPDATE_NOT_NEEDED') })),
  ]);
}

/** Creates or updates stack `request.stackName` from the template. */
export function deployStack(world: World, request: DeployRequest): Result<DeployReport> {
  const plan = planTemplate(request.text, { file: request.file, stackName: request.stackName, overrides: request.overrides, region: world.region, accountId: world.accountId });
  if (!plan.ok) return plan;
  const state = samState(world);
  const previous = state.stacks[request.stackName];
  const removals = checkRemovals(plan.value, previous);
  if (!removals.ok) return removals;
  const resolved = new Map<string, ResolvedResource>();
  const made = new Map<string, StackResource & { fingerprint: string }>();
  const scope: Scope = { parameters: plan.value.template.parameters, pseudo: plan.value.pseudo, conditions: plan.value.conditions, resources: resolved };
  const port = safeDeploymentPort();
  const context = { world, stackName: request.stackName, resources: plan.value.resources, made, scope, notes: [] as string[], physicalName: physicalNamer(world, request.stackName), ...(port === undefined ? {} : { safeDeployment: port }) };
  for (const resource of plan.value.resources) {
    const before = previous?.resources[resource.logicalId];
    const done = deployOne(context, resource, before);
    if (!done.ok) return fail({ ...done.error, message: `${resource.logicalId} (${resource.type}) ${before === undefined ? 'CREATE_FAILED' : 'UPDATE_FAILED'}: ${done.error.message}` });
    made.set(resource.logicalId, done.value);
    resolved.set(resource.logicalId, { ref: done.value.ref, attributes: done.value.attributes });
  }
  const outputs = Object.fromEntries(plan.value.template.outputs.map((output) => [output.name, String(resolve(output.value, scope))]));
  const stack: StackState = {
    name: request.stackName, stackId: plan.value.pseudo['AWS::StackId'] ?? '', status: previous === undefined ? 'CREATE_COMPLETE' : 'UPDATE_COMPLETE',
    createdMs: previous?.createdMs ?? world.nowMs, updatedMs: world.nowMs, file: request.file, resources: Object.fromEntries(made), outputs,
  };
  state.stacks[request.stackName] = stack;
  world.record({ service: 'cloudformation', operation: previous === undefined ? 'CreateStack' : 'UpdateStack', outcome: 'ok', detail: { stackName: request.stackName, resources: made.size } });
  return ok({ stack, events: eventsOfStack([...made.values()]), notes: context.notes });
}
