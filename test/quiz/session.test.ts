// Proves the session state machines on a fake clock (plain numbers passed in): practice grades each
// line and times it; the mock exam has 65 questions of which 15 are unscored and unmarked, domains
// apportioned by the guide's weights, flag and return, no answers accepted after 130 minutes, a
// linear scaled-score estimate with 720 to pass, and a per-domain report; --quick is 20 in 40 minutes.
import { describe, expect, it } from 'vitest';
import {
  DOMAIN_WEIGHTS,
  FULL_EXAM,
  QUICK_EXAM,
  answerPractice,
  apportion,
  examResult,
  isPracticeDone,
  planExam,
  remainingMs,
  scaledScoreEstimate,
  startExam,
  startPractice,
  stepExam,
  type ExamState,
  type Question,
} from '../../src/quiz/index.js';
import { multipleQuestion, numericQuestion, singleQuestion } from '../helpers/questions.js';

const T0 = 1_000_000;
const MINUTE_MS = 60_000;

function dvaBank(): Question[] {
  const domains = ['development', 'security', 'deployment', 'troubleshooting'] as const;
  return domains.flatMap((domain) => Array.from({ length: 25 }, (_, i) => (i % 2 === 0 ? singleQuestion : multipleQuestion)(`${domain}/q${i}`, { exams: { 'DVA-C02': domain } })));
}

describe('practice', () => {
  it('grades each line, times it from when the question was shown, and ends after the last', () => {
    let state = startPractice('practice', [singleQuestion(), numericQuestion()], T0);
    const bad = answerPractice(state, 'z', T0 + 1_000);
    expect('problem' in bad && bad.problem).toBe('type letters from a, b, c, d');
    const first = answerPractice(state, 'b', T0 + 12_000);
    if (!('event' in first)) throw new Error('expected an answer');
    expect(first.event).toMatchObject({ durationMs: 12_000, rating: 'easy', grade: { isCorrect: true } });
    state = first.state;
    const second = answerPractice(state, '20', T0 + 80_000);
    if (!('event' in second)) throw new Error('expected an answer');
    expect(second.event).toMatchObject({ durationMs: 68_000, rating: 'again', grade: { isCorrect: false, expected: '18.74' } });
    expect(isPracticeDone(second.state)).toBe(true);
    expect(second.state.correctCount).toBe(1);
  });
});

describe('exam plan', () => {
  it('apportions 65 questions by the DVA-C02 and SAA-C03 weights', () => {
    expect(apportion(65, DOMAIN_WEIGHTS['DVA-C02'])).toEqual({ development: 21, security: 17, deployment: 15, troubleshooting: 12 });
    expect(apportion(65, DOMAIN_WEIGHTS['SAA-C03'])).toEqual({ secure: 19, resilient: 17, performant: 16, cost: 13 });
  });

  it('picks 65 distinct single/multiple questions, 15 of them unscored, the same for the same seed', () => {
    const bank = [...dvaBank(), numericQuestion()];
    const plan = planExam(bank, 'DVA-C02', FULL_EXAM, 42);
    expect(plan.items).toHaveLength(65);
    expect(new Set(plan.items.map((item) => item.question.id)).size).toBe(65);
    expect(plan.items.filter((item) => !item.isScored)).toHaveLength(15);
    expect(plan.items.every((item) => item.question.type !== 'numeric')).toBe(true);
    expect(plan.shortfalls).toEqual({});
    expect(planExam(bank, 'DVA-C02', FULL_EXAM, 42)).toEqual(plan);
    expect(planExam(bank, 'DVA-C02', FULL_EXAM, 43)).not.toEqual(plan);
  });

  it('reports a domain the bank cannot fill and fills from the others', () => {
    const bank = dvaBank().filter((q) => q.tags.exams['DVA-C02'] !== 'deployment' || q.id.endsWith('q1'));
    const plan = planExam(bank, 'DVA-C02', FULL_EXAM, 1);
    expect(plan.shortfalls).toEqual({ deployment: 14 });
    expect(plan.items).toHaveLength(65);
  });
});

function examOf(format = FULL_EXAM): ExamState {
  return startExam('DVA-C02', format, planExam(dvaBank(), 'DVA-C02', format, 7).items, T0);
}

