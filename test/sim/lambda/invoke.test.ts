// Proves synchronous, asynchronous and DryRun invocation as AWS answers them: status codes and
// X-Amz-Function-Error (LAM-08), cold then warm starts with environment reuse (LAM-17), the timeout
// message and billed duration (LAM-03, LAM-08), and payload limits 6 MB sync / 1 MB async (LAM-07).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../src/sim/lambda/invoke.js';
import { utf8SizeBytes } from '../../../src/sim/lambda/model.js';
import { updateFunctionConfiguration } from '../../../src/sim/lambda/operations.js';
import { createWorld } from '../../../src/sim/world.js';
import { expectError, expectOk, invokeSync, makeFunction, newWorld, runs } from './fixtures.js';

describe('cold and warm starts', () => {
  it('starts cold once, then reuses the warm environment', () => {
    const world = newWorld();
    makeFunction(world, 'echo');
    expectOk(invokeSync(world, 'echo', { n: 1 }));
    world.advance(1_000);
    expectOk(invokeSync(world, 'echo', { n: 2 }));
    const [first, second] = runs(world);
    expect(first?.detail).toMatchObject({ start: 'cold', durationMs: 2 });
    expect(first?.detail['initMs']).toBeGreaterThanOrEqual(150);
    expect(second?.detail).toMatchObject({ start: 'warm', initMs: 0, durationMs: 2, billedDurationMs: 2, environmentId: first?.detail['environmentId'] });
  });

  it('bills INIT on a cold start of a .zip managed runtime after 2025-08-01 but not before (LAM-17)', () => {
    for (const [startTimeMs, initBilled] of [[Date.UTC(2026, 0, 1), true], [Date.UTC(2025, 0, 1), false]] as const) {
      const world = createWorld({ seed: 3, startTimeMs });
      makeFunction(world, 'echo');
      invokeSync(world, 'echo');
      const detail = runs(world)[0]!.detail;
      expect(detail['billedDurationMs']).toBe(2 + (initBilled ? (detail['initMs'] as number) : 0));
    }
  });

  it('opens a second environment for an overlapping invocation, each cold once', () => {
    const world = newWorld();
    makeFunction(world, 'slow', { Handler: 'catalog.sleep' });
    invokeSync(world, 'slow', { sleepMs: 500 });
    invokeSync(world, 'slow', { sleepMs: 500 });
    world.advance(5_000);
    invokeSync(world, 'slow', { sleepMs: 500 });
    expect(runs(world).map((event) => [event.detail['start'], event.detail['environmentId'], event.detail['concurrencyInUse']])).toEqual([
      ['cold', 'env-000001', 1],
      ['cold', 'env-000002', 2],
      ['warm', 'env-000001', 1],
    ]);
  });

  it('starts cold again after a configuration change', () => {
    const world = newWorld();
    makeFunction(world, 'echo');
    invokeSync(world, 'echo');
    world.advance(100);
    expectOk(updateFunctionConfiguration(world, { FunctionName: 'echo', MemorySize: 256 }));
    invokeSync(world, 'echo');
    expect(runs(world).map((event) => event.detail['start'])).toEqual(['cold', 'cold']);
  });
});

describe('responses (LAM-08)', () => {
  it('answers 200 with the payload and the executed version', () => {
    const world = newWorld();
    makeFunction(world, 'echo');
    const response = expectOk(invokeSync(world, 'echo', { hello: 'world' }));
    expect(response).toEqual({ statusCode: 200, executedVersion: '$LATEST', payload: '{"hello":"world"}', logTail: expect.any(String) });
  });

  it('keeps 200 for a function error and reports it in FunctionError and the payload', () => {
    const world = newWorld();
    makeFunction(world, 'thrower', { Handler: 'catalog.throw' });
    makeFunction(world, 'failer', { Handler: 'catalog.fail' });
    expect(expectOk(invokeSync(world, 'thrower', { message: 'boom' }))).toMatchObject({
      statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled', payload: '{"errorType":"Error","errorMessage":"boom"}',
    });
    expect(expectOk(invokeSync(world, 'failer')).functionError).toBe('Handled');
  });

  it('answers 202 for Event and 204 for DryRun', () => {
    const world = newWorld();
    makeFunction(world, 'echo');
    expect(expectOk(invoke(world, { functionName: 'echo', invocationType: 'Event', payload: '{}' }))).toEqual({ statusCode: 202, payload: '' });
    expect(expectOk(invoke(world, { functionName: 'echo', invocationType: 'DryRun', payload: '{}' }))).toEqual({ statusCode: 204, payload: '' });
    expect(runs(world)).toHaveLength(0);
  });

  it('reports an unknown function as ResourceNotFoundException (404)', () => {
    const error = expectError(invokeSync(newWorld(), 'missing'));
    expect([error.name, error.statusCode, error.message]).toMatchInlineSnapshot(`
      [
        "ResourceNotFoundException",
        404,
        "Function not found: arn:aws:lambda:us-east-1:123456789012:function:missing",
      ]
    `);
  });

  it('refuses a payload that is not JSON', () => {
    const world = newWorld();
    makeFunction(world, 'echo');
    const error = expectError(invoke(world, { functionName: 'echo', invocationType: 'RequestResponse', payload: '{oops' }));
    expect([error.name, error.statusCode, error.message]).toMatchInlineSnapshot(`
      [
        "InvalidRequestContentException",
        400,
        "Could not parse request body into json: Could not parse payload into json",
      ]
    `);
  });
});

