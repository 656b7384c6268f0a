// The scenario runner: a pure state machine. `start(scenario, {seed})` gives the first state and
// `step(state, action)` the next one; the UI, `trainer run --plain|--json` and the tests drive it the
// same way. Transitions that run commands work on a copy of the world (snapshot + restore), so a
// state is never changed after it is returned.
import { createSandbox, restoreWorld, runSandboxLine, type SandboxIo, type SandboxSession } from '../sim/index.js';
import { evaluateCheck, measure, type CheckContext } from './checks.js';
import { choiceLetter, stepIdOf } from './parse.js';
import type { RunnerAction, RunnerEvent, RunnerState, TranscriptEntry } from './runner-types.js';
import type { Choice, PredictStep, Scenario, Step, TaskStep } from './schema.js';

export interface StartOptions {
  /** Seed of the scenario's world; the same seed and actions give the same trace. @default 1 */
  readonly seed?: number;
  /**
   * The files the sandbox may read (`sim sam deploy FILE`, `file://`): the shell passes the package's
   * templates (`templateFiles()` in load.ts). @default none
   */
  readonly io?: SandboxIo;
}

/** `setup.template: name.yaml` deploys it first, as the stack named after the file. */
export function setupLines(scenario: Scenario): string[] {
  const template = scenario.setup?.template;
  const deploy = template === undefined ? [] : [`sim sam deploy ${template} --stack ${template.replace(/\.ya?ml$/, '')}`];
  return [...deploy, ...(scenario.setup?.commands ?? [])];
}

function fork(session: SandboxSession): SandboxSession {
  return { world: restoreWorld(session.world.snapshot()), io: session.io, table: session.table };
}

interface LinesRun {
  readonly entries: TranscriptEntry[];
  readonly lastOutput: unknown;
  readonly failures: string[];
}

/** Runs lines in the session (bounded by the scenario's own lists), collecting transcript entries. */
function runLines(session: SandboxSession, lines: readonly string[], isSetup = false): LinesRun {
  const entries: TranscriptEntry[] = [];
  const failures: string[] = [];
  let lastOutput: unknown = null;
  for (const line of lines) {
    const report = runSandboxLine(session, line);
    entries.push({ type: 'command', line, ok: report.ok, text: report.text, isSetup });
    lastOutput = report.ok ? report.output : { error: report.error };
    if (report.isParseError) failures.push(`"${line}" could not be parsed`);
    else if (isSetup && !report.ok) failures.push(`setup command "${line}" failed: ${report.text.trim()}`);
  }
  return { entries, lastOutput, failures };
}

export function choiceText(choice: Choice): string {
  return typeof choice === 'string' ? choice : choice.text;
}

function choiceValue(choice: Choice): unknown {
  return typeof choice === 'string' ? choice : choice.value;
}

export function start(scenario: Scenario, options: StartOptions = {}): RunnerState {
  const seed = options.seed ?? 1;
  const session = createSandbox({ seed, ...(options.io === undefined ? {} : { io: options.io }) });
  const setup = runLines(session, setupLines(scenario), true);
  const base: RunnerState = {
    scenario,
    seed,
    session,
    stepIndex: 0,
    stepSnapshot: session.world.snapshot(),
    traceStart: session.world.trace.length,
    phase: 'reading',
    transcript: setup.entries,
    events: setup.failures.map((message) => ({ type: 'content-problem', stepId: 'setup', message })),
    hintsShown: 0,
    lastOutput: null,
    prediction: 'none',
  };
  return enterStep(base, 0, base.events);
}

function currentStep(state: RunnerState): Step {
  const found = state.scenario.steps[state.stepIndex];
  if (found === undefined) throw new Error(`runner: no step ${state.stepIndex} in ${state.scenario.id}`);
  return found;
}

function enterStep(previous: RunnerState, index: number, carried: readonly RunnerEvent[] = []): RunnerState {
  const step = previous.scenario.steps[index];
  if (step === undefined) throw new Error(`runner: no step ${index} in ${previous.scenario.id}`);
  const stepId = stepIdOf(step, index);
  const session = step.kind === 'run' ? fork(previous.session) : previous.session;
  const state: RunnerState = {
    ...previous,
    session,
    stepIndex: index,
    stepSnapshot: session.world.snapshot(),
    traceStart: session.world.trace.length,
    hintsShown: 0,
    lastOutput: null,
    prediction: 'none',
  };
  const events: RunnerEvent[] = [...carried, { type: 'step-started', stepId, index }];
  const heading: TranscriptEntry = { type: 'step', stepId, kind: step.kind, index, count: state.scenario.steps.length };
  const shown = enteredStep(state, step, stepId, events);
  return { ...state, ...shown.patch, transcript: [...previous.transcript, heading, ...shown.entries], events };
}

