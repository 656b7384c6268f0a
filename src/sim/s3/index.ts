// The public surface of S3 in the simulator: buckets, objects and bucket policies, judged by IAM for
// the calling credentials (docs/cognito.md, "S3").
export { S3_OPERATIONS } from './commands.js';
export { checkAccess, type S3Access } from './access.js';
export { S3_SLOT, bucketArn, objectArn, s3State, type BucketState, type ObjectState, type S3State } from './model.js';
export { createBucket, deleteObject, getBucketPolicy, getObject, listBuckets, listObjectsV2, putBucketPolicy, putObject } from './operations.js';
