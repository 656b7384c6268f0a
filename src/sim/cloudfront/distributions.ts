// The distribution operations: CreateDistribution, GetDistribution, UpdateDistribution (ETag +
// If-Match, as CloudFront requires) and CreateInvalidation, each answering what the AWS CLI prints or
// CloudFront's error, and recording one trace event (`service: 'cloudfront'`).
import type { ApiDocument } from '../cli/operation-spec.js';
import { awsError, fail, ok, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import { checkAssociations } from './associations.js';
import { invalidationMatches } from './cache.js';
import { readDistributionConfig } from './distribution-config.js';
import { cloudFrontId, cloudFrontState, cloudFrontTime, findDistribution, type DistributionSettings, type DistributionState } from './model.js';

const API_ROOT = 'https://cloudfront.amazonaws.com/2020-05-31';

export const noSuchDistribution = (id: string): AwsError => awsError('NoSuchDistribution', 404, `The specified distribution does not exist: ${id}`);

function record(world: World, operation: string, result: Result<ApiDocument>, detail: Record<string, unknown>): Result<ApiDocument> {
  world.record({ service: 'cloudfront', operation, outcome: result.ok ? 'ok' : result.error.name, detail });
  return result;
}

export function describeDistribution(distribution: DistributionState): ApiDocument {
  return {
    Id: distribution.id, ARN: distribution.arn, Status: 'Deployed', LastModifiedTime: cloudFrontTime(distribution.lastModifiedMs),
    InProgressInvalidationBatches: 0, DomainName: distribution.domainName, DistributionConfig: distribution.config,
  };
}

/** The config read and its associations checked (EDGE-03/04/05/07), ready to apply. */
function acceptedSettings(world: World, config: unknown): Result<DistributionSettings> {
  const settings = readDistributionConfig(config);
  if (!settings.ok) return settings;
  const checked = checkAssociations(world, settings.value.behavior);
  return checked.ok ? settings : checked;
}

function createNew(world: World, request: ApiDocument): Result<ApiDocument> {
  const settings = acceptedSettings(world, request['DistributionConfig']);
  if (!settings.ok) return settings;
  const state = cloudFrontState(world);
  if (Object.values(state.distributions).some((d) => d.settings.callerReference === settings.value.callerReference)) {
    return fail(awsError('DistributionAlreadyExists', 409, `A distribution with CallerReference ${settings.value.callerReference} already exists; use a new CallerReference for a new distribution.`));
  }
  const id = cloudFrontId(world, 'E');
  const domainName = `d${cloudFrontId(world, '').toLowerCase()}.cloudfront.net`;
  const distribution: DistributionState = {
    id, arn: `arn:aws:cloudfront::${world.accountId}:distribution/${id}`, domainName, eTag: cloudFrontId(world, 'E'), createdMs: world.nowMs, lastModifiedMs: world.nowMs,
    settings: settings.value, config: request['DistributionConfig'] as ApiDocument, caches: {}, invocations: {}, invalidations: [],
  };
  state.distributions[id] = distribution;
  return ok({ Location: `${API_ROOT}/distribution/${id}`, ETag: distribution.eTag, Distribution: describeDistribution(distribution) });
}

export function createDistribution(world: World, request: ApiDocument): Result<ApiDocument> {
  const result = createNew(world, request);
  return record(world, 'CreateDistribution', result, result.ok ? { distributionId: (result.value['Distribution'] as ApiDocument)['Id'] } : {});
}

function requested(world: World, request: ApiDocument, member: string): Result<DistributionState> {
  const id = typeof request[member] === 'string' ? request[member] : '';
  const distribution = findDistribution(world, id);
  return distribution === undefined ? fail(noSuchDistribution(id)) : ok(distribution);
}

export function getDistribution(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = requested(world, request, 'Id');
  return found.ok ? ok({ ETag: found.value.eTag, Distribution: describeDistribution(found.value) }) : found;
}

/** ListDistributions: a summary per distribution, ordered by id. */
export function listDistributions(world: World): Result<ApiDocument> {
  const all = Object.values(cloudFrontState(world).distributions).sort((a, b) => a.id.localeCompare(b.id));
  const items = all.map((d) => ({ Id: d.id, ARN: d.arn, Status: 'Deployed', DomainName: d.domainName, Comment: d.settings.comment, Enabled: d.settings.enabled }));
  return ok({ DistributionList: { Marker: '', MaxItems: 100, IsTruncated: false, Quantity: items.length, ...(items.length === 0 ? {} : { Items: items }) } });
}

function update(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = requested(world, request, 'Id');
  if (!found.ok) return found;
  const distribution = found.value;
  const ifMatch = request['IfMatch'];
  if (typeof ifMatch !== 'string' || ifMatch === '') return fail(awsError('InvalidIfMatchVersion', 400, 'The If-Match version is missing: pass the ETag from get-distribution with --if-match.'));
  if (ifMatch !== distribution.eTag) return fail(awsError('PreconditionFailed', 412, `The If-Match version ${ifMatch} is not the distribution's current ETag (${distribution.eTag}): get it again, then update.`));
  const settings = acceptedSettings(world, request['DistributionConfig']);
  if (!settings.ok) return settings;
  distribution.settings = settings.value;
  distribution.config = request['DistributionConfig'] as ApiDocument;
  distribution.eTag = cloudFrontId(world, 'E');
  distribution.lastModifiedMs = world.nowMs;
  return ok({ ETag: distribution.eTag, Distribution: describeDistribution(distribution) });
}

export function updateDistribution(world: World, request: ApiDocument): Result<ApiDocument> {
  return record(world, 'UpdateDistribution', update(world, request), { distributionId: request['Id'] });
}

/** Removes the matching entries from every edge location's cache (the sandbox applies it at once). */
function invalidate(world: World, request: ApiDocument): Result<ApiDocument> {
  const found = requested(world, request, 'DistributionId');
  if (!found.ok) return found;
  const paths = Array.isArray(request['Paths']) ? (request['Paths'] as unknown[]).map(String) : [];
  const bad = paths.find((path) => !path.startsWith('/'));
  if (paths.length === 0 || bad !== undefined) return fail(awsError('InvalidArgument', 400, `Each invalidation path must start with /, e.g. /index.html or /images/*; got ${bad ?? 'no paths'}.`));
  let entriesRemoved = 0;
  for (const cache of Object.values(found.value.caches)) {
    for (const [key, entry] of Object.entries(cache)) {
      if (paths.some((path) => invalidationMatches(path, entry.uri))) {
        delete cache[key];
        entriesRemoved++;
      }
    }
  }
  const id = cloudFrontId(world, 'I');
  const callerReference = `cli-${Math.floor(world.nowMs / 1_000)}-${found.value.invalidations.length + 1}`;
  found.value.invalidations.push({ id, paths, callerReference, createdMs: world.nowMs, entriesRemoved });
  return ok({
    Location: `${API_ROOT}/distribution/${found.value.id}/invalidation/${id}`,
    Invalidation: { Id: id, Status: 'InProgress', CreateTime: cloudFrontTime(world.nowMs), InvalidationBatch: { Paths: { Quantity: paths.length, Items: paths }, CallerReference: callerReference } },
  });
}

export function createInvalidation(world: World, request: ApiDocument): Result<ApiDocument> {
  const result = invalidate(world, request);
  const last = result.ok ? findDistribution(world, String(request['DistributionId']))?.invalidations.at(-1) : undefined;
  return record(world, 'CreateInvalidation', result, { distributionId: request['DistributionId'], entriesRemoved: last?.entriesRemoved ?? 0 });
}
