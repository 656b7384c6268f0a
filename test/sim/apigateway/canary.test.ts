// Proves canary releases on a REST stage through the sandbox: create-deployment --canary-settings puts
// the new deployment beside the stage's own (never on a new stage), a seeded draw per request sends
// percentTraffic % to it (an exact count for a seed, the same count again for the same seed), canary
// requests see the canary's resources and stage-variable overrides, skip the stage cache unless
// useStageCache, the patch paths change the settings, and promotion copies the canary onto the stage.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_ON_ALIAS, FUNCTION_WITH_ALIASES, PERMISSIONS, errorOf, outputOf, sandboxAfter, stageVariablesSeen, type HttpOutput } from './stages-fixtures.js';
import type { SandboxSession } from '../../../src/sim/cli/sim-command-spec.js';

const CANARY = "aws apigateway create-deployment --rest-api-id orders-api --stage-name prod --canary-settings 'percentTraffic=10,stageVariableOverrides={alias=next},useStageCache=false'";
const UPDATE = 'aws apigateway update-stage --rest-api-id orders-api --stage-name prod --patch-operations';
const WITH_CANARY = `${FUNCTION_WITH_ALIASES}${API_ON_ALIAS}${PERMISSIONS}${CANARY}`;

interface Summary {
  readonly requests: number;
  readonly canaryRequests: number;
  readonly statuses: Record<string, number>;
  readonly deployments: Record<string, number>;
}

interface StageView {
  readonly deploymentId: string;
  readonly variables?: Record<string, string>;
  readonly canarySettings?: { deploymentId: string; percentTraffic: number; useStageCache: boolean; stageVariableOverrides?: Record<string, string> };
}

const stageOf = (session: SandboxSession): StageView => outputOf<StageView>(session, 'aws apigateway get-stage --rest-api-id orders-api --stage-name prod');

/** Single requests until one is (or is not) a canary request; bounded. */
function firstRequest(session: SandboxSession, isCanaryRequest: boolean): HttpOutput {
  for (let i = 0; i < 200; i++) {
    const output = outputOf<HttpOutput>(session, 'sim http GET /prod/orders');
    if (output.servedBy?.isCanaryRequest === isCanaryRequest) return output;
  }
  throw new Error(`no ${isCanaryRequest ? 'canary' : 'base'} request in 200`);
}

