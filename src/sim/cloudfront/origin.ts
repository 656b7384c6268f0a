// Fetching from the origin on a cache miss: an S3 bucket (read as CloudFront's origin access would,
// without the viewer's credentials) or an API Gateway API (a real request through its pipeline, which
// records its own trace). The answer is always an HTTP response; CloudFront decides what to do with it.
import { invokeApi } from '../apigateway/index.js';
import type { EdgeHttpRequest, EdgeHttpResponse } from '../lambda/index.js';
import { s3State } from '../s3/index.js';
import type { World } from '../world.js';
import type { OriginSettings } from './model.js';

const STATUS_TEXT: Readonly<Record<number, string>> = { 200: 'OK', 403: 'Forbidden', 404: 'Not Found' };

function s3Error(status: number, code: string, message: string): EdgeHttpResponse {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  return { status, statusDescription: STATUS_TEXT[status] ?? '', headers: { 'content-type': 'application/xml' }, body };
}

/**
 * A missing key answers 403 AccessDenied, not 404: CloudFront's origin access may read objects but not
 * list the bucket (no s3:ListBucket), and S3 then hides whether the key exists.
 */
function fetchFromS3(world: World, bucketName: string, key: string): EdgeHttpResponse {
  const bucket = s3State(world).buckets[bucketName];
  if (bucket === undefined) return s3Error(404, 'NoSuchBucket', 'The specified bucket does not exist');
  const object = bucket.objects[key];
  if (object === undefined) return s3Error(403, 'AccessDenied', 'Access Denied');
  const headers: Record<string, string> = { 'content-type': object.contentType, etag: object.eTag, 'content-length': String(object.sizeBytes) };
  if (object.cacheControl !== undefined) headers['cache-control'] = object.cacheControl;
  return { status: 200, statusDescription: 'OK', headers, body: object.body };
}

function fetchFromApi(world: World, apiId: string, path: string, request: EdgeHttpRequest): EdgeHttpResponse {
  const answered = invokeApi(world, {
    api: apiId, method: request.method, path: request.querystring === '' ? path : `${path}?${request.querystring}`, headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }), sourceIp: request.clientIp,
  });
  // No such API: CloudFront cannot reach the origin host at all.
  if (!answered.ok) return { status: 502, statusDescription: 'Bad Gateway', headers: { 'content-type': 'text/plain' }, body: 'CloudFront could not connect to the origin.' };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answered.value.headers)) headers[name.toLowerCase()] = value;
  return { status: answered.value.statusCode, statusDescription: '', headers, body: answered.value.body };
}

export function fetchFromOrigin(world: World, origin: OriginSettings, request: EdgeHttpRequest): EdgeHttpResponse {
  const path = `${origin.originPath}${request.uri}`;
  return origin.target.kind === 's3' ? fetchFromS3(world, origin.target.bucket, path.replace(/^\//, '')) : fetchFromApi(world, origin.target.apiId, path, request);
}
