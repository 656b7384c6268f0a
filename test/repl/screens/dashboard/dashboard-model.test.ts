// Proves the dashboard's numbers from progress data alone: mastery per service and per exam domain
// (kept and rolled-up attempts), reviews due by the end of today, the weakest topics (at least two
// answers, not all right), and the mock exam history newest first with its estimated scaled score.
import { describe, expect, it } from 'vitest';
import { emptyProgress, type ProgressData } from '../../../../src/progress/index.js';
import { newCard } from '../../../../src/quiz/index.js';
import { dashboardModel } from '../../../../src/repl/screens/dashboard/dashboard-model.js';
import { multipleQuestion, singleQuestion } from '../../../helpers/questions.js';

const NOW_MS = Date.UTC(2026, 10, 25, 9, 0, 0);
const END_OF_DAY_MS = NOW_MS + 10 * 3_600_000;
const BANK = [
  singleQuestion('test/ddb', { topic: 'dynamodb-capacity', exams: { 'DVA-C02': 'development', 'SAA-C03': 'performant' } }),
  multipleQuestion('test/iam', { service: 'iam', topic: 'iam-policy-evaluation', exams: { 'DVA-C02': 'security' } }),
];

function data(): ProgressData {
  return {
    ...emptyProgress(),
    items: ['test/ddb', 'test/iam', 'scenario/step'],
    attempts: [
      [0, 'b', 1, 1_000, NOW_MS - 5_000],
      [0, 'a', 0, 1_000, NOW_MS - 4_000],
      [1, 'a c', 0, 1_000, NOW_MS - 3_000],
      [1, 'a b', 0, 1_000, NOW_MS - 2_000],
      [2, 'x', 1, 1_000, NOW_MS - 1_000],
    ],
    rolledUp: { 'test/ddb': { attempts: 2, correct: 2, durationMs: 2_000, firstAtMs: 0, lastAtMs: 1 } },
    cards: { 'test/ddb': { ...newCard(NOW_MS), due: NOW_MS + 3_600_000 }, 'test/iam': { ...newCard(NOW_MS), due: END_OF_DAY_MS + 1 } },
    exams: [
      { id: 'DVA-C02-1000', finishedAtMs: NOW_MS - 86_400_000, durationMs: 1, correct: 12, total: 15, domains: {} },
      { id: 'SAA-C03-2000', finishedAtMs: NOW_MS - 3_600_000, durationMs: 1, correct: 5, total: 15, domains: {} },
    ],
    streakDays: [],
  };
}

describe('dashboardModel', () => {
  const model = dashboardModel(data(), BANK, NOW_MS, END_OF_DAY_MS);

  it('gives mastery per service, counting rolled-up attempts, and a dash for services never answered', () => {
    expect(model.services.find((row) => row.label === 'dynamodb')).toEqual({ label: 'dynamodb', correct: 3, total: 4, percent: 75 });
    expect(model.services.find((row) => row.label === 'iam')).toEqual({ label: 'iam', correct: 0, total: 2, percent: 0 });
    expect(model.services.find((row) => row.label === 'lambda')?.percent).toBeNull();
  });

  it('gives mastery per exam domain, a question counting in each exam it prepares for', () => {
    const byLabel = Object.fromEntries(model.domains.map((row) => [row.label, `${row.correct}/${row.total}`]));
    expect(byLabel).toMatchObject({ 'DVA Development': '3/4', 'DVA Security': '0/2', 'SAA Performant': '3/4', 'SAA Cost': '0/0' });
  });

  it('counts reviews due by the end of today, names the weakest topics, and lists exams newest first', () => {
    expect(model.dueToday).toBe(1);
    expect(model.weakest.map((row) => `${row.label} ${row.percent}%`)).toEqual(['iam-policy-evaluation 0%', 'dynamodb-capacity 75%']);
    expect(model.exams.map((exam) => [exam.exam, exam.percent, exam.scaledScore, exam.isPassed])).toEqual([
      ['SAA-C03', 33, 400, false],
      ['DVA-C02', 80, 820, true],
    ]);
    expect(model.summary.attempts).toBe(7);
  });
});
