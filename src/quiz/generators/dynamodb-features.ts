// Generated DynamoDB feature questions: what TTL does with an item at a given moment (the simulator's
// own expiry rule, DDB-19) and whether a read through DAX is stale after a write that bypassed it
// (run against a real table and DAX cluster in a fresh world, DDB-20).
import { dynamodb, type ApiDocument, type Result } from '../../sim/index.js';
import { GENERATOR_START_MS, pick, unwrap, worldWithTable, defineFamily, type Option } from './build.js';

const TTL_DOC = 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html';
const DAX_DOC = 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/dax-config-considerations.html';
const DAY_MS = 86_400_000;

type TtlShape = 'seconds' | 'milliseconds' | 'string';

const TTL_OUTCOMES: Record<'expired' | 'not-yet' | 'never' | 'instant', Option> = {
  expired: {
    text: 'It has expired: reads can still return it until the background process deletes it, and that deletion appears in the stream as a REMOVE record made by the DynamoDB service.',
    why: 'TTL deletes expired items in the background some time after expiry; until then they are still readable, and the delete is recorded with the service as the user identity.',
  },
  'not-yet': {
    text: 'It has not expired yet: reads return it normally and TTL writes no stream record for it.',
    why: 'The epoch-seconds value still lies in the future, so TTL has nothing to do yet.',
  },
  never: {
    text: 'TTL will never delete it: the attribute does not hold a Number of epoch seconds in the past, so the item stays until the application deletes it.',
    why: 'TTL only acts on Number attributes holding Unix epoch seconds; a String, or milliseconds (which lie far in the future), is never expired.',
  },
  instant: {
    text: 'It was deleted at the expiry second: reads no longer return it, and the stream shows a REMOVE made by the application role.',
    why: 'TTL deletion is not instant and is made by the DynamoDB service, not by the application.',
  },
};

function ttlItem(shape: TtlShape, expiresAtSeconds: number) {
  const value = shape === 'milliseconds' ? { N: String(expiresAtSeconds * 1_000) } : shape === 'string' ? { S: String(expiresAtSeconds) } : { N: String(expiresAtSeconds) };
  return { pk: { S: 'session-1' }, expiresAt: value };
}

export const ttlFamily = defineFamily({
  id: 'dynamodb-ttl-visibility',
  topic: 'dynamodb-ttl-streams',
  title: 'What TTL and Streams show for an item at a given time',
  service: 'dynamodb',
  exams: { 'DVA-C02': 'development', 'SAA-C03': 'cost' },
  difficulty: 'medium',
  references: [TTL_DOC],
  facts: ['DDB-19', 'DDB-18'],
  build(stream, seed) {
    const shape = pick(stream, ['seconds', 'seconds', 'milliseconds', 'string'] as const);
    const lifetimeHours = pick(stream, [1, 2, 6, 12, 24]);
    const checkAfterHours = pick(stream, [0.5, 3, 8, 13, 25]);
    const expiresAtSeconds = GENERATOR_START_MS / 1_000 + lifetimeHours * 3_600;
    const item = ttlItem(shape, expiresAtSeconds);
    const checkMs = GENERATOR_START_MS + checkAfterHours * 3_600_000;
    const isExpiredAtCheck = dynamodb.isExpired(item, 'expiresAt', checkMs);
    const isEverExpired = dynamodb.isExpired(item, 'expiresAt', GENERATOR_START_MS + 365 * DAY_MS);
    const outcome = isExpiredAtCheck ? 'expired' : isEverExpired ? 'not-yet' : 'never';
    const valueText = shape === 'string' ? `a String holding the epoch seconds ${lifetimeHours} hours ahead` : shape === 'milliseconds' ? `a Number holding the epoch time in milliseconds ${lifetimeHours} hours ahead` : `a Number holding the epoch time in seconds ${lifetimeHours} hours ahead`;
    return {
      stem: `A company enables TTL on the attribute expiresAt of its Sessions table, which has a stream with NEW_AND_OLD_IMAGES. A session item is written with expiresAt set to ${valueText}. What is true ${checkAfterHours} hours after the write?`,
      right: TTL_OUTCOMES[outcome],
      wrong: (['expired', 'not-yet', 'never', 'instant'] as const).filter((key) => key !== outcome).map((key) => TTL_OUTCOMES[key]),
      explanation: 'TTL compares a Number attribute holding Unix epoch seconds with the current time; expired items are deleted by a background process within days, stay readable until then, and their deletion reaches the stream as a service-made REMOVE.',
      simulatorAnswer: outcome,
    };
  },
});

