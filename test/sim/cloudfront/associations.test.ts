// Proves CloudFront refuses, when a distribution is created or updated, every Lambda@Edge association
// the edge cannot run, each with its message pinned: not us-east-1, not a numbered version (EDGE-03),
// the features the edge lacks (EDGE-04), memory / timeout / package size per trigger type in the
// classic era and what the late-2025 flag relaxes (EDGE-05), one function per event type (EDGE-01),
// and CloudFront Functions outside viewer events or unpublished (EDGE-07).
import { describe, expect, it } from 'vitest';
import { createDistribution, getDistribution, updateDistribution } from '../../../src/sim/cloudfront/distributions.js';
import { cloudFrontState } from '../../../src/sim/cloudfront/model.js';
import { createFunction as createCfFunction } from '../../../src/sim/cloudfront/functions.js';
import { createRole } from '../../../src/sim/iam/operations.js';
import { createAlias, createFunction } from '../../../src/sim/lambda/index.js';
import { putProvisionedConcurrencyConfig } from '../../../src/sim/lambda/concurrency-operations.js';
import type { World } from '../../../src/sim/world.js';
import { cfFunction, distribution, distributionConfig, edgeFunction, edgeWorld, expectOk, type ConfigOptions } from './fixtures.js';

function refusal(world: World, options: ConfigOptions): string {
  const created = createDistribution(world, { DistributionConfig: distributionConfig(options) });
  if (created.ok) throw new Error('expected a refusal');
  return `${created.error.name} (${created.error.statusCode}): ${created.error.message}`;
}

const at = (eventType: string, arn: string): ConfigOptions => ({ lambda: [{ eventType, arn }] });

describe('where and which version (EDGE-03)', () => {
  it('refuses a function outside us-east-1', () => {
    const world = edgeWorld();
    world.inRegion('eu-west-1', () => edgeFunction(world, 'auth', 'catalog.edge-auth'));
    expect(refusal(world, at('viewer-request', 'arn:aws:lambda:eu-west-1:123456789012:function:auth:1'))).toMatchInlineSnapshot(
      `"InvalidLambdaFunctionAssociation (400): The function must be in us-east-1 (N. Virginia), not eu-west-1; CloudFront replicates it to the edge from there. ARN: arn:aws:lambda:eu-west-1:123456789012:function:auth:1"`,
    );
    expect(refusal(world, at('viewer-request', 'arn:aws:lambda:us-east-1:123456789012:function:auth:1'))).toMatchInlineSnapshot(
      `"InvalidLambdaFunctionAssociation (400): The function version does not exist in us-east-1. ARN: arn:aws:lambda:us-east-1:123456789012:function:auth:1"`,
    );
  });

  it('refuses $LATEST, an alias and an unqualified ARN', () => {
    const world = edgeWorld();
    edgeFunction(world, 'auth', 'catalog.edge-auth');
    expectOk(createAlias(world, { FunctionName: 'auth', Name: 'live', FunctionVersion: '1' }));
    const base = 'arn:aws:lambda:us-east-1:123456789012:function:auth';
    expect([`${base}:$LATEST`, `${base}:live`, base].map((arn) => refusal(world, at('viewer-request', arn)))).toMatchInlineSnapshot(`
      [
        "InvalidLambdaFunctionAssociation (400): The ARN must end with a numbered version (…:auth:1), not $LATEST: a replicated function must never change. ARN: arn:aws:lambda:us-east-1:123456789012:function:auth:$LATEST",
        "InvalidLambdaFunctionAssociation (400): The ARN must end with a numbered version (…:auth:1), not the alias live: a replicated function must never change. ARN: arn:aws:lambda:us-east-1:123456789012:function:auth:live",
        "InvalidLambdaFunctionAssociation (400): The ARN must end with a numbered version (…:auth:1), not no version: a replicated function must never change. ARN: arn:aws:lambda:us-east-1:123456789012:function:auth",
      ]
    `);
  });

  it('refuses a role that does not trust edgelambda.amazonaws.com, and a Java runtime', () => {
    const world = edgeWorld();
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    expectOk(createRole(world, { RoleName: 'edge', AssumeRolePolicyDocument: JSON.stringify(trust) }));
    const arn = edgeFunction(world, 'java', 'catalog.edge-auth', { Runtime: 'java21' });
    expect(refusal(world, at('viewer-request', arn))).toMatchInlineSnapshot(
      `"InvalidLambdaFunctionAssociation (400): arn:aws:lambda:us-east-1:123456789012:function:java:1 cannot run at viewer-request: Runtime java21 is not supported at the edge (Node.js and Python only). Its execution role arn:aws:iam::123456789012:role/edge must trust both lambda.amazonaws.com and edgelambda.amazonaws.com."`,
    );
  });
});

describe('features the edge lacks (EDGE-04)', () => {
  it('refuses environment variables, a dead-letter queue, more /tmp and provisioned concurrency, all in one message', () => {
    const world = edgeWorld();
    const arn = edgeFunction(world, 'heavy', 'catalog.edge-auth', {
      Environment: { Variables: { TABLE: 'users' } }, DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq' }, EphemeralStorage: { Size: 1_024 },
    });
    expectOk(putProvisionedConcurrencyConfig(world, { FunctionName: 'heavy', Qualifier: '1', ProvisionedConcurrentExecutions: 1 }));
    expect(refusal(world, at('origin-request', arn))).toMatchInlineSnapshot(
      `"InvalidLambdaFunctionAssociation (400): arn:aws:lambda:us-east-1:123456789012:function:heavy:1 cannot run at origin-request: It has environment variables (TABLE); Lambda@Edge functions cannot have any. It has a dead-letter queue, which Lambda@Edge does not support. Its ephemeral storage is 1024 MB; the edge allows 512 MB. It has provisioned concurrency, which Lambda@Edge does not support."`,
    );
  });
});

