// Proves the merge used by import: on attempts it is a set union (commutative, idempotent, never
// dropping one), it keeps every card, scenario, exam, setting and day either side had, and it rolls
// nothing away. Properties are checked with fast-check over generated histories.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyProgress, mergeProgress, type ProgressChange, type ProgressData } from '../../src/progress/index.js';
import { applyChanges } from '../../src/progress/changes.js';
import { CARD, T0_MS } from './fixtures.js';

const attemptChange = fc.record({
  itemId: fc.constantFrom('q:a', 'q:b', 'q:c', 'dynamodb/throttling#burst'),
  answer: fc.constantFrom('A', 'B', 'C,D'),
  isCorrect: fc.boolean(),
  durationMs: fc.integer({ min: 0, max: 60_000 }),
  atMs: fc.integer({ min: T0_MS, max: T0_MS + 10 * 86_400_000 }),
}).map((attempt): ProgressChange => ({ type: 'record-attempt', attempt }));

const history = fc.array(attemptChange, { maxLength: 40 }).map((changes) => {
  const data = emptyProgress();
  applyChanges(data, changes);
  return data;
});

function attemptSet(data: ProgressData): string[] {
  return data.attempts.map(([index, ...rest]) => JSON.stringify([data.items[index], ...rest])).sort();
}

describe('mergeProgress', () => {
  it('is commutative on attempts', () => {
    fc.assert(fc.property(history, history, (a, b) => {
      expect(attemptSet(mergeProgress(a, b))).toEqual(attemptSet(mergeProgress(b, a)));
    }));
  });

  it('is idempotent: merging a file into itself, or twice, changes nothing', () => {
    fc.assert(fc.property(history, history, (a, b) => {
      const once = mergeProgress(a, b);
      expect(mergeProgress(once, b)).toEqual(once);
      expect(attemptSet(mergeProgress(a, a))).toEqual([...new Set(attemptSet(a))]);
    }));
  });

  it('never drops an attempt either side had', () => {
    fc.assert(fc.property(history, history, (a, b) => {
      const merged = new Set(attemptSet(mergeProgress(a, b)));
      for (const attempt of [...attemptSet(a), ...attemptSet(b)]) expect(merged.has(attempt)).toBe(true);
    }));
  });

  it('keeps the most recently reviewed card, every scenario step, exam, day, and the current settings', () => {
    const current = emptyProgress();
    applyChanges(current, [
      { type: 'set-card', cardId: 'q:a', card: { ...CARD, last_review: T0_MS + 1_000, reps: 3 } },
      { type: 'record-scenario-step', scenarioId: 's/1', stepId: 'intro', prediction: 'right', atMs: T0_MS },
      { type: 'set-setting', key: 'theme', value: 'dark' },
    ]);
    const incoming = emptyProgress();
    applyChanges(incoming, [
      { type: 'set-card', cardId: 'q:a', card: CARD },
      { type: 'set-card', cardId: 'q:unknown-elsewhere', card: CARD },
      { type: 'record-scenario-step', scenarioId: 's/1', stepId: 'burst', prediction: 'wrong', atMs: T0_MS + 86_400_000 },
      { type: 'record-exam', exam: { id: 'e1', finishedAtMs: T0_MS, durationMs: 1, correct: 1, total: 2, domains: {} } },
      { type: 'set-setting', key: 'theme', value: 'light' },
      { type: 'set-setting', key: 'dailyGoal', value: 20 },
    ]);
    const merged = mergeProgress(current, incoming);
    expect(merged.cards['q:a']?.reps).toBe(3);
    expect(Object.keys(merged.cards)).toEqual(['q:a', 'q:unknown-elsewhere']);
    expect(merged.scenarios['s/1']?.stepsDone).toEqual(['burst', 'intro']);
    expect(merged.scenarios['s/1']?.lastActiveAtMs).toBe(T0_MS + 86_400_000);
    expect(merged.exams.map((exam) => exam.id)).toEqual(['e1']);
    expect(merged.settings).toEqual({ theme: 'dark', dailyGoal: 20 });
    expect(merged.streakDays).toHaveLength(2);
  });
});
