// Proves the sandbox language for CloudFront: `aws cloudfront` commands (create-distribution,
// get-distribution, create-invalidation, create-function / publish-function) answer as the AWS CLI
// prints them; `sim http ... --via cloudfront` prints like curl -i with x-cache and the edge location;
// `sim show distribution` shows caches and runs per location; `sim cloudfront edge-limits` switches
// EDGE-05's era; an API Gateway stage works as the origin; the same seed and lines give the same trace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxLine, runSandboxScript } from '../../../src/sim/cli/sandbox.js';
import { cloudFrontState } from '../../../src/sim/cloudfront/model.js';
import { restoreWorld } from '../../../src/sim/world.js';
import type { SandboxSession } from '../../../src/sim/cli/sim-command-spec.js';
import { distributionConfig } from './fixtures.js';

const SETUP = `
aws s3api create-bucket --bucket assets
aws s3api put-object --bucket assets --key index.html --body '<h1>home</h1>' --content-type text/html --cache-control max-age=120
aws lambda create-function --function-name auth --runtime nodejs22.x --role arn:aws:iam::123456789012:role/edge --handler catalog.edge-auth
aws lambda publish-version --function-name auth
aws cloudfront create-function --name headers --function-config Comment=security,Runtime=cloudfront-js-2.0 --function-code catalog.edge-security-headers
`;

const CONFIG = JSON.stringify(distributionConfig({
  lambda: [{ eventType: 'viewer-request', arn: 'arn:aws:lambda:us-east-1:123456789012:function:auth:1' }],
  functions: [{ eventType: 'viewer-response', arn: 'arn:aws:cloudfront::123456789012:function/headers' }],
}));

function run(session: SandboxSession, script: string): void {
  for (const line of runSandboxScript(session, script).lines) expect(line.ok, line.text).toBe(true);
}

function built(seed = 5): { session: SandboxSession; id: string } {
  const session = createSandbox({ seed });
  run(session, SETUP);
  const eTag = (runSandboxLine(session, 'aws cloudfront describe-function --name headers').output as { ETag: string }).ETag;
  run(session, `aws cloudfront publish-function --name headers --if-match ${eTag}\naws cloudfront create-distribution --distribution-config '${CONFIG}'`);
  return { session, id: Object.keys(cloudFrontState(session.world).distributions)[0]! };
}

const stable = (text: string) => text.replace(/x-amz-cf-id: \S+/, 'x-amz-cf-id: ID');