describe('limits per trigger type (EDGE-05)', () => {
  it('allows 128 MB and 5 s at viewer triggers, Lambda memory and 30 s at origin triggers (classic)', () => {
    const world = edgeWorld();
    const big = edgeFunction(world, 'big', 'catalog.edge-geo-redirect', { MemorySize: 256, Timeout: 10 });
    expect(refusal(world, at('viewer-request', big))).toMatchInlineSnapshot(
      `"InvalidLambdaFunctionAssociation (400): arn:aws:lambda:us-east-1:123456789012:function:big:1 cannot run at viewer-request: Its memory is 256 MB; viewer-request allows at most 128 MB. Its timeout is 10 s; viewer-request allows at most 5 s."`,
    );
    expect(createDistribution(world, { DistributionConfig: distributionConfig(at('origin-request', big)) }).ok).toBe(true);
    const slow = edgeFunction(world, 'slow', 'catalog.edge-geo-redirect', { Timeout: 31 });
    expect(refusal(world, { ...at('origin-request', slow), callerReference: 'ref-2' })).toMatchInlineSnapshot(
      `"InvalidLambdaFunctionAssociation (400): arn:aws:lambda:us-east-1:123456789012:function:slow:1 cannot run at origin-request: Its timeout is 31 s; origin-request allows at most 30 s."`,
    );
  });

  it('allows a 1 MB package at viewer triggers and 50 MB at origin triggers (a 4.5 MB image library)', () => {
    const world = edgeWorld();
    const resize = edgeFunction(world, 'resize', 'catalog.edge-image-resize');
    expect(refusal(world, at('viewer-response', resize))).toMatchInlineSnapshot(
      `"InvalidLambdaFunctionAssociation (400): arn:aws:lambda:us-east-1:123456789012:function:resize:1 cannot run at viewer-response: Its package is 4718592 bytes compressed; viewer-response allows at most 1048576 bytes."`,
    );
    expect(createDistribution(world, { DistributionConfig: distributionConfig(at('origin-response', resize)) }).ok).toBe(true);
  });

  it('accepts 10 s, 512 MB and a 4.5 MB package at viewer triggers under the late-2025 flag', () => {
    const world = edgeWorld();
    cloudFrontState(world).edgeLimits = 'late-2025';
    const resize = edgeFunction(world, 'resize', 'catalog.edge-image-resize', { Timeout: 10, MemorySize: 512 });
    expect(createDistribution(world, { DistributionConfig: distributionConfig(at('viewer-response', resize)) }).ok).toBe(true);
  });
});

describe('one function per event type (EDGE-01) and CloudFront Functions (EDGE-07)', () => {
  it('refuses two functions at one event type, Lambda@Edge and a CloudFront Function alike', () => {
    const world = edgeWorld();
    const auth = edgeFunction(world, 'auth', 'catalog.edge-auth');
    const bots = edgeFunction(world, 'bots', 'catalog.edge-bot-filter');
    const headers = cfFunction(world, 'headers', 'catalog.edge-security-headers');
    expect(refusal(world, { lambda: [{ eventType: 'viewer-request', arn: auth }, { eventType: 'viewer-request', arn: bots }] })).toMatchInlineSnapshot(
      `"InvalidArgument (400): Only one Lambda@Edge function can be associated with viewer-request in a cache behavior."`,
    );
    expect(refusal(world, { lambda: [{ eventType: 'viewer-request', arn: auth }], functions: [{ eventType: 'viewer-request', arn: headers }] })).toMatchInlineSnapshot(
      `"InvalidArgument (400): viewer-request has both a Lambda@Edge function and a CloudFront Function; a cache behavior can use only one of them per event type."`,
    );
  });

  it('refuses a CloudFront Function at an origin event, and one that is not published', () => {
    const world = edgeWorld();
    const headers = cfFunction(world, 'headers', 'catalog.edge-security-headers');
    expect(refusal(world, { functions: [{ eventType: 'origin-response', arn: headers }] })).toMatchInlineSnapshot(
      `"InvalidFunctionAssociation (400): CloudFront Functions run at viewer-request and viewer-response only, not origin-response; use a Lambda@Edge function for origin events. Function: headers"`,
    );
    expectOk(createCfFunction(world, { Name: 'draft', FunctionConfig: { Runtime: 'cloudfront-js-2.0' }, FunctionCode: 'catalog.edge-bot-filter' }));
    expect(refusal(world, { functions: [{ eventType: 'viewer-request', arn: 'arn:aws:cloudfront::123456789012:function/draft' }] })).toMatchInlineSnapshot(
      `"InvalidFunctionAssociation (400): The function draft has no LIVE stage yet: publish it first (aws cloudfront publish-function)."`,
    );
  });

  it('checks associations on update too, and keeps the old config when one is refused', () => {
    const world = edgeWorld();
    const id = distribution(world);
    const eTag = expectOk(getDistribution(world, { Id: id }))['ETag'];
    const latest = 'arn:aws:lambda:us-east-1:123456789012:function:auth:$LATEST';
    expectOk(createFunction(world, { FunctionName: 'auth', Runtime: 'nodejs22.x', Role: 'arn:aws:iam::123456789012:role/edge', Handler: 'catalog.edge-auth' }));
    const updated = updateDistribution(world, { Id: id, IfMatch: eTag, DistributionConfig: distributionConfig(at('viewer-request', latest)) });
    expect(updated.ok ? 'ok' : updated.error.name).toBe('InvalidLambdaFunctionAssociation');
    expect(expectOk(getDistribution(world, { Id: id }))['ETag']).toBe(eTag);
  });
});
