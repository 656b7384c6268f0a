// The AWS-facing role operations: CreateRole, GetRole, ListRoles, PutRolePolicy, GetRolePolicy,
// AttachRolePolicy. Each validates its request, changes the `iam` slot in one place, records one
// trace event and answers what the AWS CLI prints (policy documents shown as JSON objects).
import type { ApiDocument } from '../cli/operation-spec.js';
import { fail, ok, type AwsError, type Result } from '../result.js';
import type { World } from '../world.js';
import { iamValidationError, limitExceeded, noSuchPolicy, noSuchRole, noSuchRolePolicy, roleAlreadyExists } from './errors.js';
import * as limits from './limits.js';
import { findManagedPolicy } from './managed-policies.js';
import { findRole, formatIamDate, iamState, type RoleState } from './model.js';
import { parsePolicyDocument } from './parse-policy.js';
import type { DocumentKind } from './policy.js';

/** Reads a request member that must be a string (the CLI table guarantees presence of required ones). */
function text(request: ApiDocument, member: string): string {
  const value = request[member];
  return typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
}

function checkName(value: string, member: string, maxLength: number): AwsError | undefined {
  if (value.length < 1 || value.length > maxLength) return iamValidationError(value, member, `Member must have length less than or equal to ${maxLength}`);
  if (!limits.NAME_PATTERN.test(value)) return iamValidationError(value, member, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
  return undefined;
}

/** Parses a policy given as JSON text or data; answers its data and its size without whitespace. */
function readPolicy(raw: unknown, kind: DocumentKind): Result<{ data: unknown; sizeChars: number }> {
  const parsed = parsePolicyDocument(raw, kind);
  if (!parsed.ok) return parsed;
  const data: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  return ok({ data, sizeChars: JSON.stringify(data).length });
}

function record<T>(world: World, operation: string, result: Result<T>, detail: Record<string, unknown>): Result<T> {
  world.record({ service: 'iam', operation, outcome: result.ok ? 'ok' : result.error.name, detail });
  return result;
}

export function roleOutput(role: RoleState): ApiDocument {
  return {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: formatIamDate(role.createDateMs),
    AssumeRolePolicyDocument: role.assumeRolePolicyDocument,
    ...(role.description === undefined ? {} : { Description: role.description }),
    MaxSessionDuration: role.maxSessionDurationSeconds,
    ...(role.permissionsBoundaryArn === undefined
      ? {}
      : { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: role.permissionsBoundaryArn } }),
  };
}

/** Role IDs look like IAM's: `AROA` and 17 characters, drawn from the world's `iam.ids` stream. */
function nextRoleId(world: World): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const stream = world.rng.stream('iam.ids');
  let id = 'AROA';
  for (let i = 0; i < 17; i++) id += alphabet[stream.nextInt(alphabet.length)];
  return id;
}

export function createRole(world: World, request: ApiDocument): Result<ApiDocument> {
  const roleName = text(request, 'RoleName');
  return record(world, 'CreateRole', planCreateRole(world, request, roleName), { roleName });
}

function planCreateRole(world: World, request: ApiDocument, roleName: string): Result<ApiDocument> {
  const nameProblem = checkName(roleName, 'roleName', limits.MAX_ROLE_NAME_LENGTH);
  if (nameProblem !== undefined) return fail(nameProblem);
  if (findRole(world, roleName) !== undefined) return fail(roleAlreadyExists(roleName));
  const trust = readPolicy(request['AssumeRolePolicyDocument'], 'trust');
  if (!trust.ok) return trust;
  if (trust.value.sizeChars > limits.MAX_TRUST_POLICY_CHARS) {
    return fail(limitExceeded(`Cannot exceed quota for ACLSizePerRole: ${limits.MAX_TRUST_POLICY_CHARS}`));
  }
  const maxSession = typeof request['MaxSessionDuration'] === 'number' ? request['MaxSessionDuration'] : limits.DEFAULT_MAX_SESSION_DURATION_SECONDS;
  if (maxSession < limits.MIN_MAX_SESSION_DURATION_SECONDS || maxSession > limits.MAX_MAX_SESSION_DURATION_SECONDS) {
    return fail(iamValidationError(String(maxSession), 'maxSessionDuration', `Member must have value between ${limits.MIN_MAX_SESSION_DURATION_SECONDS} and ${limits.MAX_MAX_SESSION_DURATION_SECONDS}`));
  }
  const boundaryArn = request['PermissionsBoundary'];
  if (typeof boundaryArn === 'string' && findManagedPolicy(boundaryArn) === undefined) return fail(noSuchPolicy(boundaryArn));
  const path = typeof request['Path'] === 'string' ? request['Path'] : '/';
  const description = request['Description'];
  const role: RoleState = {
    roleName,
    roleId: nextRoleId(world),
    arn: `arn:aws:iam::${world.accountId}:role${path}${roleName}`,
    path,
    createDateMs: world.nowMs,
    ...(typeof description === 'string' ? { description } : {}),
    maxSessionDurationSeconds: maxSession,
    assumeRolePolicyDocument: trust.value.data,
    inlinePolicies: {},
    attachedPolicyArns: [],
    ...(typeof boundaryArn === 'string' ? { permissionsBoundaryArn: boundaryArn } : {}),
  };
  iamState(world).roles[roleName.toLowerCase()] = role;
  return ok({ Role: roleOutput(role) });
}

