// Applying recorded changes to progress data. This is the one place that mutates progress data: the
// repository hands it a private copy (freshly parsed from disk), so mutating in place keeps folding a
// journal into 100,000 attempts linear instead of copying the arrays once per change.
import { mergeProgress } from './merge.js';
import {
  MAX_ANSWER_CHARS,
  MAX_KEPT_ATTEMPTS,
  MAX_KEPT_EXAMS,
  type Attempt,
  type ProgressChange,
  type ProgressData,
  type RolledUp,
  type ScenarioProgress,
} from './schema.js';

/** The learner's local calendar day of a moment, `YYYY-MM-DD`: what a streak counts. */
export function dayKeyOf(atMs: number): string {
  const date = new Date(atMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function addStreakDay(data: ProgressData, atMs: number): void {
  const day = dayKeyOf(atMs);
  const days = data.streakDays;
  // Days arrive almost always in order, so the common case is a look at the last element.
  if (days[days.length - 1] === day || days.includes(day)) return;
  days.push(day);
  days.sort();
}

function scenarioOf(data: ProgressData, scenarioId: string): ScenarioProgress {
  const existing = data.scenarios[scenarioId];
  if (existing !== undefined) return existing;
  const created: ScenarioProgress = { stepsDone: [], predictionsRight: 0, predictionsTotal: 0, completedAtMs: null };
  data.scenarios[scenarioId] = created;
  return created;
}

/** Adds one attempt to the kept history, interning its item id. */
function recordAttempt(data: ProgressData, attempt: Attempt, indexOf: Map<string, number>): void {
  let index = indexOf.get(attempt.itemId);
  if (index === undefined) {
    index = data.items.length;
    data.items.push(attempt.itemId);
    indexOf.set(attempt.itemId, index);
  }
  const answer = attempt.answer.slice(0, MAX_ANSWER_CHARS);
  data.attempts.push([index, answer, attempt.isCorrect ? 1 : 0, attempt.durationMs, attempt.atMs]);
  addStreakDay(data, attempt.atMs);
}

/** Adds an attempt's figures to a rolled-up total (or starts one). */
export function rollUp(total: RolledUp | undefined, isCorrect: boolean, durationMs: number, atMs: number): RolledUp {
  if (total === undefined) return { attempts: 1, correct: isCorrect ? 1 : 0, durationMs, firstAtMs: atMs, lastAtMs: atMs };
  return {
    attempts: total.attempts + 1,
    correct: total.correct + (isCorrect ? 1 : 0),
    durationMs: total.durationMs + durationMs,
    firstAtMs: Math.min(total.firstAtMs, atMs),
    lastAtMs: Math.max(total.lastAtMs, atMs),
  };
}

/** Keeps the newest MAX_KEPT_ATTEMPTS attempts one by one and folds older ones into per-item totals. */
function rollUpOldAttempts(data: ProgressData): void {
  const excess = data.attempts.length - MAX_KEPT_ATTEMPTS;
  if (excess <= 0) return;
  for (const [index, , correct, durationMs, atMs] of data.attempts.splice(0, excess)) {
    const itemId = data.items[index] ?? `unknown-item-${index}`;
    data.rolledUp[itemId] = rollUp(data.rolledUp[itemId], correct === 1, durationMs, atMs);
  }
}

function applyOne(data: ProgressData, change: ProgressChange, indexOf: Map<string, number>): void {
  switch (change.type) {
    case 'record-attempt':
      return recordAttempt(data, change.attempt, indexOf);
    case 'set-card':
      data.cards[change.cardId] = change.card;
      return;
    case 'record-scenario-step': {
      const scenario = scenarioOf(data, change.scenarioId);
      if (!scenario.stepsDone.includes(change.stepId)) scenario.stepsDone.push(change.stepId);
      if (change.prediction !== 'none') scenario.predictionsTotal += 1;
      if (change.prediction === 'right') scenario.predictionsRight += 1;
      scenario.lastActiveAtMs = Math.max(scenario.lastActiveAtMs ?? 0, change.atMs);
      addStreakDay(data, change.atMs);
      return;
    }
    case 'complete-scenario': {
      const scenario = scenarioOf(data, change.scenarioId);
      scenario.completedAtMs ??= change.atMs;
      return;
    }
    case 'record-exam':
      if (!data.exams.some((exam) => exam.id === change.exam.id)) data.exams.push(change.exam);
      if (data.exams.length > MAX_KEPT_EXAMS) data.exams.splice(0, data.exams.length - MAX_KEPT_EXAMS);
      return;
    case 'set-setting':
      data.settings[change.key] = change.value;
      return;
    case 'merge': {
      const merged = mergeProgress(data, change.data);
      Object.assign(data, merged);
      indexOf.clear();
      data.items.forEach((id, index) => indexOf.set(id, index));
      return;
    }
    default: {
      const unreachable: never = change;
      return unreachable;
    }
  }
}

/** Applies changes in order to `data`, which the caller owns (it is changed in place). */
export function applyChanges(data: ProgressData, changes: readonly ProgressChange[]): void {
  const indexOf = new Map<string, number>();
  data.items.forEach((id, index) => indexOf.set(id, index));
  for (const change of changes) applyOne(data, change, indexOf);
  rollUpOldAttempts(data);
}
