// The pure IAM decision: evaluate(request, policySet) → Decision. The order of checks follows
// aws-facts.md §5: an explicit Deny in any policy wins (IAM-01, IAM-02); otherwise something must
// allow: identity OR resource policy in the same account, identity AND resource policy across
// accounts (IAM-03); a permissions boundary and session policies, when present, must also allow, so
// they only ever narrow access (IAM-04). Lambda-authorizer policies are passed as identity policies
// (IAM-05). Nothing here reads the world: callers build the request and the policy set.
import { evaluateConditions } from './conditions.js';
import { explainDecision, type DenyGate } from './explain.js';
import { matchesActionElement, matchesPrincipalElement, matchesResourceElement, toRequestContext, type RequestContext } from './match.js';
import type {
  DecidingStatement,
  Decision,
  Effect,
  EvaluationRequest,
  NamedPolicy,
  PolicyKind,
  PolicySet,
  PolicyStatement,
  RequestPrincipal,
} from './policy.js';

export interface MatchedStatement extends DecidingStatement {
  readonly effect: Effect;
}

const KIND_ORDER: readonly PolicyKind[] = ['identity', 'resource', 'permissions-boundary', 'session'];

/** Principals that have no identity policies of their own: only a resource policy can let them in. */
function hasIdentityPolicies(principal: RequestPrincipal): boolean {
  return principal.type !== 'Service' && principal.type !== 'WebIdentity' && principal.type !== 'Anonymous';
}

/** The resource's account: from the ARN when it names one (S3 bucket ARNs do not), else as given. */
export function resourceAccountOf(request: EvaluationRequest): string {
  if (request.resourceAccountId !== undefined) return request.resourceAccountId;
  const account = request.resource.split(':')[4];
  return account !== undefined && /^\d{12}$/.test(account) ? account : request.principal.accountId;
}

/** Keys every request carries, derived from the principal unless the caller set them. */
export function buildRequestContext(request: EvaluationRequest): RequestContext {
  const context = toRequestContext(request.context ?? {});
  const { principal } = request;
  const derived: Record<string, string> = { 'aws:principalarn': principal.arn, 'aws:principalaccount': principal.accountId, 'aws:principaltype': principal.type };
  if (principal.type === 'User') derived['aws:username'] = principal.arn.split('/').pop() ?? '';
  for (const [key, value] of Object.entries(derived)) if (!context.has(key) && value !== '') context.set(key, [value]);
  return context;
}

function statementApplies(statement: PolicyStatement, kind: PolicyKind, policy: NamedPolicy, request: EvaluationRequest, context: RequestContext): boolean {
  if (!matchesActionElement(statement.action, request.action)) return false;
  if (statement.resource !== undefined) {
    const resourceMatches = matchesResourceElement(statement.resource, request.resource, policy.document.version, context);
    if (resourceMatches !== true) return false; // undefined: a variable had no value, so the statement does not apply
  }
  if (kind === 'resource' && statement.principal !== undefined && !matchesPrincipalElement(statement.principal, request.principal)) return false;
  return evaluateConditions(statement.conditions, policy.document.version, context) === true;
}

/** The statements of one policy that apply to the request, with their place in the policy. */
export function matchStatements(policy: NamedPolicy, kind: PolicyKind, request: EvaluationRequest, context: RequestContext = buildRequestContext(request)): MatchedStatement[] {
  const matched: MatchedStatement[] = [];
  policy.document.statements.forEach((statement, statementIndex) => {
    if (!statementApplies(statement, kind, policy, request, context)) return;
    matched.push({ policyName: policy.name, policyKind: kind, statementIndex, effect: statement.effect, ...(statement.sid === undefined ? {} : { sid: statement.sid }) });
  });
  return matched;
}

function policiesByKind(policySet: PolicySet): readonly (readonly [PolicyKind, NamedPolicy])[] {
  return [
    ...(policySet.identity ?? []).map((policy) => ['identity', policy] as const),
    ...(policySet.resource === undefined ? [] : [['resource', policySet.resource] as const]),
    ...(policySet.permissionsBoundary === undefined ? [] : [['permissions-boundary', policySet.permissionsBoundary] as const]),
    ...(policySet.session ?? []).map((policy) => ['session', policy] as const),
  ];
}

/** Deciding statements in a stable order, so reordering policies or statements cannot change the text. */
function sortStatements(statements: readonly MatchedStatement[]): DecidingStatement[] {
  const sorted = [...statements].sort(
    (a, b) => KIND_ORDER.indexOf(a.policyKind) - KIND_ORDER.indexOf(b.policyKind) || a.policyName.localeCompare(b.policyName) || a.statementIndex - b.statementIndex,
  );
  return sorted.map(({ effect: _effect, ...statement }) => statement);
}

export function evaluate(request: EvaluationRequest, policySet: PolicySet): Decision {
  const context = buildRequestContext(request);
  const usesIdentity = hasIdentityPolicies(request.principal);
  const matched = policiesByKind(policySet)
    .filter(([kind]) => usesIdentity || kind === 'resource')
    .flatMap(([kind, policy]) => matchStatements(policy, kind, request, context));
  const denies = matched.filter((statement) => statement.effect === 'Deny');
  if (denies.length > 0) return decide('ExplicitDeny', sortStatements(denies), request, policySet, null);
  const allows = (kind: PolicyKind) => matched.filter((statement) => statement.effect === 'Allow' && statement.policyKind === kind);
  const gate = findDenyGate(request, policySet, usesIdentity, (kind) => allows(kind).length > 0);
  if (gate !== null) return decide('ImplicitDeny', [], request, policySet, gate);
  const deciding = usesIdentity ? matched : allows('resource');
  return decide('Allow', sortStatements(deciding), request, policySet, null);
}

/** The first rule that keeps the request out, or null when every rule lets it through. */
function findDenyGate(request: EvaluationRequest, policySet: PolicySet, usesIdentity: boolean, isAllowedBy: (kind: PolicyKind) => boolean): DenyGate | null {
  const byIdentity = usesIdentity && isAllowedBy('identity');
  const byResource = isAllowedBy('resource');
  if (!byIdentity && !byResource) return 'nothing-allows';
  if (!usesIdentity) return null;
  const isCrossAccount = resourceAccountOf(request) !== request.principal.accountId;
  if (isCrossAccount && !byIdentity) return 'cross-account-identity';
  if (isCrossAccount && !byResource) return 'cross-account-resource';
  if (policySet.permissionsBoundary !== undefined && !isAllowedBy('permissions-boundary')) return 'boundary';
  if ((policySet.session ?? []).length > 0 && !isAllowedBy('session')) return 'session';
  return null;
}

function decide(effect: Decision['effect'], decidingStatements: DecidingStatement[], request: EvaluationRequest, policySet: PolicySet, gate: DenyGate | null): Decision {
  return { effect, decidingStatements, explanation: explainDecision({ effect, decidingStatements, request, policySet, gate, resourceAccountId: resourceAccountOf(request) }) };
}
