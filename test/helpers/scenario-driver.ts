// Drives a scenario headless to its end, as a learner who answers every prediction right (or wrong)
// and types each task's reference solution. The runner is pure, so the right answer is found by
// answering on a throwaway state first and reading the grade.
import { start, step, templateFiles, type RunnerEvent, type RunnerState, type Scenario } from '../../src/scenarios/index.js';

export interface DriveReport {
  readonly final: RunnerState;
  /** Every event of the run, in order. */
  readonly events: readonly RunnerEvent[];
  /** Task ids whose reference solution left the task unsolved. */
  readonly unsolvedTasks: readonly string[];
  /** The same run as `trainer run ID --plain` input: one letter per answer, the solutions' commands. */
  readonly inputLines: readonly string[];
}

/** The right choice of the waiting prediction, read from a throwaway answer. */
export function correctChoiceOf(state: RunnerState): number | null {
  const probe = step(state, { type: 'answer', choice: 0 });
  const graded = probe.events.find((e) => e.type === 'prediction-graded');
  return graded?.type === 'prediction-graded' ? graded.correctChoice : null;
}

export function drive(scenario: Scenario, answers: 'right' | 'wrong', seed = 1): DriveReport {
  let state = start(scenario, { seed, io: templateFiles() });
  const events: RunnerEvent[] = [...state.events];
  const unsolvedTasks: string[] = [];
  const inputLines: string[] = [];
  const apply = (next: RunnerState): void => {
    state = next;
    events.push(...next.events);
  };
  // Bound: every step takes at most its solution's length plus one action.
  for (let turn = 0; turn < 1_000 && state.phase !== 'finished'; turn++) {
    const current = scenario.steps[state.stepIndex];
    if (state.phase === 'awaiting-answer' && current?.kind === 'predict') {
      const correct = correctChoiceOf(state) ?? 0;
      const choice = answers === 'right' ? correct : (correct + 1) % current.choices.length;
      inputLines.push(String.fromCharCode(97 + choice));
      apply(step(state, { type: 'answer', choice }));
    } else if (state.phase === 'working' && current?.kind === 'task') {
      for (const line of current.solution) {
        inputLines.push(line);
        apply(step(state, { type: 'submit-command', line }));
      }
      if ((state.phase as string) !== 'solved') unsolvedTasks.push(current.id);
      apply(step(state, { type: 'next' }));
    } else {
      apply(step(state, { type: 'next' }));
    }
  }
  return { final: state, events, unsolvedTasks, inputLines };
}
