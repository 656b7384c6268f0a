// The learner-facing sentence behind a Decision: which statement decided, or which rule kept the
// request out. Plain words, one or two sentences; the UI shows it under the decision.
import type { DecidingStatement, DecisionEffect, EvaluationRequest, PolicyKind, PolicySet } from './policy.js';

/** Why nothing let an implicitly denied request through. */
export type DenyGate = 'nothing-allows' | 'cross-account-identity' | 'cross-account-resource' | 'boundary' | 'session';

export interface ExplanationInput {
  readonly effect: DecisionEffect;
  readonly decidingStatements: readonly DecidingStatement[];
  readonly request: EvaluationRequest;
  readonly policySet: PolicySet;
  readonly gate: DenyGate | null;
  readonly resourceAccountId: string;
}

const KIND_LABELS: Readonly<Record<PolicyKind, string>> = {
  identity: 'identity policy',
  resource: 'resource policy',
  'permissions-boundary': 'permissions boundary',
  session: 'session policy',
};

export function describeStatement(statement: DecidingStatement): string {
  const sid = statement.sid === undefined ? '' : ` ("${statement.sid}")`;
  return `Statement[${statement.statementIndex}]${sid} of the ${KIND_LABELS[statement.policyKind]} "${statement.policyName}"`;
}

/** Names up to two statements and counts the rest, so the sentence stays short. */
function listStatements(statements: readonly DecidingStatement[]): string {
  const named = statements.slice(0, 2).map(describeStatement).join(' and ');
  const rest = statements.length - 2;
  return rest > 0 ? `${named} (and ${rest} more)` : named;
}

function verb(statements: readonly DecidingStatement[], singular: string, plural: string): string {
  return statements.length === 1 ? singular : plural;
}

export function explainDecision(input: ExplanationInput): string {
  const { request } = input;
  const what = `${request.action} on ${request.resource}`;
  switch (input.effect) {
    case 'ExplicitDeny':
      return `Explicitly denied: ${listStatements(input.decidingStatements)} ${verb(input.decidingStatements, 'denies', 'deny')} ${what}. A matching Deny beats every Allow, wherever it is.`;
    case 'Allow':
      return `Allowed: ${listStatements(input.decidingStatements)} ${verb(input.decidingStatements, 'allows', 'allow')} ${what}, and no statement denies it.`;
    case 'ImplicitDeny':
      return explainImplicitDeny(input, what);
    default: {
      const unknown: never = input.effect;
      return String(unknown);
    }
  }
}

function explainImplicitDeny(input: ExplanationInput, what: string): string {
  const { policySet, request } = input;
  const accounts = `the caller is in account ${request.principal.accountId} and the resource in account ${input.resourceAccountId}`;
  switch (input.gate) {
    case 'cross-account-identity':
      return `Implicitly denied: ${accounts}, so the caller's identity policies and the resource policy must both allow ${what}. The resource policy does, but no identity policy does.`;
    case 'cross-account-resource': {
      const resourceSide = policySet.resource === undefined ? 'there is no resource policy' : 'the resource policy does not';
      return `Implicitly denied: ${accounts}, so the caller's identity policies and the resource policy must both allow ${what}. An identity policy does, but ${resourceSide}.`;
    }
    case 'boundary':
      return `Implicitly denied: a policy allows ${what}, but the permissions boundary "${policySet.permissionsBoundary?.name ?? ''}" does not, and a boundary can only narrow what is allowed.`;
    case 'session': {
      const names = (policySet.session ?? []).map((policy) => `"${policy.name}"`).join(', ');
      return `Implicitly denied: a policy allows ${what}, but the session policy ${names} does not, and session policies can only narrow what the role allows.`;
    }
    default:
      return `Implicitly denied: no statement allows ${what}, and whatever is not allowed is denied by default.`;
  }
}
