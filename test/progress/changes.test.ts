// Proves how changes fold into progress data: ids are interned, answers cut to 200 characters, the
// one-by-one history is bounded at MAX_KEPT_ATTEMPTS with older attempts rolled into per-item totals
// (so no count is lost), scenario steps count once, and streak days are distinct and sorted.
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/progress/changes.js';
import { emptyProgress, MAX_KEPT_ATTEMPTS, summarizeProgress } from '../../src/progress/index.js';
import { attempt, T0_MS } from './fixtures.js';

describe('applyChanges', () => {
  it('cuts long answers to 200 characters', () => {
    const data = emptyProgress();
    applyChanges(data, [attempt('q:a', T0_MS, true, 'x'.repeat(500))]);
    expect(data.attempts[0]?.[1]).toHaveLength(200);
  });

  it('rolls the oldest attempts into per-item totals past the bound, keeping every count', () => {
    const data = emptyProgress();
    const extra = 3;
    const changes = Array.from({ length: MAX_KEPT_ATTEMPTS + extra }, (_, i) => attempt(i < extra ? 'q:old' : 'q:new', T0_MS + i, i !== 0));
    applyChanges(data, changes);
    expect(data.attempts).toHaveLength(MAX_KEPT_ATTEMPTS);
    expect(data.rolledUp).toEqual({ 'q:old': { attempts: 3, correct: 2, durationMs: 12_000, firstAtMs: T0_MS, lastAtMs: T0_MS + 2 } });
    const summary = summarizeProgress(data, T0_MS);
    expect(summary.attempts).toBe(MAX_KEPT_ATTEMPTS + extra);
    expect(summary.correct).toBe(MAX_KEPT_ATTEMPTS + extra - 1);
  });

  it('counts a scenario step once, its predictions each time, completion at the first time and activity at the latest', () => {
    const data = emptyProgress();
    const step = { type: 'record-scenario-step', scenarioId: 's/1', stepId: 'intro', atMs: T0_MS } as const;
    applyChanges(data, [
      { ...step, prediction: 'wrong' },
      { ...step, prediction: 'right', atMs: T0_MS + 3 },
      { ...step, prediction: 'none', atMs: T0_MS + 1 },
      { type: 'complete-scenario', scenarioId: 's/1', atMs: T0_MS + 5 },
      { type: 'complete-scenario', scenarioId: 's/1', atMs: T0_MS + 9 },
    ]);
    expect(data.scenarios['s/1']).toEqual({ stepsDone: ['intro'], predictionsRight: 1, predictionsTotal: 2, completedAtMs: T0_MS + 5, lastActiveAtMs: T0_MS + 3 });
  });

  it('keeps streak days distinct and sorted, and counts the current streak back from today', () => {
    const data = emptyProgress();
    const dayMs = 86_400_000;
    applyChanges(data, [attempt('q:a', T0_MS + 2 * dayMs), attempt('q:a', T0_MS), attempt('q:a', T0_MS + dayMs), attempt('q:a', T0_MS + dayMs)]);
    expect(data.streakDays).toEqual([...data.streakDays].sort());
    expect(data.streakDays).toHaveLength(3);
    expect(summarizeProgress(data, T0_MS + 2 * dayMs).streakDays).toBe(3);
    expect(summarizeProgress(data, T0_MS + 3 * dayMs).streakDays).toBe(3);
    expect(summarizeProgress(data, T0_MS + 4 * dayMs).streakDays).toBe(0);
  });
});