describe('aws cloudfront and sim http --via cloudfront', () => {
  it('prints the edge answer like curl -i, with the location and x-cache', () => {
    const { session } = built();
    expect(stable(runSandboxLine(session, "sim http GET /index.html --via cloudfront -H 'Authorization: Bearer allow' --from FRA").text)).toMatchInlineSnapshot(`
      "HTTP/1.1 200 OK
      content-type: text/html
      etag: "381aea190f2453592cf31db1c8528a28"
      content-length: 13
      cache-control: max-age=120
      strict-transport-security: max-age=63072000; includeSubDomains; preload
      x-content-type-options: nosniff
      x-frame-options: DENY
      referrer-policy: same-origin
      content-security-policy: default-src 'self'
      x-cache: Miss from cloudfront
      via: 1.1 d21xe4ygc6ghdj.cloudfront.net (CloudFront)
      x-amz-cf-pop: FRA50-C1
      x-amz-cf-id: ID

      <h1>home</h1>
      "
    `);
    const json = runSandboxLine(session, "sim http GET /index.html --via cloudfront -H 'Authorization: Bearer allow' --from DE").output as Record<string, unknown>;
    expect([json['status'], json['location'], json['cache'], json['triggersRun']]).toEqual([200, 'FRA', 'Hit', ['viewer-request', 'viewer-response']]);
  });

  it('shows the distribution: cache entries with age and TTL, and runs per location', () => {
    const { session, id } = built();
    runSandboxLine(session, "sim http GET /index.html --via cloudfront -H 'Authorization: Bearer allow' --from SYD");
    runSandboxLine(session, 'sim http GET /index.html --via cloudfront --from SYD');
    runSandboxLine(session, 'sim clock advance 30s');
    expect(runSandboxLine(session, `sim show distribution ${id}`).text.replace(id, 'ID')).toMatchInlineSnapshot(`
      "Distribution ID (d21xe4ygc6ghdj.cloudfront.net) → origin site (assets.s3.amazonaws.com)
      TTL min 0 / default 60 / max 300 s · cache key: path, query none, headers [], cookies none
      Triggers: viewer-request → arn:aws:lambda:us-east-1:123456789012:function:auth:1 · viewer-response → arn:aws:cloudfront::123456789012:function/headers
      Lambda@Edge limits: classic (EDGE-05)
      SYD Sydney
        cache /index.html  200  age 30 s of 120 s (90 s left)
        ran   viewer-request lambda:auth:1 ×2
        ran   viewer-response function:headers ×1
      "
    `);
  });

  it('invalidates through the CLI and answers CloudFront errors in the AWS CLI format', () => {
    const { session, id } = built();
    runSandboxLine(session, "sim http GET /index.html --via cloudfront -H 'Authorization: Bearer allow'");
    const invalidated = runSandboxLine(session, `aws cloudfront create-invalidation --distribution-id ${id} --paths '/*'`).output as { Invalidation: { InvalidationBatch: unknown } };
    expect(invalidated.Invalidation.InvalidationBatch).toEqual({ Paths: { Quantity: 1, Items: ['/*'] }, CallerReference: 'cli-1767225600-1' });
    const listed = runSandboxLine(session, 'aws cloudfront list-distributions').output as { DistributionList: { Quantity: number; Items: { Id: string }[] } };
    expect([listed.DistributionList.Quantity, listed.DistributionList.Items[0]!.Id]).toEqual([1, id]);
    expect(runSandboxLine(session, 'aws cloudfront get-distribution --id E000').text.trim()).toMatchInlineSnapshot(`"An error occurred (NoSuchDistribution) when calling the GetDistribution operation: The specified distribution does not exist: E000"`);
    expect(runSandboxLine(session, 'sim http GET / --via fastly').text.trim()).toMatchInlineSnapshot(`"sim: error: sim http: (InvalidArgument) --via takes cloudfront, got 'fastly'"`);
    expect(runSandboxLine(session, 'sim http GET / --from FRA').text.trim()).toMatchInlineSnapshot(`"sim: error: sim http: (InvalidArgument) --from and --distribution need --via cloudfront: an API request goes straight to API Gateway"`);
    expect(runSandboxLine(session, 'sim http GET / --via cloudfront --stage prod').text.trim()).toMatchInlineSnapshot(`"sim: error: sim http: (InvalidArgument) --stage is for API requests, not with --via cloudfront (the distribution's origin decides where the request goes)"`);
    expect(runSandboxLine(session, 'sim http GET / --via cloudfront --from XX').text.trim()).toMatchInlineSnapshot(`"sim: error: sim http: (InvalidArgument) Unknown edge location or country 'XX'. The sandbox's locations and the countries they serve: IAD (US CA MX), FRA (DE FR GB ES IT NL PL IE), NRT (JP KR TW), GRU (BR AR CL), SYD (AU NZ)."`);
  });

  it('switches the Lambda@Edge limits era with sim cloudfront edge-limits', () => {
    const session = createSandbox({ seed: 1 });
    expect(runSandboxLine(session, 'sim cloudfront edge-limits').text).toMatchInlineSnapshot(`
      "Lambda@Edge limits: classic (EDGE-05)
      viewer triggers: 128 MB memory, 5 s timeout, 1 MB package, 40 KB generated response
      origin triggers: 10240 MB memory, 30 s timeout, 50 MB package, 1024 KB generated response
      "
    `);
    expect(runSandboxLine(session, 'sim cloudfront edge-limits late-2025').text).toMatchInlineSnapshot(`
      "Lambda@Edge limits: late-2025 (EDGE-05)
      viewer triggers: 10240 MB memory, 30 s timeout, 50 MB package, 40 KB generated response
      origin triggers: 10240 MB memory, 30 s timeout, 50 MB package, 1024 KB generated response
      "
    `);
    expect(runSandboxLine(session, 'sim cloudfront edge-limits 2017').text.trim()).toMatchInlineSnapshot(`"sim: error: sim cloudfront edge-limits: (InvalidArgument) Unknown limits era '2017': use classic or late-2025."`);
  });
});

