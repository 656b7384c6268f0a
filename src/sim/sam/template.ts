// A template's sections read into typed declarations: the Transform line (SAM-01), Parameters with
// their values (defaults, overrides, AllowedValues), Conditions, Globals, Resources and Outputs.
// Reading only reports problems; nothing here touches a world.
import { Problems, didYouMean } from './problems.js';
import type { TemplatePath } from './yaml-reader.js';

/** SAM-01: the line that makes a CloudFormation template a SAM template. */
export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

const SECTIONS = ['AWSTemplateFormatVersion', 'Transform', 'Description', 'Metadata', 'Parameters', 'Conditions', 'Globals', 'Resources', 'Outputs'];
const PARAMETER_KEYS = ['Type', 'Default', 'AllowedValues', 'AllowedPattern', 'Description', 'ConstraintDescription', 'NoEcho'];
const PARAMETER_TYPES = ['String', 'Number', 'CommaDelimitedList'];
const RESOURCE_KEYS = ['Type', 'Properties', 'DependsOn', 'Condition', 'Metadata', 'DeletionPolicy', 'UpdateReplacePolicy'];

export interface ResourceDecl {
  readonly logicalId: string;
  readonly type: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly dependsOn: readonly string[];
  readonly condition?: string;
  /** Declared by SAM itself (the implicit `ServerlessRestApi`), not written in the template. */
  readonly isImplicit?: boolean;
}

export interface OutputDecl {
  readonly name: string;
  readonly value: unknown;
  readonly description?: string;
}