function enteredStep(state: RunnerState, step: Step, stepId: string, events: RunnerEvent[]): { entries: TranscriptEntry[]; patch: Partial<RunnerState> } {
  switch (step.kind) {
    case 'say':
      return { entries: [{ type: 'narration', text: step.text }], patch: { phase: 'reading' } };
    case 'run': {
      const ran = runLines(state.session, step.commands);
      ran.failures.forEach((message) => events.push({ type: 'content-problem', stepId, message }));
      const entries: TranscriptEntry[] = [...(step.text === undefined ? [] : [{ type: 'narration', text: step.text } as const]), ...ran.entries];
      if (step.panel !== undefined) entries.push({ type: 'panel', panel: step.panel });
      return { entries, patch: { phase: 'reading', lastOutput: ran.lastOutput } };
    }
    case 'predict':
      return { entries: [{ type: 'question', stepId, question: step.question, choices: step.choices.map(choiceText) }], patch: { phase: 'awaiting-answer' } };
    case 'task': {
      if (isTaskSolved(state, step).isMet) events.push({ type: 'content-problem', stepId, message: 'the task is already solved when it starts' });
      return { entries: [{ type: 'goal', text: step.goal, hintCount: step.hints.length }], patch: { phase: 'working' } };
    }
    case 'recap':
      events.push({ type: 'recap-reached', stepId, facts: step.facts });
      return { entries: [{ type: 'recap', facts: step.facts }], patch: { phase: 'reading' } };
    default: {
      const unreachable: never = step;
      return unreachable;
    }
  }
}

function refuse(state: RunnerState, action: RunnerAction, reason: string): RunnerState {
  return { ...state, events: [{ type: 'action-refused', action: action.type, reason }] };
}

