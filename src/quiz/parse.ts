// Question file text → questions, or problems that name the file, the path inside it, what was
// expected and what was found (never a raw ZodError). Pure: the loader hands it text.
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { formatProblem, problemsFromIssues, type AuthorProblem } from '../authoring/index.js';
import { Rng } from '../sim/index.js';
import { resolvePlaceholders, type PlaceholderProblem } from './placeholders.js';
import { questionFileSchema, type Question } from './schema.js';

export interface QuestionProblem extends AuthorProblem {
  /** `file: path: expected X, found Y` */
  readonly message: string;
}

export interface ParsedQuestionFile {
  readonly questions: readonly Question[];
  readonly problems: readonly QuestionProblem[];
}

const withMessage = (problem: AuthorProblem): QuestionProblem => ({ ...problem, message: formatProblem(problem) });

export function problemOf(file: string, path: string, expected: string, found: string): QuestionProblem {
  return withMessage({ file, path, expected, found });
}

function schemaProblems(file: string, issues: readonly z.core.$ZodIssue[]): QuestionProblem[] {
  return problemsFromIssues(file, issues, 'docs/quiz.md').map(withMessage);
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
  const parsed = questionFileSchema.safeParse(data, { reportInput: true }); // the problems quote what was found
  const problems = placeholderIssues.map((problem) => placeholderProblem(file, problem));
  if (!parsed.success) return { questions: [], problems: [...problems, ...schemaProblems(file, parsed.error.issues)] };
  const ruled = ruleProblems(file, parsed.data.questions);
  const allProblems = [...problems, ...ruled];
  return { questions: allProblems.length === 0 ? parsed.data.questions.map(withShuffledChoices) : [], problems: allProblems };
}