type DaxRead = 'dax-eventual' | 'dax-strong';

/** Runs the scenario in a world: cache v1 through DAX, write v2 around DAX, read again later. */
function runDax(seed: number, writeAfterSeconds: number, readAfterSeconds: number, read: DaxRead): number {
  const world = worldWithTable(seed, 100, 100);
  const asDocument = (result: Result<unknown>) => result as Result<ApiDocument>;
  const backend: dynamodb.DaxBackend = {
    getItem: (w, request) => asDocument(dynamodb.getItem(w, request)),
    query: (w, request) => asDocument(dynamodb.query(w, request)),
    scan: (w, request) => asDocument(dynamodb.scan(w, request)),
    putItem: (w, request) => asDocument(dynamodb.putItem(w, request)),
    updateItem: (w, request) => asDocument(dynamodb.updateItem(w, request)),
    deleteItem: (w, request) => asDocument(dynamodb.deleteItem(w, request)),
  };
  unwrap(dynamodb.createDaxCluster(world, 'us-east-1', { clusterName: 'orders-cache' }));
  const put = (version: number) => unwrap(dynamodb.putItem(world, { TableName: 'Orders', Item: { pk: { S: 'o-1' }, version: { N: String(version) } } }));
  const daxGet = (isStrong: boolean) => unwrap(dynamodb.daxGetItem(world, backend, 'us-east-1', 'orders-cache', { TableName: 'Orders', Key: { pk: { S: 'o-1' } }, ConsistentRead: isStrong }));
  put(1);
  daxGet(false);
  world.advance(writeAfterSeconds * 1_000);
  put(2);
  world.advance((readAfterSeconds - writeAfterSeconds) * 1_000);
  const item = daxGet(read === 'dax-strong').Item as { version: { N: string } } | undefined;
  return Number(item?.version.N ?? 0);
}

export const daxFamily = defineFamily({
  id: 'dynamodb-dax-staleness',
  topic: 'dynamodb-dax',
  title: 'Whether a DAX read is stale after a write that bypassed DAX',
  service: 'dynamodb',
  exams: { 'DVA-C02': 'troubleshooting', 'SAA-C03': 'performant' },
  difficulty: 'medium',
  references: [DAX_DOC],
  facts: ['DDB-20'],
  build(stream, seed) {
    const writeAfterSeconds = pick(stream, [10, 30, 60, 90]);
    const readAfterSeconds = writeAfterSeconds + pick(stream, [20, 60, 120, 200, 240, 290, 400]);
    const read = pick(stream, ['dax-eventual', 'dax-eventual', 'dax-strong'] as const);
    const version = runDax(seed, writeAfterSeconds, readAfterSeconds, read);
    const readText = read === 'dax-strong' ? 'a strongly consistent GetItem through DAX' : 'an eventually consistent GetItem through DAX';
    const options: Record<number, { text: string; why: string }> = {
      1: { text: 'version 1', why: 'The item cache still holds version 1 (cached at time 0, 5-minute TTL) and the write went around DAX, so DAX serves the stale copy.' },
      2: { text: 'version 2', why: read === 'dax-strong' ? 'Strongly consistent reads are passed through to DynamoDB and are not served from the cache.' : 'The cached entry is older than the 5-minute item TTL, so DAX fetched the item from DynamoDB again.' },
    };
    return {
      stem: `An application reads order o-1 through a DAX cluster with default settings at time 0 (version 1 is returned and cached). At ${writeAfterSeconds} s a separate job updates the item to version 2 by calling DynamoDB directly, not through DAX. At ${readAfterSeconds} s the application does ${readText}. Which version does it get?`,
      right: options[version] ?? { text: `version ${version}`, why: 'This is what the simulator returned.' },
      wrong: [
        options[version === 1 ? 2 : 1]!,
        { text: 'An error, because the cache and the table disagree', why: 'DAX does not detect writes that bypass it; it serves what it has until the TTL expires.' },
        { text: 'Nothing: DAX evicts the item when the table changes', why: 'DAX is not notified of writes made directly to DynamoDB.' },
      ],
      explanation: 'DAX keeps an item cache with a default TTL of 5 minutes; writes through DAX update it, writes that bypass DAX leave it stale until the TTL expires; strongly consistent reads always go to DynamoDB.',
      simulatorAnswer: version,
    };
  },
});
