// `sam validate` and the first half of every deploy: reads the template, applies Conditions and Globals,
// adds SAM's implicit APIs, checks every resource, property and reference, and orders the resources by
// their dependencies (Ref, Fn::GetAtt, Fn::Sub, DependsOn; a cycle is an error). All of it is pure: a
// template that fails here never touches the world.
import { createHash } from 'node:crypto';
import { fail, ok, type Result } from '../result.js';
import { IMPLICIT_HTTP_API, IMPLICIT_REST_API, apiOfEvent, eventsOf } from './events.js';
import { checkGlobals, withGlobals } from './globals.js';
import { evaluateConditions, referencesIn, type Reference } from './intrinsics.js';
import { kindOf, SUPPORTED_TYPES } from './kinds.js';
import { Problems, didYouMean, templateError } from './problems.js';
import { readTemplate, type ResourceDecl, type TemplateDecl } from './template.js';
import { readTemplateText, type Position } from './yaml-reader.js';

export interface PlanOptions {
  readonly file: string;
  readonly stackName: string;
  readonly overrides: Readonly<Record<string, string>>;
  readonly region: string;
  readonly accountId: string;
}

export interface DeployPlan {
  readonly template: TemplateDecl;
  /** Globals merged, conditions applied, implicit APIs added, in creation order. */
  readonly resources: readonly ResourceDecl[];
  readonly pseudo: Readonly<Record<string, string>>;
  readonly conditions: Readonly<Record<string, boolean>>;
  readonly positions: ReadonlyMap<string, Position>;
}

export function pseudoParameters(options: PlanOptions): Record<string, string> {
  const suffix = createHash('sha256').update(`${options.accountId}/${options.stackName}`).digest('hex');
  const uuid = `${suffix.slice(0, 8)}-${suffix.slice(8, 12)}-${suffix.slice(12, 16)}-${suffix.slice(16, 20)}-${suffix.slice(20, 32)}`;
  return {
    'AWS::Region': options.region, 'AWS::AccountId': options.accountId, 'AWS::StackName': options.stackName, 'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com',
    'AWS::StackId': `arn:aws:cloudformation:${options.region}:${options.accountId}:stack/${options.stackName}/${uuid}`,
  };
}

/** SAM's implicit APIs for Api / HttpApi events that name none (stage `Prod` for REST, SAM's default). */
function implicitApis(resources: readonly ResourceDecl[], template: TemplateDecl): ResourceDecl[] {
  const wanted = new Set(resources.flatMap((r) => (r.type === 'AWS::Serverless::Function' ? eventsOf(r).map(apiOfEvent) : [])));
  const implicit: ResourceDecl[] = [];
  if (wanted.has(IMPLICIT_REST_API)) implicit.push({ logicalId: IMPLICIT_REST_API, type: 'AWS::Serverless::Api', properties: { StageName: 'Prod' }, dependsOn: [], isImplicit: true });
  if (wanted.has(IMPLICIT_HTTP_API)) implicit.push({ logicalId: IMPLICIT_HTTP_API, type: 'AWS::Serverless::HttpApi', properties: {}, dependsOn: [], isImplicit: true });
  return implicit.filter((api) => !resources.some((r) => r.logicalId === api.logicalId)).map((api) => withGlobals(api, template.globals));
}

function checkResource(resource: ResourceDecl, all: readonly ResourceDecl[], problems: Problems): void {
  const path = ['Resources', resource.logicalId];
  const kind = kindOf(resource.type);
  if (kind === undefined) return problems.add([...path, 'Type'], `unsupported resource type ${resource.type}${didYouMean(resource.type, SUPPORTED_TYPES)} (the simulator supports ${SUPPORTED_TYPES.join(', ')})`);
  for (const name of Object.keys(resource.properties)) {
    if (!kind.properties.includes(name)) problems.add([...path, 'Properties', name], `unsupported property '${name}' for ${resource.type}${didYouMean(name, kind.properties)}`);
  }
  for (const name of kind.required) if (!(name in resource.properties)) problems.add([...path, 'Properties'], `${resource.type} needs property '${name}'`);
  kind.check?.(resource, all, problems);
}

