// Proves when `sim load`'s quiet loops may run (load-quiet-batch.ts): only while the storage
// bookkeeping is the one item-change listener acting on the table. An enabled stream (DDB-18), a
// global-table replica (DDB-21) or a partition index built by a Query each make a listener watch the
// table, and the batch then takes the general loop (its equivalence is load-fast-path-batch.test.ts).
import { describe, expect, it } from 'vitest';
import { createSandbox, dynamodb, runSandboxLine, type SandboxSession } from '../../../src/sim/index.js';
import { listenersObserving } from '../../../src/sim/dynamodb/item-changes.js';
import { isQuietTable } from '../../../src/sim/dynamodb/load-quiet-batch.js';

const CREATE =
  'aws dynamodb create-table --table-name Orders --attribute-definitions AttributeName=pk,AttributeType=S --key-schema AttributeName=pk,KeyType=HASH --billing-mode PAY_PER_REQUEST';

function sandbox(...lines: string[]): SandboxSession {
  const session = createSandbox({ seed: 1 });
  for (const line of [CREATE, ...lines]) expect(runSandboxLine(session, line).text).not.toContain('error');
  return session;
}

function watchers(session: SandboxSession): { quiet: boolean; listeners: string[] } {
  const table = dynamodb.tablesIn(session.world).get('Orders')!;
  return { quiet: isQuietTable(session.world, table), listeners: listenersObserving(session.world, table) };
}

describe('which tables the quiet batch loop may write to', () => {
  it('a plain table: only the storage bookkeeping listens', () => {
    expect(watchers(sandbox())).toEqual({ quiet: true, listeners: ['dynamodb.core.storage'] });
  });

  it('an enabled stream brings the stream writer and the Lambda wake-up; disabling it again makes the table quiet', () => {
    const enabled = sandbox('aws dynamodb update-table --table-name Orders --stream-specification StreamEnabled=true,StreamViewType=KEYS_ONLY');
    expect(watchers(enabled)).toEqual({ quiet: false, listeners: ['dynamodb.core.storage', 'dynamodb.streams', 'lambda.esm-wake'] });
    runSandboxLine(enabled, 'aws dynamodb update-table --table-name Orders --stream-specification StreamEnabled=false');
    expect(watchers(enabled).quiet).toBe(true);
  });

  it('a Query builds the partition index, which then follows every write', () => {
    const queried = sandbox(`aws dynamodb query --table-name Orders --key-condition-expression 'pk = :p' --expression-attribute-values '{":p":{"S":"a"}}'`);
    expect(watchers(queried)).toEqual({ quiet: false, listeners: ['dynamodb.core.partition-index', 'dynamodb.core.storage'] });
  });

  it('a global-table replica brings replication (DDB-21)', () => {
    const global = sandbox(
      'aws dynamodb update-table --table-name Orders --stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES',
      `aws dynamodb update-table --table-name Orders --replica-updates '[{"Create":{"RegionName":"eu-west-1"}}]'`,
    );
    expect(watchers(global).listeners).toContain('dynamodb.global-tables');
    expect(watchers(global).quiet).toBe(false);
  });
});