describe('timeouts (LAM-03, LAM-08)', () => {
  it('reports "Task timed out after 3.00 seconds" and bills exactly the timeout', () => {
    const world = newWorld();
    makeFunction(world, 'hang', { Handler: 'catalog.hang' });
    invokeSync(world, 'hang');
    world.advance(60_000);
    const response = expectOk(invokeSync(world, 'hang'));
    expect(response.functionError).toBe('Unhandled');
    expect(JSON.parse(response.payload).errorMessage).toMatch(/ Error: Task timed out after 3\.00 seconds$/);
    expect(runs(world)[1]?.detail).toMatchObject({ start: 'warm', result: 'timeout', durationMs: 3_000, billedDurationMs: 3_000 });
  });

  it('uses the configured timeout in the message', () => {
    const world = newWorld();
    makeFunction(world, 'slow', { Handler: 'catalog.sleep', Timeout: 5 });
    const response = expectOk(invokeSync(world, 'slow', { sleepMs: 6_000 }));
    expect(JSON.parse(response.payload).errorMessage).toContain('Task timed out after 5.00 seconds');
  });
});

describe('log tail', () => {
  it('reports Duration, Billed Duration, Memory Size and, after a cold start, Init Duration', () => {
    const world = newWorld();
    makeFunction(world, 'slow', { Handler: 'catalog.sleep', MemorySize: 512 });
    const cold = expectOk(invokeSync(world, 'slow', { sleepMs: 1_234 }));
    world.advance(2_000);
    const warm = expectOk(invokeSync(world, 'slow', { sleepMs: 10 }));
    expect(cold.logTail).toMatchInlineSnapshot(`
      "START RequestId: 804050bc-03ed-0fc4-bfab-b1925eb5c9ce Version: $LATEST
      END RequestId: 804050bc-03ed-0fc4-bfab-b1925eb5c9ce
      REPORT RequestId: 804050bc-03ed-0fc4-bfab-b1925eb5c9ce	Duration: 1234.00 ms	Billed Duration: 1568 ms	Memory Size: 512 MB	Init Duration: 334.00 ms	
      "
    `);
    expect(warm.logTail).not.toContain('Init Duration');
  });

  it('adds the timeout line before END', () => {
    const world = newWorld();
    makeFunction(world, 'hang', { Handler: 'catalog.hang' });
    expect(expectOk(invokeSync(world, 'hang')).logTail).toMatchInlineSnapshot(`
      "START RequestId: 804050bc-03ed-0fc4-bfab-b1925eb5c9ce Version: $LATEST
      2026-01-01T00:00:03.334Z 804050bc-03ed-0fc4-bfab-b1925eb5c9ce Task timed out after 3.00 seconds
      END RequestId: 804050bc-03ed-0fc4-bfab-b1925eb5c9ce
      REPORT RequestId: 804050bc-03ed-0fc4-bfab-b1925eb5c9ce	Duration: 3000.00 ms	Billed Duration: 3334 ms	Memory Size: 128 MB	Init Duration: 334.00 ms	
      "
    `);
  });
});

describe('payload limits (LAM-07)', () => {
  const payloadOfBytes = (sizeBytes: number) => JSON.stringify({ d: 'x'.repeat(sizeBytes - 8) });

  it.each([
    ['RequestResponse', 6_291_456],
    ['Event', 1_048_576],
  ] as const)('accepts exactly the %s limit of %i bytes and refuses one byte more with 413 RequestTooLargeException', (invocationType, limitBytes) => {
    const world = newWorld();
    makeFunction(world, 'sink', { Handler: 'catalog.sleep' });
    expect(payloadOfBytes(limitBytes)).toHaveLength(limitBytes);
    expectOk(invoke(world, { functionName: 'sink', invocationType, payload: payloadOfBytes(limitBytes) }));
    const error = expectError(invoke(world, { functionName: 'sink', invocationType, payload: payloadOfBytes(limitBytes + 1) }));
    expect([error.name, error.statusCode]).toEqual(['RequestTooLargeException', 413]);
    expect(error.message).toBe(`Request must be smaller than ${limitBytes} bytes for the InvokeFunction operation`);
  });

  it('words the 413 as AWS does for the 6-MB limit', () => {
    const world = newWorld();
    makeFunction(world, 'sink');
    const error = expectError(invoke(world, { functionName: 'sink', invocationType: 'RequestResponse', payload: payloadOfBytes(6_291_457) }));
    expect(error.message).toMatchInlineSnapshot(`"Request must be smaller than 6291456 bytes for the InvokeFunction operation"`);
  });

  it('turns a response over 6 MB into an unhandled function error', () => {
    const world = newWorld();
    makeFunction(world, 'wrapper', { Handler: 'catalog.http-ok' }); // the body re-encodes the event: larger than it
    const response = expectOk(invoke(world, { functionName: 'wrapper', invocationType: 'RequestResponse', payload: payloadOfBytes(6_291_456) }));
    expect(response.functionError).toBe('Unhandled');
    expect(JSON.parse(response.payload).errorType).toBe('Function.ResponseSizeTooLarge');
  });
});

describe('payload size counting', () => {
  it('counts UTF-8 bytes as AWS measures them: 1, 2, 3 and 4 bytes per character', () => {
    expect(utf8SizeBytes('a')).toBe(1);
    expect(utf8SizeBytes('é')).toBe(2);
    expect(utf8SizeBytes('€')).toBe(3);
    expect(utf8SizeBytes('😀')).toBe(4);
    expect(utf8SizeBytes('a€😀')).toBe(new TextEncoder().encode('a€😀').length);
  });

  it('agrees with TextEncoder on any string, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => utf8SizeBytes(text) === new TextEncoder().encode(text).length));
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((code) => String.fromCharCode(code)) }), (text) => utf8SizeBytes(text) === new TextEncoder().encode(text).length));
  });
});