describe('canary releases', () => {
  it('adds the new deployment as the canary of an existing stage, which keeps its own deployment', () => {
    const before = sandboxAfter(`${FUNCTION_WITH_ALIASES}${API_ON_ALIAS}`);
    const baseId = stageOf(before).deploymentId;
    const canaryId = outputOf<{ id: string }>(before, CANARY).id;
    expect(stageOf(before)).toMatchObject({
      deploymentId: baseId, variables: { alias: 'live' },
      canarySettings: { deploymentId: canaryId, percentTraffic: 10, useStageCache: false, stageVariableOverrides: { alias: 'next' } },
    });
    const shown = outputOf<{ stages: { stage: string; canary?: unknown }[] }>(before, 'sim show api orders-api');
    expect(shown.stages.find((s) => s.stage === 'prod')!.canary).toEqual({ deploymentId: canaryId, percentTraffic: 10, useStageCache: false, stageVariableOverrides: { alias: 'next' } });
  });

  it('refuses a canary on a stage that does not exist, and a percentage outside 0–100', () => {
    const session = sandboxAfter(`${FUNCTION_WITH_ALIASES}${API_ON_ALIAS}`);
    expect([
      errorOf(session, CANARY.replace('prod', 'beta')),
      errorOf(session, CANARY.replace('percentTraffic=10', 'percentTraffic=150')),
      errorOf(session, `${UPDATE} op=replace,path=/canarySettings/percentTraffic,value=-1`),
    ]).toMatchInlineSnapshot(`
      [
        "An error occurred (NotFoundException) when calling the CreateDeployment operation: Invalid Stage identifier specified",
        "An error occurred (BadRequestException) when calling the CreateDeployment operation: Canary percentTraffic must be between 0.0 and 100.0, got 150",
        "An error occurred (BadRequestException) when calling the UpdateStage operation: Canary percentTraffic must be between 0.0 and 100.0, got -1",
      ]
    `);
  });

  it('sends 11 of 100 seeded requests to a 10 % canary (seed 1), the trace agreeing', () => {
    const session = sandboxAfter(WITH_CANARY);
    const { deploymentId: baseId, canarySettings } = stageOf(session);
    const summary = outputOf<Summary>(session, 'sim http GET /prod/orders --repeat 100');
    expect(summary).toMatchObject({ requests: 100, canaryRequests: 11, statuses: { 200: 100 }, deployments: { [baseId]: 89, [canarySettings!.deploymentId]: 11 } });
    const traced = session.world.trace.all().filter((e) => e.service === 'apigateway' && e.operation === 'Request' && e.detail['isCanaryRequest'] === true);
    expect(traced).toHaveLength(11);
  });

  it('gives canary requests the overrides (alias next) and base requests the stage variables (alias live)', () => {
    const session = sandboxAfter(WITH_CANARY);
    const canary = firstRequest(session, true);
    expect(stageVariablesSeen(canary)).toEqual({ alias: 'next' });
    expect(canary.trace[0]).toMatchObject({ step: 'canary', outcome: 'canary' });
    expect(stageVariablesSeen(firstRequest(session, false))).toEqual({ alias: 'live' });
    const versions = session.world.trace.all().filter((e) => e.service === 'lambda' && e.operation === 'Invoke').map((e) => e.detail['version']);
    expect(new Set(versions)).toEqual(new Set(['1', '2']));
  });

  it('serves the canary deployment\'s resources only to canary requests', () => {
    const session = sandboxAfter(`${FUNCTION_WITH_ALIASES}${API_ON_ALIAS}${PERMISSIONS}
aws apigateway create-resource --rest-api-id orders-api --parent-id / --path-part health
aws apigateway put-method --rest-api-id orders-api --resource-id /health --http-method GET --authorization-type NONE
aws apigateway put-integration --rest-api-id orders-api --resource-id /health --http-method GET --type MOCK
${CANARY.replace('percentTraffic=10', 'percentTraffic=50')}`);
    const summary = outputOf<Summary>(session, 'sim http GET /prod/health --repeat 40');
    expect(summary.statuses['200']).toBe(summary.canaryRequests);
    expect(summary.statuses['403']).toBe(40 - summary.canaryRequests);
  });

  it('changes percentTraffic, overrides and useStageCache through update-stage', () => {
    const session = sandboxAfter(WITH_CANARY);
    outputOf(session, `${UPDATE} op=replace,path=/canarySettings/percentTraffic,value=100 op=replace,path=/canarySettings/stageVariableOverrides/table,value=OrdersV2 op=replace,path=/canarySettings/useStageCache,value=true`);
    expect(stageOf(session).canarySettings).toMatchObject({ percentTraffic: 100, useStageCache: true, stageVariableOverrides: { alias: 'next', table: 'OrdersV2' } });
    expect(outputOf<Summary>(session, 'sim http GET /prod/orders --repeat 20').canaryRequests).toBe(20);
    outputOf(session, `${UPDATE} op=replace,path=/canarySettings/percentTraffic,value=0 op=remove,path=/canarySettings/stageVariableOverrides/table`);
    expect(outputOf<Summary>(session, 'sim http GET /prod/orders --repeat 20').canaryRequests).toBe(0);
    expect(stageOf(session).canarySettings?.stageVariableOverrides).toEqual({ alias: 'next' });
  });

  it('keeps canary requests out of the stage cache unless useStageCache is on', () => {
    const session = sandboxAfter(`${WITH_CANARY}
${UPDATE} op=replace,path=/cacheClusterEnabled,value=true op=replace,path=/canarySettings/percentTraffic,value=50`);
    const cacheSteps = (canary: boolean): string[] => {
      const outputs = Array.from({ length: 30 }, () => outputOf<HttpOutput>(session, 'sim http GET /prod/orders')).filter((o) => o.servedBy?.isCanaryRequest === canary);
      return [...new Set(outputs.flatMap((o) => o.trace.filter((s) => s.step === 'cache').map((s) => s.outcome)))].sort();
    };
    expect(cacheSteps(true)).toEqual([]);
    expect(cacheSteps(false)).toEqual(['hit']);
    outputOf(session, `${UPDATE} op=replace,path=/canarySettings/useStageCache,value=true`);
    expect(cacheSteps(true)).toEqual(['hit']);
  });

  it('promotes the canary: the stage takes its deployment and overrides, and the canary is removed', () => {
    const session = sandboxAfter(WITH_CANARY);
    const canaryId = stageOf(session).canarySettings!.deploymentId;
    outputOf(session, `${UPDATE} op=copy,from=/canarySettings/deploymentId,path=/deploymentId op=copy,from=/canarySettings/stageVariableOverrides,path=/variables op=remove,path=/canarySettings`);
    const stage = stageOf(session);
    expect(stage).toMatchObject({ deploymentId: canaryId, variables: { alias: 'next' } });
    expect(stage.canarySettings).toBeUndefined();
    const served = outputOf<HttpOutput>(session, 'sim http GET /prod/orders');
    expect(served.servedBy).toBeUndefined();
    expect(stageVariablesSeen(served)).toEqual({ alias: 'next' });
    expect(errorOf(session, `${UPDATE} op=copy,from=/canarySettings/deploymentId,path=/deploymentId`)).toContain('BadRequestException');
  });

  it('draws the same canary count for the same seed, between 0 and N (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 100 }), (seed, percent) => {
      const count = () => {
        const session = sandboxAfter(WITH_CANARY.replace('percentTraffic=10', `percentTraffic=${percent}`), seed);
        return outputOf<Summary>(session, 'sim http GET /prod/orders --repeat 25').canaryRequests;
      };
      const first = count();
      expect(count()).toBe(first);
      if (percent === 0) expect(first).toBe(0);
      if (percent === 100) expect(first).toBe(25);
      expect(first).toBeGreaterThanOrEqual(0);
      expect(first).toBeLessThanOrEqual(25);
    }), { numRuns: 8 });
  });
});
