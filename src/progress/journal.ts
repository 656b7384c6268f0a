// The append-only journal beside the snapshot: one JSON line per recorded change, appended and fsync'd
// under the lock, so recording an attempt costs one small append instead of rewriting the whole file.
//   {"base":41,"v":2}                       first line after a compaction: changes up to 41 are in the snapshot
//   {"seq":42,"v":2,"change":{...}}         one line per change, seq increasing by one
// A line counts only when it ends with "\n": a write killed half-way leaves a torn last line, which is
// ignored (its write never returned) and cut off before the next append.
import { truncate } from 'node:fs/promises';
import { z } from 'zod';
import { writeSynced } from './files.js';
import { CURRENT_VERSION, progressChangeSchema, type ProgressChange } from './schema.js';

const versionOnlySchema = z.object({ v: z.number().int().positive() });
const entrySchema = z.union([
  z.object({ seq: z.number().int().nonnegative(), v: z.literal(CURRENT_VERSION), change: progressChangeSchema }),
  z.object({ base: z.number().int().nonnegative(), v: z.literal(CURRENT_VERSION) }),
]);

export interface JournalEntry {
  readonly seq: number;
  readonly change: ProgressChange;
}

export type JournalRead =
  | { readonly ok: true; readonly lastSeq: number; readonly entries: readonly JournalEntry[] }
  | { readonly ok: false; readonly reason: 'corrupt'; readonly detail: string }
  | { readonly ok: false; readonly reason: 'newer-version'; readonly fileVersion: number };

/** The complete lines of a journal text, and how many bytes of it they cover. */
export function completeLines(text: string): { lines: string[]; completeLength: number } {
  const end = text.lastIndexOf('\n') + 1;
  const lines = text.slice(0, end).split('\n');
  lines.pop();
  return { lines, completeLength: Buffer.byteLength(text.slice(0, end), 'utf8') };
}

function parseLine(line: string, lineNumber: number): JournalRead | { entry: JournalEntry | undefined; seq: number } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'corrupt', detail: `line ${lineNumber} of the journal is not JSON` };
  }
  const version = versionOnlySchema.safeParse(value);
  if (version.success && version.data.v > CURRENT_VERSION) return { ok: false, reason: 'newer-version', fileVersion: version.data.v };
  const parsed = entrySchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: 'corrupt', detail: `line ${lineNumber} of the journal is not a valid entry` };
  if ('base' in parsed.data) return { entry: undefined, seq: parsed.data.base };
  return { entry: { seq: parsed.data.seq, change: parsed.data.change }, seq: parsed.data.seq };
}

/** Reads every complete line, validating each; entries at or below `afterSeq` are skipped. */
export function parseJournal(text: string, afterSeq: number): JournalRead {
  const entries: JournalEntry[] = [];
  let lastSeq = afterSeq;
  const { lines } = completeLines(text);
  for (const [i, line] of lines.entries()) {
    const parsed = parseLine(line, i + 1);
    if ('ok' in parsed) return parsed;
    if (parsed.entry !== undefined && parsed.entry.seq > afterSeq) entries.push(parsed.entry);
    lastSeq = Math.max(lastSeq, parsed.seq);
  }
  return { ok: true, lastSeq, entries };
}

export type JournalTail =
  | { readonly ok: true; readonly lastSeq: number; readonly lineCount: number; readonly completeLength: number; readonly hasTornEnd: boolean }
  | { readonly ok: false };

/** The fast look an append needs: the last complete line's seq (not validating the others). */
export function readJournalTail(text: string): JournalTail {
  const { lines, completeLength } = completeLines(text);
  const last = lines[lines.length - 1];
  if (last === undefined) return { ok: false };
  const parsed = parseLine(last, lines.length);
  if ('ok' in parsed) return { ok: false };
  return { ok: true, lastSeq: parsed.seq, lineCount: lines.length, completeLength, hasTornEnd: completeLength !== Buffer.byteLength(text, 'utf8') };
}

export function entryLine(seq: number, change: ProgressChange): string {
  return `${JSON.stringify({ seq, v: CURRENT_VERSION, change })}\n`;
}

export function baseLine(seq: number): string {
  return `${JSON.stringify({ base: seq, v: CURRENT_VERSION })}\n`;
}

/** Appends lines and waits until they are on disk before returning. */
export async function appendToJournal(file: string, tail: Extract<JournalTail, { ok: true }>, text: string): Promise<void> {
  if (tail.hasTornEnd) await truncate(file, tail.completeLength);
  await writeSynced(file, 'a', text);
}
