// Proves that the numeric answers of the hand-written Lambda pricing questions (data/questions/lambda/
// pricing.yaml) equal what the simulator's own billing functions compute (LAM-18), so the bank and the
// simulator cannot disagree about a bill.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionBank, type Question } from '../../src/quiz/index.js';
import { lambda } from '../../src/sim/index.js';

const BANK = path.resolve(import.meta.dirname, '../../data/questions');
const bank = loadQuestionBank([path.join(BANK, 'lambda')], BANK);

function numericAnswer(id: string): number {
  const question: Question | undefined = bank.questions.find((candidate) => candidate.id === id);
  if (question?.type !== 'numeric') throw new Error(`${id} is not a numeric question in the bank`);
  return question.answer;
}

function monthlyCostUsd(memoryMb: number, durationMs: number, requests: number, applyFreeTier: boolean): number {
  const gbSeconds = lambda.gbSecondsOf(memoryMb, lambda.billedDurationMs(durationMs)) * requests;
  return lambda.computeCost({ requests, gbSeconds, applyFreeTier }).totalUsd;
}

describe('Lambda pricing questions', () => {
  it('prices 2,048 MB × 250 ms × 10 M requests without the free tier as the question says (LAM-18)', () => {
    expect(monthlyCostUsd(2_048, 250, 10_000_000, false)).toBe(85.33);
    expect(numericAnswer('lambda/cost-without-free-tier')).toBe(85.33);
  });

  it('prices 128 MB × 100 ms × 5 M requests with the free tier as the question says (LAM-18)', () => {
    expect(monthlyCostUsd(lambda.MEMORY_DEFAULT_MB, 100, 5_000_000, true)).toBe(0.8);
    expect(numericAnswer('lambda/cost-inside-free-tier')).toBe(0.8);
  });

  it('bills the same GB-seconds for 512 MB × 800 ms and 1,024 MB × 400 ms (LAM-18)', () => {
    expect(lambda.gbSecondsOf(512, 800)).toBe(0.4);
    expect(lambda.gbSecondsOf(1_024, 400)).toBe(0.4);
  });
});
