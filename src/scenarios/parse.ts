// Text of one scenario file → a Scenario, or every problem in it. Pure: the loader reads the files.
// Beyond the schema it checks what zod cannot: unique step ids, a way to know each prediction's
// answer, and that every command is valid sandbox language.
import { parseDocument } from 'yaml';
import { defaultCommandTable, parseLine, type CommandTable, type SandboxIo } from '../sim/index.js';
import { describeValue, problemsFromIssues, type AuthorProblem as ScenarioProblem } from '../authoring/index.js';
import { scenarioSchema, type Check, type Scenario, type Step } from './schema.js';

export type ParseOutcome = { readonly scenario: Scenario } | { readonly problems: readonly ScenarioProblem[] };

/** A step's id: its own, or `<kind>-<position from 1>` for say/run/recap steps without one. */
export function stepIdOf(step: Step, index: number): string {
  return step.id ?? `${step.kind}-${index + 1}`;
}

export function choiceLetter(index: number): string {
  return String.fromCharCode(97 + index);
}

let cachedTable: CommandTable | undefined;
function commandTable(): CommandTable {
  cachedTable ??= defaultCommandTable();
  return cachedTable;
}

export function parseScenario(text: string, fileName: string): ParseOutcome {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((error) => {
        const position = error.linePos?.[0];
        const where = position === undefined ? '(file)' : `line ${position.line}, column ${position.col}`;
        return { file: fileName, path: where, expected: 'valid YAML', found: (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '') };
      }),
    };
  }
  const data: unknown = document.toJS();
  const parsed = scenarioSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { problems: problemsFromIssues(fileName, parsed.error.issues, 'docs/scenarios.md') };
  const problems = semanticProblems(parsed.data, fileName);
  return problems.length > 0 ? { problems } : { scenario: parsed.data };
}

/** A template named in `setup.template`: a plain file name in data/templates/ (never a path). */
export const TEMPLATE_NAME = /^[A-Za-z0-9][\w.-]*\.ya?ml$/;

function semanticProblems(scenario: Scenario, file: string): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const add = (path: string, expected: string, found: string): void => {
    problems.push({ file, path, expected, found });
  };
  const template = scenario.setup?.template;
  if (template !== undefined && !TEMPLATE_NAME.test(template)) {
    add('setup.template', 'the file name of a template in data/templates/ (such as crud-api.yaml; no folders)', describeValue(template));
  }
  scenario.setup?.commands?.forEach((line, i) => checkCommand(line, `setup.commands[${i}]`, add));
  const seen = new Map<string, number>();
  scenario.steps.forEach((step, index) => {
    const id = stepIdOf(step, index);
    const earlier = seen.get(id);
    if (earlier !== undefined) add(`steps[${index}].id`, `a step id not used before (steps[${earlier}] has it)`, describeValue(id));
    seen.set(id, index);
    stepProblems(step, `steps[${index}]`, add);
  });
  return problems;
}

type Add = (path: string, expected: string, found: string) => void;

function stepProblems(step: Step, at: string, add: Add): void {
  switch (step.kind) {
    case 'say':
    case 'recap':
      return;
    case 'run':
      step.commands.forEach((line, i) => checkCommand(line, `${at}.commands[${i}]`, add));
      return;
    case 'predict': {
      step.commands.forEach((line, i) => checkCommand(line, `${at}.commands[${i}]`, add));
      const hasComputed = step.answerFrom !== undefined;
      const hasStated = step.answer !== undefined;
      if (hasComputed === hasStated) {
        add(at, 'either answerFrom (computed from the world) or answer + check (stated, proved by the check)', hasComputed ? 'both' : 'neither');
      }
      if (hasStated && step.check === undefined) add(`${at}.check`, 'a check proving the stated answer against the world', 'nothing');
      if (hasComputed && step.check !== undefined) add(`${at}.check`, 'no check (answerFrom already reads the world)', 'a check');
      if (step.answer !== undefined && step.answer.charCodeAt(0) - 97 >= step.choices.length) {
        add(`${at}.answer`, `a letter from a to ${choiceLetter(step.choices.length - 1)}`, describeValue(step.answer));
      }
      if (hasComputed) duplicateValues(step.choices, `${at}.choices`, add);
      checkProblems(step.check, `${at}.check`, add);
      return;
    }
    case 'task':
      step.probe?.forEach((line, i) => checkCommand(line, `${at}.probe[${i}]`, add));
      step.solution.forEach((line, i) => checkCommand(line, `${at}.solution[${i}]`, add));
      checkProblems(step.check, `${at}.check`, add);
      return;
    default: {
      const unreachable: never = step;
      return unreachable;
    }
  }
}

function duplicateValues(choices: readonly (string | { value: unknown })[], at: string, add: Add): void {
  const values = choices.map((c) => JSON.stringify(typeof c === 'string' ? c : c.value));
  values.forEach((value, i) => {
    if (values.indexOf(value) !== i) add(`${at}[${i}]`, 'a value no other choice has (answerFrom picks the choice by value)', value);
  });
}

function checkProblems(check: Check | undefined, at: string, add: Add): void {
  if (check === undefined) return;
  const leaves = check.kind === 'all' ? check.checks : [check];
  leaves.forEach((leaf, i) => {
    const path = check.kind === 'all' ? `${at}.checks[${i}]` : at;
    if (leaf.equals === undefined && leaf.atLeast === undefined && leaf.atMost === undefined) {
      add(path, 'a comparison: equals, atLeast or atMost', 'none');
    }
  });
}

/**
 * Files named by `file://` are read when the scenario runs (from data/templates/, or a sandbox file an
 * earlier step wrote, such as get-export's outfile); the validator checks only the command's shape, so
 * every name reads as an empty JSON object here.
 */
const ANY_FILE: SandboxIo = { readText: () => ({ ok: true, value: '{}' }) };

function checkCommand(line: string, at: string, add: Add): void {
  const parsed = parseLine(line, { table: commandTable(), io: ANY_FILE });
  // The CLI's message may list suggestions on later lines (`maybe you meant:` + `  * put-item`): one line here.
  if (parsed.kind === 'parse-error') add(at, 'a sandbox command (docs/sandbox.md)', `${JSON.stringify(line)}: ${parsed.message.replace(/\n\s*\*\s*/g, ' ').replace(/\n/g, ' ')}`);
  else if (parsed.kind === 'empty') add(at, 'a sandbox command', 'a blank line or comment');
}
