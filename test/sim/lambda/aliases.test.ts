// Proves weighted aliases: `--routing-config` in shorthand and JSON through the sandbox, AWS's rules for a
// routing configuration with AWS's errors (Lambda DG "Alias routing configuration", API
// AliasRoutingConfiguration), ExecutedVersion and the START log line naming the version that ran, and
// the split over many invocations: within four binomial standard deviations for 20 seeds, and exact
// counts for a pinned seed. The pick draws only from the stream `lambda.alias-routing`.
import { describe, expect, it } from 'vitest';
import { createAlias, getAlias, updateAlias } from '../../../src/sim/lambda/aliases.js';
import { publishVersion, updateFunctionConfiguration } from '../../../src/sim/lambda/operations.js';
import { createSandbox, runSandboxLine } from '../../../src/sim/cli/sandbox.js';
import { describeLambdaForShow } from '../../../src/sim/lambda/show.js';
import type { World } from '../../../src/sim/world.js';
import { ROLE, expectError, expectOk, invokeSync, makeFunction, newWorld } from './fixtures.js';

/** A function with versions 1 and 2 and an alias `live` on 1 sending `weight` to 2. */
function weightedWorld(seed: number, weight: number): World {
  const world = newWorld(seed);
  makeFunction(world, 'f');
  expectOk(publishVersion(world, { FunctionName: 'f' }));
  expectOk(publishVersion(world, { FunctionName: 'f' }));
  expectOk(createAlias(world, { FunctionName: 'f', Name: 'live', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '2': weight } } }));
  return world;
}

function countVersion2(world: World, invocations: number): number {
  let count = 0;
  for (let i = 0; i < invocations; i++) {
    world.advance(1_000); // idle environments get reused: the split, not concurrency, is under test
    if (expectOk(invokeSync(world, 'f:live')).executedVersion === '2') count++;
  }
  return count;
}

describe('routing configuration through the sandbox', () => {
  const setup = [
    'aws lambda create-function --function-name f --runtime nodejs22.x --role arn:aws:iam::123456789012:role/r --handler catalog.echo',
    'aws lambda publish-version --function-name f',
    'aws lambda publish-version --function-name f',
  ];

  it('reads the CLI shorthand AdditionalVersionWeights={"2"=0.1} and the JSON form', () => {
    const session = createSandbox({ seed: 3 });
    for (const line of setup) expect(runSandboxLine(session, line).ok).toBe(true);
    const created = runSandboxLine(session, 'aws lambda create-alias --function-name f --name live --function-version 1 --routing-config AdditionalVersionWeights={"2"=0.1}');
    expect(created.output).toMatchObject({ FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '2': 0.1 } } });
    const updated = runSandboxLine(session, `aws lambda update-alias --function-name f --name live --routing-config '{"AdditionalVersionWeights":{"2":0.5}}'`);
    expect(updated.output).toMatchObject({ FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '2': 0.5 } } });
    const promoted = runSandboxLine(session, 'aws lambda update-alias --function-name f --name live --function-version 2 --routing-config AdditionalVersionWeights={}');
    expect(promoted.output).toMatchObject({ FunctionVersion: '2' });
    expect(promoted.output).not.toHaveProperty('RoutingConfig');
  });

  it('prints the AWS CLI error for a weight above 1', () => {
    const session = createSandbox({ seed: 3 });
    for (const line of [...setup, 'aws lambda create-alias --function-name f --name live --function-version 1']) runSandboxLine(session, line);
    const report = runSandboxLine(session, 'aws lambda update-alias --function-name f --name live --routing-config AdditionalVersionWeights={"2"=1.5}');
    expect(report.text).toMatchInlineSnapshot(`
      "An error occurred (ValidationException) when calling the UpdateAlias operation: 1 validation error detected: Value '{2=1.5}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]
      "
    `);
  });
});

