// Shared by the families that drive the simulator through sandbox lines (API Gateway): a fresh sandbox
// that runs one line at a time (so a later line can use an id an earlier one printed), the status of a
// `sim http` line, and distinct numeric distractors.
import { createSandbox, runSandboxLine, type LineReport } from '../../sim/index.js';

export type SandboxRunner = (line: string) => LineReport;

/** Runs lines in a fresh sandbox; a failing line other than `sim http` is a generator bug and throws. */
export function sandboxRunner(seed: number): SandboxRunner {
  const session = createSandbox({ seed });
  let lineNumber = 0;
  return (line) => {
    const report = runSandboxLine(session, line, ++lineNumber);
    if (!report.ok && !line.startsWith('sim http ')) throw new Error(`generator line ${lineNumber} failed: ${line}\n${report.text}`);
    return report;
  };
}

/** The HTTP status a `sim http` line answered with. */
export function statusOf(report: LineReport): number {
  return Number(report.output?.['status']);
}

/** The HTTP statuses of lines run in a fresh sandbox, for the `sim http` lines only. */
export function sandboxStatuses(seed: number, lines: readonly string[]): number[] {
  const run = sandboxRunner(seed);
  return lines.map(run).filter((report) => report.command.startsWith('sim http ')).map(statusOf);
}

/**
 * Distractor counts that differ from the right one and from each other, each with its reason; when the
 * plausible mistakes collide (small numbers), neighbours of the right count fill the gap.
 */
export function distinctCounts(candidates: readonly (readonly [number, string])[], right: number, fillerWhy: string): (readonly [number, string])[] {
  const seen = new Set([right]);
  const chosen = candidates.filter(([count]) => count >= 0 && !seen.has(count) && (seen.add(count), true));
  for (let step = 1; chosen.length < 3; step++) {
    for (const count of [right + step, right - step]) {
      if (count >= 0 && !seen.has(count) && chosen.length < 3) {
        seen.add(count);
        chosen.push([count, fillerWhy]);
      }
    }
  }
  return chosen;
}
