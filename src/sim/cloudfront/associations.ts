// Association-time checks: what CloudFront refuses when a distribution names Lambda@Edge functions or
// CloudFront Functions. Lambda@Edge: one function per event type (EDGE-01); a numbered version of a
// function in us-east-1 whose role trusts edgelambda.amazonaws.com, on Node.js or Python (EDGE-03);
// none of the features the edge lacks (EDGE-04); memory, timeout and package size per trigger type in
// the world's limits era (EDGE-05). CloudFront Functions: viewer events only, and published (EDGE-07).
import { findRole, roleNameFromArn } from '../iam/index.js';
import { findEdgeBehaviour, lambdaState, type EdgeEventType, type FunctionConfig } from '../lambda/index.js';
import { awsError, fail, ok, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import { CF_FUNCTION_EVENT_TYPES, EDGE_EPHEMERAL_STORAGE_MAX_MB, EDGE_FUNCTION_REGION, EDGE_RUNTIME_PREFIXES, triggerLimits, type EdgeLimitsEra } from './limits.js';
import { cloudFrontState, type CacheBehaviorSettings, type FunctionAssociation, type LambdaAssociation } from './model.js';

/** Simulator assumption: a catalogue handler not written for the edge stands for a 2 KB package. */
const PLAIN_HANDLER_PACKAGE_BYTES = 2 * 1_024;

const lambdaRefused = (message: string): AwsError => awsError('InvalidLambdaFunctionAssociation', 400, message);
const functionRefused = (message: string): AwsError => awsError('InvalidFunctionAssociation', 400, message);

/** `arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]` → its parts. */
export function parseLambdaArn(arn: string): { region: string; name: string; qualifier?: string } | undefined {
  const match = /^arn:aws:lambda:([a-z0-9-]+):\d{12}:function:([A-Za-z0-9_-]+)(?::([^:]+))?$/.exec(arn);
  if (match === null) return undefined;
  return match[3] === undefined ? { region: match[1]!, name: match[2]! } : { region: match[1]!, name: match[2]!, qualifier: match[3] };
}

function trustsEdgeLambda(document: unknown): boolean {
  const statements = (document as { Statement?: unknown } | undefined)?.Statement;
  const list = Array.isArray(statements) ? statements : [statements];
  return list.some((statement) => {
    const s = statement as { Effect?: unknown; Principal?: { Service?: unknown } } | undefined;
    const services = s?.Principal?.Service;
    return s?.Effect === 'Allow' && (services === 'edgelambda.amazonaws.com' || (Array.isArray(services) && services.includes('edgelambda.amazonaws.com')));
  });
}


/** Every reason this version may not run at `eventType` (EDGE-03, EDGE-04, EDGE-05), as sentences. */
function versionProblems(world: World, config: FunctionConfig, eventType: EdgeEventType, hasProvisioned: boolean, era: EdgeLimitsEra): string[] {
  const limits = triggerLimits(era, eventType);
  const packageSizeBytes = findEdgeBehaviour(config.handler)?.packageSizeBytes ?? PLAIN_HANDLER_PACKAGE_BYTES;
  const role = roleNameFromArn(config.role);
  const roleState = role === undefined ? undefined : findRole(world, role);
  const checks: [boolean, string][] = [
    [!EDGE_RUNTIME_PREFIXES.some((prefix) => config.runtime.startsWith(prefix)), `Runtime ${config.runtime} is not supported at the edge (Node.js and Python only).`],
    [Object.keys(config.environment).length > 0, `It has environment variables (${Object.keys(config.environment).sort().join(', ')}); Lambda@Edge functions cannot have any.`],
    [config.deadLetterTargetArn !== undefined, 'It has a dead-letter queue, which Lambda@Edge does not support.'],
    [config.packageType === 'Image', 'It is a container image; Lambda@Edge runs .zip packages only.'],
    [config.ephemeralStorageMb > EDGE_EPHEMERAL_STORAGE_MAX_MB, `Its ephemeral storage is ${config.ephemeralStorageMb} MB; the edge allows ${EDGE_EPHEMERAL_STORAGE_MAX_MB} MB.`],
    [hasProvisioned, 'It has provisioned concurrency, which Lambda@Edge does not support.'],
    [config.memorySizeMb > limits.memoryMaxMb, `Its memory is ${config.memorySizeMb} MB; ${eventType} allows at most ${limits.memoryMaxMb} MB.`],
    [config.timeoutSeconds > limits.timeoutMaxSeconds, `Its timeout is ${config.timeoutSeconds} s; ${eventType} allows at most ${limits.timeoutMaxSeconds} s.`],
    [packageSizeBytes > limits.packageMaxBytes, `Its package is ${packageSizeBytes} bytes compressed; ${eventType} allows at most ${limits.packageMaxBytes} bytes.`],
    [roleState !== undefined && !trustsEdgeLambda(roleState.assumeRolePolicyDocument), `Its execution role ${config.role} must trust both lambda.amazonaws.com and edgelambda.amazonaws.com.`],
  ];
  return checks.filter(([failed]) => failed).map(([, message]) => message);
}

function checkLambdaAssociation(world: World, association: LambdaAssociation, era: EdgeLimitsEra): Result<void> {
  const arn = association.lambdaFunctionArn;
  const parts = parseLambdaArn(arn);
  if (parts === undefined) return fail(lambdaRefused(`'${arn}' is not a Lambda function ARN. Use arn:aws:lambda:us-east-1:ACCOUNT:function:NAME:VERSION.`));
  if (parts.region !== EDGE_FUNCTION_REGION) return fail(lambdaRefused(`The function must be in us-east-1 (N. Virginia), not ${parts.region}; CloudFront replicates it to the edge from there. ARN: ${arn}`));
  if (parts.qualifier === undefined || !/^\d+$/.test(parts.qualifier)) {
    const got = parts.qualifier === undefined ? 'no version' : parts.qualifier === '$LATEST' ? '$LATEST' : `the alias ${parts.qualifier}`;
    return fail(lambdaRefused(`The ARN must end with a numbered version (…:${parts.name}:1), not ${got}: a replicated function must never change. ARN: ${arn}`));
  }
  const fn = lambdaState(world).functions.get(parts.name);
  const config = fn?.arn.split(':')[3] === EDGE_FUNCTION_REGION ? fn.versions.get(parts.qualifier)?.config : undefined;
  if (fn === undefined || config === undefined) return fail(lambdaRefused(`The function version does not exist in us-east-1. ARN: ${arn}`));
  const problems = versionProblems(world, config, association.eventType, (fn.provisioned.get(parts.qualifier) ?? 0) > 0, era);
  if (problems.length === 0) return ok(undefined);
  return fail(lambdaRefused(`${arn} cannot run at ${association.eventType}: ${problems.join(' ')}`));
}

function checkFunctionAssociation(world: World, association: FunctionAssociation): Result<void> {
  const name = /^arn:aws:cloudfront::\d{12}:function\/([A-Za-z0-9_-]+)$/.exec(association.functionArn)?.[1];
  const fn = name === undefined ? undefined : cloudFrontState(world).functions[name];
  if (fn === undefined) return fail(functionRefused(`No CloudFront Function has the ARN ${association.functionArn}.`));
  if (!CF_FUNCTION_EVENT_TYPES.includes(association.eventType)) {
    return fail(functionRefused(`CloudFront Functions run at viewer-request and viewer-response only, not ${association.eventType}; use a Lambda@Edge function for origin events. Function: ${fn.name}`));
  }
  if (fn.live === undefined) return fail(functionRefused(`The function ${fn.name} has no LIVE stage yet: publish it first (aws cloudfront publish-function).`));
  return ok(undefined);
}

function duplicateEventType(behavior: CacheBehaviorSettings): AwsError | undefined {
  const seen = new Set<string>();
  for (const { eventType } of behavior.lambdaAssociations) {
    if (seen.has(eventType)) return awsError('InvalidArgument', 400, `Only one Lambda@Edge function can be associated with ${eventType} in a cache behavior.`);
    seen.add(eventType);
  }
  const cfSeen = new Set<string>();
  for (const { eventType } of behavior.functionAssociations) {
    if (cfSeen.has(eventType)) return awsError('InvalidArgument', 400, `Only one CloudFront Function can be associated with ${eventType} in a cache behavior.`);
    if (seen.has(eventType)) return awsError('InvalidArgument', 400, `${eventType} has both a Lambda@Edge function and a CloudFront Function; a cache behavior can use only one of them per event type.`);
    cfSeen.add(eventType);
  }
  return undefined;
}

/** Checks every association of a cache behavior; the first refused one is the answer, as CloudFront does. */
export function checkAssociations(world: World, behavior: CacheBehaviorSettings): Result<void> {
  const duplicate = duplicateEventType(behavior);
  if (duplicate !== undefined) return fail(duplicate);
  const era = cloudFrontState(world).edgeLimits;
  for (const association of behavior.lambdaAssociations) {
    const checked = checkLambdaAssociation(world, association, era);
    if (!checked.ok) return checked;
  }
  for (const association of behavior.functionAssociations) {
    const checked = checkFunctionAssociation(world, association);
    if (!checked.ok) return checked;
  }
  return ok(undefined);
}
