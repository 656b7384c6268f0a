// Proves that a question file becomes questions or problems naming file, path, what was expected and
// what was found (never a raw ZodError); that {{placeholders}} take the simulator's numbers; and that
// rules the schema cannot state (how many choices are right) are checked too.
import { describe, expect, it } from 'vitest';
import { parseQuestionFile } from '../../src/quiz/parse.js';
import { SIMULATOR_LIMITS } from '../../src/sim/index.js';

const LIMITS = { 'dynamodb.maxItemSizeKb': 400, 'lambda.memoryMaxMb': 10_240 };

const single = (overrides = '') => `formatVersion: 1
questions:
  - id: dynamodb/item-size
    type: single
    stem: "A company stores items up to {{dynamodb.maxItemSizeKb}} KB. Which is true?"
    choices:
      - { text: "Right", correct: true, why: "Because." }
      - { text: "Wrong 1", why: "Not so." }
      - { text: "Wrong 2", why: "Not so either." }
    explanation: "Items are at most {{dynamodb.maxItemSizeKb}} KB."
    references: [https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Constraints.html]
    facts: [DDB-03]
    tags: { service: dynamodb, topic: dynamodb-limits, exams: { DVA-C02: development }, difficulty: easy }
${overrides}`;

const messages = (text: string) => parseQuestionFile(text, 'bank/ddb.yaml', LIMITS).problems.map((problem) => problem.message);

describe('parseQuestionFile', () => {
  it('parses a valid file and fills placeholders with the simulator numbers', () => {
    const { questions, problems } = parseQuestionFile(single(), 'bank/ddb.yaml', LIMITS);
    expect(problems).toEqual([]);
    expect(questions[0]?.stem).toBe('A company stores items up to 400 KB. Which is true?');
    expect(questions[0]?.type === 'single' && questions[0].choices.map((c) => c.text).sort()).toEqual(['Right', 'Wrong 1', 'Wrong 2']);
  });

  it('prints thousands separators in text and keeps a whole placeholder numeric', () => {
    const text = single().replace('type: single', 'type: numeric\n    answer: "{{lambda.memoryMaxMb}}"\n    unit: MB').replace(/    choices:\n(      - .*\n)+/, '').replace('Which is true?', 'Max {{lambda.memoryMaxMb}} MB?');
    const { questions, problems } = parseQuestionFile(text, 'bank/ddb.yaml', LIMITS);
    expect(problems).toEqual([]);
    expect(questions[0]).toMatchObject({ type: 'numeric', answer: 10_240, tolerance: 0, stem: 'A company stores items up to 400 KB. Max 10,240 MB?' });
  });

  it('names an unknown placeholder with its path and the nearest known one', () => {
    expect(messages(single().replace('{{dynamodb.maxItemSizeKb}} KB. Which', '{{dynamodb.maxItemSizeKB}} KB. Which'))).toMatchInlineSnapshot(`
      [
        "bank/ddb.yaml: questions[0].stem: expected a known limit such as {{dynamodb.maxItemSizeKb}}, found {{dynamodb.maxItemSizeKB}}",
      ]
    `);
  });

  it('reports schema problems as file: path: expected X, found Y', () => {
    const broken = single()
      .replace('difficulty: easy', 'difficulty: trivial')
      .replace('references: [https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Constraints.html]', 'references: []')
      .replace('explanation: "Items are at most {{dynamodb.maxItemSizeKb}} KB."', 'explanation: 42\n    hint: "extra"');
    expect(messages(broken)).toMatchInlineSnapshot(`
      [
        "bank/ddb.yaml: questions[0].explanation: expected text, found 42",
        "bank/ddb.yaml: questions[0].references: expected at least 1 item, found a list of 0",
        "bank/ddb.yaml: questions[0].tags.difficulty: expected one of "easy", "medium", "hard", found "trivial"",
        "bank/ddb.yaml: questions[0]: expected only the fields described in docs/quiz.md, found unknown field "hint"",
      ]
    `);
  });

  it('names an unknown question type and a missing format version', () => {
    expect(messages(single().replace('type: single', 'type: essay').replace('formatVersion: 1', 'formatVersion: 2'))).toMatchInlineSnapshot(`
      [
        "bank/ddb.yaml: formatVersion: expected 1, found 2",
        "bank/ddb.yaml: questions[0].type: expected one of "single", "multiple", "numeric", "ordering", found "essay"",
      ]
    `);
  });

  it('requires exactly one right choice for single and at least two for multiple', () => {
    expect(messages(single().replace('{ text: "Wrong 1", why', '{ text: "Wrong 1", correct: true, why'))).toMatchInlineSnapshot(`
      [
        "bank/ddb.yaml: questions[0].choices: expected exactly 1 choice with correct: true, found 2",
      ]
    `);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(messages('formatVersion: 1\nquestions:\n  - id: [unclosed\n')[0]).toMatch(/^bank\/ddb\.yaml: line \d+: expected valid YAML, found /);
  });

  it('accepts every limit of the real table as a placeholder', () => {
    const names = Object.keys(SIMULATOR_LIMITS).map((name) => `{{${name}}}`).join(' ');
    const { problems } = parseQuestionFile(single().replace('Which is true?', names), 'bank/ddb.yaml', SIMULATOR_LIMITS);
    expect(problems).toEqual([]);
  });
});
