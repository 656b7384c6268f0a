// Proves the home screen's lines about the learner (pure): the in-progress scenario touched last with
// its next step, reviews due now (the cards `trainer review` would ask) and the streak of active days.
import { describe, expect, it } from 'vitest';
import { dayKeyOf, emptyProgress, type CardState, type ProgressData } from '../../../../src/progress/index.js';
import { homeSummary, scenarioToContinue } from '../../../../src/repl/screens/home/home-summary.js';
import { testLibrary, tinyScenario } from '../../../helpers/scenario-library.js';

const NOW_MS = Date.parse('2026-03-10T12:00:00');
const DAY_MS = 86_400_000;

function card(dueMs: number): CardState {
  return { due: dueMs, stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 1, learning_steps: 0, reps: 1, lapses: 0, state: 2, last_review: dueMs - DAY_MS };
}

function progressWith(scenarios: ProgressData['scenarios']): ProgressData {
  return { ...emptyProgress(), scenarios };
}

describe('scenarioToContinue', () => {
  it('picks the in-progress scenario with the latest activity, at its first step not done', () => {
    const progress = progressWith({
      'lambda/cold-starts': { stepsDone: ['say-1'], predictionsRight: 0, predictionsTotal: 0, completedAtMs: null, lastActiveAtMs: NOW_MS - DAY_MS },
      'fixture/tiny': { stepsDone: ['say-1', 'run-2'], predictionsRight: 0, predictionsTotal: 0, completedAtMs: null, lastActiveAtMs: NOW_MS - 60_000 },
      'dynamodb/throttling': { stepsDone: ['say-1'], predictionsRight: 0, predictionsTotal: 0, completedAtMs: NOW_MS, lastActiveAtMs: NOW_MS },
    });
    expect(scenarioToContinue(progress, testLibrary)).toEqual({ scenarioId: 'fixture/tiny', title: 'Tiny fixture', step: 3, stepCount: tinyScenario.steps.length });
  });

  it('counts a record without a time (older files) as the oldest, and skips scenarios not in the library', () => {
    const progress = progressWith({
      'gone/removed-pack': { stepsDone: ['a'], predictionsRight: 0, predictionsTotal: 0, completedAtMs: null, lastActiveAtMs: NOW_MS },
      'lambda/cold-starts': { stepsDone: ['say-1'], predictionsRight: 0, predictionsTotal: 0, completedAtMs: null },
    });
    expect(scenarioToContinue(progress, testLibrary)?.scenarioId).toBe('lambda/cold-starts');
  });

  it('offers nothing when no scenario is in progress', () => {
    const progress = progressWith({ 'fixture/tiny': { stepsDone: [], predictionsRight: 0, predictionsTotal: 0, completedAtMs: null } });
    expect(scenarioToContinue(progress, testLibrary)).toBeUndefined();
    expect(scenarioToContinue(emptyProgress(), testLibrary)).toBeUndefined();
  });
});

describe('homeSummary', () => {
  it('counts the cards due now and the streak of days ending today', () => {
    const progress = { ...emptyProgress(), streakDays: [dayKeyOf(NOW_MS - 3 * DAY_MS), dayKeyOf(NOW_MS - DAY_MS), dayKeyOf(NOW_MS)] };
    const cards = { 'q:a': card(NOW_MS - DAY_MS), 'q:b': card(NOW_MS), 'q:c': card(NOW_MS + 1) };
    expect(homeSummary(progress, cards, testLibrary, NOW_MS)).toEqual({ continueWith: undefined, reviewsDue: 2, streakDays: 2 });
  });
});
