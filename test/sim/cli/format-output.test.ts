// Proves the output formatting matches the AWS CLI v2 with `--output json`: 4-space indent, doubles
// (`3.0`) for every number inside ConsumedCapacity including its nested Table and index maps, plain
// JSON numbers elsewhere, nothing at all for an empty response; and the service error line.
import { describe, expect, it } from 'vitest';
import { formatAwsError } from '../../../src/sim/cli/format-error.js';
import { formatOutput, stringifyAwsJson } from '../../../src/sim/cli/format-output.js';
import { awsError } from '../../../src/sim/index.js';

describe('formatOutput', () => {
  it('prints capacity figures as doubles, at every depth of ConsumedCapacity', () => {
    const response = {
      ConsumedCapacity: {
        TableName: 'Orders',
        CapacityUnits: 3,
        ReadCapacityUnits: 0.5,
        Table: { CapacityUnits: 1 },
        GlobalSecondaryIndexes: { ByCustomer: { CapacityUnits: 2 } },
        LocalSecondaryIndexes: { ByDate: { CapacityUnits: 0 } },
      },
      Count: 2,
      ScannedCount: 2,
    };
    expect(formatOutput(response)).toMatchInlineSnapshot(`
      "{
          "ConsumedCapacity": {
              "TableName": "Orders",
              "CapacityUnits": 3.0,
              "ReadCapacityUnits": 0.5,
              "Table": {
                  "CapacityUnits": 1.0
              },
              "GlobalSecondaryIndexes": {
                  "ByCustomer": {
                      "CapacityUnits": 2.0
                  }
              },
              "LocalSecondaryIndexes": {
                  "ByDate": {
                      "CapacityUnits": 0.0
                  }
              }
          },
          "Count": 2,
          "ScannedCount": 2
      }
      "
    `);
  });

  it('treats a list of ConsumedCapacity (batch operations) the same way', () => {
    expect(stringifyAwsJson({ ConsumedCapacity: [{ TableName: 'A', CapacityUnits: 2 }] }, 0)).toBe('{"ConsumedCapacity":[{"TableName":"A","CapacityUnits":2.0}]}');
  });

  it('prints nothing for an empty response and keeps empty containers and strings as JSON', () => {
    expect(formatOutput({})).toBe('');
    expect(formatOutput({ Items: [], Item: {}, Note: 'a "quoted" ü' })).toMatchInlineSnapshot(`
      "{
          "Items": [],
          "Item": {},
          "Note": "a \\"quoted\\" ü"
      }
      "
    `);
  });

  it('writes the compact form for JSON Lines with the same doubles', () => {
    expect(stringifyAwsJson({ a: [1, 2], ConsumedCapacity: { CapacityUnits: 1 }, b: null }, 0)).toBe('{"a":[1,2],"ConsumedCapacity":{"CapacityUnits":1.0},"b":null}');
  });
});

describe('formatAwsError', () => {
  const throttled = awsError('ProvisionedThroughputExceededException', 400, 'The level of configured provisioned throughput for the table was exceeded.', { retryable: true });

  it('uses the AWS CLI sentence', () => {
    expect(formatAwsError('PutItem', throttled)).toMatchInlineSnapshot(`
      "An error occurred (ProvisionedThroughputExceededException) when calling the PutItem operation: The level of configured provisioned throughput for the table was exceeded.
      "
    `);
  });

  it('names the retries made when retries were on', () => {
    expect(formatAwsError('PutItem', throttled, 2)).toContain('when calling the PutItem operation (reached max retries: 2): The level');
  });
});
