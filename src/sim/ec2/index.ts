// The public surface of the EC2 corner the simulator has: interface VPC endpoints for execute-api.
export { EC2_OPERATIONS } from './commands.js';
export { EC2_SLOT, createVpcEndpoint, executeApiServiceName, findVpcEndpoint, listVpcEndpoints, type CreateVpcEndpointInput, type VpcEndpoint } from './vpc-endpoints.js';
