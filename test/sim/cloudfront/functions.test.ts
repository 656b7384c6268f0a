// Proves CloudFront Functions (EDGE-07): create and update into DEVELOPMENT, publish to LIVE with the ETag; code
// above 10 KB refused with FunctionSizeLimitExceeded (exactly 10,240 bytes accepted); behaviours that
// need a body or more than 2 MB refused; a published function runs at viewer triggers in CloudFront
// itself (no Lambda invocation), counted per location, its generated responses marked as such.
import { describe, expect, it } from 'vitest';
import { createFunction, describeFunction, publishFunction, updateFunction } from '../../../src/sim/cloudfront/functions.js';
import { findDistribution } from '../../../src/sim/cloudfront/model.js';
import type { ApiDocument } from '../../../src/sim/cli/operation-spec.js';
import { cfFunction, distribution, edgeWorld, expectError, expectOk, get } from './fixtures.js';

const create = (world: ReturnType<typeof edgeWorld>, name: string, code: string, runtime = 'cloudfront-js-2.0') =>
  createFunction(world, { Name: name, FunctionConfig: { Comment: 'test', Runtime: runtime }, FunctionCode: code });

describe('the function lifecycle', () => {
  it('creates into DEVELOPMENT, publishes to LIVE only with the current ETag', () => {
    const world = edgeWorld();
    const created = expectOk(create(world, 'headers', 'catalog.edge-security-headers'));
    expect(created['FunctionSummary']).toMatchObject({ Name: 'headers', Status: 'UNPUBLISHED', FunctionMetadata: { Stage: 'DEVELOPMENT', FunctionARN: 'arn:aws:cloudfront::123456789012:function/headers' } });
    expect(expectError(publishFunction(world, { Name: 'headers', IfMatch: 'EOLD' })).name).toBe('PreconditionFailed');
    expect(expectError(describeFunction(world, { Name: 'headers', Stage: 'LIVE' })).name).toBe('NoSuchFunctionExists');
    const published = expectOk(publishFunction(world, { Name: 'headers', IfMatch: created['ETag'] }));
    expect((published['FunctionSummary'] as ApiDocument)['Status']).toBe('UNASSOCIATED');
    expect(expectOk(describeFunction(world, { Name: 'headers', Stage: 'LIVE' }))['FunctionSummary']).toMatchObject({ FunctionMetadata: { Stage: 'LIVE' } });
    expect(expectError(create(world, 'headers', 'catalog.edge-auth')).name).toBe('FunctionAlreadyExists');
  });

  it('accepts exactly 10,240 bytes of code and refuses 10,241 with FunctionSizeLimitExceeded', () => {
    const world = edgeWorld();
    const code = (sizeBytes: number) => `catalog.edge-bot-filter ${'/'.repeat(sizeBytes - 'catalog.edge-bot-filter '.length)}`;
    expect(create(world, 'fits', code(10_240)).ok).toBe(true);
    expect(expectError(create(world, 'too-big', code(10_241)))).toMatchInlineSnapshot(`
      {
        "message": "The function code is 10241 bytes; CloudFront Functions allow at most 10240 bytes (10 KB). Move the work to Lambda@Edge, or trim the code.",
        "name": "FunctionSizeLimitExceeded",
        "statusCode": 413,
      }
    `);
  });

  it('refuses a behaviour that needs the body and 512 MB, an unknown behaviour and an unknown runtime', () => {
    const world = edgeWorld();
    expect([
      expectError(create(world, 'resize', 'catalog.edge-image-resize')).message,
      expectError(create(world, 'x', 'function handler(event) { return event.request; }')).message,
      expectError(create(world, 'y', 'catalog.edge-auth', 'nodejs22.x')).message,
    ]).toMatchInlineSnapshot(`
      [
        "catalog.edge-image-resize cannot be a CloudFront Function: it reads the body, which CloudFront Functions never see; it needs 536870912 bytes of memory, more than the 2097152 bytes (2 MB) CloudFront Functions get. Use Lambda@Edge for it.",
        "The sandbox runs no code: the function code must start with an edge catalogue behaviour (catalog.edge-auth, catalog.edge-ab-test, catalog.edge-security-headers, catalog.edge-geo-redirect, catalog.edge-bot-filter, catalog.edge-maintenance, catalog.edge-image-resize), got 'function'.",
        "FunctionConfig.Runtime must be one of cloudfront-js-1.0, cloudfront-js-2.0, got 'nodejs22.x'.",
      ]
    `);
  });
});

describe('updating', () => {
  it('changes DEVELOPMENT only: the distribution keeps running LIVE until the next publish', () => {
    const world = edgeWorld();
    distribution(world, { functions: [{ eventType: 'viewer-request', arn: cfFunction(world, 'gate', 'catalog.edge-maintenance') }] });
    const eTag = expectOk(describeFunction(world, { Name: 'gate' }))['ETag'];
    const updated = expectOk(updateFunction(world, { Name: 'gate', IfMatch: eTag, FunctionConfig: { Runtime: 'cloudfront-js-2.0' }, FunctionCode: 'catalog.edge-bot-filter' }));
    expect(get(world, '/index.html', { headers: { 'User-Agent': 'Mozilla/5.0' } }).statusCode).toBe(503);
    expectOk(publishFunction(world, { Name: 'gate', IfMatch: updated['ETag'] }));
    expect(get(world, '/index.html', { headers: { 'User-Agent': 'Mozilla/5.0' } }).statusCode).toBe(200);
    expect(expectError(updateFunction(world, { Name: 'gate', IfMatch: eTag, FunctionConfig: { Runtime: 'cloudfront-js-2.0' }, FunctionCode: 'catalog.edge-auth' })).name).toBe('PreconditionFailed');
  });
});

describe('running at the edge', () => {
  it('runs in CloudFront at viewer request and viewer response, without any Lambda invocation', () => {
    const world = edgeWorld();
    const id = distribution(world, {
      functions: [
        { eventType: 'viewer-request', arn: cfFunction(world, 'auth', 'catalog.edge-auth') },
        { eventType: 'viewer-response', arn: cfFunction(world, 'headers', 'catalog.edge-security-headers') },
      ],
    });
    const refused = get(world, '/index.html');
    expect([refused.statusCode, refused.cache, refused.triggersRun]).toEqual([401, 'FunctionGeneratedResponse', ['viewer-request']]);
    const allowed = get(world, '/index.html', { headers: { Authorization: 'Bearer allow' }, from: 'SYD' });
    expect([allowed.statusCode, allowed.headers['strict-transport-security'], allowed.triggersRun]).toEqual([200, 'max-age=63072000; includeSubDomains; preload', ['viewer-request', 'viewer-response']]);
    expect(findDistribution(world, id)!.invocations).toEqual({
      IAD: { 'viewer-request function:auth': 1 },
      SYD: { 'viewer-request function:auth': 1, 'viewer-response function:headers': 1 },
    });
    expect(world.trace.all().filter((e) => e.service === 'lambda')).toEqual([]);
    expect(world.trace.all().filter((e) => e.operation === 'FunctionInvocation').map((e) => e.detail['location'])).toEqual(['IAD', 'SYD', 'SYD']);
  });
});
