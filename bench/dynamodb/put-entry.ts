// Bench subject: one hour of PutItem at 1,000 requests/s straight into the DynamoDB core (no sandbox),
// each request a fresh item object as the load engine builds them, with a recorder that only adds up.
import { createWorld } from '../../src/sim/world.js';
import { createTable, putItem } from '../../src/sim/dynamodb/index.js';

export function runBench(): { wallMs: number; requests: number; throttled: number; consumedUnits: number } {
  const world = createWorld({ seed: 1 });
  createTable(world, {
    TableName: 'Orders',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 800 },
  });
  let consumedUnits = 0;
  let throttled = 0;
  const requests = 300_000;
  const started = performance.now();
  world.withRecorder(
    (event) => {
      consumedUnits += event.detail.consumedCapacityUnits as number;
    },
    () => {
      for (let n = 0; n < requests; n++) {
        const atMs = world.nowMs;
        const dueMs = Math.floor((n * 1_000) / 1_000);
        if (dueMs > atMs - 1_767_225_600_000) world.advance(dueMs - (atMs - 1_767_225_600_000));
        const result = putItem(world, { TableName: 'Orders', Item: { pk: { S: `user${n % 1000}` }, n: { N: String(n) } } });
        if (!result.ok) throttled++;
      }
    },
  );
  return { wallMs: performance.now() - started, requests, throttled, consumedUnits };
}

console.log(runBench());
