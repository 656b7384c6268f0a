// Shared set-up for the CloudFront tests: a world with an S3 bucket of small pages, Lambda@Edge
// functions made through CreateFunction + PublishVersion, CloudFront Functions, and distributions made
// through CreateDistribution with a DistributionConfig built from a few options.
import { expect } from 'vitest';
import type { ApiDocument } from '../../../src/sim/cli/operation-spec.js';
import { createDistribution } from '../../../src/sim/cloudfront/distributions.js';
import { createFunction as createCfFunction, publishFunction } from '../../../src/sim/cloudfront/functions.js';
import { sendViewerRequest, type ViewerRequest } from '../../../src/sim/cloudfront/viewer.js';
import type { ServedResponse } from '../../../src/sim/cloudfront/serve.js';
import { createFunction, publishVersion } from '../../../src/sim/lambda/operations.js';
import type { Result } from '../../../src/sim/result.js';
import { createBucket, putObject } from '../../../src/sim/s3/operations.js';
import { createWorld, type World } from '../../../src/sim/world.js';
import '../../../src/sim/wiring.js';

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.name}: ${result.error.message}`);
  return result.value;
}

export function expectError<T>(result: Result<T>): { name: string; statusCode: number; message: string } {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return { name: result.error.name, statusCode: result.error.statusCode, message: result.error.message };
}

/** Pages in bucket `assets`: index.html says max-age=120; app.js sets no Cache-Control. */
export function edgeWorld(seed = 7): World {
  const world = createWorld({ seed });
  expectOk(createBucket(world, { Bucket: 'assets' }));
  const put = (key: string, body: string, cacheControl?: string) =>
    expectOk(putObject(world, { Bucket: 'assets', Key: key, Body: body, ContentType: 'text/html', ...(cacheControl === undefined ? {} : { CacheControl: cacheControl }) }));
  put('index.html', '<h1>home</h1>', 'max-age=120');
  put('app.js', 'console.log(1)');
  put('a/index.html', '<h1>variant a</h1>', 'max-age=120');
  put('b/index.html', '<h1>variant b</h1>', 'max-age=120');
  put('de/index.html', '<h1>Startseite</h1>', 'max-age=120');
  return world;
}

/** A Lambda function with the catalogue handler, published as version 1; answers the version ARN. */
export function edgeFunction(world: World, name: string, handler: string, members: ApiDocument = {}): string {
  expectOk(createFunction(world, { FunctionName: name, Runtime: 'nodejs22.x', Role: 'arn:aws:iam::123456789012:role/edge', Handler: handler, ...members }));
  expectOk(publishVersion(world, { FunctionName: name }));
  return `arn:aws:lambda:us-east-1:123456789012:function:${name}:1`;
}

/** A CloudFront Function from a catalogue behaviour, published to LIVE; answers its ARN. */
export function cfFunction(world: World, name: string, behaviour: string): string {
  const created = expectOk(createCfFunction(world, { Name: name, FunctionConfig: { Comment: '', Runtime: 'cloudfront-js-2.0' }, FunctionCode: behaviour }));
  expectOk(publishFunction(world, { Name: name, IfMatch: created['ETag'] }));
  return `arn:aws:cloudfront::123456789012:function/${name}`;
}

export interface ConfigOptions {
  readonly lambda?: readonly { readonly eventType: string; readonly arn: string; readonly includeBody?: boolean }[];
  readonly functions?: readonly { readonly eventType: string; readonly arn: string }[];
  readonly behavior?: ApiDocument;
  readonly callerReference?: string;
  readonly domainName?: string;
}

export function distributionConfig(options: ConfigOptions = {}): ApiDocument {
  const lambda = options.lambda ?? [];
  const functions = options.functions ?? [];
  return {
    CallerReference: options.callerReference ?? 'ref-1', Comment: 'test', Enabled: true,
    Origins: { Quantity: 1, Items: [{ Id: 'site', DomainName: options.domainName ?? 'assets.s3.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' } }] },
    DefaultCacheBehavior: {
      TargetOriginId: 'site', ViewerProtocolPolicy: 'redirect-to-https', MinTTL: 0, DefaultTTL: 60, MaxTTL: 300,
      ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' }, Headers: { Quantity: 0, Items: [] } },
      LambdaFunctionAssociations: { Quantity: lambda.length, Items: lambda.map((a) => ({ LambdaFunctionARN: a.arn, EventType: a.eventType, IncludeBody: a.includeBody ?? false })) },
      FunctionAssociations: { Quantity: functions.length, Items: functions.map((a) => ({ FunctionARN: a.arn, EventType: a.eventType })) },
      ...options.behavior,
    },
  };
}

/** Creates the distribution and answers its id. */
export function distribution(world: World, options: ConfigOptions = {}): string {
  const created = expectOk(createDistribution(world, { DistributionConfig: distributionConfig(options) }));
  return (created['Distribution'] as ApiDocument)['Id'] as string;
}

export function get(world: World, path: string, options: Partial<ViewerRequest> = {}): ServedResponse {
  const served = sendViewerRequest(world, { method: 'GET', path, ...options });
  expect(served.ok, JSON.stringify(served)).toBe(true);
  return expectOk(served);
}
