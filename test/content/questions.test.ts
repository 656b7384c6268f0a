// Proves the shipped bank in data/questions: every file loads without a problem; every question has a
// reference and complete tags, cites facts that exist in shared/aws-facts.md, and uses a topic listed
// in coverage.yaml; topics declared complete have at least 8 questions. The rest of the way to the
// targets (8 per topic, 200 in all) is printed, not failed, so the test says how far the bank is.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BANK_SIZE_TARGET, QUESTIONS_PER_TOPIC_TARGET, loadQuestionBank, parseCoverage, readCoverageText, topicCounts } from '../../src/quiz/index.js';

const BANK = path.resolve(import.meta.dirname, '../../data/questions');
const FACTS = path.resolve(import.meta.dirname, '../../../shared/aws-facts.md');
const bank = loadQuestionBank([BANK], BANK);
const coverage = parseCoverage(readCoverageText(BANK)!);

describe('the question bank', () => {
  it('loads without problems and has unique ids', () => {
    expect(bank.problems.map((problem) => problem.message)).toEqual([]);
    expect(bank.questions.length).toBeGreaterThanOrEqual(60);
  });

  it('gives every question an AWS documentation reference, a reason per choice, and all tags', () => {
    for (const question of bank.questions) {
      expect(question.references.length, question.id).toBeGreaterThan(0);
      expect(question.references.every((url) => url.startsWith('https://docs.aws.amazon.com/')), question.id).toBe(true);
      expect(Object.keys(question.tags.exams).length, question.id).toBeGreaterThan(0);
      expect(question.tags.topic.length * question.tags.service.length * question.tags.difficulty.length, question.id).toBeGreaterThan(0);
      if (question.type === 'single' || question.type === 'multiple') expect(question.choices.every((choice) => choice.why.length > 0), question.id).toBe(true);
    }
  });

  it.runIf(existsSync(FACTS))('cites only fact ids that exist in the facts sheet', () => {
    const sheet = readFileSync(FACTS, 'utf8');
    const missing = bank.questions.flatMap((question) => question.facts.filter((fact) => !new RegExp(`\\*\\*${fact}[ *]`).test(sheet)).map((fact) => `${question.id}: ${fact}`));
    expect(missing).toEqual([]);
  });

  it('uses only topics listed in coverage.yaml, and covers each listed topic at least once', () => {
    const listed = new Set(coverage.topics.map((topic) => topic.id));
    expect(bank.questions.filter((question) => !listed.has(question.tags.topic)).map((question) => question.id)).toEqual([]);
    expect(topicCounts(bank.questions, coverage).filter((topic) => topic.count === 0).map((topic) => topic.topic)).toEqual([]);
  });

  it(`holds at least ${BANK_SIZE_TARGET} questions`, () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(BANK_SIZE_TARGET);
  });

  it(`holds topics declared complete to ${QUESTIONS_PER_TOPIC_TARGET} questions, and prints how far the others are`, () => {
    const counts = topicCounts(bank.questions, coverage);
    expect(counts.filter((topic) => topic.isComplete && topic.shortfall > 0).map((topic) => `${topic.topic}: ${topic.count}`)).toEqual([]);
    const open = counts.filter((topic) => topic.shortfall > 0);
    console.info(
      `Question bank: ${bank.questions.length} of ${BANK_SIZE_TARGET}; topics short of ${QUESTIONS_PER_TOPIC_TARGET}:\n` +
        open.map((topic) => `  ${topic.topic}: ${topic.count} (needs ${topic.shortfall} more)`).join('\n'),
    );
  });
});
