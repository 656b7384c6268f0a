// The S3 operations identity scenarios need: CreateBucket, PutBucketPolicy, GetBucketPolicy, PutObject,
// GetObject, DeleteObject, ListObjectsV2, ListBuckets. Each checks the caller (access.ts) before it acts
// and records one trace event (`service: 's3'`).
import { createHash } from 'node:crypto';
import type { ApiDocument } from '../cli/operation-spec.js';
import { cliTime } from '../cognito/index.js';
import { parsePolicyDocument } from '../iam/index.js';
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { checkAccess } from './access.js';
import { bucketArn, objectArn, s3State, type BucketState } from './model.js';

const text = (request: ApiDocument, member: string): string => (typeof request[member] === 'string' ? request[member] : '');

function record(world: World, operation: string, result: Result<ApiDocument>, detail: Record<string, unknown>): Result<ApiDocument> {
  world.record({ service: 's3', operation, outcome: result.ok ? 'ok' : result.error.name, detail });
  return result;
}

const noSuchBucket = () => awsError('NoSuchBucket', 404, 'The specified bucket does not exist');

/** Finds the bucket, checks the caller may do `action` on `resource`, then runs `body`. */
function onBucket(world: World, request: ApiDocument, action: string, resource: (bucket: string) => string, body: (bucket: BucketState) => Result<ApiDocument>, context?: Record<string, string>): Result<ApiDocument> {
  const bucket = s3State(world).buckets[text(request, 'Bucket')];
  if (bucket === undefined) return fail(noSuchBucket());
  const allowed = checkAccess(world, request, { action, resource: resource(bucket.name), bucket, ...(context === undefined ? {} : { context }) });
  return allowed.ok ? body(bucket) : allowed;
}

export function createBucket(world: World, request: ApiDocument): Result<ApiDocument> {
  const name = text(request, 'Bucket');
  const state = s3State(world);
  const allowed = checkAccess(world, request, { action: 's3:CreateBucket', resource: bucketArn(name) });
  let result: Result<ApiDocument> = allowed.ok ? ok({ Location: `/${name}` }) : allowed;
  if (allowed.ok && state.buckets[name] !== undefined) {
    result = fail(awsError('BucketAlreadyOwnedByYou', 409, 'Your previous request to create the named bucket succeeded and you already own it.'));
  } else if (allowed.ok) {
    state.buckets[name] = { name, region: world.region, createdMs: world.nowMs, objects: {} };
  }
  return record(world, 'CreateBucket', result, { bucket: name });
}

export function putBucketPolicy(world: World, request: ApiDocument): Result<ApiDocument> {
  const result = onBucket(world, request, 's3:PutBucketPolicy', bucketArn, (bucket) => {
    const parsed = parsePolicyDocument(request['Policy'], 'resource');
    if (!parsed.ok) return fail(awsError('MalformedPolicy', 400, parsed.error.message));
    bucket.policy = typeof request['Policy'] === 'string' ? (JSON.parse(request['Policy']) as unknown) : request['Policy'];
    return ok({});
  });
  return record(world, 'PutBucketPolicy', result, { bucket: text(request, 'Bucket') });
}

export function getBucketPolicy(world: World, request: ApiDocument): Result<ApiDocument> {
  const result = onBucket(world, request, 's3:GetBucketPolicy', bucketArn, (bucket) =>
    bucket.policy === undefined ? fail(awsError('NoSuchBucketPolicy', 404, 'The bucket policy does not exist')) : ok({ Policy: JSON.stringify(bucket.policy) }),
  );
  return record(world, 'GetBucketPolicy', result, { bucket: text(request, 'Bucket') });
}

export function putObject(world: World, request: ApiDocument): Result<ApiDocument> {
  const key = text(request, 'Key');
  const result = onBucket(world, request, 's3:PutObject', (bucket) => objectArn(bucket, key), (bucket) => {
    const body = text(request, 'Body');
    const eTag = `"${createHash('md5').update(body).digest('hex')}"`;
    const contentType = text(request, 'ContentType') || 'binary/octet-stream';
    const cacheControl = text(request, 'CacheControl');
    bucket.objects[key] = { key, body, sizeBytes: Buffer.byteLength(body), eTag, contentType, lastModifiedMs: world.nowMs, ...(cacheControl === '' ? {} : { cacheControl }) };
    return ok({ ETag: eTag });
  });
  return record(world, 'PutObject', result, { bucket: text(request, 'Bucket'), key });
}

export function getObject(world: World, request: ApiDocument): Result<ApiDocument> {
  const key = text(request, 'Key');
  const result = onBucket(world, request, 's3:GetObject', (bucket) => objectArn(bucket, key), (bucket) => {
    const object = bucket.objects[key];
    if (object === undefined) return fail(awsError('NoSuchKey', 404, 'The specified key does not exist.'));
    // The real CLI writes the body to the outfile; the sandbox has no files, so it shows it as `Body`.
    return ok({ AcceptRanges: 'bytes', LastModified: cliTime(object.lastModifiedMs), ContentLength: object.sizeBytes, ETag: object.eTag, ContentType: object.contentType, ...(object.cacheControl === undefined ? {} : { CacheControl: object.cacheControl }), Metadata: {}, Body: object.body });
  });
  return record(world, 'GetObject', result, { bucket: text(request, 'Bucket'), key });
}

export function deleteObject(world: World, request: ApiDocument): Result<ApiDocument> {
  const key = text(request, 'Key');
  const result = onBucket(world, request, 's3:DeleteObject', (bucket) => objectArn(bucket, key), (bucket) => {
    delete bucket.objects[key];
    return ok({});
  });
  return record(world, 'DeleteObject', result, { bucket: text(request, 'Bucket'), key });
}

/** ListObjectsV2 is authorized as s3:ListBucket on the bucket, with `s3:prefix` in the context (COG-10). */
export function listObjectsV2(world: World, request: ApiDocument): Result<ApiDocument> {
  const prefix = text(request, 'Prefix');
  const result = onBucket(world, request, 's3:ListBucket', bucketArn, (bucket) => {
    const objects = Object.values(bucket.objects).filter((object) => object.key.startsWith(prefix)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const contents = objects.map((object) => ({ Key: object.key, LastModified: cliTime(object.lastModifiedMs), ETag: object.eTag, Size: object.sizeBytes, StorageClass: 'STANDARD' }));
    return ok({ ...(contents.length === 0 ? {} : { Contents: contents }), Name: bucket.name, Prefix: prefix, KeyCount: contents.length, MaxKeys: 1000, IsTruncated: false });
  }, { 's3:prefix': prefix });
  return record(world, 'ListObjectsV2', result, { bucket: text(request, 'Bucket'), prefix });
}

export function listBuckets(world: World, request: ApiDocument): Result<ApiDocument> {
  const allowed = checkAccess(world, request, { action: 's3:ListAllMyBuckets', resource: '*' });
  const buckets = Object.values(s3State(world).buckets).sort((a, b) => (a.name < b.name ? -1 : 1));
  const result: Result<ApiDocument> = allowed.ok ? ok({ Buckets: buckets.map((bucket) => ({ Name: bucket.name, CreationDate: cliTime(bucket.createdMs) })), Owner: { ID: 'sandbox-owner' } }) : allowed;
  return record(world, 'ListBuckets', result, {});
}
