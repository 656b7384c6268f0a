// Roles as policy sources for the evaluation: the identity policies of a role (inline + attached
// managed), the principal of a role session, and the trust check behind AssumeRole*. These are the
// functions later services call (Cognito identity pools check trust with
// `sts:AssumeRoleWithWebIdentity`, API Gateway IAM auth evaluates `execute-api:Invoke` as a role).
import { fail, invariant, ok, type Result } from '../result.js';
import type { World } from '../world.js';
import { noSuchRole } from './errors.js';
import { evaluate } from './evaluate.js';
import { findManagedPolicy } from './managed-policies.js';
import { roleArnOfSession } from './match.js';
import { findRole, roleNameFromArn, type RoleState } from './model.js';
import { parsePolicyDocument } from './parse-policy.js';
import type { ContextValue, Decision, DocumentKind, NamedPolicy, PolicySet, RequestPrincipal } from './policy.js';

/** Where a policy came from, in the words of the IAM simulator's `SourcePolicyType`. */
export type PolicySourceType = 'role' | 'aws-managed' | 'resource' | 'none';

export interface SourcedPolicy extends NamedPolicy {
  readonly sourceType: PolicySourceType;
}

/** Stored policies were validated when they were put, so a parse failure here is a bug. */
export function parseStored(name: string, data: unknown, kind: DocumentKind, sourceType: PolicySourceType): SourcedPolicy {
  const parsed = parsePolicyDocument(data, kind);
  invariant(parsed.ok, `stored policy ${name} no longer parses`);
  return { name, document: parsed.value, sourceType };
}

/** A role by name, role ARN or assumed-role session ARN. */
export function resolveRole(world: World, nameOrArn: string): Result<RoleState> {
  const roleName = nameOrArn.startsWith('arn:') ? roleNameFromArn(roleArnOfSession(nameOrArn) ?? nameOrArn) : nameOrArn;
  const role = roleName === undefined ? undefined : findRole(world, roleName);
  return role === undefined ? fail(noSuchRole(roleName ?? nameOrArn)) : ok(role);
}

/** The inline policies (by name) and attached managed policies (by managed name) of a role. */
export function identityPoliciesOfRole(role: RoleState): SourcedPolicy[] {
  const inline = Object.entries(role.inlinePolicies).map(([name, data]) => parseStored(name, data, 'identity', 'role'));
  const attached = role.attachedPolicyArns.map((arn) => {
    const managed = findManagedPolicy(arn);
    invariant(managed !== undefined, `attached policy ${arn} is not in the catalogue`);
    return parseStored(managed.policyName, managed.document, 'identity', 'aws-managed');
  });
  return [...inline, ...attached];
}

/** A caller acting with the role's credentials: an assumed-role session (`.../assumed-role/Name/session`). */
export function rolePrincipal(role: RoleState, sessionName = 'trainer-session'): RequestPrincipal {
  const accountId = role.arn.split(':')[4] ?? '';
  return { arn: `arn:aws:sts::${accountId}:assumed-role/${role.roleName}/${sessionName}`, accountId, type: 'AssumedRole' };
}

export interface AssumeRoleCheck {
  /** Who asks: e.g. `{type: 'WebIdentity', arn: 'cognito-identity.amazonaws.com', accountId: ''}`. */
  readonly principal: RequestPrincipal;
  /** `sts:AssumeRole`, `sts:AssumeRoleWithWebIdentity` ... */
  readonly action: string;
  readonly context?: Readonly<Record<string, ContextValue>>;
}

/** Whether the role's trust policy lets `principal` assume it: the trust policy acts as the role's resource policy. */
export function evaluateTrust(world: World, roleNameOrArn: string, check: AssumeRoleCheck): Result<Decision> {
  const role = resolveRole(world, roleNameOrArn);
  if (!role.ok) return role;
  const trust = parseStored('trust policy', role.value.assumeRolePolicyDocument, 'trust', 'resource');
  const request = { principal: check.principal, action: check.action, resource: role.value.arn, ...(check.context === undefined ? {} : { context: check.context }) };
  return ok(evaluate(request, { resource: trust }));
}

/** The policy set of a request made with the role's credentials, plus an optional resource policy and session policies. */
export function rolePolicySet(role: RoleState, extra: { readonly resource?: NamedPolicy; readonly session?: readonly NamedPolicy[] } = {}): PolicySet {
  return { identity: identityPoliciesOfRole(role), ...extra };
}
