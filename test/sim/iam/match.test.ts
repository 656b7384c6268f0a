// Proves how statements match a request: actions without regard to case, resources with it,
// wildcards `*` and `?`, NotAction/NotResource, and policy variables (aws:username,
// aws:PrincipalTag/..., cognito-identity.amazonaws.com:sub per COG-10), including what happens when
// a variable has no value. Method: evaluate() on tiny policies, exact decisions.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/sim/iam/evaluate.js';
import { matchesGlob } from '../../../src/sim/iam/match.js';
import type { EvaluationRequest, NamedPolicy } from '../../../src/sim/iam/policy.js';
import { ORDERS_TABLE, allow, deny, policy, request, userPrincipal } from './fixtures.js';

const effectOf = (decisionRequest: EvaluationRequest, ...identity: NamedPolicy[]) => evaluate(decisionRequest, { identity }).effect;

describe('action and resource matching', () => {
  it.each([
    ['s3:GetObject', 'S3:getobject', true],
    ['dynamodb:Get*', 'dynamodb:GetItem', true],
    ['dynamodb:?etItem', 'dynamodb:GetItem', true],
    ['dynamodb:?etItem', 'dynamodb:BatchGetItem', false],
    ['*', 'iam:CreateRole', true],
    ['dynamodb:*', 'dax:GetItem', false],
  ])('action pattern %s against %s → %s (case-insensitive)', (pattern, action, isAllowed) => {
    expect(effectOf(request(action, '*'), policy('P', [allow(pattern)]))).toBe(isAllowed ? 'Allow' : 'ImplicitDeny');
  });

  it.each([
    ['arn:aws:dynamodb:us-east-1:123456789012:table/Orders', ORDERS_TABLE, true],
    ['arn:aws:dynamodb:us-east-1:123456789012:table/orders', ORDERS_TABLE, false],
    ['arn:aws:dynamodb:*:*:table/Ord?rs', ORDERS_TABLE, true],
    ['arn:aws:dynamodb:us-east-1:123456789012:table/Orders/*', ORDERS_TABLE, false],
    ['arn:aws:dynamodb:us-east-1:123456789012:table/Orders*', `${ORDERS_TABLE}/index/ByCustomer`, true],
  ])('resource pattern %s against %s → %s (case-sensitive)', (pattern, resource, isAllowed) => {
    expect(effectOf(request('dynamodb:Query', resource), policy('P', [allow('dynamodb:Query', pattern)]))).toBe(isAllowed ? 'Allow' : 'ImplicitDeny');
  });

  it('NotAction in an Allow covers everything except the list', () => {
    const allButIam = policy('AllButIam', [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]);
    expect(effectOf(request('iam:CreateRole', '*'), allButIam)).toBe('ImplicitDeny');
    expect(effectOf(request('s3:GetObject', '*'), allButIam)).toBe('Allow');
  });

  it('NotResource in a Deny denies everywhere except the listed resources', () => {
    const onlyOrders = policy('OnlyOrders', [allow('dynamodb:*'), { Effect: 'Deny', Action: 'dynamodb:*', NotResource: ORDERS_TABLE }]);
    expect(effectOf(request('dynamodb:GetItem'), onlyOrders)).toBe('Allow');
    expect(effectOf(request('dynamodb:GetItem', ORDERS_TABLE.replace('Orders', 'Users')), onlyOrders)).toBe('ExplicitDeny');
  });

  it('treats characters other than * and ? literally in patterns', () => {
    expect(matchesGlob('a.b(c)+', 'a.b(c)+')).toBe(true);
    expect(matchesGlob('a.b', 'axb')).toBe(false);
    expect(matchesGlob('line*', 'line1\nline2')).toBe(true);
  });
});

describe('policy variables', () => {
  const home = policy('Home', [allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*')]);

  it('substitutes ${aws:username} from an IAM user principal', () => {
    const alice = { principal: userPrincipal('alice') };
    expect(effectOf(request('s3:GetObject', 'arn:aws:s3:::home/alice/notes.txt', alice), home)).toBe('Allow');
    expect(effectOf(request('s3:GetObject', 'arn:aws:s3:::home/bob/notes.txt', alice), home)).toBe('ImplicitDeny');
  });

  it('COG-10: substitutes ${cognito-identity.amazonaws.com:sub} with the identity ID', () => {
    const perUser = policy('PerUser', [allow('s3:PutObject', 'arn:aws:s3:::uploads/${cognito-identity.amazonaws.com:sub}/*')]);
    const context = { 'cognito-identity.amazonaws.com:sub': 'us-east-1:1a2b3c' };
    expect(effectOf(request('s3:PutObject', 'arn:aws:s3:::uploads/us-east-1:1a2b3c/cat.jpg', { context }), perUser)).toBe('Allow');
    expect(effectOf(request('s3:PutObject', 'arn:aws:s3:::uploads/us-east-1:9z9z9z/cat.jpg', { context }), perUser)).toBe('ImplicitDeny');
  });

  it('substitutes ${aws:PrincipalTag/team} in a condition value and matches key names without case', () => {
    const sameTeam = policy('SameTeam', [allow('dynamodb:GetItem', '*', { Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } } })]);
    const context = { 'aws:principaltag/TEAM': 'blue', 'aws:ResourceTag/team': 'blue' };
    expect(effectOf(request('dynamodb:GetItem', ORDERS_TABLE, { context }), sameTeam)).toBe('Allow');
    expect(effectOf(request('dynamodb:GetItem', ORDERS_TABLE, { context: { ...context, 'aws:ResourceTag/team': 'red' } }), sameTeam)).toBe('ImplicitDeny');
  });

  it('an unresolvable variable makes the statement not apply, for Allow and for Deny alike', () => {
    const session = { principal: request('s3:GetObject').principal }; // a role session has no aws:username
    expect(effectOf(request('s3:GetObject', 'arn:aws:s3:::home/alice/x', session), home)).toBe('ImplicitDeny');
    const guarded = policy('Guarded', [allow('s3:*'), deny('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/secret')]);
    expect(effectOf(request('s3:GetObject', 'arn:aws:s3:::home/alice/secret', session), guarded)).toBe('Allow');
  });

  it('uses the default value of ${key, \'default\'} when the key is missing', () => {
    const withDefault = policy('Default', [allow('s3:GetObject', "arn:aws:s3:::home/${aws:username, 'guest'}/*")]);
    expect(effectOf(request('s3:GetObject', 'arn:aws:s3:::home/guest/readme'), withDefault)).toBe('Allow');
  });

  it('treats substituted values and ${*} literally, and ${...} as plain text in Version 2008-10-17', () => {
    const starUser = { principal: userPrincipal('a*') };
    expect(effectOf(request('s3:GetObject', 'arn:aws:s3:::home/abc/x', starUser), home)).toBe('ImplicitDeny');
    const literalStar = policy('Star', [allow('s3:GetObject', 'arn:aws:s3:::files/${*}')]);
    expect(effectOf(request('s3:GetObject', 'arn:aws:s3:::files/*'), literalStar)).toBe('Allow');
    expect(effectOf(request('s3:GetObject', 'arn:aws:s3:::files/anything'), literalStar)).toBe('ImplicitDeny');
    const oldHome = policy('OldHome', [allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/*')], 'identity', '2008-10-17');
    const alice = { principal: userPrincipal('alice') };
    expect(effectOf(request('s3:GetObject', 'arn:aws:s3:::home/alice/x', alice), oldHome)).toBe('ImplicitDeny');
    expect(effectOf(request('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/x', alice), oldHome)).toBe('Allow');
  });
});
