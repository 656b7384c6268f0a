// Interface VPC endpoints, only as far as API Gateway needs them: an endpoint for `execute-api` in a
// VPC is where a caller inside that VPC sends its requests for private APIs (APIGW-02). There is no
// VPC registry: any well-formed `vpc-...` id is accepted, and the endpoint is `available` at once.
import { awsError, fail, ok, type Result } from '../result.js';
import type { World } from '../world.js';

export interface VpcEndpoint {
  readonly vpcEndpointId: string;
  readonly vpcId: string;
  readonly serviceName: string;
  readonly vpcEndpointType: 'Interface';
  readonly privateDnsEnabled: boolean;
  /** The endpoint-specific DNS name, `vpce-...-xxxxxxxx.execute-api.REGION.vpce.amazonaws.com`. */
  readonly dnsName: string;
  readonly creationTimeMs: number;
}

interface Ec2State {
  vpcEndpoints: Record<string, VpcEndpoint>;
}

export const EC2_SLOT = 'ec2';

function ec2State(world: World): Ec2State {
  return world.service<Ec2State>(EC2_SLOT, () => ({ vpcEndpoints: {} }));
}

function hex(world: World, length: number): string {
  const stream = world.rng.stream('ec2.ids');
  let text = '';
  for (let i = 0; i < length; i++) text += '0123456789abcdef'[stream.nextInt(16)];
  return text;
}

/** The only endpoint service the simulator knows: API Gateway's `com.amazonaws.REGION.execute-api`. */
export function executeApiServiceName(world: World): string {
  return `com.amazonaws.${world.region}.execute-api`;
}

export interface CreateVpcEndpointInput {
  readonly vpcId: string;
  readonly serviceName: string;
  readonly privateDnsEnabled?: boolean;
}

export function createVpcEndpoint(world: World, input: CreateVpcEndpointInput): Result<VpcEndpoint> {
  if (!/^vpc-[0-9a-f]{8}([0-9a-f]{9})?$/.test(input.vpcId)) return fail(awsError('InvalidVpcId.Malformed', 400, `Invalid id: "${input.vpcId}"`));
  if (input.serviceName !== executeApiServiceName(world)) {
    return fail(awsError('InvalidServiceName', 400, `The Vpc Endpoint Service '${input.serviceName}' does not exist (the simulator has ${executeApiServiceName(world)} only)`));
  }
  const vpcEndpointId = `vpce-${hex(world, 17)}`;
  const endpoint: VpcEndpoint = {
    vpcEndpointId, vpcId: input.vpcId, serviceName: input.serviceName, vpcEndpointType: 'Interface',
    // Interface endpoints for AWS services turn private DNS on unless told otherwise.
    privateDnsEnabled: input.privateDnsEnabled ?? true,
    dnsName: `${vpcEndpointId}-${hex(world, 8)}.execute-api.${world.region}.vpce.amazonaws.com`, creationTimeMs: world.nowMs,
  };
  ec2State(world).vpcEndpoints[vpcEndpointId] = endpoint;
  return ok(endpoint);
}

export function findVpcEndpoint(world: World, vpcEndpointId: string): Result<VpcEndpoint> {
  const endpoint = ec2State(world).vpcEndpoints[vpcEndpointId];
  return endpoint === undefined ? fail(awsError('InvalidVpcEndpointId.NotFound', 400, `The Vpc Endpoint Id '${vpcEndpointId}' does not exist`)) : ok(endpoint);
}

export function listVpcEndpoints(world: World): readonly VpcEndpoint[] {
  return Object.values(ec2State(world).vpcEndpoints).sort((a, b) => a.creationTimeMs - b.creationTimeMs || a.vpcEndpointId.localeCompare(b.vpcEndpointId));
}
