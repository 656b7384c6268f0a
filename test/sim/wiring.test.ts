// Proves the cross-service wiring of src/sim/wiring.ts end to end through the sandbox: a DynamoDB
// stream (DDB-18) feeds a Lambda event source mapping (LAM-19) that is woken by the write and runs the
// function with the record at the next clock move, and a `catalog.ddb-put` function writes to a table
// through Lambda's putItem port.
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxLine, type TraceEvent } from '../../src/sim/index.js';
import { lambdaPorts } from '../../src/sim/lambda/ports.js';

const CREATE_TABLE = (name: string, extra = '') =>
  `aws dynamodb create-table --table-name ${name} --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST${extra}`;
const CREATE_FUNCTION = (name: string, handler: string, extra = '') =>
  `aws lambda create-function --function-name ${name} --runtime nodejs20.x --role arn:aws:iam::123456789012:role/r --handler ${handler} --code ZipFile=x${extra}`;

function setUp() {
  const sandbox = createSandbox({ seed: 5 });
  const run = (line: string) => {
    const report = runSandboxLine(sandbox, line);
    if (!report.ok) throw new Error(report.text);
    return report.output as Record<string, any>;
  };
  const events = (service: string, operation: string): TraceEvent[] => sandbox.world.trace.all().filter((e) => e.service === service && e.operation === operation);
  return { sandbox, run, events };
}

describe('DynamoDB stream → Lambda event source mapping', () => {
  it('runs the function with the NEW_IMAGE record once the clock moves after the write', () => {
    const { run, events } = setUp();
    const streamArn = run(CREATE_TABLE('Orders', ' --stream-specification StreamEnabled=true,StreamViewType=NEW_IMAGE')).TableDescription.LatestStreamArn as string;
    run(CREATE_FUNCTION('on-order', 'catalog.echo'));
    run(`aws lambda create-event-source-mapping --function-name on-order --event-source-arn ${streamArn} --starting-position LATEST --batch-size 10`);
    run('sim clock advance 1s'); // the first poll pins LATEST: writes before it are not delivered
    run(`aws dynamodb put-item --table-name Orders --item '{"id":{"S":"o1"},"total":{"N":"42"}}'`);
    expect(events('lambda', 'esm-batch')).toHaveLength(0);
    run('sim clock advance 2s');
    const batches = events('lambda', 'esm-batch');
    expect(batches.map((e) => [e.outcome, e.detail.records])).toEqual([['success', 1]]);
    const invokes = events('lambda', 'Invoke').filter((e) => e.detail.source === 'event-source-mapping');
    expect(invokes.map((e) => [e.detail.functionName, e.detail.result])).toEqual([['on-order', 'success']]);
    expect(run('sim show lambda on-order')).toMatchObject({ invocations: 1, coldStarts: 1 });
  });

  it('delivers the records in batches of at most --batch-size', () => {
    const { sandbox, run } = setUp();
    const streamArn = run(CREATE_TABLE('Orders', ' --stream-specification StreamEnabled=true,StreamViewType=NEW_IMAGE')).TableDescription.LatestStreamArn as string;
    run(CREATE_FUNCTION('on-order', 'catalog.echo'));
    run(`aws lambda create-event-source-mapping --function-name on-order --event-source-arn ${streamArn} --starting-position TRIM_HORIZON --batch-size 10`);
    for (let i = 1; i <= 12; i++) run(`aws dynamodb put-item --table-name Orders --item '{"id":{"S":"o${i}"}}'`);
    run('sim clock advance 2s');
    const batches = sandbox.world.trace.all().filter((e) => e.operation === 'esm-batch');
    expect(batches.map((e) => e.detail.records)).toEqual([10, 2]);
  });
});

describe("Lambda's readStreamRecords port", () => {
  it('reads the records as a Lambda event carries them, from TRIM_HORIZON, LATEST or a returned position', () => {
    const { sandbox, run } = setUp();
    const streamArn = run(CREATE_TABLE('Orders', ' --stream-specification StreamEnabled=true,StreamViewType=NEW_IMAGE')).TableDescription.LatestStreamArn as string;
    run(`aws dynamodb put-item --table-name Orders --item '{"id":{"S":"o1"}}'`);
    run(`aws dynamodb put-item --table-name Orders --item '{"id":{"S":"o2"}}'`);
    const read = (position: string, limit: number) => {
      const result = lambdaPorts().readStreamRecords(sandbox.world, streamArn, position, limit);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    const first = read('TRIM_HORIZON', 1);
    expect(first.records[0]).toMatchObject({
      sequenceNumber: '100000000000000000000',
      approximateCreationTimeMs: sandbox.world.nowMs,
      record: { eventName: 'INSERT', eventSourceARN: streamArn, dynamodb: { Keys: { id: { S: 'o1' } }, NewImage: { id: { S: 'o1' } } } },
    });
    expect(read(first.nextPosition, 10).records.map((r) => r.sequenceNumber)).toEqual(['100000000000000000001']);
    expect(read('LATEST', 10)).toEqual({ records: [], nextPosition: '2' });
    expect(lambdaPorts().readStreamRecords(sandbox.world, `${streamArn}x`, 'LATEST', 1)).toMatchObject({ ok: false, error: { name: 'ResourceNotFoundException' } });
  });
});

describe("Lambda's putItem port", () => {
  it('lets a catalog.ddb-put function write to a table', () => {
    const { run } = setUp();
    run(CREATE_TABLE('Orders'));
    run(CREATE_FUNCTION('writer', 'catalog.ddb-put', ' --environment Variables={TABLE_NAME=Orders}'));
    const invoked = run(`aws lambda invoke --function-name writer --payload '{"item":{"id":{"S":"w1"},"by":{"S":"lambda"}}}'`);
    expect(invoked).toMatchObject({ StatusCode: 200 });
    expect(run(`aws dynamodb get-item --table-name Orders --key '{"id":{"S":"w1"}}'`)).toEqual({ Item: { id: { S: 'w1' }, by: { S: 'lambda' } } });
  });
});
