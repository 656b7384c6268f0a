// The REPL's effects: one sandbox session per visit, the lines the reducer queued run against it in
// order, the history loaded from and saved to its file, and `sim export FILE` written. Problems with
// the history file are told once in the log and never stop the REPL.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useEffect, useRef } from 'react';
import { loadReplHistory, saveReplHistory, saveTextFile } from '../../../progress/index.js';
import { createSandbox, parseLine, startSandboxLine, type LineReport, type SandboxIo, type SandboxJob, type SandboxSession } from '../../../sim/index.js';
import type { AppAction } from '../../app-state.js';
import { isProgressRedrawn } from './job-progress.js';
import { reportLines, type LogLine } from './log-lines.js';
import type { ReplState } from './repl-state.js';
import { exportScript, readShellCommand } from './shell-commands.js';
import { readWorldNames } from './world-names.js';

export interface RunnerOptions {
  readonly state: ReplState;
  readonly send: (action: AppAction) => void;
  readonly getState: () => ReplState;
  /** The progress folder, where `repl-history` is kept; without it history lives only in memory. */
  readonly historyDir?: string;
  /** Where relative `file://` values and `sim export` paths resolve. @default process.cwd() */
  readonly cwd?: string;
}

/** `file://` values are read relative to the folder trainer was started in. */
function filesIn(cwd: string): SandboxIo {
  return {
    readText: (file) => {
      try {
        return { ok: true, value: readFileSync(path.resolve(cwd, file), 'utf8') };
      } catch {
        return { ok: false, message: `[Errno 2] No such file or directory: '${file}'` };
      }
    },
  };
}

/** The action that reports a finished line: its log lines (with a did-you-mean for a typo). */
export function reportAction(session: SandboxSession, report: LineReport, isRecorded: boolean): AppAction {
  const parsed = report.isParseError ? parseLine(report.command, { table: session.table, io: session.io }) : undefined;
  const suggestions = parsed?.kind === 'parse-error' ? parsed.suggestions : [];
  return finished(session, reportLines(report, suggestions), report.ok && isRecorded ? report.command : undefined);
}

/**
 * Wall time one slice of long work aims at, so keys and frames get their turn between slices: a key
 * waits for the slice under way, so half a 60 Hz frame keeps that wait short.
 */
export const SLICE_TARGET_MS = 8;

/** The next slice's virtual length from how long the last one took: growing fast ones (at most 4x), cutting slow ones to size. */
export function nextSliceMs(sliceMs: number, tookMs: number): number {
  const factor = tookMs <= 0 ? 4 : Math.min(4, Math.max(1 / 16, SLICE_TARGET_MS / tookMs));
  return Math.min(3_600_000, Math.max(1, Math.floor(sliceMs * factor)));
}

/** Runs a job slice by slice, yielding to the event loop between slices, until done or stopped. */
function runJob(session: SandboxSession, job: SandboxJob, isRecorded: boolean, options: RunnerOptions, isAlive: () => boolean): void {
  let sliceMs = 1_000;
  let lastFraction = 0;
  const tick = (): void => {
    if (!isAlive()) return;
    if (options.getState().job?.isCancelling === true) return options.send(reportAction(session, job.stop(), false));
    const startedMs = performance.now();
    const report = job.step(sliceMs);
    if (report !== undefined) return options.send(reportAction(session, report, isRecorded));
    sliceMs = nextSliceMs(sliceMs, performance.now() - startedMs);
    const fraction = job.fraction();
    // A render per slice costs as much as the slice on a busy machine: send only what redraws the bar.
    if (isProgressRedrawn(lastFraction, fraction)) options.send({ type: 'repl', action: { type: 'job-progress', fraction } });
    lastFraction = fraction;
    setImmediate(tick);
  };
  setImmediate(tick);
}

export function finished(session: SandboxSession, lines: readonly LogLine[], succeeded?: string): AppAction {
  const status = { names: readWorldNames(session), seed: session.world.rng.seed, timeMs: session.world.nowMs };
  return { type: 'repl', action: { type: 'line-finished', lines, ...status, ...(succeeded === undefined ? {} : { succeeded }) } };
}

async function exportTo(session: SandboxSession, state: ReplState, cwd: string, file: string): Promise<AppAction> {
  const saved = await saveTextFile(cwd, file, exportScript(state.succeeded, new Date().toISOString()));
  const command: LogLine = { kind: 'command', text: `$ sim export ${file}` };
  const result: LogLine = saved.ok
    ? { kind: 'output', text: `Saved ${state.succeeded.length} line(s) to ${saved.value}; run them with: trainer sim ${file}` }
    : { kind: 'error', text: `✗ sim export: ${saved.problem}` };
  return finished(session, [command, result]);
}

function useHistoryFile(state: ReplState, send: RunnerOptions['send'], historyDir: string | undefined): void {
  const saved = useRef<readonly string[] | undefined>(undefined);
  const hasWarned = useRef(false);
  const queue = useRef(Promise.resolve());
  useEffect(() => {
    if (historyDir === undefined) return;
    void loadReplHistory(historyDir).then((loaded) => {
      // A file that could not be read is never overwritten: saving stays off for this visit.
      if (!loaded.ok) return send({ type: 'repl', action: { type: 'notice', text: `Note: ${loaded.problem}.` } });
      send({ type: 'repl', action: { type: 'history-loaded', lines: loaded.value } });
      saved.current = [];
    });
  }, [historyDir, send]);
  const { history } = state;
  useEffect(() => {
    if (historyDir === undefined || saved.current === undefined || saved.current === history) return;
    saved.current = history;
    queue.current = queue.current.then(async () => {
      const outcome = await saveReplHistory(historyDir, history);
      if (outcome.ok || hasWarned.current) return;
      hasWarned.current = true;
      send({ type: 'repl', action: { type: 'notice', text: `Note: ${outcome.problem} (said once).` } });
    });
  }, [history, historyDir, send]);
}

export function useSandboxRunner(options: RunnerOptions): void {
  const { state, send, historyDir, cwd = process.cwd() } = options;
  const session = useRef<SandboxSession | undefined>(undefined);
  session.current ??= createSandbox({ seed: state.seed, io: filesIn(cwd) });
  const isMounted = useRef(true);
  useEffect(() => {
    isMounted.current = true;
    return () => {
      isMounted.current = false;
    };
  }, []);
  const latestOptions = useRef(options);
  latestOptions.current = options;
  useHistoryFile(state, send, historyDir);
  const next = state.job === null ? state.pending[0] : undefined;
  useEffect(() => {
    if (next === undefined || session.current === undefined) return;
    const current = session.current;
    send({ type: 'repl', action: { type: 'line-started', line: next } });
    const command = readShellCommand(next);
    if (command.kind === 'export') void exportTo(current, state, cwd, command.file).then(send);
    else if (command.kind === 'export-usage') send(finished(current, [{ kind: 'command', text: `$ ${next.trim()}` }, { kind: 'error', text: '✗ sim export needs a FILE, e.g. sim export session.sandbox' }]));
    else {
      const start = startSandboxLine(current, command.line);
      if (start.kind === 'done') send(reportAction(current, start.report, command.isRecorded));
      else runJob(current, start.job, command.isRecorded, latestOptions.current, () => isMounted.current);
    }
  }, [next, send, cwd, state]);
}
