// Proves AWS_IAM authorization end to end on a world (APIGW-11, APIGW-14, IAM-01..03): a request
// signed with a role session's keys passes when the role's policies allow `execute-api:Invoke` on the
// method ARN; unsigned → 403 "Missing Authentication Token"; stale → "Signature expired"; signed but
// not permitted → 403 "User: <arn> is not authorized to perform: execute-api:Invoke on resource:
// <arn>"; a resource-policy Allow lets in a caller without identity permissions (same account), a
// resource-policy Deny wins; no credential store wired → 500.
import { describe, expect, it } from 'vitest';
import { authorize, signRequest, type AuthPorts, type AuthOutcome, type IncomingRequest } from '../../../../src/sim/apigateway/auth/index.js';
import { attachRolePolicy, createRole, putRolePolicy } from '../../../../src/sim/iam/index.js';
import { createWorld, type World } from '../../../../src/sim/world.js';
import { ACCOUNT, methodArnOf, methodContext } from './fixtures.js';

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const SESSION_ARN = (role: string) => `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/s1`;
const CREDENTIALS: Record<string, { secretAccessKey: string; principalArn: string }> = {
  AKIAREADER: { secretAccessKey: 'reader-secret', principalArn: SESSION_ARN('Reader') },
  AKIANOBODY: { secretAccessKey: 'nobody-secret', principalArn: SESSION_ARN('Nobody') },
};
const ports: AuthPorts = { invokeFunction: () => { throw new Error('AWS_IAM never invokes a function'); }, resolveCredentials: (_world, id) => CREDENTIALS[id] };

function worldWithRoles(): World {
  const world = createWorld();
  for (const name of ['Reader', 'Nobody']) expect(createRole(world, { RoleName: name, AssumeRolePolicyDocument: TRUST }).ok).toBe(true);
  const getOrders = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: methodArnOf('GET', '/orders') }] });
  expect(putRolePolicy(world, { RoleName: 'Reader', PolicyName: 'get-orders', PolicyDocument: getOrders }).ok).toBe(true);
  return world;
}

function signedRequest(world: World, accessKeyId: string, httpMethod = 'GET', signedAtMs = world.nowMs): IncomingRequest {
  const secretAccessKey = CREDENTIALS[accessKeyId]?.secretAccessKey ?? 'unknown';
  const signed = signRequest({ method: httpMethod, host: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com', path: '/prod/orders', query: {}, headers: {}, body: '', region: 'us-east-1', service: 'execute-api', accessKeyId, secretAccessKey, timeMs: signedAtMs });
  return { method: httpMethod, path: '/orders', headers: signed.headers, query: {}, body: '', sourceIp: '203.0.113.9' };
}

const iam = { type: 'AWS_IAM' } as const;
const summary = (outcome: AuthOutcome) => (outcome.kind === 'forbidden' ? `403 ${outcome.message}` : outcome.kind);

describe('AWS_IAM authorization (APIGW-11)', () => {
  it('allows a signed request whose role may invoke the method, naming the caller', () => {
    const world = worldWithRoles();
    const outcome = authorize(world, iam, signedRequest(world, 'AKIAREADER'), methodContext('GET'), ports);
    expect(outcome).toEqual({
      kind: 'allow',
      principalId: SESSION_ARN('Reader'),
      context: {},
      identity: { userArn: SESSION_ARN('Reader'), caller: SESSION_ARN('Reader'), accessKey: 'AKIAREADER', accountId: ACCOUNT },
    });
  });

  it('answers 403 "Missing Authentication Token" for an unsigned request', () => {
    const world = worldWithRoles();
    const unsigned: IncomingRequest = { method: 'GET', path: '/orders', headers: { host: 'h' }, query: {}, body: '', sourceIp: '203.0.113.9' };
    expect(summary(authorize(world, iam, unsigned, methodContext('GET'), ports))).toBe('403 Missing Authentication Token');
  });

  it('answers "Signature expired" for a request signed 5 minutes and 1 second ago', () => {
    const world = worldWithRoles();
    const request = signedRequest(world, 'AKIAREADER');
    world.advance(301_000);
    expect(summary(authorize(world, iam, request, methodContext('GET'), ports))).toMatch(/^403 Signature expired: /);
  });

  it('answers 403 "User: ... is not authorized to perform: execute-api:Invoke on resource: ..." without permission', () => {
    const world = worldWithRoles();
    expect(summary(authorize(world, iam, signedRequest(world, 'AKIAREADER', 'POST'), methodContext('POST'), ports))).toBe(
      `403 User: ${SESSION_ARN('Reader')} is not authorized to perform: execute-api:Invoke on resource: ${methodArnOf('POST', '/orders')}`,
    );
    expect(summary(authorize(world, iam, signedRequest(world, 'AKIANOBODY'), methodContext('GET'), ports))).toContain(`User: ${SESSION_ARN('Nobody')} is not authorized`);
  });

  it('uses attached managed policies (AmazonAPIGatewayInvokeFullAccess)', () => {
    const world = worldWithRoles();
    expect(attachRolePolicy(world, { RoleName: 'Nobody', PolicyArn: 'arn:aws:iam::aws:policy/AmazonAPIGatewayInvokeFullAccess' }).ok).toBe(true);
    expect(authorize(world, iam, signedRequest(world, 'AKIANOBODY'), methodContext('GET'), ports).kind).toBe('allow');
  });

  it('combines with the resource policy (APIGW-14 table A, IAM-03): its Allow suffices in one account, its Deny wins', () => {
    const world = worldWithRoles();
    const resourcePolicy = (effect: string, principal: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: effect, Principal: { AWS: principal }, Action: 'execute-api:Invoke', Resource: methodArnOf('GET', '/orders') }] });
    const allowNobody = methodContext('GET', '/orders', { resourcePolicy: resourcePolicy('Allow', `arn:aws:iam::${ACCOUNT}:role/Nobody`) });
    expect(authorize(world, iam, signedRequest(world, 'AKIANOBODY'), allowNobody, ports).kind).toBe('allow');
    const denyReader = methodContext('GET', '/orders', { resourcePolicy: resourcePolicy('Deny', `arn:aws:iam::${ACCOUNT}:role/Reader`) });
    expect(summary(authorize(world, iam, signedRequest(world, 'AKIAREADER'), denyReader, ports))).toBe(
      `403 User: ${SESSION_ARN('Reader')} is not authorized to perform: execute-api:Invoke on resource: ${methodArnOf('GET', '/orders')} with an explicit deny`,
    );
  });

  it('answers 500 AUTHORIZER_CONFIGURATION_ERROR when no credential store is wired', () => {
    const world = worldWithRoles();
    const outcome = authorize(world, iam, signedRequest(world, 'AKIAREADER'), methodContext('GET'), { invokeFunction: ports.invokeFunction });
    expect(outcome).toEqual({ kind: 'error', gatewayResponse: 'AUTHORIZER_CONFIGURATION_ERROR', reason: 'AWS_IAM authorization needs credentials to check signatures against, and no credential store is wired (ports.resolveCredentials)' });
  });
});
