// Merging two progress files (import, or two histories of one learner). The merge never drops data it
// can tell apart: attempts are a set (the same attempt twice counts once), cards keep the most recently
// reviewed state, scenario steps and streak days are unions, exams are kept by id. It is idempotent
// (merging a file into itself changes nothing) and, on attempts, commutative; test/progress/merge.test.ts
// checks both with fast-check.
import { MAX_KEPT_EXAMS, type AttemptTuple, type CardState, type ProgressData, type RolledUp, type ScenarioProgress } from './schema.js';

type AttemptWithId = readonly [itemId: string, answer: string, correct: 0 | 1, durationMs: number, atMs: number];

function attemptsWithIds(data: ProgressData): AttemptWithId[] {
  return data.attempts.map(([index, ...rest]) => [data.items[index] ?? `unknown-item-${index}`, ...rest] as const);
}

function compareAttempts(a: AttemptWithId, b: AttemptWithId): number {
  if (a[4] !== b[4]) return a[4] - b[4];
  const keyA = JSON.stringify(a);
  const keyB = JSON.stringify(b);
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

function mergeAttempts(a: ProgressData, b: ProgressData): Pick<ProgressData, 'items' | 'attempts'> {
  const byKey = new Map<string, AttemptWithId>();
  for (const attempt of [...attemptsWithIds(a), ...attemptsWithIds(b)]) byKey.set(JSON.stringify(attempt), attempt);
  const sorted = [...byKey.values()].sort(compareAttempts);
  const items: string[] = [];
  const indexOf = new Map<string, number>();
  const attempts = sorted.map(([itemId, ...rest]): AttemptTuple => {
    let index = indexOf.get(itemId);
    if (index === undefined) {
      index = items.push(itemId) - 1;
      indexOf.set(itemId, index);
    }
    return [index, ...rest];
  });
  return { items, attempts };
}

/** A deterministic "greater" for records that cannot be combined: the tie-break keeps merge commutative. */
function pickLater<T>(a: T | undefined, b: T | undefined, rank: (value: T) => number): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const difference = rank(a) - rank(b);
  if (difference !== 0) return difference > 0 ? a : b;
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

function mergeRecords<T>(a: Record<string, T>, b: Record<string, T>, combine: (x: T | undefined, y: T | undefined) => T | undefined): Record<string, T> {
  const merged: Record<string, T> = {};
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const value = combine(a[key], b[key]);
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

function mergeScenario(a: ScenarioProgress | undefined, b: ScenarioProgress | undefined): ScenarioProgress | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  const completed = [a.completedAtMs, b.completedAtMs].filter((value): value is number => value !== null);
  const active = [a.lastActiveAtMs, b.lastActiveAtMs].filter((value): value is number => value !== undefined);
  return {
    stepsDone: [...new Set([...a.stepsDone, ...b.stepsDone])].sort(),
    // Counts cannot be told apart, so the larger is kept rather than adding the same steps twice.
    predictionsRight: Math.max(a.predictionsRight, b.predictionsRight),
    predictionsTotal: Math.max(a.predictionsTotal, b.predictionsTotal),
    completedAtMs: completed.length === 0 ? null : Math.min(...completed),
    ...(active.length === 0 ? {} : { lastActiveAtMs: Math.max(...active) }),
  };
}

/**
 * Merges `incoming` into `current`. Settings: the current value wins where both have one (the learner's
 * present choice); incoming settings fill only missing keys. `journalSeq` stays the current file's.
 */
export function mergeProgress(current: ProgressData, incoming: ProgressData): ProgressData {
  const examsById = new Map([...current.exams, ...incoming.exams].map((exam) => [exam.id, exam]));
  const exams = [...examsById.values()].sort((x, y) => x.finishedAtMs - y.finishedAtMs || (x.id < y.id ? -1 : 1));
  return {
    version: current.version,
    journalSeq: current.journalSeq,
    ...mergeAttempts(current, incoming),
    rolledUp: mergeRecords<RolledUp>(current.rolledUp, incoming.rolledUp, (x, y) => pickLater(x, y, (r) => r.attempts)),
    cards: mergeRecords<CardState>(current.cards, incoming.cards, (x, y) => pickLater(x, y, (c) => c.last_review ?? -1)),
    scenarios: mergeRecords(current.scenarios, incoming.scenarios, mergeScenario),
    exams: exams.slice(-MAX_KEPT_EXAMS),
    settings: { ...incoming.settings, ...current.settings },
    streakDays: [...new Set([...current.streakDays, ...incoming.streakDays])].sort(),
  };
}
