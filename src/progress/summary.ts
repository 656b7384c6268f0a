// What `trainer progress` shows: totals computed from the data (pure; the caller passes the time).
import { dayKeyOf } from './changes.js';
import type { ProgressData } from './schema.js';

export interface ProgressSummary {
  /** All attempts ever recorded, rolled-up ones included. */
  readonly attempts: number;
  readonly correct: number;
  readonly accuracyPercent: number | null;
  readonly itemsTried: number;
  readonly cards: number;
  readonly cardsDue: number;
  readonly scenariosStarted: number;
  readonly scenariosCompleted: number;
  readonly predictionsRight: number;
  readonly predictionsTotal: number;
  readonly exams: number;
  readonly lastExamPercent: number | null;
  readonly bestExamPercent: number | null;
  readonly activeDays: number;
  /** Consecutive active days ending today (or yesterday, when today has nothing yet). */
  readonly streakDays: number;
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 100);
}

function currentStreakDays(days: readonly string[], nowMs: number): number {
  const active = new Set(days);
  const dayBefore = (n: number): string => {
    const date = new Date(nowMs);
    date.setDate(date.getDate() - n);
    return dayKeyOf(date.getTime());
  };
  const start = active.has(dayBefore(0)) ? 0 : 1;
  let streak = 0;
  while (streak < days.length && active.has(dayBefore(start + streak))) streak++;
  return streak;
}

export function summarizeProgress(data: ProgressData, nowMs: number): ProgressSummary {
  const rolled = Object.values(data.rolledUp);
  const attempts = data.attempts.length + rolled.reduce((sum, r) => sum + r.attempts, 0);
  const correct = data.attempts.filter((a) => a[2] === 1).length + rolled.reduce((sum, r) => sum + r.correct, 0);
  const itemsTried = new Set([...data.attempts.map(([index]) => data.items[index] ?? `#${index}`), ...Object.keys(data.rolledUp)]).size;
  const scenarios = Object.values(data.scenarios);
  const scores = data.exams.map((exam) => percent(exam.correct, exam.total) ?? 0);
  return {
    attempts,
    correct,
    accuracyPercent: percent(correct, attempts),
    itemsTried,
    cards: Object.keys(data.cards).length,
    cardsDue: Object.values(data.cards).filter((card) => card.due <= nowMs).length,
    scenariosStarted: scenarios.length,
    scenariosCompleted: scenarios.filter((s) => s.completedAtMs !== null).length,
    predictionsRight: scenarios.reduce((sum, s) => sum + s.predictionsRight, 0),
    predictionsTotal: scenarios.reduce((sum, s) => sum + s.predictionsTotal, 0),
    exams: data.exams.length,
    lastExamPercent: scores[scores.length - 1] ?? null,
    bestExamPercent: scores.length === 0 ? null : Math.max(...scores),
    activeDays: data.streakDays.length,
    streakDays: currentStreakDays(data.streakDays, nowMs),
  };
}

/** The plain-text summary, one fact per line. */
export function formatSummary(summary: ProgressSummary, location: string): string {
  const orDash = (value: number | null, suffix = '%'): string => (value === null ? '–' : `${value}${suffix}`);
  const rows: [string, string][] = [
    ['Answers', `${summary.attempts} (${summary.correct} correct, ${orDash(summary.accuracyPercent)}) on ${summary.itemsTried} questions and steps`],
    ['Review cards', `${summary.cards} (${summary.cardsDue} due now)`],
    ['Scenarios', `${summary.scenariosStarted} started, ${summary.scenariosCompleted} completed; predictions ${summary.predictionsRight}/${summary.predictionsTotal} right`],
    ['Mock exams', `${summary.exams} taken; last ${orDash(summary.lastExamPercent)}, best ${orDash(summary.bestExamPercent)}`],
    ['Streak', `${summary.streakDays} day(s) in a row; ${summary.activeDays} active day(s) in all`],
    ['Stored in', location],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return `${rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n')}\n`;
}
