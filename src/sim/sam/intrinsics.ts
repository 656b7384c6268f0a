// CloudFormation's intrinsic functions over plain template data (long form only; the YAML reader turns
// `!Ref` and friends into it): Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::If with
// Conditions (Fn::Equals/Not/And/Or), and the pseudo-parameters AWS::Region, AWS::AccountId,
// AWS::StackName, AWS::StackId, AWS::Partition, AWS::URLSuffix, AWS::NoValue.
// `referencesIn` lists what a value refers to (for validation and the dependency order); `resolve`
// computes the value once the resources it names exist.
import { isRecord } from './template.js';
import type { Problems } from './problems.js';
import type { TemplatePath } from './yaml-reader.js';

/** A resource as other resources see it: its `Ref` value and its `Fn::GetAtt` attributes. */
export interface ResolvedResource {
  readonly ref: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export interface Scope {
  readonly parameters: Readonly<Record<string, string | readonly string[]>>;
  readonly pseudo: Readonly<Record<string, string>>;
  readonly conditions: Readonly<Record<string, boolean>>;
  readonly resources: ReadonlyMap<string, ResolvedResource>;
}

/** `!Ref AWS::NoValue`: the property is removed. */
export const NO_VALUE = Symbol('AWS::NoValue');

const SUPPORTED = ['Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::Join', 'Fn::Select', 'Fn::Split', 'Fn::If'];
const CONDITION_FUNCTIONS = ['Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::Or', 'Condition'];

export interface Reference {
  readonly target: string;
  /** Set for Fn::GetAtt and `${Res.Attr}` in Fn::Sub. */
  readonly attribute?: string;
  readonly path: TemplatePath;
}

/** The intrinsic function a value is (a one-key map whose key is `Ref` or `Fn::...`), if any. */
export function intrinsicOf(value: unknown): { name: string; argument: unknown } | undefined {
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1 || !(keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0]!.startsWith('Fn::'))) return undefined;
  return { name: keys[0]!, argument: value[keys[0]!] };
}

/** `${Name}` and `${Res.Attr}` inside a Fn::Sub string (`${!Literal}` is text). */
export function subVariables(text: string): string[] {
  return [...text.matchAll(/\$\{([^!}][^}]*)\}/g)].map((match) => match[1]!.trim());
}

function subReferences(argument: unknown, path: TemplatePath, out: Reference[], problems: Problems): void {
  const [text, variables] = Array.isArray(argument) ? [argument[0], argument[1]] : [argument, undefined];
  if (typeof text !== 'string') return problems.add(path, 'Fn::Sub needs a string, or a list of a string and a map of variables');
  const local = isRecord(variables) ? variables : {};
  if (isRecord(variables)) collect(variables, [...path, 1], out, problems);
  for (const name of subVariables(text)) {
    if (name in local) continue;
    const dot = name.indexOf('.');
    out.push(dot === -1 ? { target: name, path } : { target: name.slice(0, dot), attribute: name.slice(dot + 1), path });
  }
}

function collectIntrinsic(name: string, argument: unknown, path: TemplatePath, out: Reference[], problems: Problems): void {
  if (name === 'Ref') {
    if (typeof argument === 'string') out.push({ target: argument, path });
    else problems.add(path, 'Ref needs the name of a parameter or resource');
  } else if (name === 'Fn::GetAtt') {
    const parts = Array.isArray(argument) ? argument : [];
    if (parts.length !== 2 || typeof parts[0] !== 'string' || typeof parts[1] !== 'string') problems.add(path, 'Fn::GetAtt needs [LogicalId, Attribute] (or !GetAtt LogicalId.Attribute)');
    else out.push({ target: parts[0], attribute: parts[1], path });
  } else if (name === 'Fn::Sub') {
    subReferences(argument, [...path, name], out, problems);
  } else if (SUPPORTED.includes(name) || CONDITION_FUNCTIONS.includes(name)) {
    collect(argument, [...path, name], out, problems);
  } else {
    problems.add(path, `${name} is not supported by the simulator (supported: ${SUPPORTED.join(', ')})`);
  }
}

function collect(value: unknown, path: TemplatePath, out: Reference[], problems: Problems): void {
  const intrinsic = intrinsicOf(value);
  if (intrinsic !== undefined) return collectIntrinsic(intrinsic.name, intrinsic.argument, path, out, problems);
  if (Array.isArray(value)) value.forEach((item, index) => collect(item, [...path, index], out, problems));
  else if (isRecord(value)) for (const [key, item] of Object.entries(value)) collect(item, [...path, key], out, problems);
}

