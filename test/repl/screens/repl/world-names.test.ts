// Proves that the names Tab completes come from the world (tables, functions, roles, buckets, REST API
// ids and names, user pools) and that reading them leaves no entry in the world's trace.
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxLine } from '../../../../src/sim/index.js';
import { readWorldNames } from '../../../../src/repl/screens/repl/world-names.js';

describe('readWorldNames', () => {
  it('lists what the world holds, by kind, without tracing the reads', () => {
    const session = createSandbox();
    for (const line of [
      'aws dynamodb create-table --table-name Orders --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST',
      'aws s3api create-bucket --bucket photos',
      'aws apigateway create-rest-api --name shop',
      'aws cognito-idp create-user-pool --pool-name people',
    ]) {
      expect(runSandboxLine(session, line).ok).toBe(true);
    }
    const traced = session.world.trace.length;
    const names = readWorldNames(session);
    expect(session.world.trace.length).toBe(traced);
    expect(names).toMatchObject({ table: ['Orders'], bucket: ['photos'], 'api-name': ['shop'] });
    expect(names['rest-api']).toHaveLength(1);
    expect(names['user-pool']).toEqual([expect.stringMatching(/^us-east-1_/)]);
  });

  it('is empty for an empty world', () => {
    expect(readWorldNames(createSandbox())).toEqual({});
  });
});
