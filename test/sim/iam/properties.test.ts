// Proves invariants of evaluate() over random policies and requests (fast-check): (1) adding a Deny
// never turns a denied request into an allowed one, and a Deny that matches turns any decision into
// ExplicitDeny (IAM-01, IAM-02); (2) the order of statements and of policies never changes the
// decision or the deciding statements; (3) a permissions boundary or session policy never widens
// access (IAM-04); (4) an action listed in a NotAction Allow is never allowed by that statement.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/sim/iam/evaluate.js';
import type { Decision, EvaluationRequest, PolicySet } from '../../../src/sim/iam/policy.js';
import { ACCOUNT, OTHER_ACCOUNT, ORDERS_TABLE, policy, sessionPrincipal, userPrincipal, type StatementLiteral } from './fixtures.js';

const ACTIONS = ['s3:GetObject', 's3:PutObject', 'dynamodb:GetItem', 'dynamodb:Query', 'iam:CreateRole'];
const ACTION_PATTERNS = [...ACTIONS, 's3:*', 's3:Get*', 'dynamodb:?etItem', '*', 'DYNAMODB:query'];
const USERS_TABLE = ORDERS_TABLE.replace('Orders', 'Users');
const FOREIGN_TABLE = ORDERS_TABLE.replace(ACCOUNT, OTHER_ACCOUNT);
const RESOURCES = [ORDERS_TABLE, USERS_TABLE, FOREIGN_TABLE, 'arn:aws:s3:::photos/a.jpg'];
const RESOURCE_PATTERNS = [...RESOURCES, '*', 'arn:aws:dynamodb:*:*:table/*', 'arn:aws:s3:::photos/*', 'arn:aws:s3:::home/${aws:username}/*'];
const CONDITIONS: readonly (Record<string, unknown> | undefined)[] = [
  undefined,
  { StringEquals: { 'aws:username': 'alice' } },
  { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
  { StringEqualsIfExists: { 's3:prefix': 'home/' } },
  { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } },
];
const PRINCIPALS = ['*', { AWS: ACCOUNT }, { AWS: `arn:aws:iam::${ACCOUNT}:role/Reader` }, { AWS: OTHER_ACCOUNT }];

let sidCounter = 0;
const statementArb = (withPrincipal: boolean) =>
  fc
    .record({
      effect: fc.constantFrom('Allow', 'Deny'),
      isNotAction: fc.boolean(),
      actions: fc.subarray(ACTION_PATTERNS, { minLength: 1, maxLength: 3 }),
      isNotResource: fc.boolean(),
      resources: fc.subarray(RESOURCE_PATTERNS, { minLength: 1, maxLength: 2 }),
      condition: fc.constantFrom(...CONDITIONS),
      principal: fc.constantFrom(...PRINCIPALS),
    })
    .map((drawn): StatementLiteral => ({
      Sid: `S${sidCounter++}`,
      Effect: drawn.effect,
      [drawn.isNotAction ? 'NotAction' : 'Action']: drawn.actions,
      [drawn.isNotResource ? 'NotResource' : 'Resource']: drawn.resources,
      ...(drawn.condition === undefined ? {} : { Condition: drawn.condition }),
      ...(withPrincipal ? { Principal: drawn.principal } : {}),
    }));

const statementsArb = (withPrincipal = false) => fc.array(statementArb(withPrincipal), { minLength: 1, maxLength: 4 });

const policySetArb = fc.record({
  identity: fc.array(statementsArb(), { maxLength: 3 }),
  resource: fc.option(statementsArb(true), { nil: undefined }),
});
const restrictionArb = fc.record({
  boundary: fc.option(statementsArb(), { nil: undefined }),
  session: fc.option(statementsArb(), { nil: undefined }),
});

type Literals = { identity: StatementLiteral[][]; resource?: StatementLiteral[] | undefined };

function toPolicySet(literals: Literals, restrictions: { boundary?: StatementLiteral[] | undefined; session?: StatementLiteral[] | undefined } = {}): PolicySet {
  return {
    identity: literals.identity.map((statements, index) => policy(`Identity${index}`, statements)),
    ...(literals.resource === undefined ? {} : { resource: policy('Resource', literals.resource, 'resource') }),
    ...(restrictions.boundary === undefined ? {} : { permissionsBoundary: policy('Boundary', restrictions.boundary) }),
    ...(restrictions.session === undefined ? {} : { session: [policy('Session', restrictions.session)] }),
  };
}

const requestArb: fc.Arbitrary<EvaluationRequest> = fc.record({
  principal: fc.constantFrom(sessionPrincipal('Reader'), sessionPrincipal('Writer'), userPrincipal('alice'), userPrincipal('bob', OTHER_ACCOUNT)),
  action: fc.constantFrom(...ACTIONS, 'S3:GETOBJECT'),
  resource: fc.constantFrom(...RESOURCES, 'arn:aws:s3:::home/alice/x'),
  context: fc.record(
    { 'aws:SourceIp': fc.constantFrom('10.1.2.3', '203.0.113.9'), 's3:prefix': fc.constantFrom('home/', 'tmp/'), 'aws:TagKeys': fc.subarray(['team', 'env'], { minLength: 1 }) },
    { requiredKeys: [] },
  ),
});

