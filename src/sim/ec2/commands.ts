// The sandbox rows for `aws ec2 ...`: just the interface VPC endpoints private APIs need (APIGW-02).
import type { ApiDocument, OperationSpec } from '../cli/operation-spec.js';
import { ok } from '../result.js';
import type { World } from '../world.js';
import { createVpcEndpoint, listVpcEndpoints, type VpcEndpoint } from './vpc-endpoints.js';

function describeEndpoint(world: World, endpoint: VpcEndpoint): ApiDocument {
  const dnsEntries = [{ DnsName: endpoint.dnsName }, ...(endpoint.privateDnsEnabled ? [{ DnsName: `*.execute-api.${world.region}.amazonaws.com` }] : [])];
  return {
    VpcEndpointId: endpoint.vpcEndpointId, VpcEndpointType: endpoint.vpcEndpointType, VpcId: endpoint.vpcId, ServiceName: endpoint.serviceName,
    State: 'available', PrivateDnsEnabled: endpoint.privateDnsEnabled, DnsEntries: dnsEntries, CreationTimestamp: new Date(endpoint.creationTimeMs).toISOString(),
  };
}

function createCommand(world: World, request: ApiDocument) {
  const privateDns = request['PrivateDnsEnabled'];
  const created = createVpcEndpoint(world, {
    vpcId: String(request['VpcId'] ?? ''), serviceName: String(request['ServiceName'] ?? ''),
    ...(typeof privateDns === 'boolean' ? { privateDnsEnabled: privateDns } : {}),
  });
  return created.ok ? ok({ VpcEndpoint: describeEndpoint(world, created.value) }) : created;
}

export const EC2_OPERATIONS: readonly OperationSpec[] = [
  {
    service: 'ec2', command: 'create-vpc-endpoint', operation: 'CreateVpcEndpoint',
    summary: 'Creates an interface VPC endpoint for API Gateway (execute-api): requests sent with `sim http --from-vpce ID` come through it (APIGW-02).',
    params: [
      { flag: '--vpc-id', member: 'VpcId', type: 'string', required: true, description: 'The VPC, e.g. vpc-0a1b2c3d4e5f60718 (any well-formed id; the simulator keeps no VPC list).' },
      { flag: '--service-name', member: 'ServiceName', type: 'string', required: true, description: 'com.amazonaws.REGION.execute-api (the only endpoint service simulated).' },
      { flag: '--vpc-endpoint-type', member: 'VpcEndpointType', type: 'string', required: false, description: 'Interface (the type API Gateway uses).', choices: ['Interface'] },
      { flag: '--private-dns-enabled', member: 'PrivateDnsEnabled', type: 'boolean', required: false, description: 'Whether *.execute-api.REGION.amazonaws.com resolves to the endpoint inside the VPC (default true).' },
    ],
    run: createCommand,
  },
  {
    service: 'ec2', command: 'describe-vpc-endpoints', operation: 'DescribeVpcEndpoints', summary: 'Lists the VPC endpoints with their DNS names.',
    params: [],
    run: (world) => ok({ VpcEndpoints: listVpcEndpoints(world).map((endpoint) => describeEndpoint(world, endpoint)) }),
  },
];
