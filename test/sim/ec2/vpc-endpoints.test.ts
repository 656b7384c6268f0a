// Proves `aws ec2 create-vpc-endpoint` creates an interface endpoint for execute-api with an id from the
// seeded stream (same seed, same id), private DNS on by default, and refuses other services and
// malformed VPC ids with EC2's error names (APIGW-02).
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxLine } from '../../../src/sim/cli/sandbox.js';

const CREATE = 'aws ec2 create-vpc-endpoint --vpc-id vpc-0a1b2c3d4e5f60718 --service-name com.amazonaws.us-east-1.execute-api --vpc-endpoint-type Interface';

describe('aws ec2 create-vpc-endpoint', () => {
  it('creates the same endpoint id for the same seed, with private DNS on', () => {
    const first = runSandboxLine(createSandbox({ seed: 1 }), CREATE);
    const again = runSandboxLine(createSandbox({ seed: 1 }), CREATE);
    const endpoint = (first.output as { VpcEndpoint: { VpcEndpointId: string; PrivateDnsEnabled: boolean; State: string; DnsEntries: { DnsName: string }[] } }).VpcEndpoint;
    expect(endpoint.VpcEndpointId).toMatch(/^vpce-[0-9a-f]{17}$/);
    expect((again.output as typeof first.output as { VpcEndpoint: { VpcEndpointId: string } }).VpcEndpoint.VpcEndpointId).toBe(endpoint.VpcEndpointId);
    expect(endpoint.PrivateDnsEnabled).toBe(true);
    expect(endpoint.State).toBe('available');
    expect(endpoint.DnsEntries.map((d) => d.DnsName)).toContain('*.execute-api.us-east-1.amazonaws.com');
  });

  it('lists endpoints and refuses other services and malformed ids', () => {
    const session = createSandbox({ seed: 1 });
    runSandboxLine(session, CREATE);
    expect((runSandboxLine(session, 'aws ec2 describe-vpc-endpoints').output as { VpcEndpoints: unknown[] }).VpcEndpoints).toHaveLength(1);
    const lines = [
      'aws ec2 create-vpc-endpoint --vpc-id vpc-0a1b2c3d4e5f60718 --service-name com.amazonaws.us-east-1.s3',
      'aws ec2 create-vpc-endpoint --vpc-id my-vpc --service-name com.amazonaws.us-east-1.execute-api',
    ];
    expect(lines.map((line) => runSandboxLine(session, line).text.trim())).toMatchInlineSnapshot(`
      [
        "An error occurred (InvalidServiceName) when calling the CreateVpcEndpoint operation: The Vpc Endpoint Service 'com.amazonaws.us-east-1.s3' does not exist (the simulator has com.amazonaws.us-east-1.execute-api only)",
        "An error occurred (InvalidVpcId.Malformed) when calling the CreateVpcEndpoint operation: Invalid id: "my-vpc"",
      ]
    `);
  });
});