function checkReference(reference: Reference, template: TemplateDecl, byId: ReadonlyMap<string, ResourceDecl>, pseudo: Readonly<Record<string, string>>, problems: Problems): void {
  const target = byId.get(reference.target);
  if (reference.attribute === undefined) {
    if (reference.target in template.parameters || reference.target in pseudo || reference.target === 'AWS::NoValue' || target !== undefined) return;
    return problems.add(reference.path, `Unresolved resource dependencies [${reference.target}] in the Resources block of the template${didYouMean(reference.target, [...byId.keys(), ...Object.keys(template.parameters)])}`);
  }
  if (target === undefined) return problems.add(reference.path, `Fn::GetAtt names ${reference.target}, which is not a resource of the template${didYouMean(reference.target, [...byId.keys()])}`);
  const attributes = kindOf(target.type)?.attributes ?? [];
  if (!attributes.includes(reference.attribute)) problems.add(reference.path, `resource ${reference.target} (${target.type}) has no attribute ${reference.attribute} for Fn::GetAtt (it has: ${attributes.join(', ') || 'none'})`);
}

/** The logical ids `resource` must come after. */
function dependenciesOf(resource: ResourceDecl, references: readonly Reference[], all: readonly ResourceDecl[], byId: ReadonlyMap<string, ResourceDecl>): Set<string> {
  const kind = kindOf(resource.type);
  const needed = references.filter((ref) => byId.has(ref.target) && !(kind?.ignoredForOrder?.(ref.path.slice(3)) ?? false)).map((ref) => ref.target);
  return new Set([...needed, ...resource.dependsOn, ...(kind?.builtAfter?.(resource, all) ?? [])]);
}

/** Kahn's order, ties in template order; what is left over is a cycle. */
function order(resources: readonly ResourceDecl[], dependencies: ReadonlyMap<string, Set<string>>, problems: Problems): ResourceDecl[] {
  const done = new Set<string>();
  const ordered: ResourceDecl[] = [];
  for (let step = 0; step < resources.length; step++) {
    const ready = resources.find((r) => !done.has(r.logicalId) && [...(dependencies.get(r.logicalId) ?? [])].every((id) => done.has(id)));
    if (ready === undefined) break;
    done.add(ready.logicalId);
    ordered.push(ready);
  }
  const left = resources.filter((r) => !done.has(r.logicalId)).map((r) => r.logicalId);
  if (left.length > 0) problems.add(['Resources'], `Circular dependency between resources: [${left.join(', ')}]`);
  return ordered;
}

function checkDependsOn(resources: readonly ResourceDecl[], byId: ReadonlyMap<string, ResourceDecl>, problems: Problems): void {
  for (const resource of resources) {
    for (const id of resource.dependsOn) if (!byId.has(id)) problems.add(['Resources', resource.logicalId, 'DependsOn'], `DependsOn names ${id}, which is not a resource of the template${didYouMean(id, [...byId.keys()])}`);
  }
}

function planResources(template: TemplateDecl, options: PlanOptions, problems: Problems): Omit<DeployPlan, 'template' | 'positions'> {
  const pseudo = pseudoParameters(options);
  const conditions = evaluateConditions(template.conditions, { parameters: template.parameters, pseudo, resources: new Map() }, problems);
  for (const r of template.resources) if (r.condition !== undefined && !(r.condition in conditions)) problems.add(['Resources', r.logicalId, 'Condition'], `Condition ${r.condition} is not defined in Conditions`);
  const kept = template.resources.filter((r) => r.condition === undefined || conditions[r.condition] === true).map((r) => withGlobals(r, template.globals));
  checkGlobals(template.globals, (type) => kindOf(type)?.properties ?? [], problems);
  const resources = [...kept, ...implicitApis(kept, template)];
  const byId = new Map(resources.map((r) => [r.logicalId, r]));
  for (const resource of resources) checkResource(resource, resources, problems);
  checkDependsOn(resources, byId, problems);
  const dependencies = new Map<string, Set<string>>();
  for (const resource of resources) {
    const references = referencesIn(resource.properties, ['Resources', resource.logicalId, 'Properties'], problems);
    for (const reference of references) checkReference(reference, template, byId, pseudo, problems);
    dependencies.set(resource.logicalId, dependenciesOf(resource, references, resources, byId));
  }
  for (const output of template.outputs) for (const ref of referencesIn(output.value, ['Outputs', output.name, 'Value'], problems)) checkReference(ref, template, byId, pseudo, problems);
  return { resources: problems.isEmpty ? order(resources, dependencies, problems) : resources, pseudo, conditions };
}

/** Everything a deploy checks before it creates anything; one ValidationError lists every problem. */
export function planTemplate(text: string, options: PlanOptions): Result<DeployPlan> {
  const read = readTemplateText(text);
  if (!read.ok) return fail(templateError(options.file, read.problems, new Map()));
  const problems = new Problems();
  const template = readTemplate(read.value.data, options.overrides, problems);
  const planned = problems.isEmpty ? planResources(template, options, problems) : undefined;
  if (!problems.isEmpty || planned === undefined) return fail(templateError(options.file, problems.list, read.value.positions));
  return ok({ template, ...planned, positions: read.value.positions });
}
