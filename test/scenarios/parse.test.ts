// Proves parseScenario is a pure text → scenario | problems function, and pins the messages for the
// shapes zod reports as unions (a check's kind, a choice), so authors see one clear line each.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenario } from '../../src/scenarios/index.js';

const tiny = readFileSync(path.resolve(import.meta.dirname, '../fixtures/scenarios/good/tiny.yaml'), 'utf8');

function problemsOf(text: string): string[] {
  const outcome = parseScenario(text, 'x.yaml');
  return 'problems' in outcome ? outcome.problems.map(formatProblem) : [];
}

describe('parseScenario', () => {
  it('parses the fixture into a scenario with defaults left out', () => {
    const outcome = parseScenario(tiny, 'tiny.yaml');
    expect('scenario' in outcome && outcome.scenario.steps.map((s) => s.kind)).toEqual(['say', 'run', 'predict', 'predict', 'task', 'recap']);
  });

  it('names the kinds a check may have, including all', () => {
    expect(problemsOf(tiny.replace('check: { kind: item-count, table: Tiny, equals: 3 }', 'check: { kind: item-total, table: Tiny, equals: 3 }'))).toMatchInlineSnapshot(`
      [
        "x.yaml: steps[4].check.kind: expected one of "last-output-path", "trace-count", "item-count", "item-path", "table-throttled", "table-capacity-path", "lambda-cold-starts", "lambda-view-path", "iam-decision", "all", found "item-total"",
      ]
    `);
  });

  it('says what is wrong inside a check of a known kind', () => {
    expect(problemsOf(tiny.replace('check: { kind: item-count, table: Tiny, equals: 3 }', 'check: { kind: item-count, tabel: Tiny, equals: 3 }'))).toMatchInlineSnapshot(`
      [
        "x.yaml: steps[4].check.table: expected text, found nothing (the field is missing)",
        "x.yaml: steps[4].check: expected only the fields described in docs/scenarios.md, found unknown field "tabel"",
      ]
    `);
  });

  it('refuses a choice that is neither text nor {text, value}', () => {
    expect(problemsOf(tiny.replace('choices: ["yes", "no"]', 'choices: ["yes", 3]'))).toMatchInlineSnapshot(`
      [
        "x.yaml: steps[3].choices[1]: expected text, found 3",
      ]
    `);
  });

  it('refuses more than three hints and an empty file', () => {
    expect(problemsOf(tiny.replace('hints: [Put one more item.,', 'hints: [a, b, c, d,'))).toMatchInlineSnapshot(`
      [
        "x.yaml: steps[4].hints: expected at most 3 items, found a list of 5",
      ]
    `);
    expect(problemsOf('')).toMatchInlineSnapshot(`
      [
        "x.yaml: (top level): expected a mapping, found null",
      ]
    `);
  });

  it('accepts file:// values without reading them: files are read when the scenario runs', () => {
    const withFile = tiny.replace(`--item '{"id":{"S":"a"}}'`, '--item file://item.json');
    expect(withFile).not.toBe(tiny);
    expect(problemsOf(withFile)).toEqual([]);
  });
});
