// Reads the `--distribution-config` JSON (a realistic subset: one origin, the default cache behavior
// with legacy ForwardedValues and TTLs, Lambda@Edge and CloudFront Function associations) into
// DistributionSettings. Every problem is collected and reported at once as CloudFront's InvalidArgument.
import { EDGE_EVENT_TYPES, type EdgeEventType } from '../lambda/index.js';
import { awsError, fail, ok, type Result } from '../result.js';
import { DEFAULT_TTL_DEFAULT_SECONDS, MAX_TTL_DEFAULT_SECONDS, MIN_TTL_DEFAULT_SECONDS } from './limits.js';
import type { CacheBehaviorSettings, CacheKeyPolicy, DistributionSettings, FunctionAssociation, LambdaAssociation, OriginSettings, OriginTarget } from './model.js';

type Doc = Readonly<Record<string, unknown>>;

const asDoc = (value: unknown): Doc | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Doc) : undefined);

/** Collects problems as `path: what is wrong`. */
class Problems {
  readonly list: string[] = [];
  add(path: string, message: string): void {
    this.list.push(`${path}: ${message}`);
  }
}

/** AWS's `{Quantity, Items}` lists; Quantity, when given, must match. */
function itemsOf(value: unknown, path: string, problems: Problems): readonly unknown[] {
  const doc = asDoc(value);
  if (doc === undefined) return [];
  const items = Array.isArray(doc['Items']) ? (doc['Items'] as unknown[]) : [];
  if (doc['Quantity'] !== undefined && doc['Quantity'] !== items.length) problems.add(`${path}.Quantity`, `is ${String(doc['Quantity'])} but Items has ${items.length}`);
  return items;
}

function text(doc: Doc, member: string, path: string, problems: Problems): string {
  const value = doc[member];
  if (typeof value === 'string' && value !== '') return value;
  problems.add(`${path}.${member}`, 'is required');
  return '';
}

/** `BUCKET.s3.amazonaws.com`, `BUCKET.s3.REGION.amazonaws.com`, `API.execute-api.REGION.amazonaws.com`. */
export function originTargetOf(domainName: string): OriginTarget | undefined {
  const s3 = /^([a-z0-9][a-z0-9.-]*?)\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com$/.exec(domainName);
  if (s3 !== null) return { kind: 's3', bucket: s3[1]! };
  const api = /^([a-z0-9]+)\.execute-api\.[a-z0-9-]+\.amazonaws\.com$/.exec(domainName);
  return api === null ? undefined : { kind: 'api', apiId: api[1]! };
}

function readOrigin(config: Doc, problems: Problems): OriginSettings {
  const origins = itemsOf(config['Origins'], 'Origins', problems);
  if (origins.length !== 1) problems.add('Origins.Items', `the sandbox serves exactly one origin, got ${origins.length}`);
  const origin = asDoc(origins[0]) ?? {};
  const id = text(origin, 'Id', 'Origins.Items[0]', problems);
  const domainName = text(origin, 'DomainName', 'Origins.Items[0]', problems);
  const target = originTargetOf(domainName);
  if (target === undefined && domainName !== '') {
    problems.add('Origins.Items[0].DomainName', `'${domainName}' is neither an S3 bucket (BUCKET.s3.amazonaws.com) nor an API Gateway API (ID.execute-api.REGION.amazonaws.com)`);
  }
  const originPath = typeof origin['OriginPath'] === 'string' ? origin['OriginPath'].replace(/\/$/, '') : '';
  return { id, domainName, originPath, target: target ?? { kind: 's3', bucket: '' } };
}

function nameList(value: unknown, path: string, problems: Problems): string[] {
  return itemsOf(value, path, problems).filter((item): item is string => typeof item === 'string');
}

function readCacheKey(behavior: Doc, problems: Problems): CacheKeyPolicy {
  const forwarded = asDoc(behavior['ForwardedValues']) ?? {};
  const queryKeys = nameList(forwarded['QueryStringCacheKeys'], 'DefaultCacheBehavior.ForwardedValues.QueryStringCacheKeys', problems);
  const queryStrings = forwarded['QueryString'] === true ? (queryKeys.length > 0 ? queryKeys : 'all') : 'none';
  const headers = nameList(forwarded['Headers'], 'DefaultCacheBehavior.ForwardedValues.Headers', problems).map((h) => h.toLowerCase());
  const cookieDoc = asDoc(forwarded['Cookies']) ?? {};
  const forward = cookieDoc['Forward'] ?? 'none';
  const whitelisted = nameList(cookieDoc['WhitelistedNames'], 'DefaultCacheBehavior.ForwardedValues.Cookies.WhitelistedNames', problems);
  if (forward !== 'none' && forward !== 'all' && forward !== 'whitelist') problems.add('DefaultCacheBehavior.ForwardedValues.Cookies.Forward', `must be none, whitelist or all, got '${String(forward)}'`);
  return { queryStrings, headers, cookies: forward === 'whitelist' ? whitelisted : forward === 'all' ? 'all' : 'none' };
}

