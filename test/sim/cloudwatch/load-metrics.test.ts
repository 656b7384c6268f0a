// Proves CloudWatch sees Lambda traffic that `sim load` generates: a 20/s load for 60 s on a handler that
// fails half the time gives Sum(Invocations) = 1200 and SampleCount = invocations, Average(Errors) the
// error rate counted from the load's aggregates in the trace, an alarm on Errors changing state at the
// exact minute boundary the load crosses, and (the journey) a canary deployment rolled back by that alarm
// while a background load drives traffic through the alias.
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxLine, type SandboxSession } from '../../../src/sim/index.js';
import type { LoadMetricsHolder } from '../../../src/sim/cloudwatch/index.js';
import { ALARM, ORDERS } from './orders-fixture.js';

function sandbox(lines: readonly string[], seed = 4): SandboxSession {
  const session = createSandbox({ seed });
  for (const line of lines) expect(runSandboxLine(session, line).ok, line).toBe(true);
  return session;
}

const FLAKY = ['aws lambda create-function --function-name f --runtime nodejs22.x --role arn:aws:iam::123456789012:role/r --handler catalog.flaky'];

function statistics(session: SandboxSession, metricName: string, statistics: string, dimensions = 'Name=FunctionName,Value=f'): Record<string, unknown>[] {
  const line = `aws cloudwatch get-metric-statistics --namespace AWS/Lambda --metric-name ${metricName} --dimensions ${dimensions} --start-time 2026-01-01T00:00:00Z --end-time 2026-01-01T00:05:00Z --period 60 --statistics ${statistics}`;
  const result = runSandboxLine(session, line);
  expect(result.ok, line).toBe(true);
  return (result.output as { Datapoints: Record<string, unknown>[] }).Datapoints;
}

/** Errors counted from the load's `load-second` aggregates in the trace. */
function errorsInTrace(session: SandboxSession): number {
  const seconds = session.world.trace.all().filter((event) => event.operation === 'load-second');
  return seconds.reduce((total, event) => total + Object.values((event.detail as LoadMetricsHolder).lambdaMetrics ?? {}).reduce((sum, cell) => sum + (cell.metrics['Errors']?.sum ?? 0), 0), 0);
}

describe('Lambda metrics of sim load traffic', () => {
  it('counts 1200 invocations of a 20/s minute, and Average(Errors) is the seeded error rate', () => {
    const session = sandbox([...FLAKY, 'sim load --rate 20/s --for 60s -- aws lambda invoke --function-name f out.json']);
    const errors = errorsInTrace(session);
    expect(errors).toMatchInlineSnapshot(`606`);
    expect(statistics(session, 'Invocations', 'Sum SampleCount')).toEqual([{ Timestamp: '2026-01-01T00:00:00.000Z', Sum: 1200, SampleCount: 1200, Unit: 'Count' }]);
    const [point] = statistics(session, 'Errors', 'Average Sum SampleCount Minimum Maximum');
    expect(point).toEqual({ Timestamp: '2026-01-01T00:00:00.000Z', Average: errors / 1200, Sum: errors, SampleCount: 1200, Minimum: 0, Maximum: 1, Unit: 'Count' });
    expect(statistics(session, 'Duration', 'Minimum Maximum SampleCount')).toEqual([{ Timestamp: '2026-01-01T00:00:00.000Z', Minimum: 3, Maximum: 3, SampleCount: 1200, Unit: 'Milliseconds' }]);
  });

  it('adds hand-typed invocations to the load’s, per period', () => {
    const session = sandbox([...FLAKY, 'sim clock advance 30s', 'sim load --rate 10/s --for 60s -- aws lambda invoke --function-name f out.json', 'aws lambda invoke --function-name f out.json']);
    expect(statistics(session, 'Invocations', 'Sum').map((point) => [point['Timestamp'], point['Sum']])).toEqual([
      ['2026-01-01T00:00:00.000Z', 300],
      ['2026-01-01T00:01:00.000Z', 301],
    ]);
    expect(statistics(session, 'Invocations', 'Sum', 'Name=FunctionName,Value=other')).toEqual([]);
  });

  it('sees the seconds of a background load that are still open', () => {
    const session = sandbox([...FLAKY, 'sim load --background --rate 10/s --for 60s -- aws lambda invoke --function-name f out.json', 'sim clock advance 2500ms']);
    // Requests at 0, 100, ..., 2500 ms: 26, the last three in the second that is still open.
    expect(statistics(session, 'Invocations', 'Sum')).toEqual([{ Timestamp: '2026-01-01T00:00:00.000Z', Sum: 26, Unit: 'Count' }]);
  });
});