describe("AWS's rules for a routing configuration", () => {
  function attempt(world: World, functionVersion: string, weights: Record<string, unknown>) {
    return expectError(createAlias(world, { FunctionName: 'f', Name: 'a', FunctionVersion: functionVersion, RoutingConfig: { AdditionalVersionWeights: weights } }));
  }

  it('refuses two additional versions, $LATEST on either side, a missing version and the primary itself', () => {
    const world = weightedWorld(1, 0.1);
    expectOk(publishVersion(world, { FunctionName: 'f' }));
    expect(attempt(world, '1', { '2': 0.1, '3': 0.1 }).message).toMatchInlineSnapshot(`"An alias can point to at most two versions: AdditionalVersionWeights takes one version."`);
    expect(attempt(world, '$LATEST', { '2': 0.1 }).message).toMatchInlineSnapshot(`"$LATEST is not supported for an alias pointing to more than 1 version"`);
    expect(attempt(world, '1', { $LATEST: 0.1 }).message).toMatchInlineSnapshot(`"1 validation error detected: Value '{$LATEST=0.1}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 1024, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [0-9]+]"`);
    expect([attempt(world, '1', { '9': 0.1 }).name, attempt(world, '1', { '9': 0.1 }).message]).toMatchInlineSnapshot(`
      [
        "ResourceNotFoundException",
        "Function not found: arn:aws:lambda:us-east-1:123456789012:function:f:9",
      ]
    `);
    expect(attempt(world, '1', { '1': 0.1 }).name).toBe('InvalidParameterValueException');
    expect(attempt(world, '1', { '2': -0.1 }).name).toBe('ValidationException');
  });

  it('refuses versions with different execution roles or dead-letter queues', () => {
    const world = weightedWorld(1, 0.1);
    expectOk(updateFunctionConfiguration(world, { FunctionName: 'f', Role: `${ROLE}-other` }));
    expectOk(publishVersion(world, { FunctionName: 'f' })); // 3: another role
    expectOk(updateFunctionConfiguration(world, { FunctionName: 'f', Role: ROLE, DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq' } }));
    expectOk(publishVersion(world, { FunctionName: 'f' })); // 4: same role, a DLQ
    expect(attempt(world, '1', { '3': 0.1 }).message).toMatchInlineSnapshot(`"Specified versions must be associated with the same execution role"`);
    expect(attempt(world, '1', { '4': 0.1 }).message).toMatchInlineSnapshot(`"Specified versions must have the same dead-letter queue configuration"`);
  });

  it('accepts the bounds 0 and 1, keeps the routing on update without RoutingConfig, and clears it with {}', () => {
    const world = weightedWorld(1, 0);
    expectOk(updateAlias(world, { FunctionName: 'f', Name: 'live', RoutingConfig: { AdditionalVersionWeights: { '2': 1 } } }));
    expectOk(updateAlias(world, { FunctionName: 'f', Name: 'live', Description: 'canary' }));
    expect(expectOk(getAlias(world, { FunctionName: 'f', Name: 'live' }))).toMatchObject({ Description: 'canary', RoutingConfig: { AdditionalVersionWeights: { '2': 1 } } });
    expectOk(updateAlias(world, { FunctionName: 'f', Name: 'live', RoutingConfig: { AdditionalVersionWeights: {} } }));
    expect(expectOk(getAlias(world, { FunctionName: 'f', Name: 'live' }))).not.toHaveProperty('RoutingConfig');
    expect(expectError(getAlias(world, { FunctionName: 'f', Name: 'nope' })).message).toMatchInlineSnapshot(`"Alias not found: arn:aws:lambda:us-east-1:123456789012:function:f:nope"`);
  });
});

describe('invoking a weighted alias', () => {
  it('reports the version that ran in ExecutedVersion and in the START log line', () => {
    const world = weightedWorld(7, 1);
    const response = expectOk(invokeSync(world, 'f:live'));
    expect(response.executedVersion).toBe('2');
    expect(response.logTail).toMatch(/^START RequestId: \S+ Version: 2\n/);
    const run = world.trace.all().filter((event) => event.operation === 'Invoke').at(-1);
    expect(run?.detail).toMatchObject({ version: '2', qualifier: 'live' });
  });

  it('shows the routing in sim show lambda', () => {
    const view = expectOk(describeLambdaForShow(weightedWorld(7, 0.1), 'f'));
    expect([view.aliases, view.aliasRouting]).toEqual([{ live: '1' }, { live: { version: '2', weight: 0.1 } }]);
  });

  it('sends the weight share to the additional version: within 4 standard deviations for 20 seeds', () => {
    const invocations = 1_000;
    const weight = 0.1;
    // Binomial(1000, 0.1): mean 100, standard deviation sqrt(1000 × 0.1 × 0.9) ≈ 9.49; 4 sd ≈ 38.
    const toleranceCount = Math.ceil(4 * Math.sqrt(invocations * weight * (1 - weight)));
    expect(toleranceCount).toBe(38);
    for (let seed = 1; seed <= 20; seed++) {
      const count = countVersion2(weightedWorld(seed, weight), invocations);
      expect(Math.abs(count - invocations * weight), `seed ${seed}`).toBeLessThanOrEqual(toleranceCount);
    }
  });

  it('gives exact counts for a pinned seed', () => {
    expect(countVersion2(weightedWorld(7, 0.1), 1_000)).toMatchInlineSnapshot(`97`);
    expect(countVersion2(weightedWorld(7, 0.5), 1_000)).toMatchInlineSnapshot(`513`);
  });

  it('draws only from its own stream: other streams are where they would be without routing', () => {
    const weighted = weightedWorld(11, 0.5);
    const plain = weightedWorld(11, 0);
    expectOk(updateAlias(plain, { FunctionName: 'f', Name: 'live', RoutingConfig: { AdditionalVersionWeights: {} } }));
    for (let i = 0; i < 50; i++) {
      expectOk(invokeSync(weighted, 'f:live'));
      expectOk(invokeSync(plain, 'f:live'));
    }
    expect(weighted.rng.stream('lambda.request-id').nextUint32()).toBe(plain.rng.stream('lambda.request-id').nextUint32());
  });
});
