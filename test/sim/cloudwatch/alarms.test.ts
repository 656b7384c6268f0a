// Proves metric alarms on the virtual clock: the initial INSUFFICIENT_DATA state, evaluation at each
// epoch-aligned period end, the StateReason text, TreatMissingData, set-alarm-state until the next
// evaluation, the errors in the AWS CLI's form, and — through the real wiring — an alarm on a weighted
// alias's errors stopping a CodeDeploy canary and rolling it back at a pinned virtual time.
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxLine, type SandboxSession } from '../../../src/sim/index.js';
import { ALARM, ORDERS } from './orders-fixture.js';

function sandbox(lines: readonly string[], seed = 4): SandboxSession {
  const session = createSandbox({ seed });
  for (const line of lines) expect(runSandboxLine(session, line).ok, `${line}\n${runSandboxLine(session, 'sim clock').text}`).toBe(true);
  return session;
}

function alarm(session: SandboxSession): Record<string, unknown> {
  const described = runSandboxLine(session, 'aws cloudwatch describe-alarms --alarm-names orders-errors').output as { MetricAlarms: Record<string, unknown>[] };
  return described.MetricAlarms[0] ?? {};
}

describe('alarm evaluation', () => {
  it('starts in INSUFFICIENT_DATA, goes to ALARM at the end of the minute with an error, back to OK after a clean minute', () => {
    const session = sandbox([...ORDERS, ALARM]);
    expect([alarm(session)['StateValue'], alarm(session)['StateReason']]).toEqual(['INSUFFICIENT_DATA', 'Unchecked: Initial alarm creation']);
    runSandboxLine(session, 'aws lambda invoke --function-name orders:2 --qualifier 2 out.json'); // an error, but not through live
    runSandboxLine(session, 'aws lambda update-alias --function-name orders --name live --function-version 2');
    runSandboxLine(session, 'sim clock advance 20s');
    runSandboxLine(session, 'aws lambda invoke --function-name orders --qualifier live out.json');
    runSandboxLine(session, 'sim clock advance 39999ms');
    expect(alarm(session)['StateValue']).toBe('INSUFFICIENT_DATA');
    runSandboxLine(session, 'sim clock advance 1ms');
    expect([alarm(session)['StateValue'], alarm(session)['StateReason'], alarm(session)['StateUpdatedTimestamp']]).toMatchInlineSnapshot(`
      [
        "ALARM",
        "Threshold Crossed: 1 datapoint [1.0 (01/01/26 00:00:00)] was greater than the threshold (0.0).",
        "2026-01-01T00:01:00.000Z",
      ]
    `);
    runSandboxLine(session, 'aws lambda update-alias --function-name orders --name live --function-version 1');
    runSandboxLine(session, 'aws lambda invoke --function-name orders --qualifier live out.json');
    runSandboxLine(session, 'sim clock advance 60s');
    expect([alarm(session)['StateValue'], alarm(session)['StateReason']]).toMatchInlineSnapshot(`
      [
        "OK",
        "Threshold Crossed: 1 datapoint [0.0 (01/01/26 00:01:00)] was not greater than the threshold (0.0).",
      ]
    `);
    runSandboxLine(session, 'sim clock advance 60s');
    expect(alarm(session)['StateValue']).toBe('INSUFFICIENT_DATA');
  });

  it('treats missing data as notBreaching when asked', () => {
    const session = sandbox([...ORDERS, `${ALARM} --treat-missing-data notBreaching`, 'sim clock advance 60s']);
    expect([alarm(session)['StateValue'], alarm(session)['StateReason']]).toMatchInlineSnapshot(`
      [
        "OK",
        "Threshold Crossed: 1 datapoint [missing (01/01/26 00:00:00)] was not greater than the threshold (0.0).",
      ]
    `);
  });

  it('set-alarm-state holds until the next evaluation', () => {
    const session = sandbox([...ORDERS, `${ALARM} --treat-missing-data notBreaching`, 'sim clock advance 10s']);
    expect(runSandboxLine(session, `aws cloudwatch set-alarm-state --alarm-name orders-errors --state-value ALARM --state-reason 'testing the rollback'`).text).toBe('');
    expect([alarm(session)['StateValue'], alarm(session)['StateReason']]).toEqual(['ALARM', 'testing the rollback']);
    runSandboxLine(session, 'sim clock advance 50s');
    expect(alarm(session)['StateValue']).toBe('OK');
  });

  it('answers with CloudWatch errors', () => {
    const session = sandbox(ORDERS);
    expect(runSandboxLine(session, ALARM.replace('--period 60', '--period 45')).text).toMatchInlineSnapshot(`
      "An error occurred (ValidationError) when calling the PutMetricAlarm operation: Period must be 10, 30 or a multiple of 60
      "
    `);
    expect(runSandboxLine(session, `aws cloudwatch set-alarm-state --alarm-name nope --state-value OK --state-reason x`).text).toMatchInlineSnapshot(`
      "An error occurred (ResourceNotFound) when calling the SetAlarmState operation: Alarm nope not found
      "
    `);
    expect(runSandboxLine(session, ALARM.replace('--statistic Sum', '--statistic Total')).isParseError).toBe(true);
  });
});

