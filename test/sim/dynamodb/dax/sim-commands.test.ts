// Proves DAX in the sandbox (DDB-20) as a learner types it, against the real DynamoDB core: `sim dax
// create`, reads through the cluster (miss, hit, stale after a write that bypasses DAX, fresh again
// after the 5-minute TTL, strongly consistent reads passing through, negative caching), write-through
// refreshing the item cache but not the query cache (put-item, update-item, delete-item), batch-get-item
// through the item cache, the cluster's Region following --region, `sim show dax`, and the refusal of
// commands DAX does not serve.
import { describe, expect, it } from 'vitest';
import { createSandbox, runSandboxLine } from '../../../../src/sim/index.js';

const CREATE_TABLE =
  'aws dynamodb create-table --table-name Orders --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST';
const key = (id: string) => `--table-name Orders --key '{"id":{"S":"${id}"}}'`;
const putLine = (id: string, v: number) => `aws dynamodb put-item --table-name Orders --item '{"id":{"S":"${id}"},"v":{"N":"${v}"}}'`;
const getVia = (id: string, extra = '') => `sim dax orders-cache -- aws dynamodb get-item ${key(id)}${extra}`;
const QUERY = `sim dax orders-cache -- aws dynamodb query --table-name Orders --key-condition-expression 'id = :id' --expression-attribute-values '{":id":{"S":"a"}}'`;

/** A sandbox with the table and a cluster in front of it; `run` fails the test on any error. */
function setUp(createFlags = '') {
  const sandbox = createSandbox({ seed: 3 });
  const run = (line: string) => {
    const report = runSandboxLine(sandbox, line);
    if (!report.ok) throw new Error(report.text);
    return report.output as Record<string, any>;
  };
  run(CREATE_TABLE);
  run(`sim dax create orders-cache --table-name Orders${createFlags}`);
  const daxLookups = (operation: string) =>
    sandbox.world.trace
      .all()
      .filter((e) => e.service === 'dax' && e.operation === operation)
      .map((e) => e.detail.lookup ?? (e.detail.isCached === true ? 'write-through' : 'not cached'));
  const dynamoReads = () => sandbox.world.trace.all().filter((e) => e.service === 'dynamodb' && (e.operation === 'GetItem' || e.operation === 'Query')).length;
  return { sandbox, run, daxLookups, dynamoReads };
}

const itemOf = (id: string, v: number) => ({ Item: { id: { S: id }, v: { N: String(v) } } });

describe('sim dax: reads through the item cache (DDB-20)', () => {
  it('misses, hits, stays stale after a write that bypasses DAX, and is fresh again after the 5-minute TTL', () => {
    const { run, daxLookups, dynamoReads } = setUp();
    run(putLine('a', 1));
    expect(run(getVia('a'))).toEqual(itemOf('a', 1));
    run('sim clock advance 1s');
    expect(run(getVia('a'))).toEqual(itemOf('a', 1));
    run(putLine('a', 2)); // straight to DynamoDB
    expect(run(getVia('a'))).toEqual(itemOf('a', 1));
    run('sim clock advance 4m58s'); // 4:59 after the miss: still cached
    expect(run(getVia('a'))).toEqual(itemOf('a', 1));
    run('sim clock advance 1s'); // 5:00: the entry has expired
    expect(run(getVia('a'))).toEqual(itemOf('a', 2));
    expect(daxLookups('GetItem')).toEqual(['miss', 'hit', 'hit', 'hit', 'miss']);
    expect(dynamoReads()).toBe(2);
  });

  it('passes strongly consistent reads through to DynamoDB without caching them', () => {
    const { run, daxLookups, dynamoReads } = setUp();
    run(putLine('a', 1));
    run(getVia('a', ' --consistent-read'));
    run(putLine('a', 2));
    expect(run(getVia('a', ' --consistent-read'))).toEqual(itemOf('a', 2));
    expect(run(getVia('a'))).toEqual(itemOf('a', 2));
    expect(daxLookups('GetItem')).toEqual(['pass-through', 'pass-through', 'miss']);
    expect(dynamoReads()).toBe(3);
  });

  it('caches "not found" (negative caching) until the TTL runs out', () => {
    const { run, daxLookups } = setUp();
    expect(run(getVia('ghost'))).toEqual({});
    run(putLine('ghost', 1));
    expect(run(getVia('ghost'))).toEqual({});
    run('sim clock advance 5m');
    expect(run(getVia('ghost'))).toEqual(itemOf('ghost', 1));
    expect(daxLookups('GetItem')).toEqual(['miss', 'hit', 'miss']);
  });

  it('honours --item-ttl from sim dax create', () => {
    const { run, daxLookups } = setUp(' --item-ttl 10s');
    run(putLine('a', 1));
    run(getVia('a'));
    run('sim clock advance 9s');
    run(getVia('a'));
    run('sim clock advance 1s');
    run(getVia('a'));
    expect(daxLookups('GetItem')).toEqual(['miss', 'hit', 'miss']);
  });
});

