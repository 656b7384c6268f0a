// The one file in src/quiz that reads the disk: lists the YAML files of a bank folder (the built-in
// data/questions, a learner's $TRAINER_HOME/questions, or a path an author validates) and hands each
// text to parseQuestionFile. A bad file yields problems; the other files still load.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SIMULATOR_LIMITS } from '../sim/index.js';
import { parseQuestionFile, problemOf, type QuestionProblem } from './parse.js';
import type { Question } from './schema.js';

/** Files in a bank folder that are not question files. */
const NOT_QUESTIONS = new Set(['coverage.yaml']);
const MAX_FILES = 10_000;

export interface QuestionBank {
  readonly questions: readonly Question[];
  readonly problems: readonly QuestionProblem[];
  /** Which file each question came from, by id. */
  readonly sources: ReadonlyMap<string, string>;
}

function yamlFiles(target: string): string[] {
  if (!existsSync(target)) return [];
  if (statSync(target).isFile()) return [target];
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name) && !NOT_QUESTIONS.has(entry.name) && found.length < MAX_FILES) found.push(full);
    }
  };
  walk(target);
  return found;
}

/**
 * Loads every question file under the given folders or files (missing ones are skipped: a learner
 * need not have a pack). File names in problems are relative to `displayRoot` when given.
 */
export function loadQuestionBank(targets: readonly string[], displayRoot?: string): QuestionBank {
  const questions: Question[] = [];
  const problems: QuestionProblem[] = [];
  const sources = new Map<string, string>();
  for (const file of targets.flatMap(yamlFiles)) {
    const shown = displayRoot === undefined ? file : path.relative(displayRoot, file);
    const parsed = parseQuestionFile(readFileSync(file, 'utf8'), shown, SIMULATOR_LIMITS);
    problems.push(...parsed.problems);
    parsed.questions.forEach((question, i) => {
      const earlier = sources.get(question.id);
      if (earlier !== undefined) {
        problems.push(problemOf(shown, `questions[${i}].id`, `an id not used elsewhere (${earlier} has it)`, JSON.stringify(question.id)));
        return;
      }
      sources.set(question.id, shown);
      questions.push(question);
    });
  }
  return { questions, problems, sources };
}

/** The text of `coverage.yaml` in a bank folder, or undefined when there is none. */
export function readCoverageText(bankDir: string): string | undefined {
  const file = path.join(bankDir, 'coverage.yaml');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