/** Every Ref / GetAtt / Sub variable in `value`, with the path where it is written. */
export function referencesIn(value: unknown, path: TemplatePath, problems: Problems): Reference[] {
  const out: Reference[] = [];
  collect(value, path, out, problems);
  return out;
}

function refValue(name: string, scope: Scope): unknown {
  if (name === 'AWS::NoValue') return NO_VALUE;
  return scope.pseudo[name] ?? scope.parameters[name] ?? scope.resources.get(name)?.ref ?? '';
}

function attributeValue(target: string, attribute: string, scope: Scope): string {
  return scope.resources.get(target)?.attributes[attribute] ?? '';
}

function substitute(argument: unknown, scope: Scope): string {
  const [text, variables] = Array.isArray(argument) ? [String(argument[0]), argument[1]] : [String(argument), undefined];
  const local = isRecord(variables) ? variables : {};
  return text.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
    const name = inner.trim();
    if (name in local) return String(resolve(local[name], scope));
    const dot = name.indexOf('.');
    const value = dot === -1 ? refValue(name, scope) : attributeValue(name.slice(0, dot), name.slice(dot + 1), scope);
    return value === NO_VALUE ? whole : Array.isArray(value) ? value.join(',') : String(value);
  });
}

function applyIntrinsic(name: string, argument: unknown, scope: Scope): unknown {
  const args = Array.isArray(argument) ? argument : [argument];
  switch (name) {
    case 'Ref': return refValue(String(argument), scope);
    case 'Fn::GetAtt': return attributeValue(String(args[0]), String(args[1]), scope);
    case 'Fn::Sub': return substitute(argument, scope);
    case 'Fn::Join': return (resolve(args[1], scope) as unknown[]).map(String).join(String(args[0]));
    case 'Fn::Select': return (resolve(args[1], scope) as unknown[])[Number(resolve(args[0], scope))];
    case 'Fn::Split': return String(resolve(args[1], scope)).split(String(args[0]));
    case 'Fn::If': return resolve(scope.conditions[String(args[0])] === true ? args[1] : args[2], scope);
    default: return evaluateCondition({ [name]: argument }, scope);
  }
}

/** The value with every intrinsic function applied; AWS::NoValue entries are dropped. */
export function resolve(value: unknown, scope: Scope): unknown {
  const intrinsic = intrinsicOf(value);
  if (intrinsic !== undefined) return applyIntrinsic(intrinsic.name, intrinsic.argument, scope);
  if (Array.isArray(value)) return value.map((item) => resolve(item, scope)).filter((item) => item !== NO_VALUE);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const resolved = resolve(item, scope);
    if (resolved !== NO_VALUE) out[key] = resolved;
  }
  return out;
}

/** A condition's truth: Fn::Equals / Fn::Not / Fn::And / Fn::Or / {Condition: Name} over parameters. */
export function evaluateCondition(value: unknown, scope: Scope): boolean {
  const intrinsic = intrinsicOf(value);
  const args = Array.isArray(intrinsic?.argument) ? (intrinsic.argument as unknown[]) : [];
  switch (intrinsic?.name) {
    case 'Fn::Equals': return JSON.stringify(resolve(args[0], scope)) === JSON.stringify(resolve(args[1], scope));
    case 'Fn::Not': return !evaluateCondition(args[0], scope);
    case 'Fn::And': return args.every((item) => evaluateCondition(item, scope));
    case 'Fn::Or': return args.some((item) => evaluateCondition(item, scope));
    case 'Condition': return scope.conditions[String(intrinsic.argument)] === true;
    default: return false;
  }
}

/** Evaluates the Conditions section in order of need (a condition may name another). */
export function evaluateConditions(declared: Readonly<Record<string, unknown>>, base: Omit<Scope, 'conditions'>, problems: Problems): Record<string, boolean> {
  const conditions: Record<string, boolean> = {};
  const scope: Scope = { ...base, conditions };
  // Bounded: each pass settles at least one condition that names only settled ones, else stop.
  for (let pass = 0; pass <= Object.keys(declared).length; pass++) {
    for (const [name, value] of Object.entries(declared)) {
      const intrinsic = intrinsicOf(value);
      if (intrinsic === undefined || !CONDITION_FUNCTIONS.includes(intrinsic.name)) { problems.add(['Conditions', name], 'a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition'); return conditions; }
      conditions[name] = evaluateCondition(value, scope);
    }
  }
  return conditions;
}
