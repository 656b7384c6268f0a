// Generated DynamoDB capacity questions: read units and write units for an item size and a rate
// (measured by running GetItem/PutItem with ReturnConsumedCapacity in a fresh world), and how long
// burst credit absorbs a spike (measured second by second against a provisioned table).
import { dynamodb, type World } from '../../sim/index.js';
import { pick, units, unwrap, worldWithTable, itemOfSize, consumedUnits, defineFamily } from './build.js';

const CAPACITY_DOC = 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html';
const BURST_DOC = 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html';
const SIZES_KB = [0.5, 1, 1.5, 2.5, 3.5, 4, 5.5, 6, 7.5, 8, 9.2, 12.5, 15, 17.5, 20, 24.5] as const;
// At least 5 writes per second: with 1, several mistakes land on the right number and the question has
// no three distinct wrong answers (a test generates every family for 2,000 seeds).
const RATES = [5, 10, 20, 25, 40, 50, 80, 100, 150] as const;

const kbText = (kb: number): string => `${kb} KB`;
const bytesOf = (kb: number): number => Math.round(kb * 1_024);

function measuredReadUnits(sizeBytes: number, isStrong: boolean, seed: number): number {
  const world = worldWithTable(seed, 100, 100);
  unwrap(dynamodb.putItem(world, { TableName: 'Orders', Item: itemOfSize('k', sizeBytes) }));
  const response = unwrap(dynamodb.getItem(world, { TableName: 'Orders', Key: { pk: { S: 'k' } }, ConsistentRead: isStrong, ReturnConsumedCapacity: 'TOTAL' }));
  return consumedUnits(response as Readonly<Record<string, unknown>>);
}

function measuredWriteUnits(sizeBytes: number, seed: number): number {
  const world = worldWithTable(seed, 100, 100);
  const response = unwrap(dynamodb.putItem(world, { TableName: 'Orders', Item: itemOfSize('k', sizeBytes), ReturnConsumedCapacity: 'TOTAL' }));
  return consumedUnits(response as Readonly<Record<string, unknown>>);
}

export const readUnitsFamily = defineFamily({
  id: 'dynamodb-read-units',
  topic: 'dynamodb-capacity',
  title: 'RCU for an item size, a read rate and a consistency',
  service: 'dynamodb',
  exams: { 'DVA-C02': 'development', 'SAA-C03': 'performant' },
  difficulty: 'medium',
  references: [CAPACITY_DOC],
  facts: ['DDB-01'],
  build(stream, seed) {
    const kb = pick(stream, SIZES_KB);
    const rate = pick(stream, RATES);
    const isStrong = stream.nextInt(2) === 0;
    const perRead = measuredReadUnits(bytesOf(kb), isStrong, seed);
    const answer = perRead * rate;
    const other = isStrong ? answer / 2 : answer * 2;
    const consistency = isStrong ? 'strongly consistent' : 'eventually consistent';
    return {
      stem: `A company stores orders of ${kbText(kb)} each in a DynamoDB table in provisioned mode. The application reads ${rate} items per second with ${consistency} GetItem calls. How many read capacity units does this workload need?`,
      right: { text: units(answer, 'RCU'), why: `Each read rounds ${kbText(kb)} up to the next 4 KB (${perRead * (isStrong ? 1 : 2)} unit(s) of 4 KB)${isStrong ? '' : ', halved for eventual consistency'}: ${perRead} RCU per read × ${rate} reads/s.` },
      wrong: [
        { text: units(other, 'RCU'), why: isStrong ? 'This halves the cost, which only eventually consistent reads get.' : 'This is the strongly consistent cost; eventually consistent reads cost half.' },
        { text: units(Math.ceil(kb) * rate, 'RCU'), why: 'This rounds to 1 KB, the write unit size; read units cover 4 KB.' },
        { text: units(Math.round(((kb / 4) * rate * (isStrong ? 1 : 0.5)) * 100) / 100, 'RCU'), why: 'This divides the size by 4 KB without rounding each item up first.' },
        { text: units(answer * 2 + rate, 'RCU'), why: 'This adds a spare unit per read; DynamoDB charges the rounded size only.' },
      ],
      explanation: `One RCU is one strongly consistent read per second of an item up to 4 KB; eventually consistent reads cost half; sizes round up to the next 4 KB per item.`,
      simulatorAnswer: answer,
    };
  },
});

