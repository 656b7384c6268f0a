// The sandbox REPL's command history on disk: one line per command in `repl-history` beside the progress
// files, the newest last, at most MAX_HISTORY_LINES. It is a convenience, so it never stops the REPL:
// loading or saving answers a problem text instead of throwing, and the REPL says so once.
import path from 'node:path';
import { readTextIfExists, writeFileAtomic } from './files.js';

/** How many commands are kept across sessions. */
export const MAX_HISTORY_LINES = 1_000;

export const HISTORY_FILE_NAME = 'repl-history';

export type HistoryOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

export function historyFile(dir: string): string {
  return path.join(dir, HISTORY_FILE_NAME);
}

/** The last `max` non-blank lines of a history file's text. */
export function parseHistoryText(text: string, max = MAX_HISTORY_LINES): string[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.slice(Math.max(0, lines.length - max));
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The saved history (empty when there is none yet). */
export async function loadReplHistory(dir: string): Promise<HistoryOutcome<string[]>> {
  const file = historyFile(dir);
  try {
    const text = await readTextIfExists(file);
    if (text !== undefined && text.includes('\u0000')) return { ok: false, problem: `the history file ${file} is not text; it is left as it is, and this session's history is not saved` };
    return { ok: true, value: text === undefined ? [] : parseHistoryText(text) };
  } catch (error) {
    return { ok: false, problem: `cannot read the history file ${file} (${reason(error)}); this session's history is not saved` };
  }
}

/** Replaces the saved history with the last MAX_HISTORY_LINES of `lines`, atomically. */
export async function saveReplHistory(dir: string, lines: readonly string[]): Promise<HistoryOutcome<null>> {
  const file = historyFile(dir);
  const kept = lines.slice(Math.max(0, lines.length - MAX_HISTORY_LINES));
  try {
    await writeFileAtomic(file, kept.map((line) => `${line}\n`).join(''));
    return { ok: true, value: null };
  } catch (error) {
    return { ok: false, problem: `cannot save the history to ${file} (${reason(error)}); this session's commands still work` };
  }
}

/** Writes a text file the learner named (`sim export FILE`), atomically; relative paths resolve against `cwd`. */
export async function saveTextFile(cwd: string, file: string, text: string): Promise<HistoryOutcome<string>> {
  const target = path.resolve(cwd, file);
  try {
    await writeFileAtomic(target, text);
    return { ok: true, value: target };
  } catch (error) {
    return { ok: false, problem: `cannot write ${target} (${reason(error)})` };
  }
}
