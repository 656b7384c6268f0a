// Proves CodeDeploy Lambda deployments on the virtual clock: the alias's traffic at pinned virtual times
// for every configuration (SAM-05), PreTraffic/PostTraffic hooks (a failing, timing-out or denied hook
// fails the deployment and rolls back; only CodeDeployHook_* may be invoked under SAM's default role,
// SAM-05), an alarm in ALARM stopping the deployment and rolling the alias back at a pinned time (alarm
// states come from a fake port here; test/sim/cloudwatch covers the real one), stop-deployment, the
// AWS errors, and a property: the alias always points at one of the two versions with weights in [0, 1].
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { alarmEnteredAlarm, startLambdaDeployment, stopDeployment, type LambdaDeploymentRequest } from '../../../src/sim/codedeploy/deployments.js';
import { LAMBDA_DEPLOYMENT_CONFIGS, trafficSchedule } from '../../../src/sim/codedeploy/configs.js';
import { codeDeployState } from '../../../src/sim/codedeploy/model.js';
import { registerCodeDeployPorts, type AlarmStateValue } from '../../../src/sim/codedeploy/ports.js';
import { createAlias, getAlias } from '../../../src/sim/lambda/aliases.js';
import { publishVersion } from '../../../src/sim/lambda/operations.js';
import type { World } from '../../../src/sim/world.js';
import { expectError, expectOk, makeFunction, newWorld } from '../lambda/fixtures.js';

const MINUTE_MS = 60_000;

/** orders v1 and v2, alias live → 1, and hook functions of each behaviour. */
function deployWorld(seed = 5): World {
  const world = newWorld(seed);
  makeFunction(world, 'orders');
  expectOk(publishVersion(world, { FunctionName: 'orders' }));
  expectOk(publishVersion(world, { FunctionName: 'orders' }));
  expectOk(createAlias(world, { FunctionName: 'orders', Name: 'live', FunctionVersion: '1' }));
  makeFunction(world, 'CodeDeployHook_ok', { Handler: 'catalog.sleep' });
  makeFunction(world, 'CodeDeployHook_fail', { Handler: 'catalog.fail' });
  makeFunction(world, 'CodeDeployHook_hang', { Handler: 'catalog.hang', Timeout: 5 });
  makeFunction(world, 'validateOrders', { Handler: 'catalog.echo' });
  return world;
}

function request(type: string, extra: Partial<LambdaDeploymentRequest> = {}): LambdaDeploymentRequest {
  return { functionName: 'orders', aliasName: 'live', fromVersion: '1', toVersion: '2', type, alarmNames: [], ...extra };
}

/** The share of the alias's traffic on version 2, read from the alias itself. */
function targetPercent(world: World): number {
  const alias = expectOk(getAlias(world, { FunctionName: 'orders', Name: 'live' }));
  if (alias['FunctionVersion'] === '2') return 100;
  const weights = (alias['RoutingConfig'] as { AdditionalVersionWeights: Record<string, number> } | undefined)?.AdditionalVersionWeights;
  return Math.round((weights?.['2'] ?? 0) * 100);
}

function deployment(world: World, id: string) {
  const found = codeDeployState(world).deployments.get(id);
  if (found === undefined) throw new Error(`no deployment ${id}`);
  return found;
}

let alarmStates = new Map<string, AlarmStateValue>();
const previousPorts = registerCodeDeployPorts({ alarmStateOf: (_world, name) => alarmStates.get(name) });
afterEach(() => {
  alarmStates = new Map();
});
afterAll(() => registerCodeDeployPorts(previousPorts));

