// The one entry point that `trainer sim`, the REPL and the scenario runner share: a sandbox session
// (world + injected io + command table) that runs lines and scripts, and the two ways to print what
// happened (a shell-like transcript, or JSON Lines).
import { defaultCommandTable } from './command-table.js';
import { dispatch, type DispatchOutcome } from './dispatch.js';
import type { ErrorJson } from './format-error.js';
import { stringifyAwsJson } from './format-output.js';
import { parseLine, type ParseOptions } from './parse.js';
import type { CommandTable, SandboxIo, SandboxSession } from './sim-command-spec.js';
import { readSandboxFile } from '../sandbox-files.js';
import { createWorld } from '../world.js';

export interface SandboxOptions {
  readonly seed?: number;
  readonly io?: SandboxIo;
  readonly table?: CommandTable;
}

/** An io that has no files: `file://` values fail with the AWS CLI's "no such file" wording. */
export const NO_FILES: SandboxIo = {
  readText: (path) => ({ ok: false, message: `[Errno 2] No such file or directory: '${path}'` }),
};

export function createSandbox(options: SandboxOptions = {}): SandboxSession {
  return {
    world: createWorld({ seed: options.seed ?? 1 }),
    io: options.io ?? NO_FILES,
    table: options.table ?? defaultCommandTable(),
  };
}

/** What one line did, in both printable forms. */
export interface LineReport {
  /** The line as written. */
  readonly command: string;
  /** 1-based line number in its script. */
  readonly lineNumber: number;
  /** True for blank lines and comments (nothing ran; JSON Lines skips them). */
  readonly isEmpty: boolean;
  readonly isParseError: boolean;
  readonly ok: boolean;
  /** Virtual time after the line ran (epoch ms). */
  readonly timeMs: number;
  readonly output: Readonly<Record<string, unknown>> | null;
  readonly error: ErrorJson | null;
  /** What the AWS CLI (or the sim command) prints. */
  readonly text: string;
}

function caretBlock(line: string, column: number): string {
  return `    ${line}\n    ${' '.repeat(Math.max(0, column - 1))}^\n`;
}

/** The session's io, seeing first the files commands wrote in the sandbox (get-export's outfile ...). */
function ioWithSandboxFiles(session: SandboxSession): SandboxIo {
  return {
    readText: (path) => {
      const written = readSandboxFile(session.world, path);
      return written === undefined ? session.io.readText(path) : { ok: true, value: written };
    },
  };
}

export function runSandboxLine(session: SandboxSession, line: string, lineNumber = 1): LineReport {
  const options: ParseOptions = { table: session.table, io: ioWithSandboxFiles(session) };
  const parsed = parseLine(line, options);
  const base = { command: line, lineNumber };
  if (parsed.kind === 'parse-error') {
    const error: ErrorJson = { code: 'ParseError', message: parsed.message, line: lineNumber, column: parsed.column };
    const text = `${parsed.message}\n(line ${lineNumber}, column ${parsed.column})\n${caretBlock(line, parsed.column)}`;
    return { ...base, isEmpty: false, isParseError: true, ok: false, timeMs: session.world.nowMs, output: null, error, text };
  }
  return reportOf(session, line, lineNumber, dispatch(session, parsed), parsed.kind === 'empty');
}

/** The report of a line that was parsed and ran (all at once, or in slices: sandbox-job.ts). */
export function reportOf(session: SandboxSession, line: string, lineNumber: number, outcome: DispatchOutcome, isEmpty = false): LineReport {
  const base = { command: line, lineNumber, isEmpty, isParseError: false, timeMs: session.world.nowMs };
  if (outcome.ok) return { ...base, ok: true, output: outcome.output, error: null, text: outcome.text };
  return { ...base, ok: false, output: null, error: outcome.error, text: outcome.text };
}

export interface ScriptReport {
  readonly lines: readonly LineReport[];
  /** True when any line could not be parsed (`trainer sim` then exits with code 2). */
  readonly hasParseError: boolean;
}

/** The lines of a script (CRLF or LF; a final newline does not add an empty line). */
export function sandboxLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Runs every line in order; an error (even a parse error) never stops the script, as in a shell. */
export function runSandboxScript(session: SandboxSession, text: string): ScriptReport {
  const reports = sandboxLines(text).map((line, i) => runSandboxLine(session, line, i + 1));
  return { lines: reports, hasParseError: reports.some((r) => r.isParseError) };
}

/** One JSON Lines record: {"command","ok","time","output","error"}; undefined for blank lines and comments. */
export function toJsonLine(report: LineReport): string | undefined {
  if (report.isEmpty) return undefined;
  const record = { command: report.command, ok: report.ok, time: report.timeMs, output: report.output, error: report.error };
  return stringifyAwsJson(record, 0);
}

/**
 * The transcript form: comments are echoed, each command is shown after a `$ ` prompt and followed by
 * what it printed, and a blank line separates commands, as a terminal session would read.
 */
export function toTranscript(report: LineReport): string {
  const trimmed = report.command.trim();
  if (report.isEmpty) return trimmed === '' ? '' : `${trimmed}\n`;
  return `$ ${trimmed}\n${report.text}\n`;
}
