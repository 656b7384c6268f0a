// Proves a distribution serves from its S3 origin through per-location caches: a miss then a hit at
// one edge location while another location has its own cache; TTL expiry on the virtual clock
// (max-age=120 honoured, DefaultTTL 60 without Cache-Control, MaxTTL 300 as the cap); invalidations;
// S3's 403 for a missing key (not cached); get/update with ETags; config problems in one message.
import { describe, expect, it } from 'vitest';
import type { ApiDocument } from '../../../src/sim/cli/operation-spec.js';
import { createDistribution, createInvalidation, getDistribution, updateDistribution } from '../../../src/sim/cloudfront/distributions.js';
import { findDistribution } from '../../../src/sim/cloudfront/model.js';
import { putObject } from '../../../src/sim/s3/operations.js';
import { distribution, distributionConfig, edgeWorld, expectError, expectOk, get } from './fixtures.js';

describe('serving through the edge cache', () => {
  it('misses, then hits at the same location; another location has its own cache', () => {
    const world = edgeWorld();
    distribution(world);
    const first = get(world, '/index.html');
    expect([first.statusCode, first.cache, first.body, first.headers['x-cache']]).toEqual([200, 'Miss', '<h1>home</h1>', 'Miss from cloudfront']);
    world.advance(5_000);
    const second = get(world, '/index.html');
    expect([second.cache, second.headers['age']]).toEqual(['Hit', '5']);
    expect(get(world, '/index.html', { from: 'FRA' }).cache).toBe('Miss');
    expect(get(world, '/index.html', { from: 'DE' }).cache).toBe('Hit');
  });

  it("keeps index.html for its max-age=120: a hit at 119 s, a miss at 120 s", () => {
    const world = edgeWorld();
    distribution(world);
    get(world, '/index.html');
    world.advance(119_000);
    expect(get(world, '/index.html').cache).toBe('Hit');
    world.advance(1_000);
    expect(get(world, '/index.html').cache).toBe('Miss');
  });

  it('keeps app.js (no Cache-Control) for DefaultTTL 60 s, and caps max-age=7200 at MaxTTL 300 s', () => {
    const world = edgeWorld();
    expectOk(putObject(world, { Bucket: 'assets', Key: 'big.css', Body: 'x', CacheControl: 'max-age=7200' }));
    const id = distribution(world);
    get(world, '/app.js');
    get(world, '/big.css');
    const entries = Object.values(findDistribution(world, id)!.caches['IAD']!).map((e) => [e.key, e.ttlSeconds]);
    expect(entries).toEqual([['/app.js', 60], ['/big.css', 300]]);
    world.advance(60_000);
    expect(get(world, '/app.js').cache).toBe('Miss');
    expect(get(world, '/big.css').cache).toBe('Hit');
  });

  it('answers S3\'s 403 AccessDenied for a missing key and does not cache it', () => {
    const world = edgeWorld();
    const id = distribution(world);
    const missing = get(world, '/nope.html');
    expect([missing.statusCode, missing.body.includes('<Code>AccessDenied</Code>')]).toEqual([403, true]);
    expect(get(world, '/nope.html').cache).toBe('Miss');
    expect(findDistribution(world, id)!.caches['IAD']).toEqual({});
  });

  it('invalidates matching paths in every location at once', () => {
    const world = edgeWorld();
    const id = distribution(world);
    for (const from of ['IAD', 'FRA', 'SYD']) get(world, '/index.html', { from });
    get(world, '/app.js');
    const created = expectOk(createInvalidation(world, { DistributionId: id, Paths: ['/index.html'] }));
    expect((created['Invalidation'] as ApiDocument)['Status']).toBe('InProgress');
    expect(world.trace.all().at(-1)!.detail).toEqual({ distributionId: id, entriesRemoved: 3 });
    expect(get(world, '/index.html', { from: 'SYD' }).cache).toBe('Miss');
    expect(get(world, '/app.js').cache).toBe('Hit');
    expectOk(createInvalidation(world, { DistributionId: id, Paths: ['/*'] }));
    expect(get(world, '/app.js').cache).toBe('Miss');
  });
});

describe('distribution operations', () => {
  it('updates only with the current ETag, and answers NoSuchDistribution for an unknown id', () => {
    const world = edgeWorld();
    const id = distribution(world);
    const eTag = expectOk(getDistribution(world, { Id: id }))['ETag'];
    const config = distributionConfig({ behavior: { DefaultTTL: 10 } });
    expect(expectError(updateDistribution(world, { Id: id, IfMatch: 'EWRONG', DistributionConfig: config }))).toMatchInlineSnapshot(`
      {
        "message": "The If-Match version EWRONG is not the distribution's current ETag (EWBDY4UDYBXYSC): get it again, then update.",
        "name": "PreconditionFailed",
        "statusCode": 412,
      }
    `);
    const updated = expectOk(updateDistribution(world, { Id: id, IfMatch: eTag, DistributionConfig: config }));
    expect(updated['ETag']).not.toBe(eTag);
    get(world, '/app.js');
    expect(findDistribution(world, id)!.caches['IAD']!['/app.js']!.ttlSeconds).toBe(10);
    expect(expectError(getDistribution(world, { Id: 'E000' })).name).toBe('NoSuchDistribution');
  });

  it('reports every config problem in one InvalidArgument', () => {
    const world = edgeWorld();
    const config = distributionConfig({ domainName: 'example.com', behavior: { TargetOriginId: 'other', MinTTL: 100, DefaultTTL: 50, MaxTTL: -1 } });
    expect(expectError(createDistribution(world, { DistributionConfig: { ...config, CallerReference: '' } })).message).toMatchInlineSnapshot(
      `"The DistributionConfig has 5 problems: DistributionConfig.CallerReference: is required; Origins.Items[0].DomainName: 'example.com' is neither an S3 bucket (BUCKET.s3.amazonaws.com) nor an API Gateway API (ID.execute-api.REGION.amazonaws.com); DefaultCacheBehavior.TargetOriginId: 'other' names no origin (the origin is 'site'); DefaultCacheBehavior.MaxTTL: must be a whole number of seconds ≥ 0, got -1; DefaultCacheBehavior: TTLs must satisfy MinTTL ≤ DefaultTTL ≤ MaxTTL, got 100 / 50 / 31536000"`,
    );
  });

  it('refuses a second distribution with the same CallerReference', () => {
    const world = edgeWorld();
    distribution(world);
    expect(expectError(createDistribution(world, { DistributionConfig: distributionConfig() })).name).toBe('DistributionAlreadyExists');
  });
});
