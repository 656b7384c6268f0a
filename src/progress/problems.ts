// What can be wrong with a progress file, as values (STYLE.md §3.5: input problems are values, not
// exceptions), and the messages the learner reads. Every message says what happened, where, and what to do.
import type { z } from 'zod';

/** One schema problem: where in the file, what was expected there, what was found. */
export interface FileIssue {
  readonly path: string;
  readonly expected: string;
  readonly found: string;
}

export type ProgressProblem =
  | { readonly kind: 'corrupt'; readonly path: string; readonly movedTo: string; readonly message: string }
  | { readonly kind: 'newer-version'; readonly path: string; readonly fileVersion: number; readonly message: string }
  | { readonly kind: 'invalid-import'; readonly path: string; readonly issues: readonly FileIssue[]; readonly message: string }
  | { readonly kind: 'locked'; readonly path: string; readonly message: string };

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ProgressProblem };

export function succeed<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function failWith<T = never>(problem: ProgressProblem): Outcome<T> {
  return { ok: false, problem };
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  const text = JSON.stringify(value);
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return `${Array.isArray(value) ? 'array' : typeof value} ${shown}`;
}

function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the whole file)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

function expectedText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected;
    case 'invalid_value':
      return issue.values.map((value) => JSON.stringify(value)).join(' or ');
    case 'too_small':
      return `at least ${String(issue.minimum)}`;
    case 'too_big':
      return `at most ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

/** Turns zod's issues into the learner's words (never ZodError.message, which is JSON). */
export function toFileIssues(issues: readonly z.core.$ZodIssue[]): FileIssue[] {
  return issues.slice(0, 20).map((issue) => ({
    path: pathText(issue.path),
    expected: expectedText(issue),
    found: describeValue(issue.input),
  }));
}

export function formatIssues(issues: readonly FileIssue[]): string {
  return issues.map((issue) => `  at ${issue.path}: expected ${issue.expected}, found ${issue.found}`).join('\n');
}

/** The first problem in a few words, for a one-line message. */
export function describeIssue(issues: readonly FileIssue[]): string {
  const first = issues[0];
  if (first === undefined) return 'it is not valid progress data';
  if (first.expected === 'JSON') return `it is not valid JSON: ${first.found}`;
  return `at ${first.path}: expected ${first.expected}, found ${first.found}`;
}

export function corruptMessage(path: string, movedTo: string, reason: string, alsoMoved: readonly string[] = []): string {
  const journal = alsoMoved.length === 0 ? '' : ` (its journal to ${alsoMoved.join(', ')})`;
  return (
    `Your progress file ${path} could not be read (${reason}). ` +
    `It was moved aside, unchanged, to ${movedTo}${journal}. ` +
    `Start fresh from the trainer's screen or with "trainer reset", or fix that file and move it back.`
  );
}

export function newerVersionMessage(path: string, fileVersion: number, currentVersion: number, what = 'Your progress file'): string {
  return (
    `${what} ${path} was written by a newer trainer (file version ${fileVersion}; ` +
    `this trainer understands up to version ${currentVersion}). It was left untouched. ` +
    `Update trainer to use it.`
  );
}
