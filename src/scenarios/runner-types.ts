// The runner's data: its state, the actions that drive it, the events it emits and the transcript it
// builds. Plain data, so the UI, the plain/JSON CLI and the tests read the same thing.
import type { LineReport, SandboxSession, WorldSnapshot } from '../sim/index.js';
import type { Panel, Reference, Scenario, Step } from './schema.js';

export type RunnerAction =
  | { readonly type: 'next' }
  /** `choice` is the 0-based index of the chosen answer (a = 0). */
  | { readonly type: 'answer'; readonly choice: number }
  | { readonly type: 'hint' }
  | { readonly type: 'submit-command'; readonly line: string }
  | { readonly type: 'retry-step' }
  | { readonly type: 'restart' };

export type PredictionOutcome = 'right' | 'wrong' | 'none';

export type RunnerEvent =
  | { readonly type: 'step-started'; readonly stepId: string; readonly index: number }
  | { readonly type: 'prediction-graded'; readonly stepId: string; readonly choice: number; readonly correctChoice: number | null; readonly isCorrect: boolean }
  | { readonly type: 'task-completed'; readonly stepId: string; readonly hintsUsed: number }
  | { readonly type: 'task-skipped'; readonly stepId: string }
  | { readonly type: 'recap-reached'; readonly stepId: string; readonly facts: readonly string[] }
  /** The learner moved past a step they finished; the CLI records it in the progress store. */
  | { readonly type: 'step-completed'; readonly stepId: string; readonly prediction: PredictionOutcome }
  | { readonly type: 'scenario-completed' }
  | { readonly type: 'action-refused'; readonly action: RunnerAction['type']; readonly reason: string }
  /** The scenario itself is wrong (a computed answer matches no choice, a task is solved at start ...). */
  | { readonly type: 'content-problem'; readonly stepId: string; readonly message: string };

export type TranscriptEntry =
  | { readonly type: 'step'; readonly stepId: string; readonly kind: Step['kind']; readonly index: number; readonly count: number }
  | { readonly type: 'narration'; readonly text: string }
  | { readonly type: 'command'; readonly line: string; readonly ok: boolean; readonly text: string; readonly isSetup: boolean }
  | { readonly type: 'panel'; readonly panel: Panel }
  | { readonly type: 'question'; readonly stepId: string; readonly question: string; readonly choices: readonly string[] }
  | { readonly type: 'graded'; readonly isCorrect: boolean; readonly choice: number; readonly correctChoice: number | null; readonly explanation: string; readonly reference: Reference }
  | { readonly type: 'goal'; readonly text: string; readonly hintCount: number }
  | { readonly type: 'hint'; readonly number: number; readonly of: number; readonly text: string }
  | { readonly type: 'task-solved'; readonly details: readonly string[] }
  | { readonly type: 'recap'; readonly facts: readonly string[] }
  | { readonly type: 'note'; readonly text: string }
  | { readonly type: 'finished'; readonly title: string };

/**
 * - `reading`: a say/run/recap step is shown; `next` moves on.
 * - `awaiting-answer`: a prediction is asked; only `answer` (or retry/restart) moves it.
 * - `answered`: the commands ran and the answer was graded.
 * - `working`: a task is open; `submit-command` and `hint` apply, `next` skips it.
 * - `solved`: the task's check holds.
 * - `finished`: past the last step.
 */
export type RunnerPhase = 'reading' | 'awaiting-answer' | 'answered' | 'working' | 'solved' | 'finished';

export interface RunnerState {
  readonly scenario: Scenario;
  readonly seed: number;
  /** The sandbox; a transition that runs commands works on a copy, so earlier states stay valid. */
  readonly session: SandboxSession;
  readonly stepIndex: number;
  /** The world when the current step began (`retry-step` goes back to it). */
  readonly stepSnapshot: WorldSnapshot;
  /** Trace length when the current step began. */
  readonly traceStart: number;
  readonly phase: RunnerPhase;
  /** Everything shown so far, in order. */
  readonly transcript: readonly TranscriptEntry[];
  /** What the latest action caused (replaced by every transition, so nothing is handled twice). */
  readonly events: readonly RunnerEvent[];
  readonly hintsShown: number;
  /** The JSON the last command of this step printed; `{error}` when it failed. */
  readonly lastOutput: unknown;
  readonly prediction: PredictionOutcome;
}

export type { LineReport };
