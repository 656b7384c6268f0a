// The home screen's lines about the learner (pure): the scenario to continue, the reviews due and the
// streak. Each reuses the engine that owns the rule: the quiz's due cards (what `trainer review` asks)
// and the progress store's streak (what `trainer progress` and the dashboard show).
import { summarizeProgress, type ProgressData } from '../../../progress/index.js';
import { dueCardIds, type CardRecord } from '../../../quiz/index.js';
import type { Scenario } from '../../../scenarios/index.js';

export interface ContinueLine {
  readonly scenarioId: string;
  readonly title: string;
  /** The step to go on with (1-based): the first one not done yet. */
  readonly step: number;
  readonly stepCount: number;
}

export interface HomeSummary {
  /** The in-progress scenario with the latest activity; undefined when none is in progress. */
  readonly continueWith: ContinueLine | undefined;
  readonly reviewsDue: number;
  readonly streakDays: number;
}

/** The in-progress scenario of the library touched last (a record without a time counts as oldest). */
export function scenarioToContinue(progress: ProgressData, library: readonly Scenario[]): ContinueLine | undefined {
  let best: { readonly line: ContinueLine; readonly atMs: number } | undefined;
  for (const scenario of library) {
    const record = progress.scenarios[scenario.id];
    if (record === undefined || record.completedAtMs !== null || record.stepsDone.length === 0) continue;
    const atMs = record.lastActiveAtMs ?? 0;
    if (best !== undefined && atMs <= best.atMs) continue;
    const stepCount = scenario.steps.length;
    best = { atMs, line: { scenarioId: scenario.id, title: scenario.title, step: Math.min(record.stepsDone.length + 1, stepCount), stepCount } };
  }
  return best?.line;
}

export function homeSummary(progress: ProgressData, cards: Readonly<Record<string, CardRecord>>, library: readonly Scenario[], nowMs: number): HomeSummary {
  return {
    continueWith: scenarioToContinue(progress, library),
    reviewsDue: dueCardIds(cards, nowMs).length,
    streakDays: summarizeProgress(progress, nowMs).streakDays,
  };
}
