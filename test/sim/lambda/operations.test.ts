// Proves the configuration operations and sandbox rows: limits with AWS's validation wording (memory
// LAM-01, timeout LAM-03, /tmp LAM-04, environment 4 KB LAM-06), defaults, versions and aliases, the
// invoke command's output and virtual outfile, and the views for `sim show lambda` and `sim cost` (LAM-18).
import { describe, expect, it } from 'vitest';
import { LAMBDA_OPERATIONS, readLambdaOutFile } from '../../../src/sim/lambda/commands.js';
import { createFunction, getFunction, listFunctions } from '../../../src/sim/lambda/operations.js';
import { describeLambdaForShow, lambdaCostReport } from '../../../src/sim/lambda/show.js';
import type { ApiDocument } from '../../../src/sim/cli/operation-spec.js';
import type { World } from '../../../src/sim/world.js';
import { ROLE, expectError, expectOk, makeFunction, newWorld } from './fixtures.js';

function run(world: World, command: string, request: ApiDocument) {
  const spec = LAMBDA_OPERATIONS.find((operation) => operation.command === command);
  if (spec === undefined) throw new Error(`no row for ${command}`);
  return spec.run(world, request);
}

const base = { FunctionName: 'f', Runtime: 'nodejs22.x', Role: ROLE, Handler: 'catalog.echo' };

describe('create-function', () => {
  it('applies the defaults: 128 MB (LAM-01), 3 s (LAM-03), 512 MB of /tmp (LAM-04)', () => {
    const created = expectOk(createFunction(newWorld(), base));
    expect(created).toMatchObject({ MemorySize: 128, Timeout: 3, EphemeralStorage: { Size: 512 }, Version: '$LATEST', LastModified: '2026-01-01T00:00:00.000+0000' });
  });

  it('accepts the extremes 10,240 MB, 900 s and 10,240 MB of /tmp', () => {
    expectOk(createFunction(newWorld(), { ...base, MemorySize: 10_240, Timeout: 900, EphemeralStorage: { Size: 10_240 } }));
  });

  it('collects every out-of-range value in one ValidationException', () => {
    const error = expectError(createFunction(newWorld(), { ...base, MemorySize: 10_241, Timeout: 901, EphemeralStorage: { Size: 511 } }));
    expect([error.name, error.statusCode, error.message]).toMatchInlineSnapshot(`
      [
        "ValidationException",
        400,
        "3 validation errors detected: Value '10241' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240; Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900; Value '511' at 'ephemeralStorage.size' failed to satisfy constraint: Member must have value greater than or equal to 512",
      ]
    `);
    expect(expectError(createFunction(newWorld(), { ...base, MemorySize: 127 })).message).toMatchInlineSnapshot(`"1 validation error detected: Value '127' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128"`);
  });

  it('refuses environment variables over 4 KB in total (LAM-06)', () => {
    const fits = { Variables: { A: 'x'.repeat(4_096 - '{"A":""}'.length) } };
    expectOk(createFunction(newWorld(), { ...base, Environment: fits }));
    const error = expectError(createFunction(newWorld(), { ...base, Environment: { Variables: { A: 'x'.repeat(4_089) } } }));
    expect([error.name, error.message.slice(0, 150)]).toMatchInlineSnapshot(`
      [
        "InvalidParameterValueException",
        "Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured:",
      ]
    `);
  });

  it('names the catalogue when the handler is unknown, with a suggestion', () => {
    const error = expectError(createFunction(newWorld(), { ...base, Handler: 'catalog.ecko' }));
    expect(error.message).toMatchInlineSnapshot(`"The sandbox runs no code: --handler must name a catalogue handler (catalog.echo, catalog.sleep, catalog.cpu, catalog.fail, catalog.throw, catalog.flaky, catalog.hang, catalog.http-ok, catalog.malformed-proxy, catalog.ddb-put, catalog.api-ddb-put, catalog.welcome-email, catalog.token-authorizer, catalog.request-authorizer, catalog.edge-auth, catalog.edge-ab-test, catalog.edge-security-headers, catalog.edge-geo-redirect, catalog.edge-bot-filter, catalog.edge-maintenance, catalog.edge-image-resize, catalog.ws-echo, catalog.ws-chat), got 'catalog.ecko'. Did you mean 'catalog.echo'?"`);
  });

  it('refuses a second function with the same name', () => {
    const world = newWorld();
    makeFunction(world, 'f');
    expect(expectError(createFunction(world, base)).message).toMatchInlineSnapshot(`"Function already exist: f"`);
  });
});