export function step(state: RunnerState, action: RunnerAction): RunnerState {
  switch (action.type) {
    case 'next':
      return next(state, action);
    case 'answer':
      return answer(state, action);
    case 'hint':
      return hint(state, action);
    case 'submit-command':
      return submitCommand(state, action);
    case 'retry-step': {
      if (state.phase === 'finished') return refuse(state, action, 'the scenario is finished; restart it to run it again');
      const session = { ...state.session, world: restoreWorld(state.stepSnapshot) };
      const note: TranscriptEntry = { type: 'note', text: 'Step restarted: the world is back as it was when the step began.' };
      return enterStep({ ...state, session, transcript: [...state.transcript, note] }, state.stepIndex);
    }
    case 'restart': {
      const fresh = start(state.scenario, { seed: state.seed });
      return { ...fresh, transcript: [...state.transcript, { type: 'note', text: 'Scenario restarted from the beginning.' }, ...fresh.transcript] };
    }
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

function next(state: RunnerState, action: RunnerAction): RunnerState {
  if (state.phase === 'finished') return refuse(state, action, 'the scenario is finished');
  if (state.phase === 'awaiting-answer') return refuse(state, action, 'answer the question first (a letter)');
  const step = currentStep(state);
  const stepId = stepIdOf(step, state.stepIndex);
  const events: RunnerEvent[] =
    state.phase === 'working' ? [{ type: 'task-skipped', stepId }] : [{ type: 'step-completed', stepId, prediction: state.prediction }];
  const nextIndex = state.stepIndex + 1;
  // A skipped task runs its reference solution, so later steps find the world they were written for.
  if (state.phase === 'working' && step.kind === 'task' && nextIndex < state.scenario.steps.length) {
    const session = fork(state.session);
    const solved = runLines(session, step.solution);
    const shown: TranscriptEntry[] = [{ type: 'narration', text: 'Skipped. The reference solution ran, so the next steps start from a solved task:' }, ...solved.entries];
    return enterStep({ ...state, session, transcript: [...state.transcript, ...shown] }, nextIndex, events);
  }
  if (nextIndex < state.scenario.steps.length) return enterStep(state, nextIndex, events);
  events.push({ type: 'scenario-completed' });
  return { ...state, phase: 'finished', events, transcript: [...state.transcript, { type: 'finished', title: state.scenario.title }] };
}

/** The index of the right choice after the commands ran, or a content problem. */
function correctChoiceOf(stepData: PredictStep, context: CheckContext): { index: number | null; problem?: string } {
  if (stepData.answer !== undefined) {
    const index = stepData.answer.charCodeAt(0) - 97;
    if (stepData.check === undefined) return { index };
    const proof = evaluateCheck(stepData.check, context);
    return proof.isMet ? { index } : { index, problem: `the stated answer ${stepData.answer} is not what the world shows: ${proof.details.join('; ')}` };
  }
  if (stepData.answerFrom === undefined) return { index: null, problem: 'no way to know the answer' };
  const value = measure(stepData.answerFrom, context);
  if (!value.ok) return { index: null, problem: value.message };
  const index = stepData.choices.findIndex((choice) => choiceValue(choice) === value.value || String(choiceValue(choice)) === String(value.value));
  return index === -1 ? { index: null, problem: `the world shows ${JSON.stringify(value.value)}, which no choice offers` } : { index };
}

function answer(state: RunnerState, action: Extract<RunnerAction, { type: 'answer' }>): RunnerState {
  const current = currentStep(state);
  if (state.phase !== 'awaiting-answer' || current.kind !== 'predict') return refuse(state, action, 'there is no question waiting for an answer');
  if (!Number.isInteger(action.choice) || action.choice < 0 || action.choice >= current.choices.length) {
    return refuse(state, action, `answer with a letter from a to ${choiceLetter(current.choices.length - 1)}`);
  }
  const stepId = stepIdOf(current, state.stepIndex);
  const session = fork(state.session);
  const ran = runLines(session, current.commands);
  const correct = correctChoiceOf(current, { world: session.world, lastOutput: ran.lastOutput, traceStart: state.traceStart });
  const isCorrect = correct.index === action.choice;
  const events: RunnerEvent[] = [
    ...ran.failures.map((message): RunnerEvent => ({ type: 'content-problem', stepId, message })),
    ...(correct.problem === undefined ? [] : [{ type: 'content-problem', stepId, message: correct.problem } as const]),
    { type: 'prediction-graded', stepId, choice: action.choice, correctChoice: correct.index, isCorrect },
  ];
  const entries: TranscriptEntry[] = [...ran.entries];
  if (current.panel !== undefined) entries.push({ type: 'panel', panel: current.panel });
  entries.push({ type: 'graded', isCorrect, choice: action.choice, correctChoice: correct.index, explanation: current.explanation, reference: current.reference });
  return { ...state, session, phase: 'answered', lastOutput: ran.lastOutput, prediction: isCorrect ? 'right' : 'wrong', events, transcript: [...state.transcript, ...entries] };
}

function hint(state: RunnerState, action: RunnerAction): RunnerState {
  const current = currentStep(state);
  if (state.phase !== 'working' || current.kind !== 'task') return refuse(state, action, 'hints belong to an open task');
  if (state.hintsShown >= current.hints.length) return refuse(state, action, `no more hints (there are ${current.hints.length}); type skip to move on`);
  const number = state.hintsShown + 1;
  const entry: TranscriptEntry = { type: 'hint', number, of: current.hints.length, text: current.hints[number - 1]! };
  return { ...state, hintsShown: number, events: [], transcript: [...state.transcript, entry] };
}

/** Whether a task's goal holds: on a copy of the world after its probe when it has one. */
export function isTaskSolved(state: Pick<RunnerState, 'session' | 'traceStart' | 'lastOutput'>, task: TaskStep): ReturnType<typeof evaluateCheck> {
  if (task.probe === undefined) return evaluateCheck(task.check, { world: state.session.world, lastOutput: state.lastOutput, traceStart: state.traceStart });
  const copy = fork(state.session);
  const traceStart = copy.world.trace.length;
  const probe = runLines(copy, task.probe);
  return evaluateCheck(task.check, { world: copy.world, lastOutput: probe.lastOutput, traceStart });
}

function submitCommand(state: RunnerState, action: Extract<RunnerAction, { type: 'submit-command' }>): RunnerState {
  if (state.phase === 'finished' || state.phase === 'awaiting-answer') return refuse(state, action, 'commands run during tasks and between steps, not while a question waits');
  const session = fork(state.session);
  const ran = runLines(session, [action.line]);
  const moved: RunnerState = { ...state, session, lastOutput: ran.lastOutput, events: [], transcript: [...state.transcript, ...ran.entries] };
  const current = currentStep(state);
  if (state.phase !== 'working' || current.kind !== 'task') return moved;
  const result = isTaskSolved(moved, current);
  if (!result.isMet) return moved;
  const stepId = stepIdOf(current, state.stepIndex);
  return {
    ...moved,
    phase: 'solved',
    events: [{ type: 'task-completed', stepId, hintsUsed: state.hintsShown }],
    transcript: [...moved.transcript, { type: 'task-solved', details: result.details }],
  };
}
