// The `aws s3api ...` rows of the sandbox language. Every row acts as a caller (`usesCaller`): the
// command's `--profile` (or `sim profile use`) decides whose credentials IAM judges. Bodies are text:
// `--body` takes the object's content, since the sandbox has no files.
import type { OperationSpec, ParamSpec } from '../cli/operation-spec.js';
import { S3_HIGH_LEVEL_OPERATIONS } from './high-level.js';
import { createBucket, deleteObject, getBucketPolicy, getObject, listBuckets, listObjectsV2, putBucketPolicy, putObject } from './operations.js';

const bucket: ParamSpec = { flag: '--bucket', member: 'Bucket', type: 'string', required: true, description: 'The bucket name.' };
const key: ParamSpec = { flag: '--key', member: 'Key', type: 'string', required: true, description: 'The object key, e.g. us-east-1:1a2b.../photo.txt.' };

const row = (command: string, operation: string, summary: string, params: readonly ParamSpec[], run: OperationSpec['run']): OperationSpec => ({
  service: 's3api',
  command,
  operation,
  summary,
  params,
  usesCaller: true,
  run,
});

export const S3_OPERATIONS: readonly OperationSpec[] = [
  ...S3_HIGH_LEVEL_OPERATIONS,
  row('create-bucket', 'CreateBucket', 'Creates a bucket.', [bucket], createBucket),
  row('list-buckets', 'ListBuckets', 'Lists the buckets.', [], listBuckets),
  row('put-bucket-policy', 'PutBucketPolicy', 'Sets the bucket policy (a resource policy IAM evaluates with the caller).', [bucket, { flag: '--policy', member: 'Policy', type: 'string', required: true, description: 'The bucket policy (JSON).' }], putBucketPolicy),
  row('get-bucket-policy', 'GetBucketPolicy', 'Shows the bucket policy.', [bucket], getBucketPolicy),
  row(
    'put-object',
    'PutObject',
    'Stores an object, as the calling profile.',
    [
      bucket,
      key,
      { flag: '--body', member: 'Body', type: 'string', required: false, description: 'The content as text (the sandbox has no files).' },
      { flag: '--content-type', member: 'ContentType', type: 'string', required: false, description: 'The MIME type (default binary/octet-stream).' },
      { flag: '--cache-control', member: 'CacheControl', type: 'string', required: false, description: 'Cache-Control metadata, e.g. max-age=60 (CloudFront honours it within its TTLs).' },
    ],
    putObject,
  ),
  { ...row('get-object', 'GetObject', 'Reads an object, as the calling profile; the body is shown as Body.', [bucket, key], getObject), positional: { name: 'outfile', member: 'Outfile', required: false, description: 'Accepted for the real CLI\'s shape; nothing is written.' } },
  row('delete-object', 'DeleteObject', 'Deletes an object.', [bucket, key], deleteObject),
  row('list-objects-v2', 'ListObjectsV2', 'Lists objects (s3:ListBucket, with s3:prefix in the context).', [bucket, { flag: '--prefix', member: 'Prefix', type: 'string', required: false, description: 'Only keys that start with this.' }], listObjectsV2),
];