describe('sim dax: write-through (DDB-20)', () => {
  it('refreshes the item cache on a write through DAX, but not the query cache', () => {
    const { run, daxLookups } = setUp();
    run(putLine('a', 1));
    run(getVia('a'));
    expect(run(QUERY).Items).toEqual([itemOf('a', 1).Item]);
    run(`sim dax orders-cache -- ${putLine('a', 2)}`);
    expect(run(getVia('a'))).toEqual(itemOf('a', 2));
    expect(run(QUERY).Items).toEqual([itemOf('a', 1).Item]); // the query cache still holds the old answer
    expect(daxLookups('GetItem')).toEqual(['miss', 'hit']);
    expect(daxLookups('Query')).toEqual(['miss', 'hit']);
    expect(daxLookups('PutItem')).toEqual(['write-through']);
  });

  it('deletes through DAX and then answers "not found" from the cache', () => {
    const { run, daxLookups } = setUp();
    run(putLine('a', 1));
    run(getVia('a'));
    run(`sim dax orders-cache -- aws dynamodb delete-item ${key('a')}`);
    expect(run(getVia('a'))).toEqual({});
    expect(daxLookups('GetItem')).toEqual(['miss', 'hit']);
  });
});

describe('sim dax: the other commands and Regions', () => {
  it('serves batch-get-item key by key through the item cache, and update-item writes through', () => {
    const { run, daxLookups } = setUp();
    run(putLine('a', 1));
    run(getVia('a'));
    run(`sim dax orders-cache -- aws dynamodb update-item ${key('a')} --update-expression 'SET v = :v' --expression-attribute-values '{":v":{"N":"7"}}'`);
    const batch = run(`sim dax orders-cache -- aws dynamodb batch-get-item --request-items '{"Orders":{"Keys":[{"id":{"S":"a"}},{"id":{"S":"b"}}]}}'`);
    expect(batch).toEqual({ Responses: { Orders: [itemOf('a', 7).Item] }, UnprocessedKeys: {} });
    expect(daxLookups('GetItem')).toEqual(['miss', 'hit', 'miss']);
    expect(daxLookups('UpdateItem')).toEqual(['write-through']);
  });

  it('finds the cluster in the Region the aws line names with --region', () => {
    const { sandbox, run } = setUp();
    const other = runSandboxLine(sandbox, `sim dax orders-cache -- aws dynamodb get-item ${key('a')} --region eu-west-1`);
    expect(other.text).toMatchInlineSnapshot(`
      "sim: error: sim dax: (ClusterNotFoundFault) Cluster orders-cache not found in eu-west-1
      "
    `);
    run('sim region use eu-west-1');
    run(CREATE_TABLE);
    run('sim dax create orders-cache --table-name Orders');
    run(putLine('a', 1));
    run('sim region use us-east-1');
    expect(run(`sim dax orders-cache -- aws dynamodb get-item ${key('a')} --region eu-west-1`)).toEqual(itemOf('a', 1));
    expect(run(getVia('a'))).toEqual({}); // the us-east-1 table has no item a
  });
});

describe('sim show dax and refusals', () => {
  it('shows TTLs, live entries, hits and misses', () => {
    const { sandbox, run } = setUp(' --query-ttl 1m');
    run(putLine('a', 1));
    run(getVia('a'));
    run(getVia('a'));
    run(getVia('b'));
    const shown = runSandboxLine(sandbox, 'sim show dax orders-cache');
    expect(shown.output).toMatchObject({
      TableName: 'Orders',
      ItemCache: { ttlMs: 300_000, entries: [{ expiresInMs: 300_000 }, { expiresInMs: 300_000 }] },
      QueryCache: { ttlMs: 60_000, entries: [] },
      Stats: { itemHits: 1, itemMisses: 2, queryHits: 0, queryMisses: 0, passThroughs: 0, evictions: 0 },
    });
    expect(shown.text).toMatchInlineSnapshot(`
      "DAX cluster orders-cache (us-east-1) in front of Orders, 3 nodes
      item cache:  TTL 5m, 2 entries, 1 hits, 2 misses
      query cache: TTL 1m, 0 entries, 0 hits, 0 misses
      pass-throughs (strongly consistent reads): 0, evictions: 0
      "
    `);
  });

  it('refuses commands a DAX cluster does not serve, and unknown clusters and tables', () => {
    const { sandbox } = setUp();
    expect(runSandboxLine(sandbox, 'sim dax orders-cache -- aws dynamodb list-tables').text).toMatchInlineSnapshot(`
      "sim: error: DAX does not serve 'aws dynamodb list-tables'; through a cluster use aws dynamodb get-item|batch-get-item|query|scan|put-item|update-item|delete-item (send other commands to DynamoDB directly)
      (line 1, column 5)
          sim dax orders-cache -- aws dynamodb list-tables
              ^
      "
    `);
    expect(runSandboxLine(sandbox, `sim dax other -- aws dynamodb get-item ${key('a')}`).text).toMatchInlineSnapshot(`
      "sim: error: sim dax: (ClusterNotFoundFault) Cluster other not found in us-east-1
      "
    `);
    expect(runSandboxLine(sandbox, 'sim dax create c2 --table-name Missing').text).toMatchInlineSnapshot(`
      "sim: error: sim dax create: (ResourceNotFoundException) Requested resource not found: Table: Missing not found
      "
    `);
  });
});