export const writeUnitsFamily = defineFamily({
  id: 'dynamodb-write-units',
  topic: 'dynamodb-capacity',
  title: 'WCU for an item size and a write rate',
  service: 'dynamodb',
  exams: { 'DVA-C02': 'development', 'SAA-C03': 'performant' },
  difficulty: 'easy',
  references: [CAPACITY_DOC],
  facts: ['DDB-02'],
  build(stream, seed) {
    const kb = pick(stream, SIZES_KB);
    const rate = pick(stream, RATES);
    const perWrite = measuredWriteUnits(bytesOf(kb), seed);
    const answer = perWrite * rate;
    return {
      stem: `A company writes ${rate} new items per second to a DynamoDB table in provisioned mode with PutItem. Each item is ${kbText(kb)}. How many write capacity units does the table need?`,
      right: { text: units(answer, 'WCU'), why: `Each write rounds ${kbText(kb)} up to the next 1 KB: ${perWrite} WCU per write × ${rate} writes/s.` },
      wrong: [
        { text: units(Math.ceil(kb / 4) * rate, 'WCU'), why: 'This uses 4 KB units, which apply to reads; write units cover 1 KB.' },
        { text: units(perWrite * rate * 2, 'WCU'), why: 'Doubling applies to transactional writes only; these are standard PutItem calls.' },
        { text: units(Math.max(1, Math.ceil((perWrite * rate) / 2)), 'WCU'), why: 'Writes have no eventually consistent discount; only reads do.' },
        { text: units(perWrite * rate + rate, 'WCU'), why: 'There is no extra unit per write beyond the rounded size.' },
        { text: units(perWrite, 'WCU'), why: 'That is what one write costs; the table needs it for each of the writes in a second.' },
      ],
      explanation: 'One WCU is one write per second of an item up to 1 KB; sizes round up to the next 1 KB; transactional writes cost double.',
      simulatorAnswer: answer,
    };
  },
});

// [RCU, extra RCU/s]: the measurement sends (rcu + extra) × seconds reads, so pairs keep that product
// small (≤ 15,000 reads) while the answers still range from 100 s to 900 s.
const BURST_PAIRS = [
  [10, 5], [20, 30], [20, 20], [30, 45], [10, 30], [6, 2], [8, 4], [15, 45], [10, 20], [25, 25], [5, 5], [20, 60],
] as const;
const MAX_BURST_SECONDS = 2_000;

/** Seconds that `rcu + extra` strongly consistent 1-RCU reads per second are served in full after 300 s idle. */
function measuredBurstSeconds(world: World, rcu: number, extra: number): number {
  world.advance(300_000);
  for (let second = 0; second < MAX_BURST_SECONDS; second++) {
    for (let i = 0; i < rcu + extra; i++) {
      const read = dynamodb.getItem(world, { TableName: 'Orders', Key: { pk: { S: `k${i}` } }, ConsistentRead: true });
      if (!read.ok) return second;
    }
    world.advance(1_000);
  }
  throw new Error('burst credit lasted longer than the generator bound');
}

export const burstFamily = defineFamily({
  id: 'dynamodb-burst-exhaustion',
  topic: 'dynamodb-throttling',
  title: 'How long burst credit absorbs a spike',
  service: 'dynamodb',
  exams: { 'DVA-C02': 'troubleshooting', 'SAA-C03': 'performant' },
  difficulty: 'hard',
  references: [BURST_DOC],
  facts: ['DDB-07'],
  build(stream, seed) {
    const [rcu, extra] = pick(stream, BURST_PAIRS);
    const seconds = measuredBurstSeconds(worldWithTable(seed, rcu, 1), rcu, extra);
    const rate = rcu + extra;
    return {
      stem: `A DynamoDB table is provisioned with ${rcu} RCU and has been idle for more than 5 minutes. A batch job then sends ${rate} strongly consistent reads per second of items under 4 KB. Assuming DynamoDB makes its full burst capacity available, after about how long are reads first throttled?`,
      right: { text: units(seconds, 'seconds'), why: `Burst credit holds 300 s × ${rcu} RCU = ${rcu * 300} units; the job uses ${extra} RCU/s above the provisioned rate, so it lasts ${rcu * 300} / ${extra} = ${seconds} s.` },
      wrong: [
        { text: units(300, 'seconds'), why: 'Burst credit is measured in unused capacity (300 s of it), not a fixed 300-second allowance.' },
        { text: units(Math.round((rcu * 300) / rate), 'seconds'), why: 'This spends the whole read rate from the credit; the provisioned part is still served every second.' },
        { text: 'Immediately', why: 'Burst capacity lets a table exceed its provisioned rate for a while after idle time.' },
        { text: units(seconds * 2, 'seconds'), why: 'This halves the cost per read, which only eventually consistent reads get.' },
      ],
      explanation: 'DynamoDB banks up to 5 minutes (300 s) of unused provisioned capacity and lets a spike spend it; the credit drains at the rate above the provisioned throughput. Burst capacity is best effort.',
      simulatorAnswer: seconds,
    };
  },
});
