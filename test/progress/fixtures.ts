// Small builders of changes for the progress tests.
import type { ProgressChange } from '../../src/progress/index.js';

/** 2026-03-02T12:00:00Z: a fixed moment, so days and streaks are the same on every run. */
export const T0_MS = Date.UTC(2026, 2, 2, 12);

export function attempt(itemId: string, atMs: number, isCorrect = true, answer = 'B'): ProgressChange {
  return { type: 'record-attempt', attempt: { itemId, answer, isCorrect, durationMs: 4_000, atMs } };
}

export const CARD = {
  due: T0_MS + 86_400_000,
  stability: 2.5,
  difficulty: 5.1,
  elapsed_days: 0,
  scheduled_days: 1,
  learning_steps: 0,
  reps: 1,
  lapses: 0,
  state: 2,
  last_review: T0_MS,
} as const;