describe('an alarm stops a deployment (the real wiring)', () => {
  it('rolls a canary back at the end of the first minute with errors on the new version', () => {
    const session = sandbox([...ORDERS, ALARM], 6);
    const started = runSandboxLine(session, 'sim deploy start --function orders --alias live --to-version 2 --type Canary10Percent5Minutes --alarm orders-errors');
    const id = String(started.output?.['deploymentId']);
    runSandboxLine(session, 'sim clock advance 10s');
    const executed = Array.from({ length: 30 }, () => String(runSandboxLine(session, 'aws lambda invoke --function-name orders --qualifier live out.json').output?.['ExecutedVersion']));
    expect(executed.filter((version) => version === '2').length).toMatchInlineSnapshot(`4`);
    runSandboxLine(session, 'sim clock advance 49999ms');
    expect(runSandboxLine(session, `aws deploy get-deployment --deployment-id ${id}`).output).toMatchObject({ deploymentInfo: { status: 'InProgress' } });
    runSandboxLine(session, 'sim clock advance 1ms'); // 00:01:00: the alarm's first evaluation with data
    const info = runSandboxLine(session, `aws deploy get-deployment --deployment-id ${id}`).output as { deploymentInfo: Record<string, unknown> };
    expect([info.deploymentInfo['status'], info.deploymentInfo['completeTime'], info.deploymentInfo['errorInformation']]).toMatchInlineSnapshot(`
      [
        "Stopped",
        "2026-01-01T00:01:00.000Z",
        {
          "code": "ALARM_ACTIVE",
          "message": "One or more alarms have been activated according to the Amazon CloudWatch metrics you selected, and the affected deployments have been stopped. Activated alarms: <orders-errors>",
        },
      ]
    `);
    expect(runSandboxLine(session, 'aws lambda get-alias --function-name orders --name live').output).toMatchObject({ FunctionVersion: '1' });
    expect(runSandboxLine(session, 'aws lambda get-alias --function-name orders --name live').output).not.toHaveProperty('RoutingConfig');
  });

  it('set-alarm-state ALARM rolls back at once', () => {
    const session = sandbox([...ORDERS, ALARM], 6);
    const id = String(runSandboxLine(session, 'sim deploy start --function orders --alias live --to-version 2 --type Linear10PercentEvery1Minute --alarm orders-errors').output?.['deploymentId']);
    runSandboxLine(session, 'sim clock advance 150s');
    runSandboxLine(session, `aws cloudwatch set-alarm-state --alarm-name orders-errors --state-value ALARM --state-reason drill`);
    expect(runSandboxLine(session, `sim show deployment ${id}`).output).toMatchObject({ status: 'Stopped', traffic: [{ version: '1', percent: 100 }, { version: '2', percent: 0 }] });
  });
});