describe('versions, aliases, get and list', () => {
  it('publishes frozen versions and resolves aliases', () => {
    const world = newWorld();
    makeFunction(world, 'f', { MemorySize: 256 });
    expect(expectOk(run(world, 'publish-version', { FunctionName: 'f' }))).toMatchObject({ Version: '1', FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f:1' });
    expectOk(run(world, 'update-function-configuration', { FunctionName: 'f', MemorySize: 512 }));
    expectOk(run(world, 'create-alias', { FunctionName: 'f', Name: 'live', FunctionVersion: '1' }));
    expect(expectOk(getFunction(world, { FunctionName: 'f', Qualifier: 'live' }))).toMatchObject({ Configuration: { MemorySize: 256, Version: '1' } });
    expect(expectOk(getFunction(world, { FunctionName: 'f' }))).toMatchObject({ Configuration: { MemorySize: 512, Version: '$LATEST' } });
    expectOk(run(world, 'put-function-concurrency', { FunctionName: 'f', ReservedConcurrentExecutions: 5 }));
    expect(expectOk(getFunction(world, { FunctionName: 'f' }))['Concurrency']).toEqual({ ReservedConcurrentExecutions: 5 });
    expectOk(run(world, 'delete-function-concurrency', { FunctionName: 'f' }));
    expect(expectOk(getFunction(world, { FunctionName: 'f' }))['Concurrency']).toBeUndefined();
  });

  it('lists versions and aliases, and reports reserved concurrency ({} when none)', () => {
    const world = newWorld();
    makeFunction(world, 'f');
    expectOk(run(world, 'publish-version', { FunctionName: 'f' }));
    expectOk(run(world, 'create-alias', { FunctionName: 'f', Name: 'live', FunctionVersion: '1' }));
    const versions = expectOk(run(world, 'list-versions-by-function', { FunctionName: 'f' }))['Versions'] as ApiDocument[];
    expect(versions.map((version) => version['Version'])).toEqual(['$LATEST', '1']);
    expect(expectOk(run(world, 'list-aliases', { FunctionName: 'f' }))).toEqual({
      Aliases: [{ AliasArn: 'arn:aws:lambda:us-east-1:123456789012:function:f:live', Name: 'live', FunctionVersion: '1', Description: '', RevisionId: 'f-live-1' }],
    });
    expect(expectOk(run(world, 'get-function-concurrency', { FunctionName: 'f' }))).toEqual({});
    expectOk(run(world, 'put-function-concurrency', { FunctionName: 'f', ReservedConcurrentExecutions: 7 }));
    expect(expectOk(run(world, 'get-function-concurrency', { FunctionName: 'f' }))).toEqual({ ReservedConcurrentExecutions: 7 });
  });

  it('deletes a function; a queued async event then ends as function-deleted', () => {
    const world = newWorld();
    makeFunction(world, 'f', { Handler: 'catalog.throw' });
    expectOk(run(world, 'invoke', { FunctionName: 'f', InvocationType: 'Event' }));
    world.advance(1_000);
    expectOk(run(world, 'delete-function', { FunctionName: 'f' }));
    world.advance(5 * 60_000);
    expect(world.trace.all().filter((event) => event.operation === 'async-event-finished').map((event) => event.outcome)).toEqual(['function-deleted']);
    expect(expectError(run(world, 'get-function', { FunctionName: 'f' })).name).toBe('ResourceNotFoundException');
  });

  it('lists functions by name', () => {
    const world = newWorld();
    makeFunction(world, 'b');
    makeFunction(world, 'a');
    expect((expectOk(listFunctions(world))['Functions'] as ApiDocument[]).map((fn) => fn['FunctionName'])).toEqual(['a', 'b']);
  });
});

describe('invoke command', () => {
  it('prints StatusCode and ExecutedVersion and keeps the payload in the outfile', () => {
    const world = newWorld();
    makeFunction(world, 'f');
    const printed = expectOk(run(world, 'invoke', { FunctionName: 'f', Payload: '{"a":1}', CliBinaryFormat: 'raw-in-base64-out', outfile: 'out.json' }));
    expect(printed).toEqual({ StatusCode: 200, ExecutedVersion: '$LATEST' });
    expect(readLambdaOutFile(world, 'out.json')).toBe('{"a":1}');
  });

  it('returns the log tail base64-encoded in LogResult with --log-type Tail', () => {
    const world = newWorld();
    makeFunction(world, 'f');
    const printed = expectOk(run(world, 'invoke', { FunctionName: 'f', LogType: 'Tail', outfile: 'out.json' }));
    expect(atob(String(printed['LogResult']))).toMatch(/^START RequestId: [0-9a-f-]{36} Version: \$LATEST\nEND RequestId: .*\nREPORT RequestId: .*\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tInit Duration: \d+\.00 ms\t\n$/);
  });

  it('prints the payload when no outfile is given, and FunctionError for errors', () => {
    const world = newWorld();
    makeFunction(world, 'boom', { Handler: 'catalog.throw' });
    expect(expectOk(run(world, 'invoke', { FunctionName: 'boom' }))).toEqual({
      StatusCode: 200, FunctionError: 'Unhandled', ExecutedVersion: '$LATEST', Payload: '{"errorType":"Error","errorMessage":"Simulated unhandled exception"}',
    });
    expect(expectOk(run(world, 'invoke', { FunctionName: 'boom', InvocationType: 'Event' }))).toEqual({ StatusCode: 202 });
  });

  it('describes every row and flag', () => {
    for (const operation of LAMBDA_OPERATIONS) {
      expect(operation.summary.length).toBeGreaterThan(0);
      const flags = operation.params.map((param) => param.flag);
      expect(new Set(flags).size).toBe(flags.length);
      for (const param of operation.params) expect(param.description.length).toBeGreaterThan(0);
    }
  });
});

describe('sim show and sim cost views', () => {
  it('shows configuration, environments, invocations and cost of one function', () => {
    const world = newWorld();
    makeFunction(world, 'f', { MemorySize: 1_024, Handler: 'catalog.sleep' });
    for (let i = 0; i < 3; i++) {
      expectOk(run(world, 'invoke', { FunctionName: 'f', Payload: '{"sleepMs":1000}' }));
      world.advance(2_000);
    }
    const view = expectOk(describeLambdaForShow(world, 'f'));
    expect(view).toMatchObject({ memorySizeMb: 1_024, invocations: 3, coldStarts: 1, throttles: 0, environments: { total: 1, busy: 0, provisioned: 0 } });
    const initMs = world.trace.all().find((event) => event.detail['start'] === 'cold')!.detail['initMs'] as number;
    expect(view.billedMs).toBe(3_000 + initMs); // INIT billed from 2025-08-01 (LAM-17)
    expect(view.gbSeconds).toBeCloseTo((3_000 + initMs) / 1_000, 9);
    expect(view.cost.requestCostUsd).toBeCloseTo(3 * 0.0000002, 12);
  });

  it('adds up a cost report with and without the free tier', () => {
    const world = newWorld();
    makeFunction(world, 'a');
    makeFunction(world, 'b');
    run(world, 'invoke', { FunctionName: 'a' });
    run(world, 'invoke', { FunctionName: 'b' });
    const report = lambdaCostReport(world);
    expect(report.rows.map((row) => [row.functionName, row.requests])).toEqual([['a', 1], ['b', 1]]);
    expect(report.totalWithFreeTier.totalUsd).toBe(0);
    expect(report.total.requestCostUsd).toBeCloseTo(0.0000004, 12);
  });

  it('reports an unknown function', () => {
    expect(expectError(describeLambdaForShow(newWorld(), 'nope')).name).toBe('ResourceNotFoundException');
  });
});
