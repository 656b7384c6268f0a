// The public surface of IAM in the simulator: policy parsing and evaluation (pure), the role model
// in the world slot `iam`, the sandbox rows, and helpers later services build on.
export { IAM_OPERATIONS } from './commands.js';
export { CONDITION_OPERATORS } from './conditions.js';
export { buildRequestContext, evaluate, matchStatements, resourceAccountOf, type MatchedStatement } from './evaluate.js';
export { describeStatement } from './explain.js';
export { MANAGED_POLICIES, findManagedPolicy, type ManagedPolicy } from './managed-policies.js';
export { roleArnOfSession } from './match.js';
export { IAM_SLOT, findRole, iamState, roleNameFromArn, type IamState, type RoleState } from './model.js';
export {
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
export { malformedPolicyDocument, parsePolicyDocument, type PolicyProblem } from './parse-policy.js';
export type * from './policy.js';
export {
  evaluateTrust,
  identityPoliciesOfRole,
  policiesOfRole,
  resolveRole,
  rolePolicySet,
  rolePrincipal,
  toPolicySet,
  type AssumeRoleCheck,
  type PolicySourceType,
  type SourcedPolicy,
} from './role-policies.js';
export { simulateCustomPolicy, simulateForSandbox, simulatePrincipalPolicy, type SandboxSimulation } from './simulate.js';