/** Statements by kind and Sid (every generated statement has its own Sid; policy names follow list positions). */
const decidingKeys = (decision: Decision) => decision.decidingStatements.map((statement) => `${statement.policyKind}/${statement.sid ?? ''}`).sort();

function permute<T>(list: readonly T[], keys: readonly number[]): T[] {
  return list.map((item, index) => ({ item, key: keys[index % Math.max(keys.length, 1)] ?? 0, index })).sort((a, b) => a.key - b.key || a.index - b.index).map(({ item }) => item);
}

const RUNS = { numRuns: 300 };

describe('evaluate properties', () => {
  it('(1) adding a Deny anywhere never turns a denied request into an allowed one', () => {
    fc.assert(
      fc.property(requestArb, policySetArb, statementsArb(true), fc.nat(3), (decisionRequest, literals, extra, where) => {
        const before = evaluate(decisionRequest, toPolicySet(literals)).effect;
        const denies = extra.map((statement) => ({ ...statement, Effect: 'Deny' }));
        const after = evaluate(decisionRequest, withAddedStatements(literals, denies, where)).effect;
        if (before !== 'Allow') expect(after).not.toBe('Allow');
      }),
      RUNS,
    );
  });

  it('(1) a Deny that matches the request turns every decision into ExplicitDeny', () => {
    fc.assert(
      fc.property(requestArb, policySetArb, fc.nat(3), (decisionRequest, literals, where) => {
        const matchingDeny = { Sid: 'AddedDeny', Effect: 'Deny', Action: decisionRequest.action, Resource: decisionRequest.resource, Principal: '*' };
        const decision = evaluate(decisionRequest, withAddedStatements(literals, [matchingDeny], where));
        expect(decision.effect).toBe('ExplicitDeny');
        expect(decision.decidingStatements.map((statement) => statement.sid)).toContain('AddedDeny');
      }),
      RUNS,
    );
  });

  it('(2) the order of statements and of policies never changes the decision', () => {
    fc.assert(
      fc.property(requestArb, policySetArb, restrictionArb, fc.array(fc.integer(), { minLength: 1, maxLength: 8 }), (decisionRequest, literals, restrictions, keys) => {
        const shuffled: Literals = {
          identity: permute(literals.identity.map((statements) => permute(statements, keys)), [...keys].reverse()),
          resource: literals.resource === undefined ? undefined : permute(literals.resource, keys),
        };
        const shuffledRestrictions = { boundary: restrictions.boundary && permute(restrictions.boundary, keys), session: restrictions.session && permute(restrictions.session, keys) };
        const original = evaluate(decisionRequest, toPolicySet(literals, restrictions));
        const reordered = evaluate(decisionRequest, toPolicySet(shuffled, shuffledRestrictions));
        expect(reordered.effect).toBe(original.effect);
        expect(decidingKeys(reordered)).toEqual(decidingKeys(original));
      }),
      RUNS,
    );
  });

  it('(3) a permissions boundary or session policy never widens access', () => {
    fc.assert(
      fc.property(requestArb, policySetArb, restrictionArb, (decisionRequest, literals, restrictions) => {
        const without = evaluate(decisionRequest, toPolicySet(literals)).effect;
        const withRestrictions = evaluate(decisionRequest, toPolicySet(literals, restrictions)).effect;
        if (withRestrictions === 'Allow') expect(without).toBe('Allow');
        if (without === 'ExplicitDeny') expect(withRestrictions).toBe('ExplicitDeny');
      }),
      RUNS,
    );
  });

  it('(4) an action listed in a NotAction Allow is never allowed by that statement', () => {
    fc.assert(
      fc.property(requestArb, policySetArb, fc.subarray(ACTION_PATTERNS, { maxLength: 3 }), (decisionRequest, literals, others) => {
        const notAction = { Sid: 'NotActionUnderTest', Effect: 'Allow', NotAction: [decisionRequest.action, ...others], Resource: '*' };
        const decision = evaluate(decisionRequest, toPolicySet({ ...literals, identity: [...literals.identity, [notAction]] }));
        expect(decision.decidingStatements.map((statement) => statement.sid)).not.toContain('NotActionUnderTest');
      }),
      RUNS,
    );
  });
});

/** Adds statements to the first identity policy, a new identity policy, the resource policy, or a boundary. */
function withAddedStatements(literals: Literals, statements: readonly StatementLiteral[], where: number): PolicySet {
  const withoutPrincipal = statements.map(({ Principal: _principal, ...statement }) => statement);
  const [first = [], ...rest] = literals.identity;
  switch (where) {
    case 0:
      return toPolicySet({ ...literals, identity: [[...first, ...withoutPrincipal], ...rest] });
    case 1:
      return toPolicySet({ ...literals, identity: [...literals.identity, withoutPrincipal] });
    case 2:
      return toPolicySet({ ...literals, resource: [...(literals.resource ?? []), ...statements] });
    default:
      return toPolicySet(literals, { boundary: withoutPrincipal });
  }
}
