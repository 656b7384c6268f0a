// Small builders shared by the IAM tests: policies from statement literals, principals and requests.
import { parsePolicyDocument } from '../../../src/sim/iam/parse-policy.js';
import type { DocumentKind, EvaluationRequest, NamedPolicy, RequestPrincipal } from '../../../src/sim/iam/policy.js';

export const ACCOUNT = '123456789012';
export const OTHER_ACCOUNT = '210987654321';
export const ORDERS_TABLE = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/Orders`;

export type StatementLiteral = Record<string, unknown>;

/** A parsed policy; fails the test (throws) if the literal is not a valid policy of that kind. */
export function policy(name: string, statements: readonly StatementLiteral[], kind: DocumentKind = 'identity', version = '2012-10-17'): NamedPolicy {
  const parsed = parsePolicyDocument({ Version: version, Statement: statements }, kind);
  if (!parsed.ok) throw new Error(`fixture policy ${name} is invalid: ${parsed.error.message}`);
  return { name, document: parsed.value };
}

export const allow = (action: string | string[], resource: string | string[] = '*', extra: StatementLiteral = {}): StatementLiteral => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
  ...extra,
});

export const deny = (action: string | string[], resource: string | string[] = '*', extra: StatementLiteral = {}): StatementLiteral => ({
  Effect: 'Deny',
  Action: action,
  Resource: resource,
  ...extra,
});

export function sessionPrincipal(roleName = 'Reader', accountId = ACCOUNT): RequestPrincipal {
  return { arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/s1`, accountId, type: 'AssumedRole' };
}

export function userPrincipal(userName = 'alice', accountId = ACCOUNT): RequestPrincipal {
  return { arn: `arn:aws:iam::${accountId}:user/${userName}`, accountId, type: 'User' };
}

export function request(action: string, resource: string = ORDERS_TABLE, extra: Partial<EvaluationRequest> = {}): EvaluationRequest {
  return { principal: sessionPrincipal(), action, resource, ...extra };
}

export const LAMBDA_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

export const READ_ORDERS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'ReadOrders', Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query'], Resource: ORDERS_TABLE }],
});
