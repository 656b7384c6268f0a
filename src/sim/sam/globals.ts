// SAM's Globals section (SAM-03): properties shared by every resource of a kind. A resource's own value
// wins for scalars; maps (Environment.Variables, Tags) are merged key by key with the resource winning;
// lists are joined, the global entries first. An intrinsic function counts as a scalar (never merged).
import { intrinsicOf } from './intrinsics.js';
import { Problems, didYouMean } from './problems.js';
import { isRecord, type ResourceDecl } from './template.js';

/** The Globals sections the simulator supports and the resource type each applies to (SAM-03). */
export const GLOBALS_TARGETS: Readonly<Record<string, string>> = {
  Function: 'AWS::Serverless::Function',
  Api: 'AWS::Serverless::Api',
  HttpApi: 'AWS::Serverless::HttpApi',
  SimpleTable: 'AWS::Serverless::SimpleTable',
};

/** Properties that may not be global: they name or wire one resource. */
const NOT_GLOBAL = new Set(['Events', 'FunctionName', 'TableName', 'PrimaryKey', 'StageName', 'DefinitionBody']);

export function mergeGlobal(global: unknown, own: unknown): unknown {
  if (own === undefined) return global;
  if (intrinsicOf(global) !== undefined || intrinsicOf(own) !== undefined) return own;
  if (Array.isArray(global) && Array.isArray(own)) return [...global, ...own];
  if (isRecord(global) && isRecord(own)) {
    const merged: Record<string, unknown> = { ...global };
    for (const [key, value] of Object.entries(own)) merged[key] = mergeGlobal(global[key], value);
    return merged;
  }
  return own;
}

/** Checks the Globals section against the properties each kind supports. */
export function checkGlobals(globals: Readonly<Record<string, Readonly<Record<string, unknown>>>>, supported: (type: string) => readonly string[], problems: Problems): void {
  for (const [kind, values] of Object.entries(globals)) {
    const type = GLOBALS_TARGETS[kind];
    if (type === undefined) {
      problems.add(['Globals', kind], `'Globals' section is invalid: '${kind}' is not supported (supported: ${Object.keys(GLOBALS_TARGETS).join(', ')})${didYouMean(kind, Object.keys(GLOBALS_TARGETS))}`);
      continue;
    }
    const allowed = supported(type).filter((name) => !NOT_GLOBAL.has(name));
    for (const name of Object.keys(values)) {
      if (!allowed.includes(name)) problems.add(['Globals', kind, name], `'Globals' section is invalid: '${name}' is not a supported property of '${kind}'${didYouMean(name, allowed)}`);
    }
  }
}

/** The resource with the matching Globals merged into its properties. */
export function withGlobals(resource: ResourceDecl, globals: Readonly<Record<string, Readonly<Record<string, unknown>>>>): ResourceDecl {
  const kind = Object.entries(GLOBALS_TARGETS).find(([, type]) => type === resource.type)?.[0];
  const global = kind === undefined ? undefined : globals[kind];
  if (global === undefined) return resource;
  return { ...resource, properties: mergeGlobal(global, resource.properties) as Record<string, unknown> };
}
