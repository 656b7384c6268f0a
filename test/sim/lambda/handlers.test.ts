// Proves the handler catalogue's documented behaviour: CPU-bound work speeds up in proportion to memory
// up to one vCPU at 1,769 MB (LAM-02) and not beyond (the simulator's single-thread model), authorizers
// answer Allow/Deny/Unauthorized, the DynamoDB writer goes through the injected port, and the
// welcome-email stream consumer writes one email per INSERT and throws without a new image (DDB-18).
import { afterEach, describe, expect, it } from 'vitest';
import { cpuBoundDurationMs, findHandler, type HandlerContext } from '../../../src/sim/lambda/handlers.js';
import { registerLambdaPorts, type LambdaServicePorts, type PutItemPortRequest } from '../../../src/sim/lambda/ports.js';
import { ok } from '../../../src/sim/result.js';
import { RandomStream } from '../../../src/sim/rng.js';
import { expectOk, invokeSync, makeFunction, newWorld, runs } from './fixtures.js';

function context(memoryMb: number, putItem: HandlerContext['putItem'] = () => ok({})): HandlerContext {
  return { functionName: 'f', memoryMb, remainingTimeMs: 3_000, environment: { TABLE_NAME: 'Orders' }, rng: RandomStream.fromSeed(1, 't'), putItem, callAws: () => ok({}) };
}

let previousPorts: LambdaServicePorts | undefined;
afterEach(() => {
  if (previousPorts !== undefined) registerLambdaPorts(previousPorts);
  previousPorts = undefined;
});

describe('CPU-bound handler (LAM-02)', () => {
  it('halves its duration when memory doubles below 1,769 MB', () => {
    expect(cpuBoundDurationMs(1_024, 512)).toBe(3_538);
    expect(cpuBoundDurationMs(1_024, 1_024)).toBe(1_769);
    expect(cpuBoundDurationMs(1_000, 128)).toBe(13_821);
    expect(cpuBoundDurationMs(1_000, 256)).toBe(6_911);
  });

  it('stops improving above 1,769 MB, where single-threaded work has its one full vCPU', () => {
    expect(cpuBoundDurationMs(1_024, 1_769)).toBe(1_024);
    expect(cpuBoundDurationMs(1_024, 3_538)).toBe(1_024);
    expect(cpuBoundDurationMs(1_024, 10_240)).toBe(1_024);
  });

  it('shows the same in the trace of real invocations', () => {
    const world = newWorld();
    makeFunction(world, 'small', { Handler: 'catalog.cpu', MemorySize: 512, Timeout: 10 });
    makeFunction(world, 'double', { Handler: 'catalog.cpu', MemorySize: 1_024, Timeout: 10 });
    invokeSync(world, 'small', { workMs: 1_024 });
    invokeSync(world, 'double', { workMs: 1_024 });
    expect(runs(world).map((event) => event.detail['durationMs'])).toEqual([3_538, 1_769]);
  });
});

describe('catalogue behaviours', () => {
  it('token authorizer allows, denies, or answers Unauthorized', () => {
    const authorizer = findHandler('catalog.token-authorizer')!;
    const methodArn = 'arn:aws:execute-api:us-east-1:123456789012:abc/prod/GET/orders';
    const allow = authorizer.run({ authorizationToken: 'allow', methodArn }, context(128));
    expect(allow.outcome).toMatchObject({ kind: 'return', payload: { policyDocument: { Statement: [{ Effect: 'Allow', Resource: methodArn }] } } });
    expect(authorizer.run({ authorizationToken: 'deny', methodArn }, context(128)).outcome).toMatchObject({ payload: { policyDocument: { Statement: [{ Effect: 'Deny' }] } } });
    expect(authorizer.run({ authorizationToken: 'x' }, context(128)).outcome).toEqual({ kind: 'error', errorType: 'Error', errorMessage: 'Unauthorized', handled: false });
  });

  it('request authorizer reads the Authorization header', () => {
    const run = findHandler('catalog.request-authorizer')!.run({ headers: { Authorization: 'allow' } }, context(128));
    expect(run.outcome).toMatchObject({ kind: 'return', payload: { principalId: 'user' } });
  });

  it('malformed proxy response is a bare string', () => {
    expect(findHandler('catalog.malformed-proxy')!.run({}, context(128)).outcome).toEqual({ kind: 'return', payload: 'this is not a proxy response' });
  });

  it('DynamoDB writer calls the putItem port with the table from TABLE_NAME', () => {
    const written: PutItemPortRequest[] = [];
    previousPorts = registerLambdaPorts({ putItem: (_world, request) => (written.push(request), ok({})) });
    const world = newWorld();
    makeFunction(world, 'writer', { Handler: 'catalog.ddb-put', Environment: { Variables: { TABLE_NAME: 'Orders' } } });
    const response = expectOk(invokeSync(world, 'writer', { item: { id: { S: '1' } } }));
    expect(JSON.parse(response.payload)).toEqual({ written: true, tableName: 'Orders' });
    expect(written).toEqual([{ TableName: 'Orders', Item: { id: { S: '1' } } }]);
  });

  it('DynamoDB writer reports an unwired port as an unhandled error', () => {
    const world = newWorld();
    makeFunction(world, 'writer', { Handler: 'catalog.ddb-put', Environment: { Variables: { TABLE_NAME: 'Orders' } } });
    const response = expectOk(invokeSync(world, 'writer', { item: { id: { S: '1' } } }));
    expect(response.functionError).toBe('Unhandled');
    expect(JSON.parse(response.payload)).toMatchInlineSnapshot(`
      {
        "errorMessage": "The simulator has no DynamoDB PutItem wired to Lambda in this world.",
        "errorType": "ServiceException",
      }
    `);
  });

  it('welcome-email writes one email per INSERT with a NewImage, skips other events, and throws on a KEYS_ONLY record', () => {
    const written: PutItemPortRequest[] = [];
    const put: HandlerContext['putItem'] = (request) => (written.push(request), ok({}));
    const ctx = { ...context(128, put), environment: { OUTBOX_TABLE: 'Outbox' } };
    const insert = (email: string) => ({ eventName: 'INSERT', dynamodb: { Keys: { id: { S: email } }, NewImage: { id: { S: email }, email: { S: email } } } });
    const handler = findHandler('catalog.welcome-email')!;
    const run = handler.run({ Records: [insert('ana@example.com'), { eventName: 'MODIFY', dynamodb: {} }, insert('ben@example.com')] }, ctx);
    expect(run).toEqual({ outcome: { kind: 'return', payload: { sent: 2 } }, durationMs: 25 });
    expect(written.map((request) => [request.TableName, request.Item['id']])).toEqual([['Outbox', { S: 'ana@example.com' }], ['Outbox', { S: 'ben@example.com' }]]);
    const keysOnly = handler.run({ Records: [{ eventName: 'INSERT', dynamodb: { Keys: { id: { S: 'u1' } } } }] }, ctx);
    expect(keysOnly.outcome).toMatchInlineSnapshot(`
      {
        "errorMessage": "An INSERT record has no NewImage.email: the stream view type must include new images",
        "errorType": "Error",
        "handled": false,
        "kind": "error",
      }
    `);
  });
});
