// Template problems are collected, not thrown at the first one (STYLE.md 5.5): each names the file, the
// line and column of the key at fault, its path, and what to do. They end up in one ValidationError.
import { closestMatch } from '../cli/suggest.js';
import { awsError, type AwsError } from '../result.js';
import { pathKey, type Position, type TemplatePath, type TemplateProblem } from './yaml-reader.js';

export class Problems {
  readonly list: TemplateProblem[] = [];

  add(path: TemplatePath, message: string): void {
    this.list.push({ path, message });
  }

  addAll(problems: readonly TemplateProblem[]): void {
    this.list.push(...problems);
  }

  get isEmpty(): boolean {
    return this.list.length === 0;
  }
}

/** `, did you mean 'Handler'?` when a known name is close to the one written, else nothing. */
export function didYouMean(word: string, known: readonly string[]): string {
  const near = closestMatch(word, known);
  return near === undefined ? '' : ` (did you mean '${near}'?)`;
}

/** The position of `path`, or of its nearest ancestor that has one (1:1 for the document itself). */
export function positionOf(positions: ReadonlyMap<string, Position>, path: TemplatePath): Position {
  for (let length = path.length; length > 0; length--) {
    const found = positions.get(pathKey(path.slice(0, length)));
    if (found !== undefined) return found;
  }
  return { line: 1, column: 1 };
}

function dotted(path: TemplatePath): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('').replace(/^\./, '');
}

/** One ValidationError listing every problem as `file:line:column path: message`, in template order. */
export function templateError(file: string, problems: readonly TemplateProblem[], positions: ReadonlyMap<string, Position>): AwsError {
  const located = problems.map((problem) => ({ problem, at: problem.position ?? positionOf(positions, problem.path) }));
  located.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
  const lines = located.map(({ problem, at }) => {
    const where = problem.path.length === 0 ? '' : ` ${dotted(problem.path)}:`;
    return `  ${file}:${at.line}:${at.column}${where} ${problem.message}`;
  });
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return awsError('ValidationError', 400, `Template ${file} is invalid (${count}):\n${lines.join('\n')}`);
}