/** Answers every question right (the right letters of its choices) at the given times. */
function answerAllRight(state: ExamState, atMs: number): ExamState {
  let current = state;
  current.items.forEach((item, i) => {
    const letters = item.question.type === 'single' || item.question.type === 'multiple' ? item.question.choices.flatMap((c, j) => (c.correct ? ['abcde'[j]!] : [])) : [];
    current = stepExam(stepExam(current, { type: 'go-to', index: i }, atMs).state, { type: 'answer', line: letters.join(' ') }, atMs).state;
  });
  return current;
}

describe('mock exam', () => {
  it('flags and returns to a question, and keeps the answer given there', () => {
    let state = examOf();
    state = stepExam(state, { type: 'toggle-flag' }, T0).state;
    state = stepExam(state, { type: 'next' }, T0).state;
    state = stepExam(state, { type: 'answer', line: 'a' }, T0).state;
    state = stepExam(state, { type: 'go-to', index: 0 }, T0).state;
    expect(state.current).toBe(0);
    expect(state.flagged.slice(0, 2)).toEqual([true, false]);
    expect(state.answers[1]).toEqual({ kind: 'choices', letters: ['a'] });
    expect(stepExam(state, { type: 'previous' }, T0).state.current).toBe(0);
  });

  it('ends at 130:00 on the fake clock and ignores answers after it', () => {
    let state = examOf();
    expect(remainingMs(state, T0 + 10 * MINUTE_MS)).toBe(120 * MINUTE_MS);
    state = stepExam(state, { type: 'answer', line: 'a' }, T0 + 130 * MINUTE_MS - 1).state;
    const late = stepExam(state, { type: 'answer', line: 'b' }, T0 + 130 * MINUTE_MS);
    expect(late.problem).toBe('time is up');
    expect(late.state).toMatchObject({ endReason: 'time-up', endedAtMs: T0 + 130 * MINUTE_MS });
    expect(late.state.answers[0]).toEqual({ kind: 'choices', letters: ['a'] });
    expect(stepExam(late.state, { type: 'next' }, T0).problem).toBe('the exam has ended');
    expect(examResult(late.state)).toMatchObject({ endReason: 'time-up', durationMs: 130 * MINUTE_MS, total: 50, unanswered: 64 });
  });

  it('scores only the 50 scored questions, per domain with the guide weights, and passes at 720', () => {
    const state = stepExam(answerAllRight(examOf(), T0 + MINUTE_MS), { type: 'submit' }, T0 + 2 * MINUTE_MS).state;
    const result = examResult(state)!;
    expect(result).toMatchObject({ correct: 50, total: 50, scaledScore: 1_000, isPassed: true, unanswered: 0, durationMs: 2 * MINUTE_MS });
    expect(result.domains.map((d) => [d.domain, d.weightPercent])).toEqual([['development', 32], ['security', 26], ['deployment', 24], ['troubleshooting', 18]]);
    expect(result.domains.reduce((sum, d) => sum + d.total, 0)).toBe(50);
  });

  it('gives no credit for a multiple-response answer that is half right', () => {
    const state = examOf();
    const index = state.items.findIndex((item) => item.question.type === 'multiple' && item.isScored);
    const moved = stepExam(state, { type: 'go-to', index }, T0).state;
    const answered = stepExam(moved, { type: 'answer', line: 'a' }, T0).state;
    const result = examResult(stepExam(answered, { type: 'submit' }, T0 + 1).state)!;
    expect(result.grades[index]!.isCorrect).toBe(false);
    expect(result.correct).toBe(0);
  });

  it('estimates the scaled score linearly: 100 at 0 %, 720 at 69 %, 1,000 at 100 %', () => {
    expect([scaledScoreEstimate(0, 50), scaledScoreEstimate(34, 50), scaledScoreEstimate(35, 50), scaledScoreEstimate(50, 50)]).toEqual([100, 712, 730, 1_000]);
  });

  it('runs the quick exam as 20 questions (5 unscored) in 40 minutes', () => {
    const state = examOf(QUICK_EXAM);
    expect(state.items).toHaveLength(20);
    expect(state.items.filter((item) => !item.isScored)).toHaveLength(5);
    expect(remainingMs(state, T0)).toBe(40 * MINUTE_MS);
  });
});
