// Proves that the numeric answers of hand-written DynamoDB questions (data/questions/dynamodb/) are what
// the simulator does: burst credit drains in 100 s (DDB-07), a TransactGetItems of five 6 KB items costs
// 20 RCU (DDB-01, DDB-15), and changing a GSI key costs 1 + 2 WCU (DDB-02, DDB-13).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../src/quiz/index.js';
import { createWorld, dynamodb, type World } from '../../src/sim/index.js';

const BANK = path.resolve(import.meta.dirname, '../../data/questions');
const bank = loadQuestionBank([path.join(BANK, 'dynamodb')], BANK);

function numericAnswer(id: string): number {
  const question = bank.questions.find((candidate) => candidate.id === id);
  if (question?.type !== 'numeric') throw new Error(`${id} is not a numeric question in the bank`);
  return question.answer;
}

function worldWithTable(request: Record<string, unknown>): World {
  const world = createWorld({ seed: 1, startTimeMs: Date.UTC(2026, 0, 1) });
  const created = dynamodb.createTable(world, { TableName: 'Orders', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], ...request });
  expect(created.ok).toBe(true);
  return world;
}

/** An item of `sizeBytes` (attribute names and values, DDB-03), with extra attributes added. */
function itemOfSize(pk: string, sizeBytes: number, extra: Record<string, { S: string }> = {}): Record<string, { S: string }> {
  const extraBytes = Object.entries(extra).reduce((sum, [name, value]) => sum + name.length + value.S.length, 0);
  return { pk: { S: pk }, ...extra, data: { S: 'x'.repeat(sizeBytes - 'pk'.length - pk.length - 'data'.length - extraBytes) } };
}

function totalUnits(consumed: unknown): number {
  const entries = (Array.isArray(consumed) ? consumed : [consumed]) as { CapacityUnits: number }[];
  return entries.reduce((sum, entry) => sum + entry.CapacityUnits, 0);
}

describe('DynamoDB numeric questions against the simulator', () => {
  it('burst-write-seconds: 100 WCU idle 10 min, then 400 writes/s of 1 KB → 100 s before a throttle (DDB-07)', () => {
    const world = worldWithTable({ AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 100 } });
    world.advance(600_000);
    let servedSeconds = 0;
    for (; servedSeconds < 1_000; servedSeconds++) {
      const writes = Array.from({ length: 400 }, (_, i) => dynamodb.putItem(world, { TableName: 'Orders', Item: itemOfSize(`k${i}`, 1_024) }));
      if (writes.some((write) => !write.ok)) break;
      world.advance(1_000);
    }
    expect(servedSeconds).toBe(100);
    expect(numericAnswer('dynamodb/burst-write-seconds')).toBe(servedSeconds);
  });

  it('transact-get-cost: five 6 KB items read in a transaction cost 20 RCU (DDB-01, DDB-15)', () => {
    const world = worldWithTable({ AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' });
    const keys = ['a', 'b', 'c', 'd', 'e'];
    for (const key of keys) expect(dynamodb.putItem(world, { TableName: 'Orders', Item: itemOfSize(key, 6 * 1_024) }).ok).toBe(true);
    const read = dynamodb.transactGetItems(world, { TransactItems: keys.map((key) => ({ Get: { TableName: 'Orders', Key: { pk: { S: key } } } })), ReturnConsumedCapacity: 'TOTAL' });
    if (!read.ok) throw new Error(read.error.message);
    expect(totalUnits(read.value['ConsumedCapacity'])).toBe(20);
    expect(numericAnswer('dynamodb/transact-get-cost')).toBe(20);
  });

  it('gsi-key-change-write-cost: changing the GSI key of a 0.8 KB item costs 1 WCU on the table and 2 on the index (DDB-13)', () => {
    const world = worldWithTable({
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'status', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: [{ IndexName: 'byStatus', KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
    });
    expect(dynamodb.putItem(world, { TableName: 'Orders', Item: itemOfSize('t1', 819, { status: { S: 'OPEN' } }) }).ok).toBe(true);
    const update = dynamodb.updateItem(world, {
      TableName: 'Orders',
      Key: { pk: { S: 't1' } },
      UpdateExpression: 'SET #s = :closed',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':closed': { S: 'CLOSED' } },
      ReturnConsumedCapacity: 'TOTAL',
    });
    if (!update.ok) throw new Error(update.error.message);
    expect(totalUnits(update.value['ConsumedCapacity'])).toBe(3);
    expect(numericAnswer('dynamodb/gsi-key-change-write-cost')).toBe(3);
  });
});