describe('an API Gateway stage as the origin', () => {
  it('forwards to the stage through OriginPath and caches the answer for DefaultTTL', () => {
    const session = createSandbox({ seed: 2 });
    run(session, `
aws lambda create-function --function-name orders --runtime nodejs22.x --role arn:aws:iam::123456789012:role/fn --handler catalog.http-ok
aws apigateway create-rest-api --name orders-api --endpoint-configuration types=REGIONAL
aws apigateway create-resource --rest-api-id orders-api --parent-id / --path-part orders
aws apigateway put-method --rest-api-id orders-api --resource-id /orders --http-method GET --authorization-type NONE
aws apigateway put-integration --rest-api-id orders-api --resource-id /orders --http-method GET --type AWS_PROXY --integration-http-method POST --uri arn:aws:lambda:us-east-1:123456789012:function:orders
aws apigateway create-deployment --rest-api-id orders-api --stage-name prod`);
    const apiId = (runSandboxLine(session, 'sim show api orders-api').output as { id: string }).id;
    const config = distributionConfig({ domainName: `${apiId}.execute-api.us-east-1.amazonaws.com` });
    const withPath = { ...config, Origins: { Quantity: 1, Items: [{ Id: 'site', DomainName: `${apiId}.execute-api.us-east-1.amazonaws.com`, OriginPath: '/prod', CustomOriginConfig: { OriginProtocolPolicy: 'https-only' } }] } };
    run(session, `aws cloudfront create-distribution --distribution-config '${JSON.stringify(withPath)}'`);
    const first = runSandboxLine(session, 'sim http GET /orders --via cloudfront').output as { status: number; cache: string; body: string };
    expect([first.status, first.cache, (JSON.parse(first.body) as { path: string }).path]).toEqual([200, 'Miss', '/orders']);
    runSandboxLine(session, 'sim clock advance 59s');
    expect((runSandboxLine(session, 'sim http GET /orders --via cloudfront').output as { cache: string }).cache).toBe('Hit');
    expect(session.world.trace.all().filter((e) => e.service === 'apigateway').length).toBe(1);
  });
});

describe('determinism', () => {
  it('continues identically from a restored snapshot', () => {
    const lines = ["sim http GET /index.html --via cloudfront -H 'Authorization: Bearer allow' --from JP", 'sim clock advance 10s', "sim http GET /index.html --via cloudfront -H 'Authorization: Bearer allow' --from KR"];
    const { session } = built(4);
    const copy = { ...session, world: restoreWorld(session.world.snapshot()) };
    const after = (s: SandboxSession) => {
      const from = s.world.trace.length;
      for (const line of lines) runSandboxLine(s, line);
      return JSON.stringify(s.world.trace.since(from));
    };
    const original = after(session);
    expect(after(copy)).toBe(original);
    expect(original).toContain('"cache":"Hit"');
  });

  it('gives byte-identical traces for the same seed and the same requests', () => {
    const step = fc.record({ path: fc.constantFrom('/index.html', '/nope', '/index.html?x=1'), from: fc.constantFrom('IAD', 'FRA', 'JP', 'BR'), token: fc.boolean(), advanceS: fc.nat(200) });
    fc.assert(fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
      const traces = [1, 2].map(() => {
        const { session } = built(9);
        for (const s of steps) {
          runSandboxLine(session, `sim http GET ${s.path} --via cloudfront --from ${s.from}${s.token ? " -H 'Authorization: Bearer allow'" : ''}`);
          runSandboxLine(session, `sim clock advance ${s.advanceS}s`);
        }
        return JSON.stringify(session.world.trace.all());
      });
      return traces[0] === traces[1];
    }), { numRuns: 15 });
  });
});
