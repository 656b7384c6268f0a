// Proves a deployment watched by a real alarm is deterministic and survives snapshot/restore: the same
// seed and commands give the same trace, and a world restored mid-deployment (pending traffic timers,
// alarm evaluation timers, the alias's routing) continues exactly like the original.
import { describe, expect, it } from 'vitest';
import { createSandbox, restoreWorld, runSandboxLine, type SandboxSession } from '../../../src/sim/index.js';

const SCRIPT = [
  'aws lambda create-function --function-name orders --runtime nodejs22.x --role arn:aws:iam::123456789012:role/r --handler catalog.echo',
  'aws lambda publish-version --function-name orders',
  'aws lambda update-function-configuration --function-name orders --handler catalog.flaky',
  'aws lambda publish-version --function-name orders',
  'aws lambda create-alias --function-name orders --name live --function-version 1',
  'aws cloudwatch put-metric-alarm --alarm-name orders-errors --namespace AWS/Lambda --metric-name Errors --statistic Sum --dimensions Name=FunctionName,Value=orders --period 60 --evaluation-periods 2 --threshold 3 --comparison-operator GreaterThanOrEqualToThreshold',
  'sim deploy start --function orders --alias live --to-version 2 --type Linear10PercentEvery1Minute --alarm orders-errors',
];

function invokeMany(session: SandboxSession, count: number): void {
  for (let i = 0; i < count; i++) {
    runSandboxLine(session, 'sim clock advance 2s');
    runSandboxLine(session, `aws lambda invoke --function-name orders --qualifier live --payload '{"failRate":0.5}' out.json`);
  }
}

function traceText(session: SandboxSession): string {
  return JSON.stringify(session.world.trace.all());
}

describe('deployments and alarms are deterministic', () => {
  it('gives the same trace for the same seed and commands', () => {
    const runs = [1, 2].map(() => {
      const session = createSandbox({ seed: 12 });
      for (const line of SCRIPT) runSandboxLine(session, line);
      invokeMany(session, 200);
      return traceText(session);
    });
    expect(runs[0]).toBe(runs[1]);
  });

  it('continues a restored world exactly like the original', () => {
    const original = createSandbox({ seed: 12 });
    for (const line of SCRIPT) runSandboxLine(original, line);
    invokeMany(original, 20); // 40 s in: 10 % on version 2, the alarm not judged yet
    const copy = { ...original, world: restoreWorld(original.world.snapshot()) };
    invokeMany(original, 180);
    invokeMany(copy, 180);
    expect(traceText(copy)).toBe(traceText(original));
    expect(runSandboxLine(copy, 'sim show deployment').text).toBe(runSandboxLine(original, 'sim show deployment').text);
    // Errors of the canary in the first minute put the alarm in ALARM: stopped at 00:01:00 in both worlds.
    expect(copy.world.trace.all().filter((event) => event.service === 'codedeploy').map((event) => `${event.timeMs - copy.world.trace.all()[0]!.timeMs} ${event.operation}`)).toMatchInlineSnapshot(`
      [
        "0 deployment-created",
        "0 deployment-started",
        "0 traffic-shifted",
        "60000 deployment-stopped",
        "60000 deployment-rolled-back",
      ]
    `);
  });
});
