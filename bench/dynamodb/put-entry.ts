// Bench subject: one hour of PutItem at 1,000 requests/s (3.6 million) straight into the DynamoDB core,
// each request a fresh item object as the load engine builds them, with a recorder that only adds up
// (as `sim load` folds events into seconds). Measures the core's per-request path alone.
import { createWorld } from '../../src/sim/world.js';
import { createTable, putItem } from '../../src/sim/dynamodb/index.js';

export function runBench(requests = 3_600_000): { wallMs: number; requests: number; throttled: number; consumedUnits: number } {
  const world = createWorld({ seed: 1 });
  createTable(world, {
    TableName: 'Orders',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 800 },
  });
  let consumedUnits = 0;
  let throttled = 0;
  const started = performance.now();
  world.withRecorder(
    (event) => {
      consumedUnits += event.detail.consumedCapacityUnits as number;
    },
    () => {
      for (let n = 0; n < requests; n++) {
        const result = putItem(world, { TableName: 'Orders', Item: { pk: { S: `user${n % 1000}` }, n: { N: String(n) } } });
        if (!result.ok) throttled++;
        world.advance(1);
      }
    },
  );
  return { wallMs: performance.now() - started, requests, throttled, consumedUnits };
}