function eventTypeOf(value: unknown, path: string, problems: Problems): EdgeEventType {
  if (EDGE_EVENT_TYPES.includes(value as EdgeEventType)) return value as EdgeEventType;
  problems.add(path, `must be one of ${EDGE_EVENT_TYPES.join(', ')}, got '${String(value)}'`);
  return 'viewer-request';
}

function readAssociations(behavior: Doc, problems: Problems): { lambda: LambdaAssociation[]; functions: FunctionAssociation[] } {
  const base = 'DefaultCacheBehavior';
  const lambda = itemsOf(behavior['LambdaFunctionAssociations'], `${base}.LambdaFunctionAssociations`, problems).map((item, i) => {
    const doc = asDoc(item) ?? {};
    const path = `${base}.LambdaFunctionAssociations.Items[${i}]`;
    return { eventType: eventTypeOf(doc['EventType'], `${path}.EventType`, problems), lambdaFunctionArn: text(doc, 'LambdaFunctionARN', path, problems), includeBody: doc['IncludeBody'] === true };
  });
  const functions = itemsOf(behavior['FunctionAssociations'], `${base}.FunctionAssociations`, problems).map((item, i) => {
    const doc = asDoc(item) ?? {};
    const path = `${base}.FunctionAssociations.Items[${i}]`;
    return { eventType: eventTypeOf(doc['EventType'], `${path}.EventType`, problems), functionArn: text(doc, 'FunctionARN', path, problems) };
  });
  return { lambda, functions };
}

function ttl(behavior: Doc, member: string, fallback: number, problems: Problems): number {
  const value = behavior[member] ?? fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  problems.add(`DefaultCacheBehavior.${member}`, `must be a whole number of seconds ≥ 0, got ${JSON.stringify(value)}`);
  return fallback;
}

function readBehavior(config: Doc, originId: string, problems: Problems): CacheBehaviorSettings {
  const behavior = asDoc(config['DefaultCacheBehavior']);
  if (behavior === undefined) problems.add('DefaultCacheBehavior', 'is required');
  const doc = behavior ?? {};
  const targetOriginId = text(doc, 'TargetOriginId', 'DefaultCacheBehavior', problems);
  if (targetOriginId !== '' && originId !== '' && targetOriginId !== originId) problems.add('DefaultCacheBehavior.TargetOriginId', `'${targetOriginId}' names no origin (the origin is '${originId}')`);
  const minTtlSeconds = ttl(doc, 'MinTTL', MIN_TTL_DEFAULT_SECONDS, problems);
  const defaultTtlSeconds = ttl(doc, 'DefaultTTL', DEFAULT_TTL_DEFAULT_SECONDS, problems);
  const maxTtlSeconds = ttl(doc, 'MaxTTL', MAX_TTL_DEFAULT_SECONDS, problems);
  if (!(minTtlSeconds <= defaultTtlSeconds && defaultTtlSeconds <= maxTtlSeconds)) problems.add('DefaultCacheBehavior', `TTLs must satisfy MinTTL ≤ DefaultTTL ≤ MaxTTL, got ${minTtlSeconds} / ${defaultTtlSeconds} / ${maxTtlSeconds}`);
  const associations = readAssociations(doc, problems);
  return {
    targetOriginId, viewerProtocolPolicy: typeof doc['ViewerProtocolPolicy'] === 'string' ? doc['ViewerProtocolPolicy'] : 'allow-all',
    minTtlSeconds, defaultTtlSeconds, maxTtlSeconds, cacheKey: readCacheKey(doc, problems), lambdaAssociations: associations.lambda, functionAssociations: associations.functions,
  };
}

/** The settings a DistributionConfig asks for, or one InvalidArgument listing every problem. */
export function readDistributionConfig(value: unknown): Result<DistributionSettings> {
  const config = asDoc(value);
  if (config === undefined) return fail(awsError('InvalidArgument', 400, 'The DistributionConfig must be a JSON object.'));
  const problems = new Problems();
  const callerReference = text(config, 'CallerReference', 'DistributionConfig', problems);
  const origin = readOrigin(config, problems);
  const behavior = readBehavior(config, origin.id, problems);
  if (problems.list.length > 0) return fail(awsError('InvalidArgument', 400, `The DistributionConfig has ${problems.list.length === 1 ? 'a problem' : `${problems.list.length} problems`}: ${problems.list.join('; ')}`));
  const comment = typeof config['Comment'] === 'string' ? config['Comment'] : '';
  return ok({ callerReference, comment, enabled: config['Enabled'] !== false, origin, behavior });
}

