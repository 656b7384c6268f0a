// `trainer run ID --plain|--json`: drives the scenario runner from stdin lines, prints the transcript
// as it grows (plain text or JSON Lines) and records each finished step in the progress store.
// Loaded lazily by cli.ts, which passes the outside world in `io`.
import { createLowdbRepository, type ProgressRepository } from '../progress/index.js';
import { actionForLine, progressChanges, start, step, templateFiles, type LoadedScenario, type RunnerAction, type RunnerState } from '../scenarios/index.js';
import type { Invocation } from './parse-args.js';
import { entryText, eventText } from './scenario-text.js';

// The input words and the recorded changes live in the engine, shared with the shell's runner screen.
export { actionForLine, progressChanges };

export interface RunIo {
  readonly progressDir: string;
  readonly now: () => number;
  write(text: string): void;
  writeError(text: string): void;
  /** The learner's input, one line at a time (stdin). */
  readonly lines: AsyncIterator<string> | Iterator<string>;
}

type RunInvocation = Extract<Invocation, { kind: 'run-scenario' }>;

class Printer {
  private shown = 0;
  /** The latest grade of each prediction (a retried step counts once). */
  private readonly grades = new Map<string, boolean>();
  constructor(
    private readonly format: RunInvocation['format'],
    private readonly io: RunIo,
    /** A person at a terminal: show a `> ` prompt when input is awaited. */
    private readonly isTerminal: boolean,
  ) {}

  show(state: RunnerState): void {
    const current = state.scenario.steps[state.stepIndex];
    const choices = current?.kind === 'predict' ? current.choices.map((c) => (typeof c === 'string' ? c : c.text)) : [];
    for (const entry of state.transcript.slice(this.shown)) {
      this.io.write(this.format === 'json' ? `${JSON.stringify({ source: 'transcript', ...entry })}\n` : entryText(entry, choices));
    }
    this.shown = state.transcript.length;
    for (const event of state.events) {
      if (event.type === 'prediction-graded') this.grades.set(event.stepId, event.isCorrect);
      if (event.type === 'scenario-completed' && this.format === 'plain') this.io.write(this.score());
      const text = this.format === 'json' ? `${JSON.stringify({ source: 'runner', ...event })}\n` : eventText(event);
      if (text !== undefined) this.io.write(text);
    }
  }

  prompt(state: RunnerState): void {
    if (this.format === 'json') this.io.write(`${JSON.stringify({ source: 'prompt', phase: state.phase, stepIndex: state.stepIndex })}\n`);
    else if (this.isTerminal) this.io.write('> ');
  }

  private score(): string {
    const right = [...this.grades.values()].filter(Boolean).length;
    return `Predictions right: ${right} of ${this.grades.size}.\n`;
  }

  note(text: string): void {
    this.io.write(this.format === 'json' ? `${JSON.stringify({ source: 'cli', message: text })}\n` : `${text}\n`);
  }
}

async function record(repo: ProgressRepository | undefined, changes: ReturnType<typeof progressChanges>, io: RunIo): Promise<ProgressRepository | undefined> {
  if (repo === undefined || changes.length === 0) return repo;
  const saved = await repo.update(changes);
  if (saved.ok) return repo;
  io.writeError(`trainer: progress is not being saved: ${saved.problem.message}\n`);
  return undefined;
}

/** Phases in which the runner waits for the learner; in the others plain mode moves on by itself. */
function waitsForInput(state: RunnerState): boolean {
  return state.phase === 'awaiting-answer' || state.phase === 'working';
}

/** Exit 0 when the scenario finished, 1 when input ended (or quit) first. */
export async function runScenarioPlain(invocation: RunInvocation, loaded: LoadedScenario, io: RunIo): Promise<number> {
  const printer = new Printer(invocation.format, io, invocation.useShell);
  const { scenario } = loaded;
  if (invocation.format === 'plain') io.write(`${scenario.title} (${scenario.id}, about ${scenario.estimatedMinutes} min)\n${scenario.summary}\n\n`);
  let repo: ProgressRepository | undefined = createLowdbRepository(io.progressDir);
  let state = start(scenario, { seed: invocation.seed, io: templateFiles() });
  printer.show(state);
  // Bound: every transition either consumes an input line or moves past a step.
  for (let turn = 0; turn < 100_000 && state.phase !== 'finished'; turn++) {
    let action: RunnerAction;
    if (waitsForInput(state)) {
      printer.prompt(state);
      const next = await io.lines.next();
      if (next.done === true) break;
      const meaning = actionForLine(state, next.value);
      if (meaning === 'quit') break;
      if ('retry' in meaning) {
        if (meaning.retry !== '') printer.note(meaning.retry);
        continue;
      }
      action = meaning;
    } else {
      action = { type: 'next' };
    }
    state = step(state, action);
    printer.show(state);
    repo = await record(repo, progressChanges(scenario.id, state.events, io.now()), io);
    if (state.phase === 'solved') {
      state = step(state, { type: 'next' });
      printer.show(state);
      repo = await record(repo, progressChanges(scenario.id, state.events, io.now()), io);
    }
  }
  if (state.phase === 'finished') return 0;
  printer.note('Stopped before the end of the scenario; the steps you finished are saved. Run it again to start over.');
  return 1;
}
