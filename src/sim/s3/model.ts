// S3's state in a world (slot `s3`): buckets with their objects (text bodies: the sandbox has no
// files) and bucket policy. Only what identity scenarios need (SVC-05: objects, strong read-after-write).
import type { World } from '../world.js';

export const S3_SLOT = 's3';

/** SVC-05: one PUT carries at most 5 GB (text bodies in the sandbox never come near it). */
export const MAX_SINGLE_PUT_BYTES = 5 * 1024 ** 3;

export interface ObjectState {
  readonly key: string;
  readonly body: string;
  readonly sizeBytes: number;
  readonly eTag: string;
  readonly contentType: string;
  /** The object's Cache-Control metadata (`max-age=60`), which CloudFront honours; absent when not set. */
  readonly cacheControl?: string;
  readonly lastModifiedMs: number;
}

export interface BucketState {
  readonly name: string;
  readonly region: string;
  readonly createdMs: number;
  readonly objects: Record<string, ObjectState>;
  /** The bucket policy as JSON data, validated when it was put. */
  policy?: unknown;
}

export interface S3State {
  readonly buckets: Record<string, BucketState>;
}

export function s3State(world: World): S3State {
  return world.service<S3State>(S3_SLOT, () => ({ buckets: {} }));
}

export const bucketArn = (bucket: string): string => `arn:aws:s3:::${bucket}`;
export const objectArn = (bucket: string, key: string): string => `arn:aws:s3:::${bucket}/${key}`;
