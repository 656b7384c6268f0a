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
import type { ContextValue, Decision, DocumentKind, NamedPolicy, PolicyKind, PolicySet, RequestPrincipal } from './policy.js';

/** Where a policy came from, in the words of the IAM simulator's `SourcePolicyType`. */
export type PolicySourceType = 'role' | 'aws-managed' | 'resource' | 'none';

export interface SourcedPolicy extends NamedPolicy {
  readonly sourceType: PolicySourceType;
  /** Its place in the evaluation. */
  readonly kind: PolicyKind;
}

/** Stored policies were validated when they were put, so a parse failure here is a bug. */
export function parseStored(name: string, data: unknown, documentKind: DocumentKind, sourceType: PolicySourceType, kind: PolicyKind = 'identity'): SourcedPolicy {
  const parsed = parsePolicyDocument(data, documentKind);
  invariant(parsed.ok, `stored policy ${name} no longer parses`);
  return { name, document: parsed.value, sourceType, kind };
}

function parseManaged(arn: string, kind: PolicyKind): SourcedPolicy {
  const managed = findManagedPolicy(arn);
  invariant(managed !== undefined, `policy ${arn} is not in the catalogue`);
  return parseStored(managed.policyName, managed.document, 'identity', 'aws-managed', kind);
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
  return [...inline, ...role.attachedPolicyArns.map((arn) => parseManaged(arn, 'identity'))];
}

/** The identity policies of a role and its permissions boundary, if it has one. */
export function policiesOfRole(role: RoleState): SourcedPolicy[] {
  const boundaryArn = role.permissionsBoundaryArn;
  return [...identityPoliciesOfRole(role), ...(boundaryArn === undefined ? [] : [parseManaged(boundaryArn, 'permissions-boundary')])];
}

/** Groups policies by their place: identity and session policies are unions, one resource policy and one boundary. */
export function toPolicySet(policies: readonly SourcedPolicy[]): PolicySet {
  const ofKind = (kind: PolicyKind) => policies.filter((policy) => policy.kind === kind);
  const [resource] = ofKind('resource');
  const [boundary] = ofKind('permissions-boundary');
  const session = ofKind('session');
  return {
    identity: ofKind('identity'),
    ...(resource === undefined ? {} : { resource }),
    ...(boundary === undefined ? {} : { permissionsBoundary: boundary }),
    ...(session.length === 0 ? {} : { session }),
  };
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
  const trust = parseStored('trust policy', role.value.assumeRolePolicyDocument, 'trust', 'resource', 'resource');
  const request = { principal: check.principal, action: check.action, resource: role.value.arn, ...(check.context === undefined ? {} : { context: check.context }) };
  return ok(evaluate(request, { resource: trust }));
}

/** The policy set of a request made with the role's credentials (with its boundary), plus an optional resource policy and session policies. */
export function rolePolicySet(role: RoleState, extra: { readonly resource?: NamedPolicy; readonly session?: readonly NamedPolicy[] } = {}): PolicySet {
  return { ...toPolicySet(policiesOfRole(role)), ...extra };
}
