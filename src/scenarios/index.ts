// The public surface of the scenario engine: the format, the parser, the loader, checks and the
// runner. The CLI and the shell import only this file.
export { evaluateCheck, measure, readPath, type CheckContext, type CheckResult, type Measured, type MeasuredValue } from './checks.js';
export { findPackageRoot, libraryDir, loadLibrary, templateFiles, templatesDir, loadScenarios, scenarioFilesIn, type LibraryOptions, type LoadReport, type LoadedScenario, type ScenarioOrigin, type ScenarioSource } from './load.js';
export { choiceLetter, parseScenario, stepIdOf, type ParseOutcome } from './parse.js';
export { formatProblem, type AuthorProblem as ScenarioProblem } from '../authoring/index.js';
export { choiceText, isTaskSolved, setupLines, start, step, type StartOptions } from './runner.js';
export { actionForLine, progressChanges, type ScenarioProgressChange } from './runner-input.js';
export type { PredictionOutcome, RunnerAction, RunnerEvent, RunnerPhase, RunnerState, TranscriptEntry } from './runner-types.js';
export {
  EXAM_DOMAINS,
  MEASURE_KINDS,
  PANEL_KINDS,
  SCENARIO_ID_PATTERN,
  scenarioSchema,
  type Check,
  type Choice,
  type Measure,
  type Panel,
  type PredictStep,
  type Reference,
  type Scenario,
  type Step,
  type TaskStep,
} from './schema.js';
