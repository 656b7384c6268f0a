// Proves the AWS service integration (type AWS, APIGW-10): the URI names a simulated service action,
// the request body reaches it as is (mapping templates are not simulated yet), and the default
// integration response answers 200 with the service's reply, even when the service refused the request.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxScript } from '../../../src/sim/index.js';

const script = readFileSync(new URL('../../fixtures/aws-integration.sim', import.meta.url), 'utf8');

describe('an API Gateway method integrated with DynamoDB PutItem', () => {
  const lines = runSandboxScript(createSandbox({ seed: 1 }), script).lines.filter((line) => !line.isEmpty);
  const http = lines.filter((line) => line.command.startsWith('sim http')).map((line) => line.output as { status: number; body: string });

  it("writes the item named in the body and answers with PutItem's reply", () => {
    expect(lines.every((line) => line.ok)).toBe(true);
    expect(http[0]).toMatchObject({ status: 200 });
    expect(JSON.parse(http[0]!.body)).toEqual({ ConsumedCapacity: { TableName: 'Orders', CapacityUnits: 1 } });
    expect(lines.at(-1)!.output).toMatchObject({ Count: 1, Items: [{ id: { S: 'o1' } }] });
  });

  it('still answers 200 when the service refuses: without integration responses the error is just a body', () => {
    expect(http[1]!.status).toBe(200);
    expect(JSON.parse(http[1]!.body)).toMatchObject({ __type: 'ResourceNotFoundException' });
  });
});
