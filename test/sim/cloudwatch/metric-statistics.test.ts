// Proves `aws cloudwatch get-metric-statistics` over the trace-derived Lambda metrics: datapoints only
// for periods with data, several statistics at once, the unit, ExecutedVersion of a weighted alias, and
// the errors (time order, the 1,440-datapoint limit of the API).
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxLine, type SandboxSession } from '../../../src/sim/index.js';

function session(): SandboxSession {
  const sandbox = createSandbox({ seed: 8 });
  const lines = [
    'aws lambda create-function --function-name orders --runtime nodejs22.x --role arn:aws:iam::123456789012:role/r --handler catalog.echo',
    'aws lambda publish-version --function-name orders',
    'aws lambda publish-version --function-name orders',
    'aws lambda create-alias --function-name orders --name live --function-version 1 --routing-config AdditionalVersionWeights={"2"=0.25}',
  ];
  for (const line of lines) expect(runSandboxLine(sandbox, line).ok, line).toBe(true);
  for (let i = 0; i < 12; i++) {
    runSandboxLine(sandbox, 'sim clock advance 10s');
    runSandboxLine(sandbox, 'aws lambda invoke --function-name orders:live out.json');
  }
  return sandbox;
}

const BASE = 'aws cloudwatch get-metric-statistics --namespace AWS/Lambda --start-time 2026-01-01T00:00:00Z --end-time 2026-01-01T00:05:00Z --period 60';

describe('get-metric-statistics', () => {
  it('answers the periods with data, with the asked statistics and the unit', () => {
    const sandbox = session();
    const report = runSandboxLine(sandbox, `${BASE} --metric-name Invocations --dimensions Name=FunctionName,Value=orders --statistics Sum SampleCount`);
    expect(report.output).toMatchInlineSnapshot(`
      {
        "Datapoints": [
          {
            "SampleCount": 5,
            "Sum": 5,
            "Timestamp": "2026-01-01T00:00:00.000Z",
            "Unit": "Count",
          },
          {
            "SampleCount": 6,
            "Sum": 6,
            "Timestamp": "2026-01-01T00:01:00.000Z",
            "Unit": "Count",
          },
          {
            "SampleCount": 1,
            "Sum": 1,
            "Timestamp": "2026-01-01T00:02:00.000Z",
            "Unit": "Count",
          },
        ],
        "Label": "Invocations",
      }
    `);
  });

  it('splits a weighted alias by ExecutedVersion', () => {
    const sandbox = session();
    const sum = (version: string) => {
      const output = runSandboxLine(sandbox, `${BASE} --metric-name Invocations --dimensions Name=FunctionName,Value=orders Name=Resource,Value=orders:live Name=ExecutedVersion,Value=${version} --statistics Sum`).output as { Datapoints: { Sum: number }[] };
      return output.Datapoints.reduce((total, point) => total + point.Sum, 0);
    };
    expect([sum('1'), sum('2')]).toMatchInlineSnapshot(`
      [
        9,
        3,
      ]
    `);
    expect(sum('1') + sum('2')).toBe(12);
  });

  it('refuses reversed times and more than 1,440 datapoints', () => {
    const sandbox = session();
    expect(runSandboxLine(sandbox, 'aws cloudwatch get-metric-statistics --namespace AWS/Lambda --metric-name Errors --start-time 2026-01-02T00:00:00Z --end-time 2026-01-01T00:00:00Z --period 60 --statistics Sum').text).toMatchInlineSnapshot(`
      "An error occurred (InvalidParameterValue) when calling the GetMetricStatistics operation: The parameter StartTime must be less than the parameter EndTime.
      "
    `);
    expect(runSandboxLine(sandbox, 'aws cloudwatch get-metric-statistics --namespace AWS/Lambda --metric-name Errors --start-time 2026-01-01T00:00:00Z --end-time 2026-01-02T00:01:00Z --period 60 --statistics Sum').text).toMatchInlineSnapshot(`
      "An error occurred (InvalidParameterValue) when calling the GetMetricStatistics operation: You have requested up to 1,441 datapoints, which exceeds the limit of 1,440. You may reduce the datapoints requested by increasing Period, or decreasing the time range.
      "
    `);
  });
});
