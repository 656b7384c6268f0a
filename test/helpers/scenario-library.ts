// A small scenario library for shell tests: the tiny fixture (test/fixtures/scenarios/good/tiny.yaml)
// and copies of it under other ids, titles and services, so the browser has groups to show without
// depending on the real library's content.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseScenario, type Scenario } from '../../src/scenarios/index.js';

const file = path.resolve(import.meta.dirname, '../fixtures/scenarios/good/tiny.yaml');
const outcome = parseScenario(readFileSync(file, 'utf8'), 'tiny.yaml');
if (!('scenario' in outcome)) throw new Error('the tiny fixture must parse');

export const tinyScenario: Scenario = outcome.scenario;

function copy(id: string, title: string, summary: string, estimatedMinutes: number): Scenario {
  return { ...tinyScenario, id, title, summary, estimatedMinutes, services: [id.split('/')[0] ?? id] };
}

/** Three groups (apigateway, dynamodb, lambda); `fixture/tiny` is the one to run. */
export const testLibrary: readonly Scenario[] = [
  copy('lambda/cold-starts', 'Cold starts', 'Watch a cold start and warm it up.', 8),
  copy('dynamodb/throttling', 'Throttling under provisioned capacity', 'Too many writes for the table.', 10),
  copy('apigateway/caching', 'Response caching', 'The cache answers the second request.', 6),
  tinyScenario,
];
