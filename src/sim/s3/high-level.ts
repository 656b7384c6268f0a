// The high-level `aws s3 ls` and `aws s3 cp`, which the real CLI prints as text lines, not JSON. They
// run the s3api operations underneath (so the trace shows ListObjectsV2, GetObject, PutObject), as the
// same caller. The sandbox has no local files: `cp` copies between S3 URIs or prints an object to `-`.
import type { ApiDocument, OperationSpec } from '../cli/operation-spec.js';
import { fail, ok, validationError, type Result } from '../result.js';
import type { World } from '../world.js';
import { getObject, listBuckets, listObjectsV2, putObject } from './operations.js';

/** `s3://bucket/some/key` → bucket and key (key may be empty); undefined for anything else. */
export function parseS3Uri(uri: string): { bucket: string; key: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  return match === null ? undefined : { bucket: match[1] ?? '', key: match[2] ?? '' };
}

const caller = (request: ApiDocument): ApiDocument => (typeof request['CallerProfile'] === 'string' ? { CallerProfile: request['CallerProfile'] } : {});
const stamp = (iso: unknown): string => String(iso).slice(0, 19).replace('T', ' ');

/** `aws s3 ls [s3://bucket/prefix]`: buckets, or one "directory" level (delimiter `/`). */
export function s3Ls(world: World, request: ApiDocument): Result<ApiDocument> {
  const uri = request['Path'];
  if (typeof uri !== 'string') {
    const buckets = listBuckets(world, caller(request));
    return buckets.ok ? ok({ Buckets: buckets.value['Buckets'] }) : buckets;
  }
  const target = parseS3Uri(uri);
  if (target === undefined) return fail(validationError(`${uri} is not an S3 URI (s3://bucket/prefix)`));
  const listed = listObjectsV2(world, { ...caller(request), Bucket: target.bucket, Prefix: target.key });
  if (!listed.ok) return listed;
  const contents = (listed.value['Contents'] ?? []) as { Key: string; Size: number; LastModified: string }[];
  const prefixes = new Set<string>();
  const objects: { Key: string; Size: number; LastModified: string }[] = [];
  for (const object of contents) {
    const rest = object.Key.slice(target.key.length);
    const slash = rest.indexOf('/');
    if (slash >= 0) prefixes.add(rest.slice(0, slash + 1));
    else objects.push({ ...object, Key: rest });
  }
  return ok({ Prefixes: [...prefixes], Objects: objects });
}

export function s3LsText(response: ApiDocument): string {
  const buckets = response['Buckets'] as { Name: string; CreationDate: string }[] | undefined;
  if (buckets !== undefined) return buckets.map((bucket) => `${stamp(bucket.CreationDate)} ${bucket.Name}\n`).join('');
  const prefixes = (response['Prefixes'] ?? []) as string[];
  const objects = (response['Objects'] ?? []) as { Key: string; Size: number; LastModified: string }[];
  return [...prefixes.map((prefix) => `${' '.repeat(27)}PRE ${prefix}\n`), ...objects.map((object) => `${stamp(object.LastModified)} ${String(object.Size).padStart(10)} ${object.Key}\n`)].join('');
}

/** `aws s3 cp s3://b/k -` prints the object; `aws s3 cp s3://a/k s3://b/k` copies it (GetObject + PutObject). */
export function s3Cp(world: World, request: ApiDocument): Result<ApiDocument> {
  const source = parseS3Uri(String(request['Source'] ?? ''));
  const destinationText = String(request['Destination'] ?? '');
  if (source === undefined) return fail(validationError('The sandbox has no local files: copy from an S3 URI, or store text with aws s3api put-object --body.'));
  const read = getObject(world, { ...caller(request), Bucket: source.bucket, Key: source.key });
  if (!read.ok) return read;
  if (destinationText === '-') return ok({ Body: read.value['Body'], Text: String(read.value['Body']) });
  const destination = parseS3Uri(destinationText);
  if (destination === undefined) return fail(validationError('The sandbox has no local files: copy to an S3 URI or to - (prints the object).'));
  const key = destination.key === '' || destination.key.endsWith('/') ? `${destination.key}${source.key.split('/').pop() ?? ''}` : destination.key;
  const written = putObject(world, { ...caller(request), Bucket: destination.bucket, Key: key, Body: read.value['Body'], ContentType: read.value['ContentType'] });
  return written.ok ? ok({ Text: `copy: s3://${source.bucket}/${source.key} to s3://${destination.bucket}/${key}\n` }) : written;
}

export const S3_HIGH_LEVEL_OPERATIONS: readonly OperationSpec[] = [
  {
    service: 's3',
    command: 'ls',
    operation: 'ListObjectsV2',
    summary: 'Lists buckets, or the objects and prefixes under s3://bucket/prefix, as text.',
    params: [],
    positional: { name: 'path', member: 'Path', required: false, description: 'An S3 URI, s3://bucket/prefix/.' },
    usesCaller: true,
    formatText: s3LsText,
    run: s3Ls,
  },
  {
    service: 's3',
    command: 'cp',
    operation: 'CopyObject',
    summary: 'Copies an object to another S3 URI, or prints it with - as destination (no local files).',
    params: [],
    positional: { name: 'source', member: 'Source', required: true, description: 'The S3 URI to copy from.' },
    secondPositional: { name: 'destination', member: 'Destination', required: true, description: 'An S3 URI, or - to print the object.' },
    usesCaller: true,
    formatText: (response) => String(response['Text'] ?? ''),
    run: s3Cp,
  },
];
