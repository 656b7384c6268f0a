// Proves the traffic schedule of every predefined Lambda deployment configuration (SAM-05; CodeDeploy
// User Guide, predefined configurations for Lambda): canary = 10 % at t+0 and 100 % after N minutes;
// linear = 10 % "at the start of each increment" (API TimeBasedLinear), so 100 % at t+9N, not t+10N;
// all-at-once = 100 % at t+0. Both name forms (SAM's Type and CodeDeploy's) find the same configuration.
import { describe, expect, it } from 'vitest';
import { DEPLOYMENT_TYPE_NAMES, LAMBDA_DEPLOYMENT_CONFIGS, findDeploymentConfig, trafficPercentAt, trafficSchedule } from '../../../src/sim/codedeploy/configs.js';

const MINUTE_MS = 60_000;

function percentAt(type: string, minutes: number): number {
  const config = findDeploymentConfig(type);
  if (config === undefined) throw new Error(`no config ${type}`);
  return trafficPercentAt(config, minutes * MINUTE_MS);
}

describe('predefined Lambda deployment configurations (SAM-05)', () => {
  it('lists the nine configurations under both names', () => {
    expect(LAMBDA_DEPLOYMENT_CONFIGS.map((c) => c.samType)).toEqual([
      'Canary10Percent5Minutes', 'Canary10Percent10Minutes', 'Canary10Percent15Minutes', 'Canary10Percent30Minutes',
      'Linear10PercentEvery1Minute', 'Linear10PercentEvery2Minutes', 'Linear10PercentEvery3Minutes', 'Linear10PercentEvery10Minutes', 'AllAtOnce',
    ]);
    expect(DEPLOYMENT_TYPE_NAMES).toContain('CodeDeployDefault.LambdaLinear10PercentEvery1Minute');
    expect(findDeploymentConfig('CodeDeployDefault.LambdaAllAtOnce')).toBe(findDeploymentConfig('AllAtOnce'));
    expect(findDeploymentConfig('Canary10Percent6Minutes')).toBeUndefined();
  });

  it.each([
    ['Canary10Percent5Minutes', 5],
    ['Canary10Percent10Minutes', 10],
    ['Canary10Percent15Minutes', 15],
    ['Canary10Percent30Minutes', 30],
  ])('%s: 10 %% at t+0, still 10 %% just before t+%i min, 100 %% at it', (type, minutes) => {
    expect(percentAt(type, 0)).toBe(10);
    expect(percentAt(type, minutes - 1 / 60_000)).toBe(10);
    expect(percentAt(type, minutes)).toBe(100);
  });

  it.each([
    ['Linear10PercentEvery1Minute', 1],
    ['Linear10PercentEvery2Minutes', 2],
    ['Linear10PercentEvery3Minutes', 3],
    ['Linear10PercentEvery10Minutes', 10],
  ])('%s: +10 %% every %i min from 10 %% at t+0 to 100 %% at t+9 intervals', (type, minutes) => {
    const config = findDeploymentConfig(type);
    expect(config && trafficSchedule(config)).toEqual(Array.from({ length: 10 }, (_, i) => ({ offsetMs: i * minutes * MINUTE_MS, percent: (i + 1) * 10 })));
    expect(percentAt(type, 0)).toBe(10);
    expect(percentAt(type, 4 * minutes)).toBe(50);
    expect(percentAt(type, 9 * minutes - 1 / 60_000)).toBe(90);
    expect(percentAt(type, 9 * minutes)).toBe(100);
  });

  it('AllAtOnce: 100 % at t+0', () => {
    expect(percentAt('AllAtOnce', 0)).toBe(100);
  });
});
