// The `aws iam ...` rows of the sandbox language: flags, the API members they fill, and the
// operation each runs. Policy documents travel as JSON text (type `string`), as the real CLI sends
// them, so a JSON syntax error reaches IAM and comes back as MalformedPolicyDocument.
import type { OperationSpec, ParamSpec } from '../cli/operation-spec.js';
import {
  attachRolePolicy,
  createRole,
  getRole,
  getRolePolicy,
  listAttachedRolePolicies,
  listRolePolicies,
  listRoles,
  putRolePermissionsBoundary,
  putRolePolicy,
} from './operations.js';
import { simulateCustomPolicy, simulatePrincipalPolicy } from './simulate.js';

const roleName: ParamSpec = { flag: '--role-name', member: 'RoleName', type: 'string', required: true, description: 'The name of the role.' };
const policyName: ParamSpec = { flag: '--policy-name', member: 'PolicyName', type: 'string', required: true, description: 'The name of the inline policy.' };

const boundaryDescription = 'The ARN of a managed policy that caps what the role can be allowed.';

const simulationParams: readonly ParamSpec[] = [
  { flag: '--action-names', member: 'ActionNames', type: 'string-list', required: true, description: 'The actions to test, such as dynamodb:GetItem.' },
  { flag: '--resource-arns', member: 'ResourceArns', type: 'string-list', required: false, description: 'The resource ARNs to test each action on (default "*").' },
  {
    flag: '--context-entries',
    member: 'ContextEntries',
    type: 'json',
    required: false,
    description: 'Condition keys for the request: a list of {ContextKeyName, ContextKeyValues, ContextKeyType}.',
  },
  { flag: '--resource-policy', member: 'ResourcePolicy', type: 'string', required: false, description: 'A resource-based policy (JSON) to evaluate with the others.' },
  { flag: '--caller-arn', member: 'CallerArn', type: 'string', required: false, description: 'The ARN of the caller, for resource policies that name principals.' },
];

export const IAM_OPERATIONS: readonly OperationSpec[] = [
  {
    service: 'iam',
    command: 'create-role',
    operation: 'CreateRole',
    summary: 'Creates a role with a trust policy saying who may assume it.',
    params: [
      roleName,
      { flag: '--assume-role-policy-document', member: 'AssumeRolePolicyDocument', type: 'string', required: true, description: 'The trust policy (JSON).' },
      { flag: '--description', member: 'Description', type: 'string', required: false, description: 'A description of the role.' },
      { flag: '--path', member: 'Path', type: 'string', required: false, description: 'The path of the role (default "/").' },
      { flag: '--max-session-duration', member: 'MaxSessionDuration', type: 'integer', required: false, description: 'Longest session in seconds, 3600 to 43200.' },
      { flag: '--permissions-boundary', member: 'PermissionsBoundary', type: 'string', required: false, description: boundaryDescription },
    ],
    run: createRole,
  },
  { service: 'iam', command: 'get-role', operation: 'GetRole', summary: 'Shows a role and its trust policy.', params: [roleName], run: getRole },
  { service: 'iam', command: 'list-roles', operation: 'ListRoles', summary: 'Lists the roles of the account.', params: [], run: listRoles },
  {
    service: 'iam',
    command: 'put-role-policy',
    operation: 'PutRolePolicy',
    summary: 'Adds or replaces an inline policy of a role.',
    params: [roleName, policyName, { flag: '--policy-document', member: 'PolicyDocument', type: 'string', required: true, description: 'The policy (JSON).' }],
    run: putRolePolicy,
  },
  { service: 'iam', command: 'get-role-policy', operation: 'GetRolePolicy', summary: 'Shows an inline policy of a role.', params: [roleName, policyName], run: getRolePolicy },
  {
    service: 'iam',
    command: 'attach-role-policy',
    operation: 'AttachRolePolicy',
    summary: 'Attaches an AWS managed policy to a role.',
    params: [roleName, { flag: '--policy-arn', member: 'PolicyArn', type: 'string', required: true, description: 'The managed policy ARN, e.g. arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess.' }],
    run: attachRolePolicy,
  },
  {
    service: 'iam',
    command: 'put-role-permissions-boundary',
    operation: 'PutRolePermissionsBoundary',
    summary: 'Sets the permissions boundary of a role.',
    params: [roleName, { flag: '--permissions-boundary', member: 'PermissionsBoundary', type: 'string', required: true, description: boundaryDescription }],
    run: putRolePermissionsBoundary,
  },
  { service: 'iam', command: 'list-role-policies', operation: 'ListRolePolicies', summary: 'Lists the inline policy names of a role.', params: [roleName], run: listRolePolicies },
  {
    service: 'iam',
    command: 'list-attached-role-policies',
    operation: 'ListAttachedRolePolicies',
    summary: 'Lists the managed policies attached to a role.',
    params: [roleName],
    run: listAttachedRolePolicies,
  },
  {
    service: 'iam',
    command: 'simulate-custom-policy',
    operation: 'SimulateCustomPolicy',
    summary: 'Tests policies given on the command line against actions and resources.',
    params: [
      { flag: '--policy-input-list', member: 'PolicyInputList', type: 'string-list', required: true, description: 'One or more identity policies (JSON).' },
      ...simulationParams,
    ],
    run: simulateCustomPolicy,
  },
  {
    service: 'iam',
    command: 'simulate-principal-policy',
    operation: 'SimulatePrincipalPolicy',
    summary: "Tests a role's policies against actions and resources.",
    params: [
      { flag: '--policy-source-arn', member: 'PolicySourceArn', type: 'string', required: true, description: 'The ARN of the role whose policies are tested.' },
      { flag: '--policy-input-list', member: 'PolicyInputList', type: 'string-list', required: false, description: 'Extra policies (JSON) to add to the simulation.' },
      ...simulationParams.filter((param) => param.flag !== '--caller-arn'),
    ],
    run: simulatePrincipalPolicy,
  },
];