export function getRole(world: World, request: ApiDocument): Result<ApiDocument> {
  return onRole(world, 'GetRole', request, {}, (role) => ok({ Role: { ...roleOutput(role), RoleLastUsed: {} } }));
}

/** Roles in name order, as IAM lists them. */
export function listRoles(world: World, _request: ApiDocument): Result<ApiDocument> {
  const roles = Object.values(iamState(world).roles).sort((a, b) => a.roleName.localeCompare(b.roleName));
  return record(world, 'ListRoles', ok({ Roles: roles.map(roleOutput) }), { count: roles.length });
}

export function putRolePolicy(world: World, request: ApiDocument): Result<ApiDocument> {
  const roleName = text(request, 'RoleName');
  const policyName = text(request, 'PolicyName');
  return record(world, 'PutRolePolicy', planPutRolePolicy(world, request, roleName, policyName), { roleName, policyName });
}

function planPutRolePolicy(world: World, request: ApiDocument, roleName: string, policyName: string): Result<ApiDocument> {
  const nameProblem = checkName(policyName, 'policyName', limits.MAX_POLICY_NAME_LENGTH);
  if (nameProblem !== undefined) return fail(nameProblem);
  const role = findRole(world, roleName);
  if (role === undefined) return fail(noSuchRole(roleName));
  const policy = readPolicy(request['PolicyDocument'], 'identity');
  if (!policy.ok) return policy;
  const othersChars = Object.entries(role.inlinePolicies)
    .filter(([name]) => name !== policyName)
    .reduce((sum, [, data]) => sum + JSON.stringify(data).length, 0);
  if (othersChars + policy.value.sizeChars > limits.MAX_INLINE_POLICY_CHARS_PER_ROLE) {
    // Wording from memory: IAM names the quota and the role.
    return fail(limitExceeded(`Maximum policy size of ${limits.MAX_INLINE_POLICY_CHARS_PER_ROLE} bytes exceeded for role ${role.roleName}`));
  }
  role.inlinePolicies[policyName] = policy.value.data;
  return ok({});
}

/**
 * The shape of every operation on an existing role: read RoleName, answer NoSuchEntity when the role
 * is missing, otherwise run `body`, and record one trace event either way.
 */
function onRole(world: World, operation: string, request: ApiDocument, detail: Record<string, unknown>, body: (role: RoleState) => Result<ApiDocument>): Result<ApiDocument> {
  const roleName = text(request, 'RoleName');
  const role = findRole(world, roleName);
  return record(world, operation, role === undefined ? fail(noSuchRole(roleName)) : body(role), { roleName, ...detail });
}

export function getRolePolicy(world: World, request: ApiDocument): Result<ApiDocument> {
  const policyName = text(request, 'PolicyName');
  return onRole(world, 'GetRolePolicy', request, { policyName }, (role) => {
    const document = role.inlinePolicies[policyName];
    return document === undefined ? fail(noSuchRolePolicy(role.roleName, policyName)) : ok({ RoleName: role.roleName, PolicyName: policyName, PolicyDocument: document });
  });
}

export function attachRolePolicy(world: World, request: ApiDocument): Result<ApiDocument> {
  const policyArn = text(request, 'PolicyArn');
  return onRole(world, 'AttachRolePolicy', request, { policyArn }, (role) => {
    if (findManagedPolicy(policyArn) === undefined) return fail(noSuchPolicy(policyArn));
    if (role.attachedPolicyArns.includes(policyArn)) return ok({});
    if (role.attachedPolicyArns.length >= limits.MAX_MANAGED_POLICIES_PER_ROLE) {
      return fail(limitExceeded(`Cannot exceed quota for PoliciesPerRole: ${limits.MAX_MANAGED_POLICIES_PER_ROLE}`));
    }
    role.attachedPolicyArns.push(policyArn);
    return ok({});
  });
}

/** Sets the role's permissions boundary to a managed policy of the catalogue (IAM-04: it only narrows). */
export function putRolePermissionsBoundary(world: World, request: ApiDocument): Result<ApiDocument> {
  const boundaryArn = text(request, 'PermissionsBoundary');
  return onRole(world, 'PutRolePermissionsBoundary', request, { permissionsBoundary: boundaryArn }, (role) => {
    if (findManagedPolicy(boundaryArn) === undefined) return fail(noSuchPolicy(boundaryArn));
    role.permissionsBoundaryArn = boundaryArn;
    return ok({});
  });
}

/** The names of a role's inline policies, in name order. */
export function listRolePolicies(world: World, request: ApiDocument): Result<ApiDocument> {
  return onRole(world, 'ListRolePolicies', request, {}, (role) => ok({ PolicyNames: Object.keys(role.inlinePolicies).sort() }));
}

export function listAttachedRolePolicies(world: World, request: ApiDocument): Result<ApiDocument> {
  const attached = (arn: string) => ({ PolicyName: findManagedPolicy(arn)?.policyName ?? arn, PolicyArn: arn });
  return onRole(world, 'ListAttachedRolePolicies', request, {}, (role) => ok({ AttachedPolicies: role.attachedPolicyArns.map(attached) }));
}
