// Question file text → questions, or problems that name the file, the path inside it, what was
// expected and what was found (never a raw ZodError). Pure: the loader hands it text.
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { Rng } from '../sim/index.js';
import { pathText, resolvePlaceholders, type PlaceholderProblem } from './placeholders.js';
import { questionFileSchema, type Question } from './schema.js';

export interface QuestionProblem {
  readonly file: string;
  readonly path: string;
  readonly expected: string;
  readonly found: string;
  /** `file: path: expected X, found Y` */
  readonly message: string;
}

export interface ParsedQuestionFile {
  readonly questions: readonly Question[];
  readonly problems: readonly QuestionProblem[];
}

export function problemOf(file: string, path: string, expected: string, found: string): QuestionProblem {
  return { file, path, expected, found, message: `${file}: ${path}: expected ${expected}, found ${found}` };
}

/** A short description of a value for "found ...". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  const shown = JSON.stringify(value);
  return shown.length > 60 ? `${shown.slice(0, 57)}..."` : shown;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array' ? `at least ${String(issue.minimum)} entries` : issue.origin === 'string' ? 'some text' : `at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' ? `at most ${String(issue.maximum)} entries` : `at most ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `only known keys (not ${issue.keys.join(', ')})`;
    case 'invalid_union':
      return 'one of "single", "multiple", "numeric", "ordering"';
    default:
      return issue.message;
  }
}

function schemaProblems(file: string, data: unknown, issues: readonly z.core.$ZodIssue[]): QuestionProblem[] {
  return issues.map((issue) => {
    const isTypeIssue = issue.code === 'invalid_union' && issue.path.at(-1) !== 'type';
    const path = isTypeIssue ? [...issue.path, 'type'] : issue.path;
    const found = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : describeValue(valueAt(data, path));
    return problemOf(file, pathText(path), expectedOf(issue), found);
  });
}

/** Rules the schema cannot say: how many choices are right. */
function ruleProblems(file: string, questions: readonly Question[]): QuestionProblem[] {
  return questions.flatMap((question, i) => {
    if (question.type !== 'single' && question.type !== 'multiple') return [];
    const right = question.choices.filter((choice) => choice.correct).length;
    const path = `questions[${i}].choices`;
    if (question.type === 'single' && right !== 1) return [problemOf(file, path, 'exactly 1 choice with correct: true', `${right}`)];
    if (question.type === 'multiple' && (right < 2 || right >= question.choices.length)) {
      return [problemOf(file, path, 'at least 2 correct choices and at least 1 wrong one', `${right} of ${question.choices.length} correct`)];
    }
    return [];
  });
}

function placeholderProblem(file: string, problem: PlaceholderProblem): QuestionProblem {
  const hint = problem.suggestion === undefined ? 'a limit from SIMULATOR_LIMITS' : `a known limit such as {{${problem.suggestion}}}`;
  return problemOf(file, problem.path, hint, `{{${problem.name}}}`);
}

/** A number from an id, so a question's choice order is fixed but not the order it was written in. */
export function seedOf(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash;
}

/**
 * Authors write the right choice wherever they like (often first); learners see the choices in an
 * order shuffled by the question id, the same on every run.
 */
export function withShuffledChoices(question: Question): Question {
  if (question.type !== 'single' && question.type !== 'multiple') return question;
  const stream = new Rng(seedOf(question.id)).stream('quiz.choices');
  const choices = [...question.choices];
  for (let i = choices.length - 1; i > 0; i--) {
    const j = stream.nextInt(i + 1);
    [choices[i], choices[j]] = [choices[j]!, choices[i]!];
  }
  return { ...question, choices };
}

export function parseQuestionFile(text: string, file: string, limits: Readonly<Record<string, number>>): ParsedQuestionFile {
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const line = error.linePos?.[0]?.line;
    return { questions: [], problems: [problemOf(file, line === undefined ? '(top level)' : `line ${line}`, 'valid YAML', (error.message.split('\n')[0] ?? 'a syntax error').replace(/ at line \d+, column \d+:?$/, ''))] };
  }
  const raw: unknown = document.toJS();
  const placeholderIssues: PlaceholderProblem[] = [];
  const data = resolvePlaceholders(raw, limits, placeholderIssues);
  const parsed = questionFileSchema.safeParse(data);
  const problems = placeholderIssues.map((problem) => placeholderProblem(file, problem));
  if (!parsed.success) return { questions: [], problems: [...problems, ...schemaProblems(file, data, parsed.error.issues)] };
  const ruled = ruleProblems(file, parsed.data.questions);
  const allProblems = [...problems, ...ruled];
  return { questions: allProblems.length === 0 ? parsed.data.questions.map(withShuffledChoices) : [], problems: allProblems };
}