export interface TemplateDecl {
  readonly description?: string;
  /** Parameter values after defaults and overrides (CommaDelimitedList values are lists). */
  readonly parameters: Readonly<Record<string, string | readonly string[]>>;
  readonly conditions: Readonly<Record<string, unknown>>;
  readonly globals: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly resources: readonly ResourceDecl[];
  readonly outputs: readonly OutputDecl[];
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function recordAt(root: Record<string, unknown>, key: string, problems: Problems): Record<string, unknown> {
  const value = root[key];
  if (value === undefined || value === null) return {};
  if (isRecord(value)) return value;
  problems.add([key], `${key} must be a map`);
  return {};
}

function checkTransform(root: Record<string, unknown>, problems: Problems): void {
  const transform = root['Transform'];
  const names = Array.isArray(transform) ? transform : [transform];
  const others = names.filter((name) => name !== SAM_TRANSFORM);
  if (names.includes(SAM_TRANSFORM) && others.length > 0) problems.add(['Transform'], `the simulator runs only the SAM transform, not ${others.map(String).join(', ')}`);
  if (names.includes(SAM_TRANSFORM)) return;
  const found = transform === undefined ? 'no Transform line' : `Transform: ${JSON.stringify(transform)}`;
  problems.add(transform === undefined ? [] : ['Transform'], `not a SAM template: expected 'Transform: ${SAM_TRANSFORM}' at the top level (SAM-01), found ${found}`);
}

function parameterValue(name: string, decl: Record<string, unknown>, override: string | undefined, problems: Problems): string | readonly string[] | undefined {
  const path: TemplatePath = ['Parameters', name];
  for (const key of Object.keys(decl)) if (!PARAMETER_KEYS.includes(key)) problems.add([...path, key], `unsupported parameter property '${key}'${didYouMean(key, PARAMETER_KEYS)}`);
  const type = String(decl['Type'] ?? '');
  if (!PARAMETER_TYPES.includes(type)) problems.add([...path, 'Type'], `parameter type must be one of ${PARAMETER_TYPES.join(', ')}, got '${type}'`);
  const given = override ?? (decl['Default'] === undefined ? undefined : String(decl['Default']));
  if (given === undefined) return problems.add(path, `Parameters: [${name}] must have values (no Default and no --parameter-overrides ${name}=...)`), undefined;
  const allowed = Array.isArray(decl['AllowedValues']) ? decl['AllowedValues'].map(String) : undefined;
  if (allowed !== undefined && !allowed.includes(given)) problems.add(path, `Parameter '${name}' must be one of AllowedValues: ${allowed.join(', ')} (got '${given}')`);
  const pattern = decl['AllowedPattern'];
  if (typeof pattern === 'string' && !new RegExp(`^(?:${pattern})$`).test(given)) problems.add(path, `Parameter '${name}' must match pattern ${pattern} (got '${given}')`);
  if (type === 'Number' && !/^-?\d+(\.\d+)?$/.test(given)) problems.add(path, `Parameter '${name}' must be a number (got '${given}')`);
  return type === 'CommaDelimitedList' ? given.split(',').map((part) => part.trim()) : given;
}

function readParameters(root: Record<string, unknown>, overrides: Readonly<Record<string, string>>, problems: Problems): Record<string, string | readonly string[]> {
  const declared = recordAt(root, 'Parameters', problems);
  const values: Record<string, string | readonly string[]> = {};
  for (const [name, decl] of Object.entries(declared)) {
    if (!isRecord(decl)) problems.add(['Parameters', name], 'a parameter must be a map with a Type');
    const value = isRecord(decl) ? parameterValue(name, decl, overrides[name], problems) : undefined;
    if (value !== undefined) values[name] = value;
  }
  const unknown = Object.keys(overrides).filter((name) => !(name in declared));
  if (unknown.length > 0) problems.add([], `Parameters: [${unknown.join(', ')}] do not exist in the template (--parameter-overrides)`);
  return values;
}

function readResource(logicalId: string, value: unknown, problems: Problems): ResourceDecl | undefined {
  const path: TemplatePath = ['Resources', logicalId];
  if (!/^[A-Za-z0-9]+$/.test(logicalId)) problems.add(path, `logical id '${logicalId}' must be alphanumeric (A-Z, a-z, 0-9)`);
  if (!isRecord(value) || typeof value['Type'] !== 'string') return problems.add(path, 'a resource must be a map with a Type'), undefined;
  for (const key of Object.keys(value)) if (!RESOURCE_KEYS.includes(key)) problems.add([...path, key], `unsupported resource attribute '${key}'${didYouMean(key, RESOURCE_KEYS)}`);
  const properties = value['Properties'] ?? {};
  if (!isRecord(properties)) return problems.add([...path, 'Properties'], 'Properties must be a map'), undefined;
  const dependsOn = value['DependsOn'];
  const condition = value['Condition'];
  return {
    logicalId, type: value['Type'], properties,
    dependsOn: dependsOn === undefined ? [] : (Array.isArray(dependsOn) ? dependsOn : [dependsOn]).map(String),
    ...(typeof condition === 'string' ? { condition } : {}),
  };
}

function readOutputs(root: Record<string, unknown>, problems: Problems): OutputDecl[] {
  return Object.entries(recordAt(root, 'Outputs', problems)).flatMap(([name, decl]) => {
    if (!isRecord(decl) || !('Value' in decl)) return problems.add(['Outputs', name], 'an output must be a map with a Value'), [];
    return [{ name, value: decl['Value'], ...(typeof decl['Description'] === 'string' ? { description: decl['Description'] } : {}) }];
  });
}

/** Reads the sections of a parsed template; every problem goes to `problems`. */
export function readTemplate(data: unknown, overrides: Readonly<Record<string, string>>, problems: Problems): TemplateDecl {
  const root = isRecord(data) ? data : {};
  if (!isRecord(data)) problems.add([], 'a template must be a YAML map with Transform and Resources');
  for (const key of Object.keys(root)) if (!SECTIONS.includes(key)) problems.add([key], `unsupported template section '${key}'${didYouMean(key, SECTIONS)}`);
  checkTransform(root, problems);
  const resourcesMap = recordAt(root, 'Resources', problems);
  if (Object.keys(resourcesMap).length === 0 && isRecord(data)) problems.add([], 'a template needs at least one resource under Resources');
  const globals = recordAt(root, 'Globals', problems);
  return {
    ...(typeof root['Description'] === 'string' ? { description: root['Description'] } : {}),
    parameters: readParameters(root, overrides, problems),
    conditions: recordAt(root, 'Conditions', problems),
    globals: Object.fromEntries(Object.entries(globals).map(([kind, values]) => [kind, isRecord(values) ? values : {}])),
    resources: Object.entries(resourcesMap).flatMap(([id, value]) => readResource(id, value, problems) ?? []),
    outputs: readOutputs(root, problems),
  };
}
