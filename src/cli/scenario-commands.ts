// `trainer scenarios [--json]`, `trainer scenarios validate [PATH]` and `trainer run ID`: load the
// library and the learner's packs, then list, check or run. Loaded lazily by cli.ts.
import path from 'node:path';
import { createLowdbRepository, type ProgressData } from '../progress/index.js';
import { formatProblem, loadLibrary, loadScenarios, type LoadReport, type LoadedScenario } from '../scenarios/index.js';
import { closestMatch } from '../sim/index.js';
import type { Invocation } from './parse-args.js';
import { runScenarioPlain, type RunIo } from './scenario-run.js';

export interface ScenarioCommandIo extends RunIo {
  readonly cwd: string;
  /** Opens the shell on a scenario's runner screen (`trainer run ID` in a terminal); exit code 0. */
  readonly openShell?: (scenarioId: string) => Promise<number>;
}

type ScenarioInvocation = Extract<Invocation, { kind: 'list-scenarios' | 'validate-scenarios' | 'run-scenario' }>;

export interface ScenarioStatus {
  readonly status: 'not-started' | 'in-progress' | 'completed' | 'unknown';
  readonly stepsDone: number;
}

export function statusOf(loaded: LoadedScenario, progress: ProgressData | undefined): ScenarioStatus {
  if (progress === undefined) return { status: 'unknown', stepsDone: 0 };
  const record = progress.scenarios[loaded.scenario.id];
  if (record === undefined) return { status: 'not-started', stepsDone: 0 };
  return { status: record.completedAtMs !== null ? 'completed' : 'in-progress', stepsDone: record.stepsDone.length };
}

function statusText({ status, stepsDone }: ScenarioStatus, stepCount: number): string {
  if (status === 'in-progress') return `in progress (${stepsDone}/${stepCount} steps)`;
  return status.replace('-', ' ');
}

/** The list as a table: id, title, services, minutes, status. */
export function scenarioTable(rows: readonly { loaded: LoadedScenario; status: ScenarioStatus }[]): string {
  const cells = rows.map(({ loaded: { scenario }, status }) => [scenario.id, scenario.title, scenario.services.join(','), String(scenario.estimatedMinutes), statusText(status, scenario.steps.length)]);
  const header = ['ID', 'TITLE', 'SERVICES', 'MIN', 'STATUS'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]!.length)));
  const line = (row: readonly string[]) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  return `${[line(header), ...cells.map(line)].join('\n')}\n`;
}

function reportProblems(report: LoadReport, io: ScenarioCommandIo): void {
  for (const problem of report.problems) io.writeError(`${formatProblem(problem)}\n`);
}

async function listScenarios(isJson: boolean, io: ScenarioCommandIo): Promise<number> {
  const report = loadLibrary({ userDir: io.progressDir });
  const loadedProgress = await createLowdbRepository(io.progressDir).load();
  if (!loadedProgress.ok) io.writeError(`trainer: your status cannot be shown: ${loadedProgress.problem.message}\n`);
  const progress = loadedProgress.ok ? loadedProgress.value : undefined;
  const rows = report.scenarios.map((loaded) => ({ loaded, status: statusOf(loaded, progress) }));
  if (isJson) {
    const scenarios = rows.map(({ loaded: { scenario, file, origin }, status }) => ({
      id: scenario.id, title: scenario.title, summary: scenario.summary, services: scenario.services, topics: scenario.topics,
      estimatedMinutes: scenario.estimatedMinutes, stepCount: scenario.steps.length, origin, file, ...status,
    }));
    io.write(`${JSON.stringify({ scenarios, problems: report.problems.map(formatProblem) }, null, 2)}\n`);
    return 0;
  }
  reportProblems(report, io);
  io.write(rows.length === 0 ? 'No scenarios found.\n' : scenarioTable(rows));
  return 0;
}

function validate(target: string | undefined, io: ScenarioCommandIo): number {
  const report =
    target === undefined
      ? loadLibrary({ userDir: io.progressDir })
      : loadScenarios([{ location: path.resolve(io.cwd, target), origin: 'pack', display: (file) => path.relative(io.cwd, file) || file }]);
  reportProblems(report, io);
  const count = report.scenarios.length;
  const problems = report.problems.length;
  if (target !== undefined && count === 0 && problems === 0) {
    io.writeError(`trainer: no scenario files (.yaml) found at ${target}\n`);
    return 1;
  }
  io.write(`${count} scenario${count === 1 ? '' : 's'} valid, ${problems} problem${problems === 1 ? '' : 's'}.\n`);
  return problems === 0 ? 0 : 1;
}

async function runScenario(invocation: Extract<Invocation, { kind: 'run-scenario' }>, io: ScenarioCommandIo): Promise<number> {
  const report = loadLibrary({ userDir: io.progressDir });
  const loaded = report.scenarios.find((s) => s.scenario.id === invocation.id);
  if (loaded === undefined) {
    const near = closestMatch(invocation.id, report.scenarios.map((s) => s.scenario.id));
    io.writeError(`trainer: no scenario "${invocation.id}".${near === undefined ? '' : ` Did you mean "${near}"?`} Run "trainer scenarios" to list them.\n`);
    return 2;
  }
  if (invocation.useShell && io.openShell !== undefined) return io.openShell(loaded.scenario.id);
  return runScenarioPlain(invocation, loaded, io);
}

export async function runScenarioCommand(invocation: ScenarioInvocation, io: ScenarioCommandIo): Promise<number> {
  switch (invocation.kind) {
    case 'list-scenarios':
      return listScenarios(invocation.isJson, io);
    case 'validate-scenarios':
      return validate(invocation.path, io);
    case 'run-scenario':
      return runScenario(invocation, io);
    default: {
      const unreachable: never = invocation;
      return unreachable;
    }
  }
}
