// Proves where a caller is matters (APIGW-02): a PRIVATE API answers a bare 403 Forbidden to callers
// outside a VPC, and through an interface VPC endpoint only when its resource policy allows that endpoint
// (`aws:SourceVpce` / `aws:SourceVpc`, APIGW-14); a public (REGIONAL / EDGE) API asked for through the
// endpoint refuses with 403; `update-rest-api` changes the endpoint type, but never PRIVATE → EDGE.
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxLine, runSandboxScript } from '../../../src/sim/cli/sandbox.js';

const VPCE = 'vpce-113d1f8c4761202a9'; // the first endpoint id of seed 1 (ec2.ids stream)

function policy(condition: string): string {
  return `'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"arn:aws:execute-api:us-east-1:123456789012:*/*","Condition":${condition}}]}'`;
}

function built(type: string, condition = `{"StringEquals":{"aws:SourceVpce":"${VPCE}"}}`) {
  const session = createSandbox({ seed: 1 });
  const report = runSandboxScript(session, `
aws ec2 create-vpc-endpoint --vpc-id vpc-0a1b2c3d4e5f60718 --service-name com.amazonaws.us-east-1.execute-api --vpc-endpoint-type Interface
aws ec2 create-vpc-endpoint --vpc-id vpc-0fedcba9876543210 --service-name com.amazonaws.us-east-1.execute-api
aws lambda create-function --function-name stock --runtime nodejs22.x --role arn:aws:iam::123456789012:role/fn --handler catalog.http-ok
aws apigateway create-rest-api --name ledger-api --endpoint-configuration types=${type} --policy ${policy(condition)}
aws apigateway create-resource --rest-api-id ledger-api --parent-id / --path-part items
aws apigateway put-method --rest-api-id ledger-api --resource-id /items --http-method GET --authorization-type NONE
aws apigateway put-integration --rest-api-id ledger-api --resource-id /items --http-method GET --type AWS_PROXY --integration-http-method POST --uri stock
aws apigateway create-deployment --rest-api-id ledger-api --stage-name prod
`);
  for (const line of report.lines) expect(line.ok, line.text).toBe(true);
  const other = (runSandboxLine(session, 'aws ec2 describe-vpc-endpoints').output as { VpcEndpoints: { VpcEndpointId: string }[] }).VpcEndpoints[1]!.VpcEndpointId;
  return { session, other };
}

const status = (session: ReturnType<typeof createSandbox>, line: string) => (runSandboxLine(session, line).output as { status: number }).status;

describe('private APIs and VPC endpoints', () => {
  it('refuses a caller outside any VPC with a bare 403 Forbidden', () => {
    const { session } = built('PRIVATE');
    const text = runSandboxLine(session, 'sim http GET /prod/items').text.replace(/[0-9a-f-]{36}/, 'REQUEST-ID');
    expect(text).toMatchInlineSnapshot(`
      "HTTP/1.1 403 Forbidden
      content-type: application/json
      x-amzn-ErrorType: ForbiddenException
      content-length: 23
      x-amzn-RequestId: REQUEST-ID

      {"message":"Forbidden"}
      "
    `);
  });

  it('serves the allowed endpoint and refuses another endpoint with the policy 403', () => {
    const { session, other } = built('PRIVATE');
    expect(status(session, `sim http GET /prod/items --from-vpce ${VPCE}`)).toBe(200);
    expect(runSandboxLine(session, `sim http GET /prod/items --from-vpce ${other}`).text.split('\n\n')[1]).toMatchInlineSnapshot(`
      "{"message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:123456789012:npcez6qs50/prod/GET/items"}
      "
    `);
  });

  it('matches aws:SourceVpc too', () => {
    const { session, other } = built('PRIVATE', '{"StringEquals":{"aws:SourceVpc":"vpc-0fedcba9876543210"}}');
    expect([status(session, `sim http GET /prod/items --from-vpce ${VPCE}`), status(session, `sim http GET /prod/items --from-vpce ${other}`)]).toEqual([403, 200]);
  });

  it('refuses a public API asked for through the endpoint, and serves it from the internet', () => {
    const { session } = built('REGIONAL', '{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}');
    expect(status(session, 'sim http GET /prod/items')).toBe(200);
    const viaVpce = runSandboxLine(session, `sim http GET /prod/items --from-vpce ${VPCE}`).output as { status: number; trace: { step: string; outcome: string }[] };
    expect(viaVpce.status).toBe(403);
    expect(viaVpce.trace.map((s) => `${s.step}:${s.outcome}`)).toEqual(['endpoint:public-api-via-vpce']);
  });

  it('changes the endpoint type with update-rest-api, but not PRIVATE to EDGE', () => {
    const { session } = built('REGIONAL');
    expect(status(session, `sim http GET /prod/items --from-vpce ${VPCE}`)).toBe(403);
    const lines = [
      'aws apigateway update-rest-api --rest-api-id ledger-api --patch-operations op=replace,path=/endpointConfiguration/types/EDGE,value=PRIVATE',
      'aws apigateway update-rest-api --rest-api-id ledger-api --patch-operations op=replace,path=/endpointConfiguration/types/REGIONAL,value=PRIVATE',
      'aws apigateway update-rest-api --rest-api-id ledger-api --patch-operations op=replace,path=/endpointConfiguration/types/PRIVATE,value=EDGE',
      'aws apigateway update-rest-api --rest-api-id ledger-api --patch-operations op=replace,path=/name,value=x',
    ];
    const answers = lines.map((line) => runSandboxLine(session, line));
    expect(answers.map((a) => (a.ok ? 'ok' : a.text.trim()))).toMatchInlineSnapshot(`
      [
        "An error occurred (BadRequestException) when calling the UpdateRestApi operation: The API's endpoint type is REGIONAL, not EDGE: the path names the current type",
        "ok",
        "An error occurred (BadRequestException) when calling the UpdateRestApi operation: A PRIVATE API cannot be changed to EDGE; change it to REGIONAL (APIGW-02)",
        "An error occurred (BadRequestException) when calling the UpdateRestApi operation: Invalid patch path '/name' for op 'replace' (the simulator supports op=replace,path=/endpointConfiguration/types/TYPE)",
      ]
    `);
    expect(status(session, `sim http GET /prod/items --from-vpce ${VPCE}`)).toBe(200);
    expect(status(session, 'sim http GET /prod/items')).toBe(403);
  });

  it('refuses an unknown endpoint id', () => {
    const { session } = built('PRIVATE');
    expect(runSandboxLine(session, 'sim http GET /prod/items --from-vpce vpce-0123456789abcdef0').text.trim()).toMatchInlineSnapshot(`"sim: error: sim http: (InvalidVpcEndpointId.NotFound) The Vpc Endpoint Id 'vpce-0123456789abcdef0' does not exist"`);
  });
});
