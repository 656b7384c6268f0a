// Aliases: CreateAlias, UpdateAlias, GetAlias, ListAliases, and weighted aliases (a routing
// configuration that sends a share of the alias's invocations to one additional version).
// AWS's rules for a routing configuration (Lambda DG "Alias routing configuration",
// https://docs.aws.amazon.com/lambda/latest/dg/configuring-alias-routing.html, and API
// AliasRoutingConfiguration): at most two versions (one additional version), a weight from 0.0 to 1.0,
// both versions published (never $LATEST), the same execution role and the same dead-letter queue
// configuration. The primary version receives the rest (weight 0.1 → 90 % / 10 %).
import type { ApiDocument } from '../cli/operation-spec.js';
import { awsError, fail, ok, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import type { FunctionState } from './model.js';
import { invalidParameter, missingMember, readObject, readString } from './request.js';
import { requestedFunction } from './operations.js';
import { functionNotFound } from './target.js';

/** The additional version of a weighted alias and the share of invocations it receives (0–1). */
export interface AliasRouting {
  readonly version: string;
  readonly weight: number;
}

/** What an alias has besides its primary version (kept in `FunctionState.aliasInfo`). */
export interface AliasInfo {
  readonly description: string;
  /** Counts the alias's changes, for RevisionId. */
  readonly revision: number;
  readonly routing?: AliasRouting;
}

/** The RNG stream that picks a weighted alias's version, so routing draws never shift other randomness. */
export const ALIAS_ROUTING_STREAM = 'lambda.alias-routing';

function aliasNotFound(fn: FunctionState, name: string): AwsError {
  return awsError('ResourceNotFoundException', 404, `Alias not found: ${fn.arn}:${name}`);
}

/** Map entries in AWS's validation wording: `Value '{2=1.5}' at 'routingConfig.additionalVersionWeights' ...`. */
function weightsText(weights: Readonly<Record<string, unknown>>): string {
  return `{${Object.entries(weights).map(([key, value]) => `${key}=${String(value)}`).join(', ')}}`;
}

function validationOfWeights(weights: Readonly<Record<string, unknown>>): AwsError | undefined {
  const at = `Value '${weightsText(weights)}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint:`;
  // Keys: version numbers only ([0-9]+), so $LATEST can never be the additional version (API AliasRoutingConfiguration).
  if (Object.keys(weights).some((key) => !/^[0-9]+$/.test(key))) {
    return awsError('ValidationException', 400, `1 validation error detected: ${at} Map keys must satisfy constraint: [Member must have length less than or equal to 1024, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [0-9]+]`);
  }
  // Values: a weight from 0.0 to 1.0 (API AliasRoutingConfiguration).
  if (Object.values(weights).some((value) => typeof value !== 'number' || !(value >= 0 && value <= 1))) {
    return awsError('ValidationException', 400, `1 validation error detected: ${at} Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]`);
  }
  return undefined;
}

/** Checks a routing configuration against the alias's primary version; `undefined` clears it. */
function checkRouting(fn: FunctionState, primary: string, weights: Readonly<Record<string, unknown>>): Result<AliasRouting | undefined> {
  const invalid = validationOfWeights(weights);
  if (invalid !== undefined) return fail(invalid);
  const entries = Object.entries(weights) as [string, number][];
  const [first] = entries;
  if (first === undefined) return ok(undefined);
  // At most two versions per alias (Lambda DG). Wording: simulator assumption.
  if (entries.length > 1) return fail(invalidParameter('An alias can point to at most two versions: AdditionalVersionWeights takes one version.'));
  const [version, weight] = first;
  // Both versions must be published (Lambda DG). Wording recalled from the service, not re-checked.
  if (primary === '$LATEST') return fail(invalidParameter('$LATEST is not supported for an alias pointing to more than 1 version'));
  if (version === primary) return fail(invalidParameter(`Version ${version} is already the alias's primary version; name another version in AdditionalVersionWeights.`));
  const additional = fn.versions.get(version)?.config;
  if (additional === undefined) return fail(functionNotFound(`${fn.arn}:${version}`));
  const primaryConfig = fn.versions.get(primary)?.config;
  // The same execution role (Lambda DG); AWS's words as reported in serverless-heaven/serverless-aws-alias#64.
  if (primaryConfig !== undefined && primaryConfig.role !== additional.role) return fail(invalidParameter('Specified versions must be associated with the same execution role'));
  // The same dead-letter queue configuration (Lambda DG). Wording: simulator assumption.
  if (primaryConfig !== undefined && primaryConfig.deadLetterTargetArn !== additional.deadLetterTargetArn) {
    return fail(invalidParameter('Specified versions must have the same dead-letter queue configuration'));
  }
  return ok({ version, weight });
}

function checkPrimary(fn: FunctionState, version: string): AwsError | undefined {
  return version !== '$LATEST' && !fn.versions.has(version) ? functionNotFound(`${fn.arn}:${version}`) : undefined;
}

/** Reads `RoutingConfig` of a request: absent → `keep`, present → the checked routing (or none). */
function routingOfRequest(fn: FunctionState, primary: string, request: ApiDocument): Result<{ readonly routing?: AliasRouting } | 'keep'> {
  const config = readObject(request, 'RoutingConfig');
  if (config === undefined) return ok('keep');
  const weights = config['AdditionalVersionWeights'];
  const asMap = typeof weights === 'object' && weights !== null && !Array.isArray(weights) ? (weights as Record<string, unknown>) : {};
  const checked = checkRouting(fn, primary, asMap);
  if (!checked.ok) return checked;
  return ok(checked.value === undefined ? {} : { routing: checked.value });
}

/** The alias as AWS answers it (AliasConfiguration), with `RoutingConfig` when it is weighted. */
export function renderAlias(fn: FunctionState, name: string): ApiDocument {
  const info = fn.aliasInfo.get(name);
  const routing = info?.routing;
  return {
    AliasArn: `${fn.arn}:${name}`,
    Name: name,
    FunctionVersion: fn.aliases.get(name) ?? '',
    Description: info?.description ?? '',
    ...(routing === undefined ? {} : { RoutingConfig: { AdditionalVersionWeights: { [routing.version]: routing.weight } } }),
    RevisionId: `${fn.name}-${name}-${info?.revision ?? 1}`,
  };
}

function applyAlias(world: World, fn: FunctionState, name: string, change: { version: string; routing: { readonly routing?: AliasRouting } | 'keep'; description?: string }, operation: string): ApiDocument {
  const before = fn.aliasInfo.get(name);
  const routing = change.routing === 'keep' ? before?.routing : change.routing.routing;
  fn.aliases.set(name, change.version);
  fn.aliasInfo.set(name, {
    description: change.description ?? before?.description ?? '',
    revision: (before?.revision ?? 0) + 1,
    ...(routing === undefined ? {} : { routing }),
  });
  world.record({
    service: 'lambda', operation, outcome: 'ok',
    detail: { functionName: fn.name, alias: name, version: change.version, ...(routing === undefined ? {} : { additionalVersion: routing.version, additionalWeight: routing.weight }) },
  });
  return renderAlias(fn, name);
}

export function createAlias(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = requestedFunction(world, request);
  if (!found.ok) return found;
  const fn = found.value;
  const name = readString(request, 'Name');
  const version = readString(request, 'FunctionVersion');
  if (name === undefined) return fail(missingMember('Name'));
  if (version === undefined) return fail(missingMember('FunctionVersion'));
  if (fn.aliases.has(name)) return fail(awsError('ResourceConflictException', 409, `Alias already exists: ${fn.arn}:${name}`));
  const missing = checkPrimary(fn, version);
  if (missing !== undefined) return fail(missing);
  if (/^\d+$/.test(name)) return fail(invalidParameter('An alias name cannot be a version number.'));
  const routing = routingOfRequest(fn, version, request);
  if (!routing.ok) return routing;
  return ok(applyAlias(world, fn, name, { version, routing: routing.value, description: readString(request, 'Description') ?? '' }, 'CreateAlias'));
}

/**
 * Points an alias at another version and/or changes its routing. Without `RoutingConfig` the routing is
 * kept; `AdditionalVersionWeights={}` clears it (what CodeDeploy does at 100 %, Lambda DG).
 */
export function updateAlias(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = requestedFunction(world, request);
  if (!found.ok) return found;
  const fn = found.value;
  const name = readString(request, 'Name');
  if (name === undefined) return fail(missingMember('Name'));
  const current = fn.aliases.get(name);
  if (current === undefined) return fail(aliasNotFound(fn, name));
  const version = readString(request, 'FunctionVersion') ?? current;
  const missing = checkPrimary(fn, version);
  if (missing !== undefined) return fail(missing);
  const routing = routingOfRequest(fn, version, request);
  if (!routing.ok) return routing;
  const kept = fn.aliasInfo.get(name)?.routing;
  if (routing.value === 'keep' && kept !== undefined) {
    // A kept routing must still fit the (possibly new) primary version.
    const recheck = checkRouting(fn, version, { [kept.version]: kept.weight });
    if (!recheck.ok) return recheck;
  }
  const description = readString(request, 'Description');
  return ok(applyAlias(world, fn, name, { version, routing: routing.value, ...(description === undefined ? {} : { description }) }, 'UpdateAlias'));
}

export function getAlias(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = requestedFunction(world, request);
  if (!found.ok) return found;
  const name = readString(request, 'Name');
  if (name === undefined) return fail(missingMember('Name'));
  return found.value.aliases.has(name) ? ok(renderAlias(found.value, name)) : fail(aliasNotFound(found.value, name));
}

export function listAliases(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = requestedFunction(world, request);
  if (!found.ok) return found;
  const fn = found.value;
  const names = [...fn.aliases.keys()].sort((a, b) => a.localeCompare(b));
  return ok({ Aliases: names.map((name) => renderAlias(fn, name)) });
}

/**
 * The version one invocation through `qualifier` runs: for a weighted alias, the additional version
 * with probability `weight` (one draw from the stream `lambda.alias-routing`), else the primary one.
 * Other qualifiers draw nothing.
 */
export function pickAliasVersion(world: World, fn: FunctionState, qualifier: string, primary: string): string {
  const routing = fn.aliasInfo.get(qualifier)?.routing;
  if (routing === undefined) return primary;
  return world.rng.stream(ALIAS_ROUTING_STREAM).nextFloat() < routing.weight ? routing.version : primary;
}

/** The routing of an alias (for CodeDeploy and views); `undefined` when it is not weighted. */
export function aliasRoutingOf(fn: FunctionState, alias: string): AliasRouting | undefined {
  return fn.aliasInfo.get(alias)?.routing;
}
