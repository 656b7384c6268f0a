// Proves the loader: it reads every YAML file of a folder (not coverage.yaml), resolves placeholders
// from the simulator's limits, keeps good files when another is bad, and reports duplicate ids and bad
// files with their path inside the file.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../src/quiz/index.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/questions');

describe('loadQuestionBank', () => {
  it('loads the good file, reports the bad one, and skips a missing folder', () => {
    const bank = loadQuestionBank([path.join(FIXTURES, 'pack'), path.join(FIXTURES, 'missing')], FIXTURES);
    expect(bank.questions.map((q) => [q.id, q.type === 'numeric' && q.answer])).toEqual([['lambda/fixture-timeout', 900]]);
    expect(bank.sources.get('lambda/fixture-timeout')).toBe('pack/good.yaml');
    expect(bank.problems.map((problem) => problem.message)).toMatchInlineSnapshot(`
      [
        "pack/bad.yaml: questions[0].stem: expected a known limit such as {{lambda.timeoutMaxSeconds}}, found {{lambda.timeoutMaxHours}}",
        "pack/bad.yaml: questions[0].references[0]: expected an AWS documentation URL, found "https://example.com/not-aws"",
      ]
    `);
  });

  it('reports a duplicate id in a later file', () => {
    const text = path.join(FIXTURES, 'pack', 'good.yaml');
    const bank = loadQuestionBank([text, text]);
    expect(bank.questions).toHaveLength(1);
    expect(bank.problems[0]?.expected).toBe(`an id not used elsewhere (${text} has it)`);
  });
});