describe('traffic at pinned virtual times', () => {
  it.each(LAMBDA_DEPLOYMENT_CONFIGS.map((c) => [c.samType] as const))('%s moves the alias exactly on its schedule', (type) => {
    const world = deployWorld();
    const startMs = world.nowMs;
    const id = expectOk(startLambdaDeployment(world, request(type))).deploymentId;
    const config = LAMBDA_DEPLOYMENT_CONFIGS.find((c) => c.samType === type);
    for (const step of config === undefined ? [] : trafficSchedule(config)) {
      if (step.offsetMs > 0) {
        world.advanceTo(startMs + step.offsetMs - 1);
        expect(targetPercent(world), `${type} 1 ms before +${step.offsetMs} ms`).toBeLessThan(step.percent);
      }
      world.advanceTo(startMs + step.offsetMs);
      expect(targetPercent(world), `${type} at +${step.offsetMs} ms`).toBe(step.percent);
    }
    expect(deployment(world, id).status).toBe('Succeeded');
  });

  it('Canary10Percent5Minutes: 10 % at t+0, 10 % at t+4 min 59 s, 100 % at t+5 min', () => {
    const world = deployWorld();
    const id = expectOk(startLambdaDeployment(world, request('CodeDeployDefault.LambdaCanary10Percent5Minutes'))).deploymentId;
    expect([deployment(world, id).status, targetPercent(world)]).toEqual(['InProgress', 10]);
    world.advance(5 * MINUTE_MS - 1_000);
    expect(targetPercent(world)).toBe(10);
    world.advance(1_000);
    expect([deployment(world, id).status, targetPercent(world)]).toEqual(['Succeeded', 100]);
    expect(expectOk(getAlias(world, { FunctionName: 'orders', Name: 'live' }))).not.toHaveProperty('RoutingConfig');
  });

  it('Linear10PercentEvery1Minute reaches 100 % at t+9 min, not t+10', () => {
    const world = deployWorld();
    expectOk(startLambdaDeployment(world, request('Linear10PercentEvery1Minute')));
    world.advance(8 * MINUTE_MS);
    expect(targetPercent(world)).toBe(90);
    world.advance(MINUTE_MS);
    expect(targetPercent(world)).toBe(100);
  });
});

describe('hooks', () => {
  it('shifts only after the PreTraffic hook reports Succeeded (its run time in virtual time)', () => {
    const world = deployWorld();
    const id = expectOk(startLambdaDeployment(world, request('AllAtOnce', { preTrafficHook: 'CodeDeployHook_ok', postTrafficHook: 'CodeDeployHook_ok' }))).deploymentId;
    expect([deployment(world, id).phase, targetPercent(world)]).toEqual(['BeforeAllowTraffic', 0]);
    world.advance(999); // catalog.sleep runs 1,000 ms after its INIT
    expect(targetPercent(world)).toBe(0);
    world.advance(2_000);
    expect(targetPercent(world)).toBe(100);
    world.advance(3_000);
    expect(deployment(world, id).status).toBe('Succeeded');
    expect(deployment(world, id).timeline.map((e) => e.message)).toContain('AfterAllowTraffic: CodeDeployHook_ok reported Succeeded');
  });

  it.each([
    ['CodeDeployHook_fail', 'preTrafficHook'],
    ['CodeDeployHook_hang', 'preTrafficHook'],
    ['CodeDeployHook_fail', 'postTrafficHook'],
  ] as const)('%s as %s fails the deployment and rolls the alias back to version 1', (hook, slot) => {
    const world = deployWorld();
    const id = expectOk(startLambdaDeployment(world, request('AllAtOnce', { [slot]: hook }))).deploymentId;
    world.advance(10_000);
    const ended = deployment(world, id);
    expect([ended.status, ended.errorInformation?.code, targetPercent(world)]).toEqual(['Failed', 'HOOK_EXECUTION_FAILURE', 0]);
    expect(expectOk(getAlias(world, { FunctionName: 'orders', Name: 'live' }))['FunctionVersion']).toBe('1');
  });

  it('a hook not named CodeDeployHook_* is denied under SAM’s default role (SAM-05)', () => {
    const world = deployWorld();
    const id = expectOk(startLambdaDeployment(world, request('AllAtOnce', { preTrafficHook: 'validateOrders' }))).deploymentId;
    world.advance(0);
    expect(deployment(world, id).errorInformation?.message).toMatchInlineSnapshot(`"BeforeAllowTraffic hook failed: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/CodeDeployServiceRole/CodeDeploy is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:validateOrders"`);
    expect(world.trace.all().some((e) => e.operation === 'Invoke' && e.detail['functionName'] === 'validateOrders')).toBe(false);
  });
});

