// What the learner's words mean to the runner, and what the progress store should record of a
// transition. Shared by `trainer run --plain` and the shell's runner screen, so both read input the
// same way and record exactly the same steps. Pure.
import type { PredictionOutcome, RunnerAction, RunnerEvent, RunnerState } from './runner-types.js';

/** What one input line means in the current phase; `{retry}` means "ask again" (with a reason). */
export function actionForLine(state: RunnerState, raw: string): RunnerAction | 'quit' | { readonly retry: string } {
  const line = raw.trim();
  const word = line.toLowerCase();
  if (word === 'quit' || word === 'exit') return 'quit';
  if (word === 'retry') return { type: 'retry-step' };
  if (word === 'restart') return { type: 'restart' };
  if (word === 'hint') return { type: 'hint' };
  const current = state.scenario.steps[state.stepIndex];
  if (state.phase === 'awaiting-answer' && current?.kind === 'predict') {
    const index = /^[a-f]$/.test(word) ? word.charCodeAt(0) - 97 : -1;
    return index >= 0 && index < current.choices.length ? { type: 'answer', choice: index } : { retry: `Answer with a letter from a to ${String.fromCharCode(96 + current.choices.length)}.` };
  }
  if (word === 'skip' || word === 'next') return { type: 'next' };
  if (line === '') return { retry: '' };
  return { type: 'submit-command', line };
}

/**
 * The progress-store changes for the events of one transition. Typed here without importing the
 * store (the engine may not): the shapes are the store's `record-scenario-step` and
 * `complete-scenario` changes, and the callers' `repository.update(...)` checks they still agree.
 */
export type ScenarioProgressChange =
  | { readonly type: 'record-scenario-step'; readonly scenarioId: string; readonly stepId: string; readonly prediction: PredictionOutcome; readonly atMs: number }
  | { readonly type: 'complete-scenario'; readonly scenarioId: string; readonly atMs: number };

export function progressChanges(scenarioId: string, events: readonly RunnerEvent[], atMs: number): ScenarioProgressChange[] {
  return events.flatMap((event): ScenarioProgressChange[] => {
    if (event.type === 'step-completed') return [{ type: 'record-scenario-step', scenarioId, stepId: event.stepId, prediction: event.prediction, atMs }];
    if (event.type === 'scenario-completed') return [{ type: 'complete-scenario', scenarioId, atMs }];
    return [];
  });
}
