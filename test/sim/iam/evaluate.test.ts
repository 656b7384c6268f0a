// Proves the evaluation rules of aws-facts.md §5 with exact decisions and deciding statements: each
// table row names the fact it checks (IAM-01 … IAM-05, plus COG-06/COG-08/COG-10 and APIGW-14 where
// later services rely on them). Explanations are pinned with inline snapshots.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/sim/iam/evaluate.js';
import { findManagedPolicy } from '../../../src/sim/iam/managed-policies.js';
import type { Decision, EvaluationRequest, PolicySet } from '../../../src/sim/iam/policy.js';
import { ACCOUNT, OTHER_ACCOUNT, ORDERS_TABLE, allow, deny, policy, request, sessionPrincipal } from './fixtures.js';

/** `identity/Reader[0]` for a deciding statement, so table rows stay one line. */
function decidingOf(decision: Decision): string[] {
  return decision.decidingStatements.map((statement) => `${statement.policyKind}/${statement.policyName}[${statement.statementIndex}]${statement.sid === undefined ? '' : `#${statement.sid}`}`);
}

const reader = policy('Reader', [{ Sid: 'ReadOrders', ...allow(['dynamodb:GetItem', 'dynamodb:Query'], ORDERS_TABLE) }]);
const guard = policy('Guard', [deny('dynamodb:*', ORDERS_TABLE)]);
const crossTable = `arn:aws:dynamodb:us-east-1:${OTHER_ACCOUNT}:table/Orders`;
const tablePolicy = (resource: string, principal: unknown = { AWS: `arn:aws:iam::${ACCOUNT}:role/Reader` }) =>
  policy('TablePolicy', [allow('dynamodb:GetItem', resource, { Principal: principal })], 'resource');
const resourceDeny = policy('TablePolicy', [deny('dynamodb:GetItem', ORDERS_TABLE, { Principal: '*' })], 'resource');
const boundary = policy('ReadOnlyBoundary', [allow('dynamodb:Query', '*')]);
const guestSession = policy('AmazonCognitoUnAuthedIdentitiesSessionPolicy', [{ Effect: 'Allow', Action: ['polly:*', 'rekognition:*'], Resource: '*' }]);

interface Row {
  readonly fact: string;
  readonly name: string;
  readonly request: EvaluationRequest;
  readonly policies: PolicySet;
  readonly effect: Decision['effect'];
  readonly deciding: readonly string[];
}

const rows: readonly Row[] = [
  { fact: 'IAM-01', name: 'no policy at all: denied by default', request: request('dynamodb:GetItem'), policies: {}, effect: 'ImplicitDeny', deciding: [] },
  { fact: 'IAM-01', name: 'an identity Allow lets it through', request: request('dynamodb:GetItem'), policies: { identity: [reader] }, effect: 'Allow', deciding: ['identity/Reader[0]#ReadOrders'] },
  { fact: 'IAM-01', name: 'an action nobody allows stays denied', request: request('dynamodb:PutItem'), policies: { identity: [reader] }, effect: 'ImplicitDeny', deciding: [] },
  { fact: 'IAM-01', name: 'a Deny in another identity policy beats the Allow', request: request('dynamodb:GetItem'), policies: { identity: [reader, guard] }, effect: 'ExplicitDeny', deciding: ['identity/Guard[0]'] },
  { fact: 'IAM-02', name: 'a Deny in the resource policy beats an identity Allow', request: request('dynamodb:GetItem'), policies: { identity: [reader], resource: resourceDeny }, effect: 'ExplicitDeny', deciding: ['resource/TablePolicy[0]'] },
  { fact: 'IAM-02', name: 'a Deny in the permissions boundary wins', request: request('dynamodb:GetItem'), policies: { identity: [reader], permissionsBoundary: policy('B', [deny('*')]) }, effect: 'ExplicitDeny', deciding: ['permissions-boundary/B[0]'] },
  { fact: 'IAM-02', name: 'a Deny in a session policy wins', request: request('dynamodb:GetItem'), policies: { identity: [reader], session: [policy('S', [deny('dynamodb:Get*')])] }, effect: 'ExplicitDeny', deciding: ['session/S[0]'] },
  { fact: 'IAM-03', name: 'same account: the resource policy alone is enough', request: request('dynamodb:GetItem'), policies: { resource: tablePolicy(ORDERS_TABLE) }, effect: 'Allow', deciding: ['resource/TablePolicy[0]'] },
  { fact: 'IAM-03', name: 'same account: the identity policy alone is enough', request: request('dynamodb:GetItem'), policies: { identity: [reader], resource: tablePolicy(ORDERS_TABLE, { AWS: `arn:aws:iam::${ACCOUNT}:role/Other` }) }, effect: 'Allow', deciding: ['identity/Reader[0]#ReadOrders'] },
  { fact: 'IAM-03', name: 'cross-account: an identity Allow alone is not enough', request: request('dynamodb:GetItem', crossTable), policies: { identity: [policy('Reader', [allow('dynamodb:GetItem')])] }, effect: 'ImplicitDeny', deciding: [] },
  { fact: 'IAM-03', name: 'cross-account: a resource Allow alone is not enough', request: request('dynamodb:GetItem', crossTable), policies: { resource: tablePolicy(crossTable, { AWS: ACCOUNT }) }, effect: 'ImplicitDeny', deciding: [] },
  {
    fact: 'IAM-03',
    name: 'cross-account: both sides allow',
    request: request('dynamodb:GetItem', crossTable),
    policies: { identity: [policy('Reader', [allow('dynamodb:GetItem')])], resource: tablePolicy(crossTable, { AWS: ACCOUNT }) },
    effect: 'Allow',
    deciding: ['identity/Reader[0]', 'resource/TablePolicy[0]'],
  },
  {
    fact: 'IAM-03',
    name: 'an S3 ARN names no account: resourceAccountId makes it cross-account',
    request: request('s3:GetObject', 'arn:aws:s3:::photos/a.jpg', { resourceAccountId: OTHER_ACCOUNT }),
    policies: { identity: [policy('S3', [allow('s3:GetObject', 'arn:aws:s3:::photos/*')])] },
    effect: 'ImplicitDeny',
    deciding: [],
  },
  { fact: 'IAM-04', name: 'a boundary that does not allow the action narrows an Allow to a deny', request: request('dynamodb:GetItem'), policies: { identity: [reader], permissionsBoundary: boundary }, effect: 'ImplicitDeny', deciding: [] },
  { fact: 'IAM-04', name: 'boundary and identity both allow', request: request('dynamodb:Query'), policies: { identity: [reader], permissionsBoundary: boundary }, effect: 'Allow', deciding: ['identity/Reader[0]#ReadOrders', 'permissions-boundary/ReadOnlyBoundary[0]'] },
  { fact: 'IAM-04', name: 'a boundary never grants by itself', request: request('dynamodb:Query'), policies: { permissionsBoundary: boundary }, effect: 'ImplicitDeny', deciding: [] },
  { fact: 'COG-08', name: 'the guest session policy keeps DynamoDB out even when the role allows it', request: request('dynamodb:GetItem'), policies: { identity: [reader], session: [guestSession] }, effect: 'ImplicitDeny', deciding: [] },
  {
    fact: 'COG-08',
    name: 'the guest session policy lets Polly through when the role allows it',
    request: request('polly:SynthesizeSpeech', '*'),
    policies: { identity: [policy('Role', [allow('polly:*')])], session: [guestSession] },
    effect: 'Allow',
    deciding: ['identity/Role[0]', 'session/AmazonCognitoUnAuthedIdentitiesSessionPolicy[0]'],
  },
];

describe('evaluate: the rules of aws-facts.md §5', () => {
  it.each(rows)('$fact: $name', (row) => {
    const decision = evaluate(row.request, row.policies);
    expect(decision.effect).toBe(row.effect);
    expect(decidingOf(decision)).toEqual(row.deciding);
  });

  it('COG-08: the managed guest session policy in the catalogue keeps S3, DynamoDB, Lambda and execute-api out', () => {
    const managed = findManagedPolicy('arn:aws:iam::aws:policy/service-role/AmazonCognitoUnAuthedIdentitiesSessionPolicy');
    expect(managed).toBeDefined();
    const session = policy('guest', (managed?.document as { Statement: Record<string, unknown>[] }).Statement);
    const admin = policy('Admin', [allow('*')]);
    for (const action of ['s3:GetObject', 'dynamodb:GetItem', 'lambda:InvokeFunction', 'execute-api:Invoke']) {
      expect(evaluate(request(action, '*'), { identity: [admin], session: [session] }).effect).toBe('ImplicitDeny');
    }
    expect(evaluate(request('rekognition:DetectLabels', '*'), { identity: [admin], session: [session] }).effect).toBe('Allow');
  });
});

describe('evaluate: principals other than role sessions', () => {
  const apiArn = `arn:aws:execute-api:us-east-1:${ACCOUNT}:abc123/prod/GET/orders`;

  it('IAM-05 / APIGW-14: a Lambda authorizer policy acts as an identity policy; silence in the resource policy still allows (same account)', () => {
    const authorizer = policy('authorizer', [allow('execute-api:Invoke', apiArn)]);
    const silent = policy('ApiPolicy', [allow('execute-api:Invoke', `arn:aws:execute-api:us-east-1:${ACCOUNT}:abc123/prod/POST/*`, { Principal: '*' })], 'resource');
    const decision = evaluate(request('execute-api:Invoke', apiArn), { identity: [authorizer], resource: silent });
    expect([decision.effect, ...decidingOf(decision)]).toEqual(['Allow', 'identity/authorizer[0]']);
  });

  it('IAM-05 / APIGW-14: a Deny in the API resource policy beats the authorizer Allow', () => {
    const authorizer = policy('authorizer', [allow('execute-api:Invoke', apiArn)]);
    const denyIp = policy('ApiPolicy', [deny('execute-api:Invoke', apiArn, { Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })], 'resource');
    const decision = evaluate(request('execute-api:Invoke', apiArn, { context: { 'aws:SourceIp': '203.0.113.7' } }), { identity: [authorizer], resource: denyIp });
    expect([decision.effect, ...decidingOf(decision)]).toEqual(['ExplicitDeny', 'resource/ApiPolicy[0]']);
  });

  it('a service principal is judged by the resource policy alone; identity policies do not apply to it', () => {
    const lambda = { arn: 'lambda.amazonaws.com', accountId: '', type: 'Service' as const };
    const resourcePolicy = policy('FunctionPolicy', [allow('lambda:InvokeFunction', '*', { Principal: { Service: 'apigateway.amazonaws.com' } })], 'resource');
    const asLambda = evaluate({ principal: lambda, action: 'lambda:InvokeFunction', resource: '*' }, { identity: [policy('Admin', [allow('*')])], resource: resourcePolicy });
    const asApi = evaluate({ principal: { ...lambda, arn: 'apigateway.amazonaws.com' }, action: 'lambda:InvokeFunction', resource: '*' }, { resource: resourcePolicy });
    expect([asLambda.effect, asApi.effect]).toEqual(['ImplicitDeny', 'Allow']);
  });

  it('COG-06: a trust policy lets Cognito assume the role only for the right pool and amr', () => {
    const trust = policy(
      'trust policy',
      [
        {
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool-1' }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } },
        },
      ],
      'trust',
    );
    const cognito = { arn: 'cognito-identity.amazonaws.com', accountId: '', type: 'WebIdentity' as const };
    const ask = (amr: string) =>
      evaluate(
        { principal: cognito, action: 'sts:AssumeRoleWithWebIdentity', resource: `arn:aws:iam::${ACCOUNT}:role/Auth`, context: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool-1', 'cognito-identity.amazonaws.com:amr': [amr, 'cognito-idp.us-east-1.amazonaws.com/pool'] } },
        { resource: trust },
      ).effect;
    expect([ask('authenticated'), ask('unauthenticated')]).toEqual(['Allow', 'ImplicitDeny']);
  });

  it('IAM-03: an S3 bucket policy with Principal "*" serves anonymous callers; a Deny on aws:SecureTransport false still wins', () => {
    const anonymous = { arn: '*', accountId: '', type: 'Anonymous' as const };
    const bucketPolicy = policy(
      'BucketPolicy',
      [
        { Sid: 'PublicRead', ...allow('s3:GetObject', 'arn:aws:s3:::site/*', { Principal: '*' }) },
        { Sid: 'TlsOnly', ...deny('s3:*', ['arn:aws:s3:::site', 'arn:aws:s3:::site/*'], { Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }) },
      ],
      'resource',
    );
    const get = (secure: string) => evaluate({ principal: anonymous, action: 's3:GetObject', resource: 'arn:aws:s3:::site/index.html', context: { 'aws:SecureTransport': secure } }, { resource: bucketPolicy });
    expect([get('true').effect, ...decidingOf(get('true'))]).toEqual(['Allow', 'resource/BucketPolicy[0]#PublicRead']);
    expect([get('false').effect, ...decidingOf(get('false'))]).toEqual(['ExplicitDeny', 'resource/BucketPolicy[1]#TlsOnly']);
  });

  it('COG-10: ListBucket is scoped to the identity prefix with an s3:prefix condition', () => {
    const perUser = policy('PerUser', [allow('s3:ListBucket', 'arn:aws:s3:::uploads', { Condition: { StringLike: { 's3:prefix': ['${cognito-identity.amazonaws.com:sub}/*'] } } })]);
    const list = (prefix: string) =>
      evaluate(request('s3:ListBucket', 'arn:aws:s3:::uploads', { context: { 'cognito-identity.amazonaws.com:sub': 'us-east-1:1a2b', 's3:prefix': prefix } }), { identity: [perUser] }).effect;
    expect([list('us-east-1:1a2b/photos/'), list('us-east-1:9z9z/photos/')]).toEqual(['Allow', 'ImplicitDeny']);
  });

  it('a resource policy naming an account covers every principal of it; naming a role covers its sessions', () => {
    const byAccount = tablePolicy(ORDERS_TABLE, { AWS: `arn:aws:iam::${ACCOUNT}:root` });
    const byRole = tablePolicy(ORDERS_TABLE, { AWS: `arn:aws:iam::${ACCOUNT}:role/Reader` });
    const other = { principal: sessionPrincipal('Writer') };
    expect(evaluate(request('dynamodb:GetItem', ORDERS_TABLE, other), { resource: byAccount }).effect).toBe('Allow');
    expect(evaluate(request('dynamodb:GetItem', ORDERS_TABLE, other), { resource: byRole }).effect).toBe('ImplicitDeny');
    expect(evaluate(request('dynamodb:GetItem'), { resource: byRole }).effect).toBe('Allow');
  });
});

describe('evaluate: explanations', () => {
  const explain = (decisionRequest: EvaluationRequest, policies: PolicySet) => evaluate(decisionRequest, policies).explanation;

  it('says which statement decided, or which rule kept the request out', () => {
    expect(explain(request('dynamodb:GetItem'), { identity: [reader, guard] })).toMatchInlineSnapshot(`"Explicitly denied: Statement[0] of the identity policy "Guard" denies dynamodb:GetItem on arn:aws:dynamodb:us-east-1:123456789012:table/Orders. A matching Deny beats every Allow, wherever it is."`);
    expect(explain(request('dynamodb:GetItem'), { identity: [reader] })).toMatchInlineSnapshot(`"Allowed: Statement[0] ("ReadOrders") of the identity policy "Reader" allows dynamodb:GetItem on arn:aws:dynamodb:us-east-1:123456789012:table/Orders, and no statement denies it."`);
    expect(explain(request('dynamodb:PutItem'), { identity: [reader] })).toMatchInlineSnapshot(`"Implicitly denied: no statement allows dynamodb:PutItem on arn:aws:dynamodb:us-east-1:123456789012:table/Orders, and whatever is not allowed is denied by default."`);
    expect(explain(request('dynamodb:Query'), { identity: [reader], permissionsBoundary: boundary })).toMatchInlineSnapshot(`"Allowed: Statement[0] ("ReadOrders") of the identity policy "Reader" and Statement[0] of the permissions boundary "ReadOnlyBoundary" allow dynamodb:Query on arn:aws:dynamodb:us-east-1:123456789012:table/Orders, and no statement denies it."`);
    expect(explain(request('dynamodb:GetItem'), { identity: [reader], permissionsBoundary: boundary })).toMatchInlineSnapshot(`"Implicitly denied: a policy allows dynamodb:GetItem on arn:aws:dynamodb:us-east-1:123456789012:table/Orders, but the permissions boundary "ReadOnlyBoundary" does not, and a boundary can only narrow what is allowed."`);
    expect(explain(request('dynamodb:GetItem'), { identity: [reader], session: [guestSession] })).toMatchInlineSnapshot(`"Implicitly denied: a policy allows dynamodb:GetItem on arn:aws:dynamodb:us-east-1:123456789012:table/Orders, but the session policy "AmazonCognitoUnAuthedIdentitiesSessionPolicy" does not, and session policies can only narrow what the role allows."`);
    expect(explain(request('dynamodb:GetItem', crossTable), { identity: [policy('Reader', [allow('dynamodb:GetItem')])] })).toMatchInlineSnapshot(`"Implicitly denied: the caller is in account 123456789012 and the resource in account 210987654321, so the caller's identity policies and the resource policy must both allow dynamodb:GetItem on arn:aws:dynamodb:us-east-1:210987654321:table/Orders. An identity policy does, but there is no resource policy."`);
    expect(explain(request('dynamodb:GetItem', crossTable), { resource: tablePolicy(crossTable, { AWS: ACCOUNT }) })).toMatchInlineSnapshot(`"Implicitly denied: the caller is in account 123456789012 and the resource in account 210987654321, so the caller's identity policies and the resource policy must both allow dynamodb:GetItem on arn:aws:dynamodb:us-east-1:210987654321:table/Orders. The resource policy does, but no identity policy does."`);
  });
});
