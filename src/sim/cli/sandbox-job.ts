// Long sandbox lines in slices, for a caller that must stay responsive (the REPL): `sim clock advance`
// and a foreground `sim load` move virtual time a slice at a time, and the caller draws between
// slices. Run to the end, a sliced line answers the same output and trace as runSandboxLine (except
// that a background load finishing during a sliced advance records `load-finished` at the end of its
// slice rather than of the whole advance). Pure: no timers; the caller chooses the slice sizes.
import { awsErrorJson } from './format-error.js';
import { advanceSandbox } from './load-engine.js';
import { simSlot, type LoadSecond } from './load-state.js';
import { parseLine } from './parse.js';
import { reportOf, runSandboxLine, type LineReport } from './sandbox.js';
import { describeClockAdvance } from './sim-commands.js';
import { describeForegroundLoad, drainForegroundLoad, startLoad } from './sim-load.js';
import type { SandboxSession, SimOutput } from './sim-command-spec.js';
import { formatDurationMs, formatTime } from './sim-text.js';
import { awsError, type Result } from '../result.js';

export interface SandboxJob {
  /** How much of the line's virtual time has run, from 0 to 1. */
  fraction(): number;
  /** Runs at most `sliceMs` more virtual time; answers the line's report once it is done. */
  step(sliceMs: number): LineReport | undefined;
  /** Stops where the world is now (a stopped load is removed); the report says how far it got. */
  stop(): LineReport;
}

export type LineStart = { readonly kind: 'done'; readonly report: LineReport } | { readonly kind: 'job'; readonly job: SandboxJob };

function toReport(session: SandboxSession, line: string, lineNumber: number, result: Result<SimOutput>, name: string): LineReport {
  if (result.ok) return reportOf(session, line, lineNumber, { ok: true, output: result.value.json, text: result.value.text });
  return reportOf(session, line, lineNumber, { ok: false, error: awsErrorJson(result.error), text: `sim: error: ${name}: (${result.error.name}) ${result.error.message}\n` });
}

function stopped(session: SandboxSession, line: string, lineNumber: number, name: string, message: string): LineReport {
  session.world.record({ service: 'sim', operation: 'line-stopped', outcome: 'stopped', detail: { command: line, timeMs: session.world.nowMs } });
  return toReport(session, line, lineNumber, { ok: false, error: awsError('Interrupted', 499, message) }, name);
}

/** Moves the clock toward `targetMs` in slices, collecting the load seconds that close on the way. */
function slicer(session: SandboxSession, targetMs: number) {
  const startMs = session.world.nowMs;
  const rows: LoadSecond[] = [];
  return {
    rows,
    fraction: () => (targetMs <= startMs ? 1 : Math.min(1, (session.world.nowMs - startMs) / (targetMs - startMs))),
    /** True once the clock is at `targetMs`. */
    advance: (sliceMs: number): boolean => {
      const toMs = Math.min(targetMs, session.world.nowMs + Math.max(1, Math.floor(sliceMs)));
      rows.push(...advanceSandbox(session, toMs));
      return session.world.nowMs >= targetMs;
    },
  };
}

function clockJob(session: SandboxSession, line: string, lineNumber: number, durationMs: number): SandboxJob {
  const slices = slicer(session, session.world.nowMs + durationMs);
  const startMs = session.world.nowMs;
  return {
    fraction: slices.fraction,
    step: (sliceMs) => (slices.advance(sliceMs) ? toReport(session, line, lineNumber, describeClockAdvance(session, durationMs, slices.rows), 'sim clock advance') : undefined),
    stop: () => stopped(session, line, lineNumber, 'sim clock advance', `stopped by the learner after ${formatDurationMs(session.world.nowMs - startMs)} of ${formatDurationMs(durationMs)}; the clock is at ${formatTime(session.world.nowMs)}`),
  };
}

function loadJob(session: SandboxSession, line: string, lineNumber: number, started: ReturnType<typeof startLoad>): SandboxJob {
  const slices = slicer(session, started.plan.endsAtMs);
  return {
    fraction: slices.fraction,
    step: (sliceMs) => {
      if (!slices.advance(sliceMs)) return undefined;
      const rows = [...slices.rows, ...drainForegroundLoad(session, started.plan.loadId)];
      return toReport(session, line, lineNumber, describeForegroundLoad(started, rows), 'sim load');
    },
    stop: () => {
      const slot = simSlot(session.world);
      slot.loads.splice(0, slot.loads.length, ...slot.loads.filter((load) => load.id !== started.load.id));
      return stopped(session, line, lineNumber, 'sim load', `stopped by the learner: ${started.what} sent ${started.load.issued} of ${started.plan.requests} requests; the clock is at ${formatTime(session.world.nowMs)}`);
    },
  };
}

/** Starts a line: long lines answer a job to run in slices, every other line runs at once. */
export function startSandboxLine(session: SandboxSession, line: string, lineNumber = 1): LineStart {
  const parsed = parseLine(line, { table: session.table, io: session.io });
  if (parsed.kind === 'sim') {
    const words = parsed.spec.words.join(' ');
    if (words === 'clock advance') return { kind: 'job', job: clockJob(session, line, lineNumber, parsed.input.args['DURATION'] as number) };
    if (words === 'load' && parsed.input.flags['background'] !== true) return { kind: 'job', job: loadJob(session, line, lineNumber, startLoad(session, parsed.input)) };
  }
  return { kind: 'done', report: runSandboxLine(session, line, lineNumber) };
}
