// Proves the dispatcher runs fixture operations against the world and answers the AWS CLI's JSON and
// text: successes, service errors as {code,status,message}, --region for one command only, and
// retries that are off by default and, when asked for, wait in virtual time.
import { describe, expect, it } from 'vitest';
import { runSandboxLine } from '../../../src/sim/index.js';
import { FIXTURE_WRITES_PER_SECOND, fixtureSandbox } from '../../helpers/sandbox-fixtures.js';

const CREATE = 'aws dynamodb create-table --table-name T --key-schema AttributeName=id,KeyType=HASH';

describe('dispatch of aws commands', () => {
  it('answers the operation response as JSON and as the CLI text', () => {
    const session = fixtureSandbox();
    runSandboxLine(session, CREATE);
    const report = runSandboxLine(session, 'aws dynamodb put-item --table-name T --item id={S=1} --return-consumed-capacity TOTAL');
    expect(report).toMatchObject({ ok: true, output: { ConsumedCapacity: { TableName: 'T', CapacityUnits: 1 } }, error: null });
    expect(report.text).toContain('"CapacityUnits": 1.0');
  });

  it('prints nothing for an empty response', () => {
    const session = fixtureSandbox();
    runSandboxLine(session, CREATE);
    expect(runSandboxLine(session, 'aws dynamodb put-item --table-name T --item id={S=1}')).toMatchObject({ ok: true, output: {}, text: '' });
  });

  it('answers a service error as {code, status, message} and the CLI sentence', () => {
    const report = runSandboxLine(fixtureSandbox(), 'aws dynamodb put-item --table-name Nope --item id={S=1}');
    expect(report.error).toEqual({ code: 'ResourceNotFoundException', status: 400, message: 'Requested resource not found: Table: Nope not found' });
    expect(report.text).toMatchInlineSnapshot(`
      "An error occurred (ResourceNotFoundException) when calling the PutItem operation: Requested resource not found: Table: Nope not found
      "
    `);
  });

  it('runs one command in the Region of --region and leaves the session Region alone', () => {
    const session = fixtureSandbox();
    runSandboxLine(session, `${CREATE} --region eu-west-1`);
    expect(runSandboxLine(session, 'aws dynamodb put-item --table-name T --item id={S=1}').error?.code).toBe('ResourceNotFoundException');
    expect(runSandboxLine(session, 'aws dynamodb put-item --table-name T --item id={S=1} --region eu-west-1').ok).toBe(true);
    expect(session.world.region).toBe('us-east-1');
  });

  it('does not retry by default: every throttle is visible', () => {
    const session = fixtureSandbox();
    runSandboxLine(session, CREATE);
    const reports = Array.from({ length: FIXTURE_WRITES_PER_SECOND + 1 }, (_, i) => runSandboxLine(session, `aws dynamodb put-item --table-name T --item id={S=${i}}`));
    expect(reports.filter((r) => !r.ok).map((r) => r.error?.code)).toEqual(['ProvisionedThroughputExceededException']);
    expect(session.world.nowMs).toBe(reports[0]!.timeMs);
  });

  it('with --retries, waits in virtual time with backoff and succeeds once the next second has capacity', () => {
    const session = fixtureSandbox();
    runSandboxLine(session, CREATE);
    for (let i = 0; i < FIXTURE_WRITES_PER_SECOND; i++) runSandboxLine(session, `aws dynamodb put-item --table-name T --item id={S=${i}}`);
    const startMs = session.world.nowMs;
    const report = runSandboxLine(session, 'aws dynamodb put-item --table-name T --item id={S=late} --retries 10');
    expect(report.ok).toBe(true);
    expect(session.world.nowMs).toBeGreaterThanOrEqual(startMs + 1000);
  });

  it('names the retries it made when they all fail', () => {
    const session = fixtureSandbox();
    runSandboxLine(session, CREATE);
    for (let i = 0; i < FIXTURE_WRITES_PER_SECOND; i++) runSandboxLine(session, `aws dynamodb put-item --table-name T --item id={S=${i}}`);
    // The first retry of a throttle waits less than 500 ms (full jitter on a 500 ms base), so from the
    // start of a second it cannot reach the next one: the retry is throttled too.
    const report = runSandboxLine(session, 'aws dynamodb put-item --table-name T --item id={S=late} --retries 1');
    expect(report.text).toContain('when calling the PutItem operation (reached max retries: 1): The level');
    expect(session.world.nowMs).toBeLessThan(1_767_225_600_000 + 500);
  });
});
