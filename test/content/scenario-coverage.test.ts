// Proves the library covers every topic of the scenario issue: each topic whose services exist in the
// sandbox today has at least one scenario tagged with it. Topics that need a service the sandbox does
// not have yet are listed with that service; their test fails as soon as the service appears in the
// command table, so the missing scenario cannot be forgotten.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLibrary, parseScenario } from '../../src/scenarios/index.js';
import { defaultCommandTable } from '../../src/sim/index.js';

interface Topic {
  readonly topic: string;
  /** When set: the topic waits for this capability; the test checks it is still missing. */
  readonly pendingUntil?: { readonly service?: string; readonly simCommand?: string; readonly setupTemplate?: true; readonly reason: string };
}

const TOPICS: readonly Topic[] = [
  { topic: 'lambda-cold-starts' },
  { topic: 'lambda-concurrency' },
  { topic: 'lambda-async' },
  { topic: 'lambda-performance' },
  { topic: 'lambda-container-images' },
  { topic: 'dynamodb-capacity' },
  { topic: 'dynamodb-throttling' },
  { topic: 'dynamodb-partitions' },
  { topic: 'dynamodb-transactions' },
  { topic: 'dynamodb-ttl' },
  { topic: 'dynamodb-indexes' },
  { topic: 'dynamodb-streams' },
  { topic: 'dynamodb-streams-lambda' },
  { topic: 'dynamodb-capacity-modes' },
  { topic: 'dynamodb-dax' },
  { topic: 'dynamodb-global-tables' },
  { topic: 'iam-policy-evaluation' },
  { topic: 'apigateway-throttling' },
  { topic: 'apigateway-authorizers' },
  { topic: 'apigateway-caching' },
  { topic: 'apigateway-integrations' },
  { topic: 'apigateway-openapi' },
  { topic: 'apigateway-validation' },
  { topic: 'apigateway-iam-auth' },
  { topic: 'apigateway-endpoint-types' },
  { topic: 'apigateway-stages' },
  { topic: 'apigateway-websocket' },
  { topic: 'cognito-user-pools' },
  { topic: 'cognito-identity-pools' },
  { topic: 'sam-templates' },
  { topic: 'sam-deployments' },
  { topic: 'lambda-edge' },
  { topic: 'overview' },
  { topic: 'stepfunctions-error-handling' },
];

const table = defaultCommandTable();
const covered = new Set(loadLibrary().scenarios.flatMap((loaded) => loaded.scenario.topics));

/** Whether the scenario parser accepts `setup.template` (tried on the tiny fixture with one added). */
function acceptsSetupTemplate(): boolean {
  const tiny = readFileSync(new URL('../fixtures/scenarios/good/tiny.yaml', import.meta.url), 'utf8');
  const outcome = parseScenario(tiny.replace('setup:\n', 'setup:\n  template: crud-api.yaml\n'), 'tiny.yaml');
  return !('problems' in outcome && outcome.problems.some((problem) => problem.path === 'setup.template'));
}

function isAvailable(pending: NonNullable<Topic['pendingUntil']>): boolean {
  if (pending.setupTemplate === true) return acceptsSetupTemplate();
  if (pending.service !== undefined && table.services.includes(pending.service)) return true;
  return pending.simCommand !== undefined && table.simCommands.some((row) => row.words.includes(pending.simCommand!));
}

describe.each(TOPICS.map((t) => [t.topic, t] as const))('topic %s', (topic, entry) => {
  if (entry.pendingUntil === undefined) {
    it('has a scenario', () => {
      expect(covered.has(topic), `no scenario in data/scenarios has "${topic}" in its topics`).toBe(true);
    });
  } else {
    const pending = entry.pendingUntil;
    it(`waits for its service (${pending.reason}); fails once that service exists`, () => {
      expect(isAvailable(pending), `${pending.service ?? (pending.setupTemplate === true ? 'setup.template' : `sim ${pending.simCommand}`)} exists now: write a scenario for "${topic}" and remove pendingUntil`).toBe(false);
    });
  }
});

it('every topic a scenario names is on the list', () => {
  const known = new Set(TOPICS.map((t) => t.topic));
  expect([...covered].filter((topic) => !known.has(topic))).toEqual([]);
});
