// Problems in files that authors write (scenarios, questions): every one names the file, the path inside
// it, what was expected and what was found (STYLE.md §5.5). zod's issues are turned into these here, for
// every loader alike; a raw ZodError is never shown.
import type { z } from 'zod';

export interface AuthorProblem {
  readonly file: string;
  /** Where in the file: `steps[2].choices`, or `(file)` for the whole file. */
  readonly path: string;
  readonly expected: string;
  readonly found: string;
}

export function formatProblem(problem: AuthorProblem): string {
  return `${problem.file}: ${problem.path}: expected ${problem.expected}, found ${problem.found}`;
}

/** `['steps', 2, 'choices']` → `steps[2].choices`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(top level)' : out;
}

/** A short description of a value as the author wrote it. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  const shown = JSON.stringify(value);
  return shown.length > 60 ? `${shown.slice(0, 57)}..."` : shown;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

type Issue = z.core.$ZodIssue & { readonly input?: unknown };

function listOf(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  return shown.length === 1 ? shown[0]! : `one of ${shown.join(', ')}`;
}

type Located = readonly [path: readonly PropertyKey[], expected: string, found: string];

/** Every branch of a union failed; keep the one that got furthest (all its issues), or merge the `kind` choices. */
function unionProblems(issue: Extract<Issue, { code: 'invalid_union' }>, fieldsDoc: string): Located[] {
  const raw = issue as { readonly discriminator?: unknown; readonly options?: unknown };
  if (raw.discriminator !== undefined && Array.isArray(raw.options)) {
    const input = issue.input as Record<string, unknown> | undefined;
    return [[issue.path, listOf(raw.options), describeValue(input?.[String(raw.discriminator)])]];
  }
  const branches = issue.errors.map((errors) => errors.map((e) => ({ ...e, path: [...issue.path, ...e.path] }) as Issue));
  const kinds = branches.flatMap((errors) => errors.flatMap((e) => kindOptions(e)));
  if (kinds.length > 0 && branches.every((errors) => errors.some((e) => kindOptions(e).length > 0))) {
    const input = issue.input as Record<string, unknown> | undefined;
    return [[[...issue.path, 'kind'], listOf(kinds), describeValue(input?.['kind'])]];
  }
  const best = [...branches].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0];
  if (best === undefined || best.length === 0) return [[issue.path, 'a valid value', describeValue(issue.input)]];
  return best.flatMap((e) => locate(e, fieldsDoc));
}

function locate(issue: Issue, fieldsDoc: string): Located[] {
  return issue.code === 'invalid_union' ? unionProblems(issue, fieldsDoc) : [[issue.path, ...expectedAndFound(issue, fieldsDoc)]];
}

function kindOptions(issue: Issue): unknown[] {
  if (issue.path[issue.path.length - 1] !== 'kind') return [];
  if (issue.code === 'invalid_value') return [...issue.values];
  const options = (issue as { readonly options?: unknown }).options;
  if (issue.code === 'invalid_union' && Array.isArray(options)) return options;
  return [];
}

function depth(errors: readonly Issue[]): number {
  return Math.max(0, ...errors.map((e) => e.path.length));
}

function sizeExpectation(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const word = issue.code === 'too_small' ? 'at least' : 'at most';
  if (issue.origin === 'array') return `${word} ${bound} item${bound === 1 ? '' : 's'}`;
  if (issue.origin === 'string') return bound === 1 && issue.code === 'too_small' ? 'non-empty text' : `text of ${word} ${bound} characters`;
  return `a number ${issue.code === 'too_small' ? '≥' : '≤'} ${bound}`;
}

function expectedAndFound(issue: Issue, fieldsDoc: string): [string, string] {
  const found = describeValue(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      return [TYPE_NAMES[issue.expected] ?? issue.expected, issue.input === undefined ? 'nothing (the field is missing)' : found];
    case 'invalid_value':
      return [listOf(issue.values), found];
    case 'unrecognized_keys':
      return [`only the fields described in ${fieldsDoc}`, `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`];
    case 'too_small':
    case 'too_big':
      return [sizeExpectation(issue), found];
    case 'invalid_format':
      return [issue.format === 'url' ? 'an https URL' : issue.message, found];
    default:
      return [issue.message, found];
  }
}

/**
 * zod's issues for one file as author problems. `fieldsDoc` names the page that lists the valid fields
 * (`docs/scenarios.md`), quoted when a file has a field the schema does not know.
 */
export function problemsFromIssues(file: string, issues: readonly z.core.$ZodIssue[], fieldsDoc: string): AuthorProblem[] {
  return issues.flatMap((issue) => locate(issue as Issue, fieldsDoc).map(([path, expected, found]) => ({ file, path: formatPath(path), expected, found })));
}