describe('alarms and stops', () => {
  it('an alarm going to ALARM at t+2 min stops a canary and rolls back at that instant', () => {
    const world = deployWorld();
    const startMs = world.nowMs;
    const id = expectOk(startLambdaDeployment(world, request('Canary10Percent5Minutes', { alarmNames: ['orders-errors'] }))).deploymentId;
    world.advance(2 * MINUTE_MS);
    alarmStates.set('orders-errors', 'ALARM');
    alarmEnteredAlarm(world, 'orders-errors');
    const stopped = deployment(world, id);
    expect([stopped.status, stopped.errorInformation?.code, stopped.completedAtMs! - startMs, targetPercent(world)]).toEqual(['Stopped', 'ALARM_ACTIVE', 2 * MINUTE_MS, 0]);
    world.advance(10 * MINUTE_MS);
    expect(targetPercent(world)).toBe(0); // no later step runs
  });

  it('an alarm already in ALARM stops the deployment before any traffic moves', () => {
    const world = deployWorld();
    alarmStates.set('orders-errors', 'ALARM');
    const id = expectOk(startLambdaDeployment(world, request('Linear10PercentEvery1Minute', { alarmNames: ['orders-errors'] }))).deploymentId;
    expect([deployment(world, id).status, targetPercent(world)]).toEqual(['Stopped', 0]);
  });

  it('stop-deployment leaves the alias where it is unless auto-rollback is asked for', () => {
    const world = deployWorld();
    const kept = expectOk(startLambdaDeployment(world, request('Linear10PercentEvery1Minute'))).deploymentId;
    world.advance(2 * MINUTE_MS);
    expect(expectOk(stopDeployment(world, kept, false)).status).toBe('Stopped');
    expect(targetPercent(world)).toBe(30);
    const rolled = expectOk(startLambdaDeployment(world, request('Linear10PercentEvery1Minute', { fromVersion: '1' }))).deploymentId;
    world.advance(MINUTE_MS);
    expectOk(stopDeployment(world, rolled, true));
    expect(targetPercent(world)).toBe(0);
    expect(expectError(stopDeployment(world, rolled, true)).name).toBe('DeploymentAlreadyCompletedException');
  });
});

describe('errors', () => {
  it('answers with CodeDeploy and Lambda errors', () => {
    const world = deployWorld();
    const message = (extra: Partial<LambdaDeploymentRequest>, type = 'AllAtOnce') => expectError(startLambdaDeployment(world, request(type, extra)));
    expect(message({}, 'Canary10Percent6Minutes').name).toBe('DeploymentConfigDoesNotExistException');
    expect(message({ aliasName: 'nope' }).message).toMatchInlineSnapshot(`"Alias not found: arn:aws:lambda:us-east-1:123456789012:function:orders:nope"`);
    expect(message({ fromVersion: '2' }).message).toMatchInlineSnapshot(`"Alias live points to version 1, not to the current version 2 given for the deployment."`);
    expect(message({ toVersion: '7' }).message).toMatchInlineSnapshot(`"Function not found: arn:aws:lambda:us-east-1:123456789012:function:orders:7"`);
    expectOk(startLambdaDeployment(world, request('Canary10Percent30Minutes')));
    expect(message({}).message).toMatchInlineSnapshot(`"The Deployment Group 'ordersDeploymentGroup' already has an active Deployment 'd-ZEX381KP5'"`);
  });
});

describe('property: the alias is always on one of the two versions, weights in [0, 1]', () => {
  it('holds at every instant of random deployments, alarms and stops', () => {
    const action = fc.oneof(
      fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 4 * MINUTE_MS }) }),
      fc.record({ kind: fc.constant('alarm' as const) }),
      fc.record({ kind: fc.constant('stop' as const), rollBack: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...LAMBDA_DEPLOYMENT_CONFIGS.map((c) => c.samType)), fc.array(action, { maxLength: 12 }), (type, actions) => {
        const world = deployWorld();
        const id = expectOk(startLambdaDeployment(world, request(type, { alarmNames: ['a'] }))).deploymentId;
        for (const step of actions) {
          if (step.kind === 'advance') world.advance(step.ms);
          if (step.kind === 'alarm') alarmEnteredAlarm(world, 'a');
          if (step.kind === 'stop') stopDeployment(world, id, step.rollBack);
          const alias = expectOk(getAlias(world, { FunctionName: 'orders', Name: 'live' }));
          expect(['1', '2']).toContain(alias['FunctionVersion']);
          const weights = (alias['RoutingConfig'] as { AdditionalVersionWeights: Record<string, number> } | undefined)?.AdditionalVersionWeights ?? {};
          for (const [version, weight] of Object.entries(weights)) {
            expect(['1', '2']).toContain(version);
            expect(weight).toBeGreaterThanOrEqual(0);
            expect(weight).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 60, seed: 20261125 },
    );
  });
});