function alarmHistory(session: SandboxSession): unknown[] {
  return session.world.trace.all().filter((event) => event.operation === 'alarm-state-changed').map((event) => [new Date(event.timeMs).toISOString(), event.detail['to']]);
}

describe('alarms on sim load traffic', () => {
  it('judge each minute at its boundary, the second that ends there included', () => {
    const alarm = 'aws cloudwatch put-metric-alarm --alarm-name f-errors --namespace AWS/Lambda --metric-name Errors --statistic Average --dimensions Name=FunctionName,Value=f --period 60 --evaluation-periods 1 --threshold 0.2 --comparison-operator GreaterThanThreshold';
    const session = sandbox([...FLAKY, alarm, 'sim load --rate 20/s --for 150s -- aws lambda invoke --function-name f out.json']);
    expect(alarmHistory(session)).toEqual([['2026-01-01T00:01:00.000Z', 'ALARM']]);
    const reason = runSandboxLine(session, 'aws cloudwatch describe-alarms --alarm-names f-errors').output as { MetricAlarms: { StateReason: string }[] };
    expect(reason.MetricAlarms[0]?.StateReason).toMatchInlineSnapshot(`"Threshold Crossed: 1 datapoint [0.5241666666666667 (01/01/26 00:01:00)] was greater than the threshold (0.2)."`);
    // Judged at 00:02:00 from all 1200 runs of the minute, the second 00:01:59–00:02:00 included.
    const [first, second] = statistics(session, 'Errors', 'SampleCount Average');
    expect([first?.['SampleCount'], second?.['SampleCount']]).toEqual([1200, 1200]);
    expect(reason.MetricAlarms[0]?.StateReason).toContain(`[${String(second?.['Average'])} (01/01/26 00:01:00)]`);
  });

  it('rolls a canary back at 00:01:00 while a 20/s load runs through the alias (the journey)', () => {
    const session = sandbox([...ORDERS, ALARM], 6);
    const id = String(runSandboxLine(session, 'sim deploy start --function orders --alias live --to-version 2 --type Canary10Percent5Minutes --alarm orders-errors').output?.['deploymentId']);
    expect(runSandboxLine(session, 'sim load --rate 20/s --for 10m -- aws lambda invoke --function-name orders:live out.json').ok).toBe(true);
    expect(alarmHistory(session)[0]).toEqual(['2026-01-01T00:01:00.000Z', 'ALARM']);
    const info = runSandboxLine(session, `aws deploy get-deployment --deployment-id ${id}`).output as { deploymentInfo: Record<string, unknown> };
    expect([info.deploymentInfo['status'], info.deploymentInfo['completeTime']]).toEqual(['Stopped', '2026-01-01T00:01:00.000Z']);
    expect(runSandboxLine(session, 'aws lambda get-alias --function-name orders --name live').output).toMatchObject({ FunctionVersion: '1' });
    const onVersion2 = statistics(session, 'Invocations', 'Sum', 'Name=FunctionName,Value=orders Name=ExecutedVersion,Value=2');
    expect(onVersion2.map((point) => point['Timestamp'])).toEqual(['2026-01-01T00:00:00.000Z']);
    expect(onVersion2[0]?.['Sum']).toMatchInlineSnapshot(`126`);
    const live = statistics(session, 'Invocations', 'Sum', 'Name=FunctionName,Value=orders Name=Resource,Value=orders:live');
    expect(live.map((point) => point['Sum'])).toEqual([1200, 1200, 1200, 1200, 1200]);
  });
});
